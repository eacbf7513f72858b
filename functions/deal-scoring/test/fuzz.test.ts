/**
 * HTTP fuzzing (issue 17): 10,000 generated requests per run across every route, seeded so a
 * failure reproduces (FUZZ_SEED=<n> to explore other seeds). Each request is a valid body with up
 * to three mutations (a value replaced by something hostile, a property deleted, an unknown
 * property added), or raw bytes, with varied headers (auth spellings, content types, charsets,
 * encodings). Asserted for every one: no 5xx, an answer within 5 s, the error shape, and a
 * JSON-pointer path for every 400.
 */
import fc from 'fast-check';
import { buildApp } from '../src/app';
import { defaultConfig } from '../src/config';
import { candidate, goodDeal, request } from './support/factories';

const KEY = 'fuzz-key-0123456789abcdef';
const RUNS = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const POINTER = /^(\/([^~/]|~[01])*)*$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BASES: Record<string, () => Json> = {
  '/v1/score': () =>
    request([
      goodDeal({
        candidates: [candidate({ id: 'c1', name: 'ACME Corp.', partnerId: 'p2', domain: 'acme.de' })]
      })
    ]) as unknown as Json,
  '/v1/precheck': () =>
    ({
      draft: { customer: { name: 'Acme' }, opportunity: { amount: 5, closeDate: '2027-01-31' } },
      candidates: [candidate({ id: 'c1', name: 'Acme GmbH' })],
      settings: { asOf: '2026-11-22' }
    }) as unknown as Json,
  '/v1/parse': () => ({
    text: 'Acme GmbH wants 20 licences of Analytics Cloud, EUR 50,000, close 2027-03-31.'
  }),
  // Without documents (reading PDFs needs the worker pool, which this app runs without): the schema,
  // the document checks' refusals and the claim checks; test/mdf/ covers documents.
  '/v1/mdf/check': () =>
    ({
      requestId: 'fuzz-1',
      claim: {
        amount: 500,
        currencyIsoCode: 'EUR',
        activityType: 'Event',
        activityStartDate: '2026-05-01',
        activityEndDate: '2026-05-02',
        submittedOn: '2026-05-20',
        costLines: [{ description: 'Booth', category: 'Event', amount: 1000 }]
      },
      fundRequest: {
        approvedAmount: 800,
        currencyIsoCode: 'EUR',
        activityType: 'Event',
        activityStartDate: '2026-04-01',
        activityEndDate: '2026-05-31',
        claimsAlreadyMade: 0,
        amountAlreadyClaimed: 0
      },
      policy: {
        allowedActivityTypes: ['Event'],
        allowedCostCategories: ['Event'],
        coFundingPercent: 50,
        claimDeadlineDays: 60,
        proofRequiredActivityTypes: [],
        maxClaimsPerRequest: 2
      },
      priorInvoices: [{ vendorName: 'Acme', invoiceNumber: 'INV-1' }],
      documents: []
    }) as unknown as Json,
  '/v1/status-answer': () => ({
    question: 'Where is my registration?',
    registration: {
      status: 'In Review',
      customerName: 'Acme',
      submittedAt: '2026-11-01T10:00:00Z',
      history: [{ at: '2026-11-01', status: 'Submitted' }]
    }
  })
};
const POST_ROUTES = Object.keys(BASES);
const GET_ROUTES = ['/health', '/ready', '/v1/rulesets', '/metrics', '/nope', '/v1/score', '/openapi.json'];

const hostile: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    '',
    '   ',
    '\u00a0',
    '\ud800',
    'x'.repeat(40_000),
    '0000-01-01',
    '2026-02-30',
    '9999-12-31T00:00:00Z',
    '__proto__',
    -1,
    1e308,
    -0,
    0.5,
    2 ** 53,
    true,
    null,
    [],
    {},
    { __proto__: 1 } as unknown as Json,
    Array.from({ length: 1200 }, () => ({})) as Json
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>
);

