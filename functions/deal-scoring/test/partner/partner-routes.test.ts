import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { guideArticles } from './guide';

const KEY = 'partner-test-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
type App = Awaited<ReturnType<typeof buildApp>>;
let app: App;

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', WORKER_THREADS: '0' };
  delete env.OPENAI_API_KEY;
  app = await buildApp({ ...loadConfig(env), apiKeys: [KEY] });
});
afterAll(async () => app.close());

const post = (url: string, payload: object, headers: Record<string, string> = auth) =>
  app.inject({ method: 'POST', url, headers, payload });

const thresholds = {
  registrations: 5,
  approvalRate: 0.4,
  closedWonRevenue: 50000,
  certifications: 1,
  onboardingCompletion: 1
};
const metrics = {
  registrations: 6,
  decided: 5,
  approved: 3,
  closedWonRevenue: 60000,
  certifications: 1,
  onboardingCompletion: 1
};
const tierBody = {
  requestId: 'tier-1',
  tiers: [{ tier: 'SILVER', thresholds }],
  partners: [{ id: '001000000000001', currentTier: 'REGISTERED', metrics }]
};

describe('POST /v1/partner/tier-review', () => {
  it('recommends and echoes the request id', async () => {
    const res = await post('/v1/partner/tier-review', tierBody);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.requestId).toBe('tier-1');
    expect(body.results[0]).toMatchObject({
      partnerId: '001000000000001',
      action: 'PROMOTE',
      recommendedTier: 'SILVER'
    });
  });

  it('requires the API key', async () => {
    expect((await post('/v1/partner/tier-review', tierBody, {})).statusCode).toBe(401);
  });

  it.each([
    ['an unknown tier', { ...tierBody, tiers: [{ tier: 'DIAMOND', thresholds }] }, '/tiers/0/tier'],
    [
      'a rate above 1',
      { ...tierBody, tiers: [{ tier: 'SILVER', thresholds: { ...thresholds, approvalRate: 40 } }] },
      '/tiers/0/thresholds/approvalRate'
    ],
    [
      'a negative count',
      { ...tierBody, partners: [{ ...tierBody.partners[0], metrics: { ...metrics, registrations: -1 } }] },
      '/partners/0/metrics/registrations'
    ],
    [
      'a missing measure',
      {
        ...tierBody,
        partners: [{ ...tierBody.partners[0], metrics: { ...metrics, certifications: undefined } }]
      },
      '/partners/0/metrics/certifications'
    ],
    ['no partners', { ...tierBody, partners: [] }, '/partners'],
    [
      '201 partners',
      { ...tierBody, partners: Array.from({ length: 201 }, () => tierBody.partners[0]) },
      '/partners'
    ],
    [
      'a current tier without thresholds',
      { ...tierBody, partners: [{ ...tierBody.partners[0], currentTier: 'GOLD' }] },
      '/partners/0/currentTier'
    ]
  ])('rejects %s with a 400 naming the field', async (_label, payload, path) => {
    const res = await post('/v1/partner/tier-review', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe('POST /v1/partner/onboarding-answer', () => {
  const articles = guideArticles('Reseller');

  it('answers from the content sent', async () => {
    const res = await post('/v1/partner/onboarding-answer', {
      question: 'How do I get a demo environment?',
      partnerType: 'Reseller',
      articles
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      known: true,
      engine: 'builtin',
      fallback: false,
      sources: [{ id: 'Demo_Environment' }]
    });
  });

  it.each([
    ['a blank question', { question: '  ', articles }, '/question'],
    ['a question over 1,000 characters', { question: 'x'.repeat(1001), articles }, '/question'],
    ['no content', { question: 'hello', articles: [] }, '/articles'],
    [
      'an entry without a body',
      { question: 'hello', articles: [{ id: 'a', title: 't' }] },
      '/articles/0/body'
    ],
    ['an unknown property', { question: 'hello', articles, managerNotes: 'x' }, '/managerNotes']
  ])('rejects %s with a 400 naming the field', async (_label, payload, path) => {
    const res = await post('/v1/partner/onboarding-answer', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
