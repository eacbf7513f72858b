import {
  byId,
  clearDom,
  flushPromises,
  mountElement,
  queryAll
} from '../../../../../test/jest-utils/lwcTestUtils';
import PartnerStanding from 'c/partnerStanding';
import getMyStanding from '@salesforce/apex/PartnerOnboardingController.getMyStanding';

jest.mock('@salesforce/apex/PartnerOnboardingController.getMyStanding', () => ({ default: jest.fn() }), {
  virtual: true
});

async function mount(standing) {
  getMyStanding.mockResolvedValue(standing);
  const element = mountElement('c-partner-standing', PartnerStanding);
  await flushPromises(4);
  return element;
}

describe('c-partner-standing', () => {
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('shows the tier, the summary and each gap to the next tier', async () => {
    const element = await mount({
      tier: 'SILVER',
      nextTier: 'GOLD',
      summary: 'You are a Silver partner. To reach Gold: 2 of 5 measures to improve.',
      gaps: ['Submit 4 more registrations.', 'Earn 1 more certification.'],
      reviewedOn: '2026-11-30',
      reviewed: true
    });
    expect(byId(element, 'tier').textContent).toBe('c.PS_Tier');
    expect(byId(element, 'summary').textContent).toContain('To reach Gold');
    expect(byId(element, 'next-heading').textContent).toBe('c.PS_Next');
    expect(queryAll(element, '[data-id="gaps"] li').map((li) => li.textContent)).toEqual([
      'Submit 4 more registrations.',
      'Earn 1 more certification.'
    ]);
    expect(byId(element, 'not-reviewed')).toBeNull();
  });

  it('says the standing comes with the next review when none has run', async () => {
    const element = await mount({ tier: 'REGISTERED', gaps: [], reviewed: false });
    expect(byId(element, 'not-reviewed').textContent).toBe('c.PS_Not_Reviewed');
    expect(byId(element, 'gaps')).toBeNull();
  });

  it('names the top tier', async () => {
    const element = await mount({ tier: 'PLATINUM', summary: 'Highest.', gaps: [], reviewed: true });
    expect(byId(element, 'top').textContent).toBe('c.PS_Top');
  });

  it('shows an error when the standing cannot be read', async () => {
    getMyStanding.mockRejectedValue({ body: { message: 'Only partner users have an onboarding.' } });
    const element = mountElement('c-partner-standing', PartnerStanding);
    await flushPromises(4);
    expect(element.querySelector('c-error-panel').errors).toEqual({
      body: { message: 'Only partner users have an onboarding.' }
    });
    expect(byId(element, 'tier')).toBeNull();
  });
});
