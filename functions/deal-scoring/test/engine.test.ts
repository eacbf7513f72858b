import { scoreRequest } from '../src/engine/score';
import { templateNarrator, type Narrator } from '../src/engine/narrative';
import { precheck } from '../src/engine/precheck';
import { DealResult as DealResultSchema, ScoreResponse as ScoreResponseSchema } from '../src/schemas';
import { fieldErrors } from '../src/validation';
import { AS_OF, candidate, goodDeal, request } from './support/factories';

const codes = (r: { factors: { code: string }[] }) => r.factors.map((f) => f.code);

async function one(deal = goodDeal(), settings: Parameters<typeof request>[1] = { asOf: AS_OF }) {
  const res = await scoreRequest(request([deal], settings));
  expect(fieldErrors(ScoreResponseSchema, res)).toEqual([]);
  return res.results[0]!;
}

describe('scoreRequest', () => {
  it('auto-approves a complete deal from a good partner with no conflicts', async () => {
    const r = await one(goodDeal({ candidates: [candidate({ id: 'c1', name: 'Blue Harbor Foods' })] }));
    expect(r.triageStatus).toBe('AUTO_APPROVED');
    expect(r.recommendedAction).toBe('AUTO_APPROVE');
    expect(r.confidenceScore).toBeGreaterThanOrEqual(70);
    expect(r.missingFields).toEqual([]);
    expect(codes(r)).toContain('NO_CONFLICTS');
    expect(r.explanation).toEqual({ engine: 'template', fallback: false });
    expect(r.modelVersion).toMatch(/^deal-scoring-/);
  });

  it('gives byte-identical output for the same input', async () => {
    const deal = goodDeal({
      candidates: [
        candidate({
          id: 'c2',
          name: 'ACME Corporation',
          domain: 'acme.com',
          partnerId: 'p2',
          status: 'In Review'
        }),
        candidate({ id: 'c1', kind: 'opportunity', name: 'Acme Germany', status: 'Prospecting' })
      ]
    });
    const a = JSON.stringify(await scoreRequest(request([deal])));
    const b = JSON.stringify(await scoreRequest(request([structuredClone(deal)])));
    expect(a).toBe(b);
  });

  it("flags another partner's active registration as a conflict, whatever the score", async () => {
    const r = await one(
      goodDeal({
        candidates: [
          candidate({
            id: 'c9',
            name: 'ACME Corp.',
            domain: 'acme.de',
            partnerId: 'other',
            status: 'Approved'
          })
        ]
      })
    );
    expect(r.triageStatus).toBe('FLAGGED_CONFLICT');
    expect(r.recommendedAction).toBe('REVIEW_CONFLICT');
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.candidateId).toBe('c9');
    expect(r.conflicts[0]!.reasons.join('; ')).toContain('same domain acme.de');
    expect(r.partnerMessage).not.toContain('c9');
    expect(r.partnerMessage).not.toContain('other');
  });

  it("treats the partner's own registration as a duplicate, not a conflict", async () => {
    const r = await one(
      goodDeal({
        candidates: [
          candidate({ id: 'c3', name: 'Acme GmbH', partnerId: '0015g000001', status: 'In Review' })
        ]
      })
    );
    expect(r.triageStatus).not.toBe('FLAGGED_CONFLICT');
    expect(r.conflicts).toEqual([]);
    expect(codes(r)).toContain('DUPLICATE_OWN_REGISTRATION');
  });

  it('ignores closed opportunities and inactive registrations, and accounts without recent touch', async () => {
    const r = await one(
      goodDeal({
        candidates: [
          candidate({ id: 'o1', kind: 'opportunity', name: 'Acme GmbH', status: 'Closed Lost' }),
          candidate({ id: 'r1', name: 'Acme GmbH', partnerId: 'other', status: 'Rejected' }),
          candidate({ id: 'a1', kind: 'account', name: 'Acme GmbH', lastActivityAt: '2026-01-02' })
        ]
      })
    );
    expect(r.conflicts).toEqual([]);
    expect(codes(r)).toContain('EXISTING_ACCOUNT');
  });

  it('flags an open opportunity and a recent direct touch', async () => {
    const r = await one(
      goodDeal({
        candidates: [
          candidate({ id: 'o2', kind: 'opportunity', name: 'ACME', status: 'Negotiation' }),
          candidate({ id: 'a2', kind: 'account', name: 'Acme GmbH', lastActivityAt: '2026-11-01T09:00:00Z' })
        ]
      })
    );
    expect(r.triageStatus).toBe('FLAGGED_CONFLICT');
    expect(r.conflicts.map((c) => c.candidateId).sort()).toEqual(['a2', 'o2']);
    expect(codes(r)).toEqual(expect.arrayContaining(['CONFLICT_OPEN_OPPORTUNITY', 'CONFLICT_DIRECT_TOUCH']));
  });

  it('respects protectionDays for direct touches', async () => {
    const deal = goodDeal({
      candidates: [candidate({ id: 'a3', kind: 'account', name: 'Acme GmbH', lastActivityAt: '2026-10-01' })]
    });
    expect((await one(deal, { asOf: AS_OF, protectionDays: 90 })).triageStatus).toBe('FLAGGED_CONFLICT');
    expect((await one(deal, { asOf: AS_OF, protectionDays: 30 })).triageStatus).not.toBe('FLAGGED_CONFLICT');
  });

  it('asks for more information when required fields are missing', async () => {
    const deal = goodDeal({ contact: { name: 'Jane Doe' }, opportunity: { name: 'Acme ERP' } });
    const r = await one(deal);
    expect(r.triageStatus).toBe('NEEDS_REVIEW');
    expect(r.recommendedAction).toBe('REQUEST_MORE_INFO');
    expect(r.missingFields).toEqual(['opportunity.amount', 'opportunity.closeDate', 'contact.email']);
    expect(r.partnerMessage).toContain('expected close date');
  });

  it('applies date plausibility relative to settings.asOf', async () => {
    const past = await one(goodDeal(), { asOf: '2027-06-01' });
    expect(codes(past)).toContain('CLOSE_DATE_PAST');
    expect(past.partnerMessage).toContain('in the past');
    const far = await one(goodDeal(), { asOf: '2024-01-01' });
    expect(codes(far)).toContain('CLOSE_DATE_TOO_FAR');
  });

  it('penalises zero or absurd values and free-mail contacts for large customers', async () => {
    const base = goodDeal();
    const zero = await one({ ...base, opportunity: { ...base.opportunity, amount: 0 } });
    expect(codes(zero)).toContain('AMOUNT_ZERO');
    const huge = await one({ ...base, opportunity: { ...base.opportunity, amount: 900_000_000 } });
    expect(codes(huge)).toEqual(
      expect.arrayContaining(['AMOUNT_IMPLAUSIBLE', 'SIZE_FAR_ABOVE_TYPICAL', 'HIGH_VALUE'])
    );
    const gmail = await one({ ...base, contact: { ...base.contact, email: 'jane@gmail.com' } });
    expect(codes(gmail)).toContain('FREE_MAIL_CONTACT');
    expect(gmail.confidenceScore).toBeLessThan((await one(base)).confidenceScore);
  });

  it('routes a low score to review using the request threshold', async () => {
    const weak = goodDeal({
      partner: {
        id: 'p',
        tier: 'REGISTERED',
        winRate: 0.1,
        decidedCount: 30,
        certifications: 0,
        firstTime: true
      }
    });
    const r = await one(weak, { asOf: AS_OF, reviewThreshold: 95 });
    expect(r.triageStatus).toBe('NEEDS_REVIEW');
    expect(r.recommendedAction).toBe('ROUTE_FOR_REVIEW');
    expect(codes(r)).toEqual(expect.arrayContaining(['WIN_RATE_LOW', 'NOT_CERTIFIED', 'FIRST_TIME_PARTNER']));
    const lenient = await one(weak, { asOf: AS_OF, reviewThreshold: 10 });
    expect(lenient.triageStatus).toBe('AUTO_APPROVED');
  });

  it("echoes asOf and uses today's UTC date when absent", async () => {
    const res = await scoreRequest(request([goodDeal()], {}), { today: () => '2026-12-01' });
    expect(res.asOf).toBe('2026-12-01');
    expect(res.requestId).toBe('req-1');
  });

  it('skips the deal itself when Salesforce returns it as a candidate', async () => {
    const deal = goodDeal();
    const r = await one({
      ...deal,
      candidates: [candidate({ id: deal.id, name: 'Acme GmbH', partnerId: 'zz' })]
    });
    expect(r.conflicts).toEqual([]);
  });

  it('accepts an injected (async) narrator and falls back when it leaks another partner', async () => {
    const calls: string[] = [];
    const narrator: Narrator = async (input) => {
      calls.push(input.deal.id);
      const base = await templateNarrator(input);
      return {
        ...base,
        rationale: 'LLM: ' + base.rationale,
        partnerMessage: 'Partner p-rival already registered this.',
        explanation: { engine: 'llm', fallback: false, model: 'test-model' }
      };
    };
    const deal = goodDeal({
      candidates: [candidate({ id: 'c7', name: 'ACME Corp', partnerId: 'p-rival', status: 'In Review' })]
    });
    const res = await scoreRequest(request([deal]), { narrator });
    const r = res.results[0]!;
    expect(calls).toEqual([deal.id]);
    expect(r.rationale.startsWith('LLM: ')).toBe(true);
    expect(r.partnerMessage).not.toContain('p-rival');
    expect(r.explanation).toEqual({ engine: 'llm', fallback: true, model: 'test-model' });
    expect(fieldErrors(DealResultSchema, r)).toEqual([]);
  });

  it('orders factors by category and keeps the score within 0..100', async () => {
    const r = await one();
    const order = ['COMPLETENESS', 'CONFLICT', 'PARTNER_FIT', 'DEAL_QUALITY'];
    const idx = r.factors.map((f) => order.indexOf(f.category));
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(r.factors.every((f) => /^Score (raised|lowered)|^Noted/.test(f.label))).toBe(true);
  });
});

