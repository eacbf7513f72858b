import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { PARTNER_EMAILS } from './fixtures/partner-emails';
import { FakeOpenAi, completion } from './fake-openai-server';
import { goodDeal, request as scoreRequestBody } from '../support/factories';

const KEY = 'assist-test-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
const email = PARTNER_EMAILS.find((c) => c.id === 'forwarded-customer-thread')!;

type App = Awaited<ReturnType<typeof buildApp>>;

/** A fresh app that accepts only KEY, configured like the server: OPENAI_* through loadConfig. */
function newApp(): Promise<App> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', WORKER_THREADS: '0' });
  return buildApp({ ...config, apiKeys: [KEY] });
}

/** POSTs `payload` to `url`, authenticated unless other headers are given. */
function post(app: App, url: string, payload: object, headers: Record<string, string> = auth) {
  return app.inject({ method: 'POST', url, headers, payload });
}

const OPENAI_VARS = [
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_MODEL',
  'OPENAI_MAX_RETRIES',
  'OPENAI_TIMEOUT_MS'
];
const saved: Record<string, string | undefined> = {};
beforeAll(() => OPENAI_VARS.forEach((k) => (saved[k] = process.env[k])));
afterEach(() =>
  OPENAI_VARS.forEach((k) => {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  })
);

describe('assist routes without a model', () => {
  beforeEach(() => OPENAI_VARS.forEach((k) => delete process.env[k]));

  it('POST /v1/parse returns built-in fields', async () => {
    const app = await newApp();
    const res = await post(app, '/v1/parse', { text: email.text, receivedAt: email.receivedAt });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.engine).toBe('builtin');
    expect(body.fallback).toBe(false);
    expect(body.fields.contactEmail).toBe('bill.lumbergh@initech.com');
    expect(body.fields.closeDate).toBe('2026-12-31');
    await app.close();
  });

  it('requires the API key', async () => {
    const app = await newApp();
    const res = await post(app, '/v1/parse', { text: 'x' }, {});
    expect(res.statusCode).toBe(401);
    await app.close();
  });

  it.each([
    ['an empty text', { text: '' }, '/text'],
    ['a text over 20,000 characters', { text: 'x'.repeat(20001) }, '/text'],
    ['an unknown property', { text: 'hello', extra: 1 }, '/extra'],
    ['a receivedAt that is not a date', { text: 'hello', receivedAt: 'yesterday' }, '/receivedAt'],
    ['an impossible receivedAt', { text: 'hello', receivedAt: '2026-13-45T00:00:00Z' }, '/receivedAt'],
    ['a blank text', { text: '   ' }, '/text']
  ])('rejects %s with a 400 naming the field', async (_label, payload, path) => {
    const app = await newApp();
    const res = await post(app, '/v1/parse', payload);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toContain(path);
    await app.close();
  });

  it('POST /v1/status-answer answers from templates and validates the registration', async () => {
    const app = await newApp();
    const ok = await post(app, '/v1/status-answer', {
      question: 'Why was my Acme deal sent back?',
      registration: {
        status: 'More Info Requested',
        customerName: 'Acme GmbH',
        partnerMessage: 'Please add the expected close date.'
      }
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      engine: 'builtin',
      fallback: false,
      answer: expect.stringContaining('Please add the expected close date.')
    });
    const bad = await post(app, '/v1/status-answer', {
      question: 'x',
      registration: { status: 'Pending', customerName: 'Acme' }
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('/registration/status');
    await app.close();
  });

  it('keeps the template narrator for /v1/score', async () => {
    const app = await newApp();
    const res = await post(app, '/v1/score', scoreRequestBody([goodDeal()]));
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].explanation).toEqual({ engine: 'template', fallback: false });
    await app.close();
  });
});

describe('assist routes with OPENAI_API_KEY set (local fake endpoint)', () => {
  const server = new FakeOpenAi();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.reset();
    process.env.OPENAI_API_KEY = 'sk-test';
    process.env.OPENAI_BASE_URL = server.baseURL;
    process.env.OPENAI_MODEL = 'gpt-4o-mini';
    process.env.OPENAI_MAX_RETRIES = '0';
    process.env.OPENAI_TIMEOUT_MS = '500';
  });

  it('parses with the model and reports usage', async () => {
    server.reply(
      completion(
        JSON.stringify({
          customerName: 'Initech',
          customerDomain: 'initech.com',
          opportunityName: null,
          amount: 120000,
          currency: 'USD',
          closeDate: '2026-12-31',
          products: ['Service Cloud'],
          contactName: 'Bill Lumbergh',
          contactEmail: '[EMAIL_2]',
          contactPhone: null,
          contactTitle: 'Director of Support Operations',
          summary: 'Initech needs service desk licences for its support organisation.'
        })
      )
    );
    const app = await newApp();
    const res = await post(app, '/v1/parse', { text: email.text, receivedAt: email.receivedAt });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.engine).toBe('llm');
    expect(body.fields.products).toEqual(['Service Cloud']);
    expect(body.usage).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      promptVersion: 'parse-2026.11.1',
      promptTokens: 321,
      completionTokens: 54
    });
    await app.close();
  });

  it('never answers 5xx when the model is down: built-in result, flagged', async () => {
    server.always({ status: 503, body: { error: { message: 'overloaded' } } });
    const app = await newApp();
    const parse = await post(app, '/v1/parse', { text: email.text });
    expect(parse.statusCode).toBe(200);
    expect(parse.json()).toMatchObject({ engine: 'builtin', fallback: true });
    const status = await post(app, '/v1/status-answer', {
      question: 'status?',
      registration: { status: 'Approved', customerName: 'Acme GmbH', protectionExpiresOn: '2027-02-20' }
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ engine: 'builtin', fallback: true });
    const score = await post(app, '/v1/score', scoreRequestBody([goodDeal()]));
    expect(score.statusCode).toBe(200);
    expect(score.json().results[0].explanation).toMatchObject({ engine: 'template', fallback: true });
    await app.close();
  });

  it('lets the model write the rationale for /v1/score', async () => {
    server.always(
      completion(
        JSON.stringify({
          rationale: 'Complete registration from an established partner.',
          partnerMessage: 'Thank you, your registration is being processed.'
        })
      )
    );
    const app = await newApp();
    const res = await post(app, '/v1/score', scoreRequestBody([goodDeal()]));
    expect(res.statusCode).toBe(200);
    const r = res.json().results[0];
    expect(r.rationale).toBe('Complete registration from an established partner.');
    expect(r.explanation).toMatchObject({
      engine: 'llm',
      fallback: false,
      promptVersion: 'narrative-2026.11.1'
    });
    await app.close();
  });
});
