import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewTiers, shortfalls, DEFAULT_AT_RISK_MARGIN } from '../../src/partner/tier';
import { TIER_ACTIONS } from '../../src/partner/schemas';
import type { PartnerMetrics, TierReviewRequest } from '../../src/partner/schemas';
import { ValidationError } from '../../src/validation';

/** The package's thresholds (Partner_Tier_Threshold__mdt records), rates as 0-1. */
const TIERS: TierReviewRequest['tiers'] = [
  {
    tier: 'PLATINUM',
    thresholds: {
      registrations: 30,
      approvalRate: 0.65,
      closedWonRevenue: 1_000_000,
      certifications: 6,
      onboardingCompletion: 1
    },
    atRiskMargin: 0.1
  },
  {
    tier: 'GOLD',
    thresholds: {
      registrations: 15,
      approvalRate: 0.55,
      closedWonRevenue: 250_000,
      certifications: 3,
      onboardingCompletion: 1
    },
    atRiskMargin: 0.15
  },
  {
    tier: 'SILVER',
    thresholds: {
      registrations: 5,
      approvalRate: 0.4,
      closedWonRevenue: 50_000,
      certifications: 1,
      onboardingCompletion: 1
    }
  },
  {
    tier: 'REGISTERED',
    thresholds: {
      registrations: 0,
      approvalRate: 0,
      closedWonRevenue: 0,
      certifications: 0,
      onboardingCompletion: 0
    }
  }
];

const gold: PartnerMetrics = {
  registrations: 18,
  decided: 16,
  approved: 10,
  closedWonRevenue: 310_000,
  certifications: 3,
  onboardingCompletion: 1
};

function review(currentTier: TierReviewRequest['partners'][number]['currentTier'], metrics: PartnerMetrics) {
  return reviewTiers({ requestId: 'r1', tiers: TIERS, partners: [{ id: '001A', currentTier, metrics }] })
    .results[0]!;
}

