import { mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import MyDealRegistrations from 'c/myDealRegistrations';
import getMyRegistrations from '@salesforce/apex/DealRegistrationPortalController.getMyRegistrations';

const REGISTRATIONS = require('./data/registrations.json');

jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.getMyRegistrations',
  () => require('../../../../../test/jest-utils/lwcTestUtils').apexWireMock(),
  { virtual: true }
);
jest.mock('@salesforce/apex/DealRegistrationPortalController.withdraw', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/DealRegistrationPortalController.requestExtension',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex/DealAssistController.askStatus', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-my-deal-registrations accessibility', () => {
  afterEach(clearDom);

  it('is accessible with the list and a registration detail open', async () => {
    const element = mountElement('c-my-deal-registrations', MyDealRegistrations);
    getMyRegistrations.emit(REGISTRATIONS);
    await Promise.resolve();
    element.querySelector('button[data-id="a0B000000000009AAA"]').click();
    await Promise.resolve();
    element.querySelector('[data-id="start-extension"]').click();
    await Promise.resolve();
    expect(element.querySelector('[data-id="detail"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
