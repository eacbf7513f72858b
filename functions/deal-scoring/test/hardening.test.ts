/**
 * Issue 17's findings, each as a test that failed before its fix: empty-looking strings, dates,
 * body encodings, prototype keys, cache headers, rate limits per verified key, log redaction,
 * metrics and readiness.
 */
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../src/app';
import { defaultConfig, type AppConfig } from '../src/config';
import { candidate, goodDeal, request } from './support/factories';

const KEY = 'hardening-key-0123456789';
const KEY2 = 'hardening-key-abcdefghij';
const auth = { authorization: `Bearer ${KEY}` };

class Capture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.lines.push(...String(chunk).split('\n').filter(Boolean));
    cb();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

async function appWith(overrides: Partial<AppConfig> = {}, logStream?: Writable) {
  const app = await buildApp(defaultConfig({ apiKeys: [KEY, KEY2], ...overrides }), {
    logStream,
    processMetrics: false
  });
  await app.ready();
  return app;
}
type App = Awaited<ReturnType<typeof appWith>>;

function post(app: App, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...auth, ...headers },
    payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload)
  });
}

describe('empty-looking strings are rejected where the contract says "must not be empty"', () => {
  let app: App;
  beforeAll(async () => (app = await appWith()));
  afterAll(() => app.close());

  it.each([
    [
      'customer name',
      (d: ReturnType<typeof goodDeal>) => (d.customer.name = '   '),
      '/deals/0/customer/name'
    ],
    ['partner id', (d: ReturnType<typeof goodDeal>) => (d.partner.id = ' \t '), '/deals/0/partner/id'],
    [
      'candidate name',
      (d: ReturnType<typeof goodDeal>) => (d.candidates = [candidate({ id: 'c1', name: '  ' })]),
      '/deals/0/candidates/0/name'
    ]
  ])('%s of only spaces → 400 at its path', async (_label, mutate, path) => {
    const deal = goodDeal();
    mutate(deal);
    const res = await post(app, '/v1/score', request([deal]));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path, message: 'must not be only spaces' }]);
  });

  it('status-answer customer name and question of only spaces → 400', async () => {
    const res = await post(app, '/v1/status-answer', {
      question: '  ',
      registration: { status: 'Submitted', customerName: '\u00a0 ' }
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['/question', '/registration/customerName']);
  });

  it('the OpenAPI document carries the rule (pattern \\S) for the client to see', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const deal =
      doc.paths['/v1/score'].post.requestBody.content['application/json'].schema.properties.deals.items;
    expect(deal.properties.customer.properties.name.pattern).toBe('\\S');
    const sa = doc.paths['/v1/status-answer'].post.requestBody.content['application/json'].schema;
    expect(sa.properties.registration.properties.customerName.pattern).toBe('\\S');
  });
});