describe('precheck', () => {
  it('reports completeness, missing fields with hints and partner-safe duplicates', () => {
    const res = precheck(
      {
        draft: { partner: { id: 'p1' }, customer: { name: 'ACME Corp.' }, contact: { email: 'x@gmail.com' } },
        candidates: [
          candidate({ id: 'r1', name: 'Acme Corporation', partnerId: 'p-rival', status: 'Submitted' }),
          candidate({ id: 'r2', name: 'Acme Corp', partnerId: 'p1', status: 'Draft' }),
          candidate({ id: 'r3', name: 'Acme Corp', partnerId: 'p1', status: 'In Review' })
        ],
        settings: { asOf: AS_OF }
      },
      { today: () => AS_OF }
    );
    expect(res.completeness).toBeGreaterThan(0);
    expect(res.completeness).toBeLessThan(50);
    const required = res.missingFields.filter((m) => m.required).map((m) => m.field);
    expect(required).toEqual(['opportunity.amount', 'opportunity.closeDate', 'contact.name']);
    expect(res.missingFields.every((m) => m.hint.length > 10)).toBe(true);
    expect(res.duplicates.map((d) => d.candidateId).sort()).toEqual(['r1', 'r3']);
    const rival = res.duplicates.find((d) => d.candidateId === 'r1')!;
    expect(rival.message).toBe('A registration for this customer already exists and is under review.');
    expect(JSON.stringify(res)).not.toContain('p-rival');
    expect(res.hints.join(' ')).toContain('business email');
  });

  it('gives 100% for a complete draft with no hints', () => {
    const d = goodDeal();
    const res = precheck({
      draft: { customer: d.customer, opportunity: d.opportunity, contact: d.contact },
      settings: { asOf: AS_OF }
    });
    expect(res.completeness).toBe(100);
    expect(res.missingFields).toEqual([]);
    expect(res.hints).toEqual([]);
    expect(res.duplicates).toEqual([]);
  });
});
