import {
  flushPromises,
  mountElement,
  clearDom
} from '../../../../../../force-app/test/jest-utils/lwcTestUtils';
import MdfClaimReview from 'c/mdfClaimReview';
import getReview from '@salesforce/apex/MdfClaimReviewController.getReview';

const REVIEW = require('./data/review.json');

jest.mock('@salesforce/apex/MdfClaimReviewController.getReview', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/MdfClaimReviewController.decide', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-mdf-claim-review accessibility', () => {
  afterEach(clearDom);

  it('is accessible with documents, discrepancies and the decision form open', async () => {
    getReview.mockResolvedValue(REVIEW);
    const element = mountElement('c-mdf-claim-review', MdfClaimReview, { recordId: REVIEW.claimId });
    await flushPromises(12);
    element.shadowRoot.querySelector('lightning-button[data-action="REJECT"]').click();
    await flushPromises(12);
    await expect(element).toBeAccessible();
  });
});
