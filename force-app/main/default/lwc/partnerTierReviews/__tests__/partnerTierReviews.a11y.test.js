import { clearDom, flushPromises, mountElement } from '../../../../../test/jest-utils/lwcTestUtils';
import PartnerTierReviews from 'c/partnerTierReviews';
import getTierReviews from '@salesforce/apex/PartnerConsoleController.getTierReviews';

jest.mock('@salesforce/apex/PartnerConsoleController.getTierReviews', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PartnerConsoleController.decideTierReview', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-partner-tier-reviews accessibility', () => {
  afterEach(clearDom);

  it('is accessible with a pending review and a rejected comment error', async () => {
    getTierReviews.mockResolvedValue([
      {
        id: 'a1',
        accountId: '001',
        accountName: 'Northwind',
        action: 'DEMOTE',
        currentTier: 'GOLD',
        recommendedTier: 'SILVER',
        evidence: ['E'],
        pending: true
      }
    ]);
    const element = mountElement('c-partner-tier-reviews', PartnerTierReviews);
    await flushPromises(6);
    element.shadowRoot.querySelector('[data-id="reject"]').click();
    await flushPromises(6);
    expect(element.shadowRoot.querySelector('[data-id="comment"]').getAttribute('aria-invalid')).toBe('true');
    await expect(element).toBeAccessible();
  });
});