/** Every path (as key lists) inside a JSON value. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      paths(v as Json, p, out);
    }
  }
  return out;
}

function mutate(base: Json, muts: [number, Json, 'set' | 'delete' | 'add', string][]): Json {
  const value = structuredClone(base);
  for (const [pick, replacement, op, key] of muts) {
    const all = paths(value);
    if (all.length === 0) break;
    const p = all[pick % all.length]!;
    let parent: Json = value;
    for (const k of p.slice(0, -1)) parent = (parent as Record<string, Json>)[k as string]!;
    const last = p[p.length - 1]!;
    if (parent === null || typeof parent !== 'object') continue;
    const target = parent as Record<string, Json>;
    if (op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete target[last as string];
    } else if (op === 'add') {
      const holder = target[last as string];
      if (holder && typeof holder === 'object' && !Array.isArray(holder)) {
        Object.defineProperty(holder, key, {
          value: replacement,
          enumerable: true,
          configurable: true,
          writable: true
        });
      }
    } else {
      target[last as string] = replacement;
    }
  }
  return value;
}

const authHeader = fc.constantFrom<string | undefined>(
  `Bearer ${KEY}`,
  `Bearer ${KEY}`,
  `Bearer ${KEY}`,
  `bearer ${KEY}`,
  `BEARER  ${KEY}`,
  'Bearer wrong-key-000000000000',
  'Basic abc',
  undefined,
  `Bearer ${KEY} extra`
);
const contentType = fc.constantFrom<string | undefined>(
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  undefined,
  'application/json; charset="UTF-8"'
);
const encoding = fc.constantFrom<string | undefined>(
  undefined,
  undefined,
  undefined,
  undefined,
  'gzip',
  'identity',
  'br'
);

const requestArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('json' as const),
      method: fc.constant('POST' as const),
      url: fc.constantFrom(...POST_ROUTES),
      muts: fc.array(
        fc.tuple(
          fc.nat(),
          hostile,
          fc.constantFrom('set' as const, 'delete' as const, 'add' as const),
          fc.string()
        ),
        { maxLength: 3 }
      ),
      auth: authHeader,
      type: contentType,
      enc: encoding,
      query: fc.constantFrom('', '', '?key=abc', '?x=%00')
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      method: fc.constantFrom('POST' as const, 'PUT' as const, 'DELETE' as const),
      url: fc.constantFrom(...POST_ROUTES, '/v1/', '/v1/score/../precheck'),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom(
          Buffer.from('{"a":'),
          Buffer.from('{"__proto__":{"x":1}}'),
          Buffer.from('{"constructor":{"prototype":{}}}'),
          Buffer.from([0x1f, 0x8b, 8, 0]),
          Buffer.from('"\\udc00"'),
          Buffer.from(''),
          Buffer.from('[]'),
          Buffer.from('null')
        )
      ),
      auth: authHeader,
      type: contentType,
      enc: encoding,
      query: fc.constant('')
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('get' as const),
      method: fc.constant('GET' as const),
      url: fc.constantFrom(...GET_ROUTES),
      auth: authHeader,
      type: fc.constant(undefined),
      enc: fc.constant(undefined),
      query: fc.constantFrom('', '?a=1')
    })
  }
);

describe('HTTP fuzzing', () => {
  it(`${RUNS} generated requests: no 5xx, no hang, a JSON pointer for every 400 (seed ${SEED})`, async () => {
    const app = await buildApp(
      defaultConfig({ apiKeys: [KEY], rateLimitMax: 10_000_000, rateLimitUnauthenticatedMax: 10_000_000 })
    );
    await app.ready();
    const statuses = new Map<number, number>();
    try {
      await fc.assert(
        fc.asyncProperty(requestArb, async (r) => {
          let payload: string | Buffer | undefined;
          if (r.kind === 'json') payload = JSON.stringify(mutate(BASES[r.url]!(), r.muts));
          else if (r.kind === 'raw') payload = Buffer.from(r.bytes);
          const headers: Record<string, string> = {};
          if (r.auth !== undefined) headers.authorization = r.auth;
          if (r.type !== undefined) headers['content-type'] = r.type;
          if (r.enc !== undefined) headers['content-encoding'] = r.enc;
          let timer: NodeJS.Timeout | undefined;
          const res = await Promise.race([
            app.inject({ method: r.method, url: r.url + r.query, headers, payload }),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer in 5 s: ${r.method} ${r.url}`)), 5000);
            })
          ]).finally(() => clearTimeout(timer));
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500)
            throw new Error(`${res.statusCode} for ${r.method} ${r.url}: ${res.body}`);
          if (res.statusCode >= 400) {
            const body = res.json() as { statusCode: number; message: string; errors?: { path: string }[] };
            expect(body.statusCode).toBe(res.statusCode);
            expect(typeof body.message).toBe('string');
            if (res.statusCode === 400) {
              expect(body.errors?.length).toBeGreaterThan(0);
              for (const e of body.errors!) expect(e.path).toMatch(POINTER);
            }
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true }
      );
    } finally {
      await app.close();
    }
    // The generator reaches both the happy path and the refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS * 0.1);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(RUNS * 0.1);
    expect(statuses.get(401) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(415) ?? 0).toBeGreaterThan(0);
  }, 180_000);
});