describe('tier review', () => {
  it('promotes a Silver partner who meets every Gold threshold, with evidence naming the numbers', () => {
    const r = review('SILVER', gold);
    expect(r.action).toBe('PROMOTE');
    expect(r.recommendedTier).toBe('GOLD');
    expect(r.evidence).toContain('Registrations in the last 12 months: 18 (Silver needs 5, Gold needs 15).');
    expect(r.evidence).toContain('Approval rate: 63% (10 of 16 decided) (Silver needs 40%, Gold needs 55%).');
    expect(r.evidence).toContain(
      'Closed-won revenue in the last 12 months: USD 310,000 (Silver needs USD 50,000, Gold needs USD 250,000).'
    );
    expect(r.evidence.at(-1)).toBe('Meets every Gold threshold: promote from Silver to Gold.');
  });

  it('promotes straight to the highest tier met', () => {
    const r = review('REGISTERED', gold);
    expect([r.action, r.recommendedTier]).toEqual(['PROMOTE', 'GOLD']);
  });

  it('keeps a Gold partner who meets Gold but not Platinum', () => {
    const r = review('GOLD', gold);
    expect([r.action, r.recommendedTier]).toEqual(['KEEP', 'GOLD']);
    expect(r.evidence.at(-1)).toBe('Meets every Gold threshold but not every Platinum threshold: keep Gold.');
  });

  it('marks a Gold partner at risk when every missed measure is within the margin', () => {
    // 14 of 15 registrations (7% short), 2.9 of 3 is impossible; revenue 230,000 of 250,000 (8% short)
    const r = review('GOLD', { ...gold, registrations: 14, closedWonRevenue: 230_000 });
    expect([r.action, r.recommendedTier]).toEqual(['AT_RISK', 'GOLD']);
    expect(r.evidence.at(-1)).toMatch(
      /^Misses 2 Gold thresholds by at most 15% \(registrations 7% short, closedWonRevenue 8% short\): keep Gold, at risk\.$/
    );
  });

  it('demotes a Gold partner short by more than the margin, to the highest tier still met', () => {
    const r = review('GOLD', { ...gold, registrations: 9, certifications: 1 });
    expect([r.action, r.recommendedTier]).toEqual(['DEMOTE', 'SILVER']);
    expect(r.evidence).toContain('Active certifications: 1 (Gold needs 3, Silver needs 1).');
  });

  it('demotes to Registered when no tier above it is met', () => {
    const r = review('SILVER', { ...gold, onboardingCompletion: 0.5, registrations: 1 });
    expect([r.action, r.recommendedTier]).toEqual(['DEMOTE', 'REGISTERED']);
  });

  it('counts the approval rate of a partner with nothing decided as 0 and says so', () => {
    const r = review('REGISTERED', { ...gold, decided: 0, approved: 0 });
    expect(r.evidence).toContain(
      'Approval rate: no registration decided in the last 12 months (Registered needs 0%).'
    );
    expect(r.action).toBe('KEEP');
  });

  it('compares rates at whole percent, as shown: 54.6% meets 55%', () => {
    expect(shortfalls({ ...gold, decided: 1000, approved: 546 }, TIERS[1]!.thresholds)).toEqual([]);
    expect(
      shortfalls({ ...gold, decided: 1000, approved: 544 }, TIERS[1]!.thresholds).map((s) => s.metric)
    ).toEqual(['approvalRate']);
  });

  it('uses the default margin when a tier has none', () => {
    expect(DEFAULT_AT_RISK_MARGIN).toBe(0.15);
    const r = review('SILVER', { ...gold, registrations: 5, closedWonRevenue: 44_000, certifications: 1 });
    expect(r.action).toBe('AT_RISK'); // 12% short on revenue
  });

  describe('the partner-safe standing', () => {
    it('shows the approved tier and the gaps to the next one, never the recommendation', () => {
      const r = review('GOLD', { ...gold, registrations: 9 });
      expect(r.action).toBe('DEMOTE');
      expect(r.standing.tier).toBe('GOLD');
      expect(r.standing.nextTier).toBe('PLATINUM');
      const text = JSON.stringify(r.standing);
      expect(text).not.toMatch(/demot|at risk|SILVER|Silver/i);
      expect(r.standing.gaps.map((g) => g.sentence)).toEqual([
        'Submit 21 more registrations: Platinum needs 30 in 12 months, you have 9.',
        'Raise your approval rate to 65%: it is 63% over the last 12 months.',
        'Close USD 690,000 more in won deals: Platinum needs USD 1,000,000 in 12 months, you have USD 310,000.',
        'Earn 3 more certifications: Platinum needs 6, you have 3.'
      ]);
    });

    it('names the highest tier as such', () => {
      const r = review('PLATINUM', {
        ...gold,
        registrations: 40,
        closedWonRevenue: 2e6,
        certifications: 7,
        approved: 12
      });
      expect(r.standing).toEqual({
        tier: 'PLATINUM',
        summary: "You are a Platinum partner, the programme's highest tier.",
        gaps: []
      });
    });
  });

  it('is deterministic: the same request gives the same bytes', () => {
    const req: TierReviewRequest = {
      requestId: 'r',
      tiers: TIERS,
      partners: [{ id: 'a', currentTier: 'GOLD', metrics: gold }]
    };
    expect(JSON.stringify(reviewTiers(req))).toBe(JSON.stringify(reviewTiers(structuredClone(req))));
  });

  it('refuses a partner whose current tier has no thresholds, naming the partner', () => {
    const req: TierReviewRequest = {
      requestId: 'r',
      tiers: [TIERS[1]!],
      partners: [
        { id: 'a', currentTier: 'GOLD', metrics: gold },
        { id: 'b', currentTier: 'SILVER', metrics: gold }
      ]
    };
    expect(() => reviewTiers(req)).toThrow(ValidationError);
    try {
      reviewTiers(req);
    } catch (e) {
      expect((e as ValidationError).fieldErrors).toEqual([
        { path: '/partners/1/currentTier', message: 'is SILVER, which has no thresholds in tiers' }
      ]);
    }
  });

  it('refuses a tier listed twice', () => {
    expect(() =>
      reviewTiers({
        requestId: 'r',
        tiers: [TIERS[1]!, TIERS[1]!],
        partners: [{ id: 'a', currentTier: 'GOLD', metrics: gold }]
      })
    ).toThrow('/tiers/1/tier lists GOLD a second time');
  });
});

describe('tier actions across the boundary', () => {
  it('AI_Recommendation__c.Tier_Action__c holds exactly the actions the function returns, in order', () => {
    const xml = readFileSync(
      join(
        __dirname,
        '../../../../force-app/main/default/objects/AI_Recommendation__c/fields/Tier_Action__c.field-meta.xml'
      ),
      'utf8'
    );
    const values = [...xml.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]);
    expect(values).toEqual([...TIER_ACTIONS]);
  });
});
