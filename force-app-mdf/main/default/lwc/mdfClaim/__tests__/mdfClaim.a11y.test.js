import {
  flushPromises,
  mountElement,
  clearDom
} from '../../../../../../force-app/test/jest-utils/lwcTestUtils';
import MdfClaim from 'c/mdfClaim';
import getClaimContext from '@salesforce/apex/MdfClaimController.getClaimContext';

const CONTEXT = require('./data/context.json');
const CHECKED = require('./data/checkedClaim.json');

jest.mock('@salesforce/apex/MdfClaimController.getClaimContext', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/MdfClaimController.saveDraft', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/MdfClaimController.checkClaim', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/MdfClaimController.submitClaim', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-mdf-claim accessibility', () => {
  afterEach(clearDom);

  it('is accessible with documents read and problems shown', async () => {
    getClaimContext.mockResolvedValue({ ...CONTEXT, claim: CHECKED });
    const element = mountElement('c-mdf-claim', MdfClaim, { recordId: CONTEXT.fundRequestId });
    await flushPromises(12);
    await expect(element).toBeAccessible();
  });
});