describe('one date validator: real calendar dates, years 1900-2199, on every route', () => {
  let app: App;
  beforeAll(async () => (app = await appWith()));
  afterAll(() => app.close());

  it('/v1/parse receivedAt 2026-02-30 and year 0 → 400', async () => {
    for (const receivedAt of ['2026-02-30', '0000-01-10T10:00:00Z', '9999-12-31']) {
      const res = await post(app, '/v1/parse', { text: 'Acme GmbH wants 10 licences', receivedAt });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('/receivedAt');
    }
  });

  it('status-answer history dates that roll over → 400 at the entry', async () => {
    const res = await post(app, '/v1/status-answer', {
      question: 'Where is it?',
      registration: {
        status: 'In Review',
        customerName: 'Acme',
        history: [{ at: '2026-11-31T09:00:00Z', status: 'Submitted' }]
      }
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/registration/history/0/at');
  });

  it('a year-0 close date is refused, not auto-approved', async () => {
    const deal = goodDeal();
    deal.opportunity!.closeDate = '0000-06-30';
    const res = await post(app, '/v1/score', request([deal]));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/deals/0/opportunity/closeDate');
  });
});

describe('bodies, encodings and headers', () => {
  let app: App;
  beforeAll(async () => (app = await appWith()));
  afterAll(() => app.close());

  it('__proto__ names the property and its path', async () => {
    const body = `{"requestId":"r","deals":[{"id":"d","partner":{"id":"p","__proto__":{"x":1}},"customer":{"name":"A"}}]}`;
    const res = await post(app, '/v1/score', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        path: '/deals/0/partner/__proto__',
        message: 'is not an allowed property (prototype keys are refused)'
      }
    ]);
    expect(res.json().message).not.toContain('not valid JSON');
  });

  it('a gzip body (with or without Content-Encoding) → 415', async () => {
    const gz = gzipSync(JSON.stringify(request([goodDeal()])));
    const withHeader = await post(app, '/v1/score', gz, { 'content-encoding': 'gzip' });
    expect(withHeader.statusCode).toBe(415);
    expect(withHeader.json().message).toMatch(/Content-Encoding/);
    const without = await post(app, '/v1/score', gz);
    expect(without.statusCode).toBe(415);
    expect(without.json().message).toMatch(/gzip/);
  });

  it('a charset other than UTF-8 → 415; utf-8 in any spelling is fine', async () => {
    const body = JSON.stringify(request([goodDeal()]));
    const latin = await post(app, '/v1/score', Buffer.from(body, 'latin1'), {
      'content-type': 'application/json; charset=latin1'
    });
    expect(latin.statusCode).toBe(415);
    expect(latin.json().message).toContain('latin1');
    const utf = await post(app, '/v1/score', body, { 'content-type': 'application/json; charset="UTF-8"' });
    expect(utf.statusCode).toBe(200);
  });

  it('a lone surrogate is rejected with its path (never echoed back)', async () => {
    const deal = goodDeal();
    const text = JSON.stringify(request([deal])).replace('"Acme GmbH"', '"Acme \\ud800GmbH"');
    const res = await post(app, '/v1/score', text);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/deals/0/customer/name');
    expect(res.body).not.toMatch(/\\ud800/i);
    // A correctly paired surrogate (an emoji) is fine.
    const ok = await post(app, '/v1/score', text.replace('\\ud800', '\\ud83d\\ude00'));
    expect(ok.statusCode).toBe(200);
  });

  it('every response says Cache-Control: no-store and carries the request id', async () => {
    for (const res of [
      await post(app, '/v1/score', request([goodDeal()])),
      await post(app, '/v1/score', '{'),
      await app.inject({ method: 'GET', url: '/health' })
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-request-id']).toBeTruthy();
    }
  });
});

describe('rate limits: per verified key, and per address without one', () => {
  it('every spelling of Bearer shares the key bucket; two keys have two buckets', async () => {
    const app = await appWith({ rateLimitMax: 3, rateLimitUnauthenticatedMax: 100 });
    const body = request([goodDeal()]);
    const spellings = [`Bearer ${KEY}`, `bearer ${KEY}`, `BEARER ${KEY}`, `Bearer  ${KEY}`];
    const codes = [];
    for (const a of spellings)
      codes.push((await post(app, '/v1/score', body, { authorization: a })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    expect((await post(app, '/v1/score', body, { authorization: `Bearer ${KEY2}` })).statusCode).toBe(200);
    await app.close();
  });

  it('requests that fail authentication are limited per address', async () => {
    const app = await appWith({ rateLimitMax: 100, rateLimitUnauthenticatedMax: 2 });
    const body = request([goodDeal()]);
    const codes = [];
    for (const a of ['Bearer wrong-key-000000000', 'Basic x', '']) {
      codes.push((await post(app, '/v1/score', body, { authorization: a })).statusCode);
    }
    expect(codes).toEqual([401, 401, 429]);
    // A valid key from the same address is not affected.
    expect((await post(app, '/v1/score', body)).statusCode).toBe(200);
    await app.close();
  });
});

describe('logs: client-controlled values are bounded or redacted', () => {
  it('x-request-id that looks like data, query strings and unknown property names never reach the log', async () => {
    const logs = new Capture();
    const app = await appWith({ logLevel: 'info' }, logs);
    const deal = goodDeal() as unknown as Record<string, unknown>;
    deal['jane.doe@example.com'] = 1;
    await app.inject({
      method: 'POST',
      url: '/v1/score?key=sk-secret-value&email=jane@example.com',
      headers: { 'content-type': 'application/json', ...auth, 'x-request-id': 'jane.doe@example.com' },
      payload: JSON.stringify(request([deal as never]))
    });
    await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': '+1 415 555 0100' }
    });
    await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': '4155550100' } });
    const ok = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'sf-req-42.a' }
    });
    expect(ok.headers['x-request-id']).toBe('sf-req-42.a');
    await app.close();
    const text = logs.text;
    expect(text).toContain('request rejected');
    expect(text).toContain('/deals/0/[unknown]');
    expect(text).toContain('[query redacted]');
    expect(text).toContain('sf-req-42.a');
    // '415 555 0100' as sent, not '555' alone: timings such as responseTime 0.1707769995555 hold it.
    for (const leak of ['jane', 'example.com', 'sk-secret', '415 555 0100', '4155550100', KEY]) {
      expect(text).not.toContain(leak);
    }
  });
});

describe('metrics and readiness', () => {
  it('/metrics needs a key, counts requests per route and status and shows the worker queue', async () => {
    const app = await appWith();
    await post(app, '/v1/score', request([goodDeal()]));
    await post(app, '/v1/score', '{');
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /deal_scoring_http_requests_total\{method="POST",route="\/v1\/score",status="200"\} 1/
    );
    expect(res.body).toMatch(
      /deal_scoring_http_requests_total\{method="POST",route="\/v1\/score",status="400"\} 1/
    );
    expect(res.body).toMatch(/deal_scoring_http_request_duration_seconds_bucket\{le="0.05",method="POST"/);
    expect(res.body).toContain('deal_scoring_worker_queue_depth 0');
    expect(res.body).toContain('deal_scoring_llm_fallbacks_total');
    // Per key fingerprint (rotation: see when the old key stops being used), never the key itself.
    expect(res.body).toMatch(/deal_scoring_requests_by_key_total\{key_id="[0-9a-f]{12}"\} 2/);
    expect(res.body).not.toContain(KEY);
    await app.close();
  });

  it('scrape-only keys open /metrics and nothing else', async () => {
    const scrape = 'scrape-only-key-000000000';
    const app = await appWith({ metricsKeys: [scrape] });
    const h = { authorization: `Bearer ${scrape}` };
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: h })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: auth })).statusCode).toBe(401);
    expect((await post(app, '/v1/score', request([goodDeal()]), h)).statusCode).toBe(401);
    await app.close();
  });

  it('/ready is 200 when ready and 503 while draining; /health stays 200', async () => {
    const app = await appWith();
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    app.lifecycle.draining = true;
    const draining = await app.inject({ method: 'GET', url: '/ready' });
    expect(draining.statusCode).toBe(503);
    expect(draining.json()).toEqual({ status: 'unavailable' });
    expect(draining.headers.connection).toBe('close');
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    await app.close();
  });
});
