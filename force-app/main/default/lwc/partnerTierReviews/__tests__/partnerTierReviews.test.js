import {
  byId,
  clearDom,
  flushPromises,
  mountElement,
  queryAll
} from '../../../../../test/jest-utils/lwcTestUtils';
import PartnerTierReviews from 'c/partnerTierReviews';
import getTierReviews from '@salesforce/apex/PartnerConsoleController.getTierReviews';
import decideTierReview from '@salesforce/apex/PartnerConsoleController.decideTierReview';

jest.mock('@salesforce/apex/PartnerConsoleController.getTierReviews', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PartnerConsoleController.decideTierReview', () => ({ default: jest.fn() }), {
  virtual: true
});

const REVIEWS = [
  {
    id: 'a01000000000001AAA',
    accountId: '001000000000001AAA',
    accountName: 'Northwind Solutions',
    action: 'PROMOTE',
    currentTier: 'SILVER',
    recommendedTier: 'GOLD',
    evidence: [
      'Registrations in the last 12 months: 18 (Silver needs 5, Gold needs 15).',
      'Meets every Gold threshold: promote from Silver to Gold.'
    ],
    pending: true,
    approvalStatus: 'Pending'
  },
  {
    id: 'a01000000000002AAA',
    accountId: '001000000000002AAA',
    accountName: 'Blue River Consulting',
    action: 'AT_RISK',
    currentTier: 'GOLD',
    recommendedTier: 'GOLD',
    evidence: ['Misses 1 Gold threshold by at most 15%.'],
    pending: false
  }
];

const flush = () => flushPromises(6);

async function mount(rows = REVIEWS) {
  getTierReviews.mockResolvedValue(rows);
  const element = mountElement('c-partner-tier-reviews', PartnerTierReviews);
  await flush();
  return element;
}

const card = (element, id) => element.shadowRoot.querySelector(`[data-review="${id}"]`);

describe('c-partner-tier-reviews', () => {
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('lists each review with its action, tier change and evidence; only pending ones can be decided', async () => {
    const element = await mount();
    const first = card(element, REVIEWS[0].id);
    expect(first.querySelector('[data-id="action"]').textContent).toBe('c.PT_Action_PROMOTE');
    expect(first.querySelector('[data-id="action"]').className).toContain('slds-theme_success');
    expect(first.querySelector('[data-id="change"]').textContent).toBe('c.PT_Tier_Change');
    expect(Array.from(first.querySelectorAll('[data-id="evidence"] li')).map((li) => li.textContent)).toEqual(
      REVIEWS[0].evidence
    );
    expect(first.querySelector('[data-id="approve"]')).not.toBeNull();
    const second = card(element, REVIEWS[1].id);
    expect(second.querySelector('[data-id="action"]').className).toContain('slds-theme_warning');
    expect(second.querySelector('[data-id="approve"]')).toBeNull();
  });

  it('approves through the controller and shows the refreshed list', async () => {
    const element = await mount();
    decideTierReview.mockResolvedValue([REVIEWS[1]]);
    card(element, REVIEWS[0].id).querySelector('[data-id="approve"]').click();
    await flush();
    expect(decideTierReview).toHaveBeenCalledWith({
      recommendationId: REVIEWS[0].id,
      decision: 'Approve',
      comment: null
    });
    expect(byId(element, 'decided').textContent).toBe('c.PT_Decided');
    expect(queryAll(element, '[data-review]')).toHaveLength(1);
  });

  it('needs a reason to reject, tied to the comment box', async () => {
    const element = await mount();
    const first = card(element, REVIEWS[0].id);
    first.querySelector('[data-id="reject"]').click();
    await flush();
    expect(decideTierReview).not.toHaveBeenCalled();
    const comment = first.querySelector('[data-id="comment"]');
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(comment.getAttribute('aria-describedby')).toContain('comment-error');

    decideTierReview.mockResolvedValue([]);
    comment.value = 'Revenue is one-off';
    comment.dispatchEvent(new CustomEvent('input'));
    first.querySelector('[data-id="reject"]').click();
    await flush();
    expect(decideTierReview).toHaveBeenCalledWith({
      recommendationId: REVIEWS[0].id,
      decision: 'Reject',
      comment: 'Revenue is one-off'
    });
    expect(byId(element, 'empty').textContent).toBe('c.PT_Empty');
  });

  it('shows a refused decision in the error panel', async () => {
    const element = await mount();
    decideTierReview.mockRejectedValue({
      body: { message: 'This tier review is no longer waiting for a decision.' }
    });
    card(element, REVIEWS[0].id).querySelector('[data-id="approve"]').click();
    await flush();
    expect(element.shadowRoot.querySelector('c-error-panel').errors).toEqual({
      body: { message: 'This tier review is no longer waiting for a decision.' }
    });
  });
});
