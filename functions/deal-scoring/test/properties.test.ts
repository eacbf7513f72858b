/**
 * Property tests: generated deals (valid by construction) through the validator and the engine.
 */
import fc from 'fast-check';
import { scoreRequest } from '../src/engine/score';
import { ScoreRequest, ScoreResponse, type Candidate, type Deal } from '../src/schemas';
import { fieldErrors } from '../src/validation';

const companyWords = [
  'Acme',
  'Nordwind',
  'Blue',
  'Harbor',
  'Logistik',
  'Systems',
  'Bank',
  'Delta',
  'Air',
  'Group',
  'Zenith'
];
const legal = ['', ' GmbH', ' Inc.', ' Ltd', ' S.A.', ' AG', ' (EMEA)', ' Germany'];
const companyName = fc
  .tuple(fc.subarray(companyWords, { minLength: 1, maxLength: 3 }), fc.constantFrom(...legal))
  .map(([w, l]) => w.join(' ') + l);
const day = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const domain = fc.constantFrom(
  'acme.com',
  'acme.de',
  'nordwind.de',
  'gmail.com',
  'blueharbor.io',
  'delta.com'
);

// Candidate partner ids and rival names carry a marker that can never appear in a template message.
const candidateArb: fc.Arbitrary<Candidate> = fc.record(
  {
    id: fc.integer({ min: 1, max: 1e6 }).map((n) => `CANDID${n}`),
    kind: fc.constantFrom('registration' as const, 'opportunity' as const, 'account' as const),
    name: fc.oneof(
      companyName,
      companyName.map((n) => `Rivalcorp ${n}`)
    ),
    domain,
    partnerId: fc.oneof(
      fc.constant('PARTNER-SELF'),
      fc.integer({ min: 1, max: 99 }).map((n) => `PRIVAL${n}`)
    ),
    status: fc.constantFrom('Submitted', 'In Review', 'Approved', 'Rejected', 'Closed Won', 'Prospecting'),
    lastActivityAt: day,
    createdAt: day
  },
  { requiredKeys: ['id', 'kind', 'name'] }
);

const dealArb: fc.Arbitrary<Deal> = fc.record(
  {
    id: fc.integer({ min: 1, max: 1e6 }).map((n) => `DEAL${n}`),
    partner: fc.record(
      {
        id: fc.constant('PARTNER-SELF'),
        tier: fc.constantFrom('PLATINUM' as const, 'GOLD' as const, 'SILVER' as const, 'REGISTERED' as const),
        winRate: fc.double({ min: 0, max: 1, noNaN: true }),
        decidedCount: fc.integer({ min: 0, max: 500 }),
        certifications: fc.integer({ min: 0, max: 20 }),
        registrationsLast90Days: fc.integer({ min: 0, max: 200 }),
        averageDealSize: fc.double({ min: 0, max: 1e7, noNaN: true }),
        firstTime: fc.boolean()
      },
      { requiredKeys: ['id'] }
    ),
    customer: fc.record(
      { name: companyName, domain, employees: fc.integer({ min: 0, max: 100000 }) },
      { requiredKeys: ['name'] }
    ),
    opportunity: fc.record(
      {
        amount: fc.double({ min: 0, max: 1e12, noNaN: true }),
        closeDate: day,
        products: fc.array(fc.constantFrom('Analytics Cloud', 'Data Connectors'), { maxLength: 3 }),
        description: fc.lorem({ maxCount: 30 })
      },
      { requiredKeys: [] }
    ),
    contact: fc.record(
      { name: fc.constant('Jane Doe'), email: domain.map((d) => `jane@${d}`) },
      { requiredKeys: [] }
    ),
    candidates: fc.array(candidateArb, { maxLength: 12 })
  },
  { requiredKeys: ['id', 'partner', 'customer'] }
);

const settingsArb = fc.record({
  reviewThreshold: fc.integer({ min: 0, max: 100 }),
  conflictThreshold: fc.double({ min: 0.5, max: 1, noNaN: true }),
  protectionDays: fc.integer({ min: 0, max: 365 }),
  asOf: day
});

describe('engine properties', () => {
  it('generated requests validate, and every result is in range, consistent and reproducible', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 3 }),
        settingsArb,
        async (deals, settings) => {
          const req = { requestId: 'prop', settings, deals };
          expect(fieldErrors(ScoreRequest, req)).toEqual([]);
          const res = await scoreRequest(req);
          expect(fieldErrors(ScoreResponse, res)).toEqual([]);
          expect(JSON.stringify(await scoreRequest(structuredClone(req)))).toBe(JSON.stringify(res));
          expect(res.results.map((r) => r.dealId)).toEqual(deals.map((d) => d.id));
          for (const r of res.results) {
            expect(Number.isInteger(r.confidenceScore)).toBe(true);
            expect(r.confidenceScore).toBeGreaterThanOrEqual(0);
            expect(r.confidenceScore).toBeLessThanOrEqual(100);
            if (r.conflicts.length > 0) expect(r.triageStatus).toBe('FLAGGED_CONFLICT');
            if (r.triageStatus === 'FLAGGED_CONFLICT') expect(r.conflicts.length).toBeGreaterThan(0);
            if (r.triageStatus === 'AUTO_APPROVED') {
              expect(r.confidenceScore).toBeGreaterThanOrEqual(settings.reviewThreshold);
              expect(r.missingFields).toEqual([]);
            }
            for (const c of r.conflicts) {
              expect(c.similarity).toBeGreaterThanOrEqual(settings.conflictThreshold);
              expect(c.similarity).toBeLessThanOrEqual(1);
            }
            expect(r.partnerMessage).not.toMatch(/PRIVAL|CANDID|Rivalcorp/);
          }
        }
      ),
      { numRuns: 200 }
    );
  });

  it('the validator never throws on garbage and reports JSON-pointer paths', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5 }), (value) => {
        const errors = fieldErrors(ScoreRequest, value);
        for (const e of errors) expect(e.path === '' || e.path.startsWith('/')).toBe(true);
      }),
      { numRuns: 1000 }
    );
  });
});
