import { clearDom, flushPromises, mountElement } from '../../../../../test/jest-utils/lwcTestUtils';
import PartnerStanding from 'c/partnerStanding';
import getMyStanding from '@salesforce/apex/PartnerOnboardingController.getMyStanding';

jest.mock('@salesforce/apex/PartnerOnboardingController.getMyStanding', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-partner-standing accessibility', () => {
  afterEach(clearDom);

  it('is accessible with gaps', async () => {
    getMyStanding.mockResolvedValue({
      tier: 'SILVER',
      nextTier: 'GOLD',
      summary: 'S',
      gaps: ['A', 'B'],
      reviewed: true
    });
    const element = mountElement('c-partner-standing', PartnerStanding);
    await flushPromises(4);
    await expect(element).toBeAccessible();
  });
});
