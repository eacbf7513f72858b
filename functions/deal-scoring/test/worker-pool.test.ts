/**
 * The worker-pool path (issue 17 finding 1): the same answers as inline, and a bounded queue that
 * answers 503 with Retry-After when full. The pool runs the TypeScript sources through tsx here;
 * test/production.test.ts runs the compiled build.
 */
import { buildApp } from '../src/app';
import { defaultConfig, type AppConfig } from '../src/config';
import { scoreRequestWithCandidates } from '../bench/data';
import { PARTNER_EMAILS } from './ai/fixtures/partner-emails';
import { goodDeal, request } from './support/factories';

async function appWith(overrides: Partial<AppConfig>) {
  const app = await buildApp(defaultConfig(overrides));
  await app.ready();
  return app;
}
type App = Awaited<ReturnType<typeof appWith>>;

const post = (app: App, url: string, payload: unknown) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload)
  });

describe('worker pool', () => {
  let pooled: App;
  let inline: App;
  beforeAll(async () => {
    pooled = await appWith({ workerThreads: 1, workerInlineMaxCost: 0, workerQueueMax: 8 });
    inline = await appWith({ workerThreads: 0 });
  }, 60_000);
  afterAll(async () => {
    await pooled.close();
    await inline.close();
  });

  it('answers /v1/score, /v1/precheck and /v1/parse byte-for-byte like the inline path', async () => {
    const big = scoreRequestWithCandidates(300);
    const email = PARTNER_EMAILS[0]!;
    const cases: [string, unknown][] = [
      ['/v1/score', big],
      ['/v1/score', request([goodDeal()])],
      ['/v1/precheck', { draft: { customer: { name: 'Acme' } }, candidates: big.deals[0]!.candidates }],
      ['/v1/parse', { text: email.text, receivedAt: email.receivedAt }]
    ];
    for (const [url, body] of cases) {
      const a = await post(pooled, url, body);
      const b = await post(inline, url, body);
      expect(a.statusCode).toBe(200);
      expect(a.body).toBe(b.body);
    }
    const metrics = await pooled.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/deal_scoring_worker_tasks_total\{task="score",where="pool"\} 2/);
    expect(metrics.body).toMatch(/deal_scoring_worker_tasks_total\{task="parseBuiltin",where="pool"\} 1/);
    expect(metrics.body).toContain('deal_scoring_worker_threads 1');
  }, 60_000);

  it('parses and validates large bodies on the worker: the same answers and refusals, byte for byte', async () => {
    // Every body counts as large here, so the refusals of the body reader are covered too.
    const raw = await appWith({ workerThreads: 1, workerRawMinBytes: 0 });
    try {
      const big = scoreRequestWithCandidates(300);
      const blank = request([goodDeal({ customer: { ...goodDeal().customer, name: '   ' } })]);
      const deals = JSON.stringify(request([goodDeal()]));
      const cases: [string, string, string][] = [
        ['/v1/score', JSON.stringify(big), 'application/json'],
        ['/v1/score', deals, 'application/json; charset=utf-8'],
        ['/v1/score', JSON.stringify(blank), 'application/json'],
        ['/v1/score', JSON.stringify({ ...big, deals: [] }), 'application/json'],
        ['/v1/score', JSON.stringify({ deals: 'none', extra: 1 }), 'application/json'],
        ['/v1/score', '{"deals": [', 'application/json'],
        ['/v1/score', '{"__proto__": {"x": 1}, "deals": []}', 'application/json'],
        ['/v1/score', '{"requestId": "\\ud800", "deals": []}', 'application/json'],
        ['/v1/score', deals, 'application/json; charset=latin1'],
        ['/v1/score', '   ', 'application/json'],
        [
          '/v1/precheck',
          JSON.stringify({ draft: { customer: { name: 'Acme' } }, candidates: big.deals[0]!.candidates }),
          'application/json'
        ],
        ['/v1/precheck', JSON.stringify({ draft: 5 }), 'application/json']
      ];
      const statuses: number[] = [];
      for (const [url, payload, type] of cases) {
        const send = (app: App) =>
          app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
        const a = await send(raw);
        const b = await send(inline);
        expect([url, payload.slice(0, 40), a.statusCode, a.body]).toEqual([
          url,
          payload.slice(0, 40),
          b.statusCode,
          b.body
        ]);
        statuses.push(a.statusCode);
      }
      expect(statuses).toEqual([200, 200, 400, 400, 400, 400, 400, 400, 415, 400, 200, 400]);
      // Gzip bytes (the magic number) are refused alike.
      const gz = Buffer.from([0x1f, 0x8b, 0x08, 0x00]);
      const g = (app: App) =>
        app.inject({
          method: 'POST',
          url: '/v1/score',
          headers: { 'content-type': 'application/json' },
          payload: gz
        });
      expect((await g(raw)).body).toBe((await g(inline)).body);
      const metrics = await raw.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(/deal_scoring_worker_tasks_total\{task="scoreBytes",where="pool"\} 1[01]/);
      expect(metrics.body).toMatch(/deal_scoring_worker_tasks_total\{task="precheckBytes",where="pool"\} 2/);
      expect(metrics.body).not.toMatch(/task="score",where=/);
    } finally {
      await raw.close();
    }
  }, 60_000);

  it('refuses with 503 and Retry-After when the queue is full, and recovers', async () => {
    const app = await appWith({
      workerThreads: 1,
      workerInlineMaxCost: 0,
      workerQueueMax: 1,
      workerRawMinBytes: 1024 ** 3
    });
    const big = scoreRequestWithCandidates(1000);
    const results = await Promise.all(Array.from({ length: 6 }, () => post(app, '/v1/score', big)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(2);
    const busy = results.filter((r) => r.statusCode === 503);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const r of busy) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.json()).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(r.json().message).toMatch(/busy/);
    }
    // Once the queue drained, the same request is answered.
    expect((await post(app, '/v1/score', big)).statusCode).toBe(200);
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/deal_scoring_worker_tasks_total\{task="score",where="rejected"\} [1-9]/);
    await app.close();
  }, 60_000);

  it('keeps tiny requests on the main thread (a thread hop costs more than they do)', async () => {
    const app = await appWith({ workerThreads: 1, workerInlineMaxCost: 40 });
    expect((await post(app, '/v1/score', request([goodDeal()]))).statusCode).toBe(200);
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/deal_scoring_worker_tasks_total\{task="score",where="inline"\} 1/);
    await app.close();
  }, 60_000);
});
