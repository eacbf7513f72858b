import { clearDom, flushPromises, mountElement } from '../../../../../test/jest-utils/lwcTestUtils';
import StalledOnboardings from 'c/stalledOnboardings';
import getStalledOnboardings from '@salesforce/apex/PartnerConsoleController.getStalledOnboardings';

jest.mock('@salesforce/apex/PartnerConsoleController.completeManagerStep', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PartnerConsoleController.getStalledOnboardings', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-stalled-onboardings accessibility', () => {
  afterEach(clearDom);

  it('is accessible with a row', async () => {
    getStalledOnboardings.mockResolvedValue([
      {
        id: 'a1',
        accountId: '001',
        accountName: 'Blue River',
        partnerType: 'Reseller',
        percentComplete: 10,
        nextStep: 'Sign',
        nextDueOn: '2026-11-06',
        daysOverdue: 3,
        managerName: 'M',
        managerStepKey: 'K',
        managerStepTitle: 'Kick-off'
      }
    ]);
    const element = mountElement('c-stalled-onboardings', StalledOnboardings);
    await flushPromises(4);
    await expect(element).toBeAccessible();
  });
});
