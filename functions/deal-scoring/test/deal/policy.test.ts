/**
 * The programme's exclusivity (settings.exclusivity) decides what a conflict is; the triage and
 * the partner-safe message follow it; without the setting the output is what it always was.
 */
import { scoreRequest } from '../../src/engine/score';
import type { Candidate, ScoreRequest } from '../../src/schemas';

const today = () => '2026-11-22';

const sameDeal: Candidate = {
  id: 'REG-SAME',
  kind: 'registration',
  name: 'Nordwind Logistik',
  partnerId: 'P-OTHER',
  status: 'In Review',
  opportunityName: 'Nordwind - Lager-Dashboards',
  description:
    'Live KPIs for the warehouse network (14 sites) instead of Excel reports. Pilot in Hamburg first.',
  products: ['ANC', 'Data Hub'],
  amount: 135000,
  closeDate: '2027-04-30',
  country: 'DE'
};
const otherLine: Candidate = {
  id: 'OPP-OTHER',
  kind: 'opportunity',
  name: 'Nordwind Logistik GmbH',
  status: 'Prospecting',
  opportunityName: 'Nordwind IT service desk',
  description: 'Internal IT helpdesk replacement for 1,800 employees.',
  products: ['Service Desk Pro'],
  amount: 60000,
  closeDate: '2027-09-30',
  country: 'DE'
};

function request(
  candidates: Candidate[],
  exclusivity?: 'CUSTOMER' | 'PRODUCT_LINE' | 'OPPORTUNITY'
): ScoreRequest {
  return {
    requestId: 'policy-1',
    settings: { asOf: '2026-11-22', ...(exclusivity ? { exclusivity } : {}) },
    catalog: [
      { name: 'Analytics Cloud', aliases: ['ANC'] },
      { name: 'Data Hub', aliases: ['DHB'] },
      { name: 'Service Desk Pro', aliases: ['SDP'] }
    ],
    deals: [
      {
        id: 'DEAL-1',
        partner: { id: 'P-ME', tier: 'GOLD' },
        customer: { name: 'Nordwind Logistik GmbH', country: 'DE', region: 'EMEA' },
        opportunity: {
          name: 'Nordwind warehouse analytics',
          amount: 120000,
          closeDate: '2027-03-31',
          products: ['Analytics Cloud', 'Data Hub'],
          description:
            'Replace spreadsheet reporting across 14 warehouses with live dashboards; pilot being prepared.'
        },
        contact: { name: 'Jana Schulz', email: 'j.schulz@nordwind-logistik.de' },
        candidates
      }
    ]
  };
}

async function score(candidates: Candidate[], exclusivity?: 'CUSTOMER' | 'PRODUCT_LINE' | 'OPPORTUNITY') {
  const res = await scoreRequest(request(candidates, exclusivity), { today });
  return res.results[0]!;
}

describe('programme exclusivity', () => {
  it('without the setting: customer exclusivity and no deal comparison (as before)', async () => {
    const r = await score([sameDeal, otherLine]);
    expect(r.triageStatus).toBe('FLAGGED_CONFLICT');
    expect(r.conflicts.map((c) => c.candidateId).sort()).toEqual(['OPP-OTHER', 'REG-SAME']);
    expect(r.conflicts.every((c) => c.deal === undefined)).toBe(true);
  });

  it('CUSTOMER: both block, each conflict carries the deal comparison with reasons', async () => {
    const r = await score([sameDeal, otherLine], 'CUSTOMER');
    expect(r.triageStatus).toBe('FLAGGED_CONFLICT');
    const same = r.conflicts.find((c) => c.candidateId === 'REG-SAME')!;
    const other = r.conflicts.find((c) => c.candidateId === 'OPP-OTHER')!;
    expect(same.deal?.sameDeal).toBe(true);
    expect(same.deal?.sharedProducts).toEqual(['Analytics Cloud', 'Data Hub']);
    expect(same.deal?.reasons).toContain('same products: Analytics Cloud, Data Hub');
    expect(same.deal?.reasons).toContain('close dates 30 days apart');
    expect(same.deal?.candidate).toEqual({
      opportunityName: 'Nordwind - Lager-Dashboards',
      products: ['ANC', 'Data Hub'],
      amount: 135000,
      closeDate: '2027-04-30',
      country: 'DE'
    });
    expect(other.deal?.sameDeal).toBe(false);
    expect(other.deal!.score).toBeLessThan(same.deal!.score);
    expect(r.partnerMessage).toContain('overlaps with existing activity for this customer,');
  });

  it('PRODUCT_LINE: another product line coexists; a shared product blocks', async () => {
    const alone = await score([otherLine], 'PRODUCT_LINE');
    expect(alone.triageStatus).not.toBe('FLAGGED_CONFLICT');
    expect(alone.conflicts).toEqual([]);
    expect(alone.factors.find((f) => f.code === 'NO_CONFLICTS')?.detail).toContain(
      '1 record(s) of the same customer are other deals, which exclusivity per product line allows.'
    );
    const both = await score([sameDeal, otherLine], 'PRODUCT_LINE');
    expect(both.triageStatus).toBe('FLAGGED_CONFLICT');
    expect(both.conflicts.map((c) => c.candidateId)).toEqual(['REG-SAME']);
    expect(both.conflicts[0]!.reasons).toContain('same product line: Analytics Cloud, Data Hub');
    expect(both.partnerMessage).toContain('for this customer and product line');
  });

  it('PRODUCT_LINE: unknown products on one side still block (a human looks)', async () => {
    const { products: _none, ...noProducts } = otherLine;
    const r = await score([noProducts], 'PRODUCT_LINE');
    expect(r.triageStatus).toBe('FLAGGED_CONFLICT');
    expect(r.conflicts[0]!.reasons).toContain('product line unknown on one side');
  });

  it('OPPORTUNITY: only the same deal blocks, and direct account activity alone does not', async () => {
    const account: Candidate = {
      id: 'ACC-1',
      kind: 'account',
      name: 'Nordwind Logistik GmbH',
      lastActivityAt: '2026-11-01'
    };
    const r = await score([otherLine, account], 'OPPORTUNITY');
    expect(r.triageStatus).not.toBe('FLAGGED_CONFLICT');
    const c = await score([sameDeal, otherLine, account], 'OPPORTUNITY');
    expect(c.conflicts.map((x) => x.candidateId)).toEqual(['REG-SAME']);
    expect(c.conflicts[0]!.reasons.some((x) => x.startsWith('same deal likely'))).toBe(true);
    expect(c.partnerMessage).toContain(
      'looks like an opportunity that is already registered or being worked'
    );
    expect(c.partnerMessage).not.toContain('REG-SAME');
    expect(c.partnerMessage).not.toContain('Lager');
  });
});
