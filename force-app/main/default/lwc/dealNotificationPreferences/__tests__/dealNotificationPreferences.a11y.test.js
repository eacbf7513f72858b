import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealNotificationPreferences from 'c/dealNotificationPreferences';
import getMyPreferences from '@salesforce/apex/DealNotificationPreferenceController.getMyPreferences';

const MANAGER = require('./data/manager.json');

jest.mock(
  '@salesforce/apex/DealNotificationPreferenceController.getMyPreferences',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/DealNotificationPreferenceController.saveMyPreferences',
  () => ({ default: jest.fn() }),
  { virtual: true }
);

describe('c-deal-notification-preferences accessibility', () => {
  afterEach(clearDom);

  it('is accessible with the manager settings', async () => {
    getMyPreferences.mockResolvedValue(MANAGER);
    const element = mountElement('c-deal-notification-preferences', DealNotificationPreferences);
    await flushPromises(6);
    expect(element.querySelector('[data-id="events"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
