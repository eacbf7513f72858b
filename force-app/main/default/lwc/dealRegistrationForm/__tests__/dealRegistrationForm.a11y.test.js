import { mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealRegistrationForm from 'c/dealRegistrationForm';
import precheck from '@salesforce/apex/DealRegistrationPortalController.precheck';

const PRECHECK_INCOMPLETE = require('./data/precheckIncomplete.json');

jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.getPriorCustomers',
  () => require('../../../../../test/jest-utils/lwcTestUtils').apexWireMock(),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.getRegistration',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/DealRegistrationPortalController.saveDraft', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealRegistrationPortalController.submit', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/DealRegistrationPortalController.precheck', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.suggestAccounts',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/DealAssistController.parseText', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-deal-registration-form accessibility', () => {
  afterEach(clearDom);

  it('is accessible with the meter, hints and validation messages showing', async () => {
    precheck.mockResolvedValue(PRECHECK_INCOMPLETE);
    const element = mountElement('c-deal-registration-form', DealRegistrationForm);
    const input = element.querySelector('[data-field="contactEmail"]');
    input.dispatchEvent(new CustomEvent('change', { detail: { value: 'not-an-email' } }));
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    await new Promise((resolve) => setTimeout(resolve, 450));
    element.querySelector('[data-id="submit"]').click();
    await Promise.resolve();
    expect(element.querySelector('[role="progressbar"]')).not.toBeNull();
    expect(element.querySelector('[data-id="error-summary"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
