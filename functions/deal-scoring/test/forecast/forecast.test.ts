/**
 * POST /v1/forecast: contract, bad input (400s with paths), "not enough history" instead of
 * made-up numbers, determinism, the per-deal method's directions, partner-safe insights.
 */
import { buildApp } from '../../src/app';
import { defaultConfig } from '../../src/config';
import { forecast } from '../../src/forecast/forecast';
import { ForecastResponse, type ForecastRequest } from '../../src/forecast/schemas';
import { buildModel } from '../../src/forecast/model';
import { checkForecastRequest } from '../../src/forecast/inputs';
import { fieldErrors } from '../../src/validation';
import { ErrorResponse } from '../../src/schemas';

const P1 = '0015g00000P0001AAA';
const P2 = '0015g00000P0002AAA';

/** Three years of weekly registrations and monthly outcomes for NA Gold, and a small pipeline. */
function request(overrides: Partial<ForecastRequest> = {}): ForecastRequest {
  const registrations: ForecastRequest['history']['registrations'] = [];
  for (let d = Date.UTC(2023, 11, 4); d < Date.UTC(2026, 11, 1); d += 7 * 86_400_000)
    registrations.push({
      week: new Date(d).toISOString().slice(0, 10),
      region: 'NA',
      tier: 'GOLD',
      count: 10,
      amount: 500_000
    });
  const closed: ForecastRequest['history']['closed'] = [];
  for (let m = 0; m < 36; m++) {
    const month = new Date(Date.UTC(2023, 11 + m, 1)).toISOString().slice(0, 7);
    closed.push({
      month,
      region: 'NA',
      tier: 'GOLD',
      won: 12,
      lost: 18,
      wonAmount: 600_000,
      lostAmount: 900_000
    });
  }
  return {
    requestId: 'fc-1',
    asOf: '2026-12-01',
    currency: 'USD',
    simulations: 500,
    stages: [
      { name: 'Proposal', probability: 40 },
      { name: 'Negotiation', probability: 70 }
    ],
    exchangeRates: [{ currency: 'EUR', rate: 0.5, startDate: '2026-01-01' }],
    partners: [
      { id: P1, name: 'Northwind Solutions', tier: 'GOLD', won: 40, lost: 10, averageDealSize: 50_000 },
      { id: P2, name: 'Blue River Consulting', tier: 'GOLD', won: 2, lost: 30, averageDealSize: 50_000 }
    ],
    pipeline: [
      {
        id: 'd1',
        partnerId: P1,
        region: 'NA',
        tier: 'GOLD',
        stage: 'Negotiation',
        stageAgeDays: 5,
        closeDate: '2026-12-20',
        amount: 100_000
      },
      {
        id: 'd2',
        partnerId: P2,
        region: 'NA',
        tier: 'GOLD',
        stage: 'Negotiation',
        stageAgeDays: 5,
        closeDate: '2026-12-20',
        amount: 100_000
      },
      {
        id: 'd3',
        partnerId: P1,
        region: 'NA',
        tier: 'GOLD',
        stage: 'Proposal',
        stageAgeDays: 10,
        closeDate: '2027-02-10',
        amount: 10_000,
        currency: 'EUR'
      }
    ],
    history: {
      closed,
      registrations,
      cycle: [
        { upToDays: 30, won: 10 },
        { upToDays: 90, won: 60 },
        { upToDays: 180, won: 30 }
      ]
    },
    ...overrides
  };
}

describe('forecast()', () => {
  it('answers every quarter with ordered bands, drivers that add up, and is deterministic', () => {
    const a = forecast(request());
    expect(fieldErrors(ForecastResponse, a)).toEqual([]);
    expect(a.quarters.map((q) => q.id)).toEqual(['2026-Q4', '2027-Q1']);
    for (const q of a.quarters) {
      expect(q.total.p10).toBeLessThanOrEqual(q.total.p50);
      expect(q.total.p50).toBeLessThanOrEqual(q.total.p90);
      const expected =
        q.drivers.filter((d) => d.code !== 'STAGE_BASELINE').reduce((s, d) => s + d.amount, 0) +
        q.drivers.find((d) => d.code === 'STAGE_BASELINE')!.amount;
      expect(expected).toBeCloseTo(
        q.total.closedToDate + q.total.registered + (q.total.notYetRegistered ?? 0),
        0
      );
      expect(Math.abs(q.total.expected - expected) / expected).toBeLessThan(0.05);
    }
    expect(JSON.stringify(forecast(request()))).toBe(JSON.stringify(a));
    expect(JSON.stringify(forecast(request({ seed: 2 })))).not.toBe(JSON.stringify(a));
  });

  it('gives a partner with a strong record a higher win probability than one with a weak record, and shrinks a short record', () => {
    const req = request();
    const m = buildModel(req, checkForecastRequest(req));
    const [strong, weak] = m.deals;
    expect(strong!.p[4]).toBeGreaterThan(weak!.p[4]);
    const fresh = request({
      partners: [
        { id: P1, tier: 'GOLD', won: 1, lost: 0 },
        { id: P2, tier: 'GOLD', won: 40, lost: 0 },
        { id: 'P3', tier: 'GOLD', won: 100, lost: 100 }
      ]
    });
    const f = buildModel(fresh, checkForecastRequest(fresh));
    // One win is not a 100% record: pulled toward the tier, below a partner with forty wins.
    expect(f.deals[0]!.p[2]).toBeLessThan(f.deals[1]!.p[2]);
    expect(f.deals[0]!.p[2]).toBeLessThan(0.9);
  });

  it('lowers deals that sit in their stage longer than usual and deals far above the partner size', () => {
    const base = request();
    const old = request({ pipeline: [{ ...base.pipeline[0]!, stageAgeDays: 400 }, base.pipeline[1]!] });
    const big = request({ pipeline: [{ ...base.pipeline[0]!, amount: 1_000_000 }, base.pipeline[1]!] });
    const p = (r: ForecastRequest) => buildModel(r, checkForecastRequest(r)).deals[0]!.p[4];
    expect(p(old)).toBeLessThan(p(base));
    expect(p(big)).toBeLessThan(p(base));
  });

  it('converts with the dated rate in force and names deals whose close date has passed', () => {
    const a = forecast(request());
    const b = forecast(
      request({ exchangeRates: [{ currency: 'EUR', rate: 0.25, startDate: '2026-01-01' }] })
    );
    // d3 (EUR) closes in 2027-Q1: at half the rate it is worth twice as many dollars.
    expect(b.quarters[1]!.total.registered - a.quarters[1]!.total.registered).toBeCloseTo(
      a.quarters[1]!.total.registered - 0,
      -3
    );
    const past = forecast(request({ pipeline: [{ ...request().pipeline[0]!, closeDate: '2026-10-01' }] }));
    expect(past.quarters[0]!.total.openDeals).toBe(1);
    expect(past.insights.managerOnly.map((i) => i.code)).toContain('PAST_CLOSE_DATES');
  });

  it('says "not enough history" instead of forecasting deals not registered yet', () => {
    const f = forecast(request({ history: { closed: [], registrations: [], cycle: [] } }));
    expect(f.quarters[0]!.total.notYetRegistered).toBeUndefined();
    expect(f.quarters[0]!.total.history).toBe('NOT_ENOUGH');
    expect(f.quarters[0]!.drivers.map((d) => d.code)).not.toContain('NEW_REGISTRATIONS');
    expect(f.insights.managerOnly.find((i) => i.code === 'NOT_ENOUGH_HISTORY')?.text).toMatch(/not forecast/);
    const thin = request();
    thin.history.closed = thin.history.closed.slice(-2);
    const g = forecast(thin);
    expect(g.quarters[0]!.segments[0]!.history).toBe('NOT_ENOUGH');
    expect(g.insights.managerOnly.find((i) => i.segment === 'NA|GOLD')?.text).toMatch(
      /Not enough history for NA Gold: \d+ decided deals/
    );
  });

  it('forecasts an empty pipeline from the run-rate and says so', () => {
    const f = forecast(request({ pipeline: [] }));
    expect(f.quarters[0]!.total.registered).toBe(0);
    expect(f.quarters[0]!.total.notYetRegistered).toBeGreaterThan(0);
    expect(f.insights.managerOnly.map((i) => i.code)).toContain('NO_PIPELINE');
  });

  it('keeps partner names, ids and amounts out of the partner-safe insights', () => {
    const req = request();
    // Registrations down 60% on last year: a risk both audiences hear about.
    for (const r of req.history.registrations) if (r.week >= '2026-09-01') r.count = 4;
    const f = forecast(req);
    expect(f.insights.partnerSafe.map((i) => i.code)).toContain('REGISTRATIONS_DOWN');
    expect(f.insights.managerOnly.find((i) => i.code === 'REGISTRATIONS_DOWN')?.text).toMatch(
      /^2026-Q4 channel forecast at risk: registrations from Gold partners in NA are down 60% on last year/
    );
    const safe = JSON.stringify(f.insights.partnerSafe);
    for (const leak of [P1, P2, 'Northwind', 'Blue River', 'USD']) expect(safe).not.toContain(leak);
    expect(JSON.stringify(f.insights.managerOnly)).toContain('USD');
  });
});

describe('POST /v1/forecast', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    app = await buildApp(defaultConfig({ workerThreads: 1 }));
    await app.ready();
    // Warms up a worker thread, which loads the function's sources itself: seconds under load.
  }, 60_000);
  afterAll(() => app.close());
  const post = (payload: unknown) =>
    app.inject({
      method: 'POST',
      url: '/v1/forecast',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(payload)
    });

  it('answers on the worker pool with the documented shape', async () => {
    const res = await post(request());
    expect(res.statusCode).toBe(200);
    expect(fieldErrors(ForecastResponse, res.json())).toEqual([]);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(forecast(request()))));
  });

  it.each([
    ['negative amount', (r: ForecastRequest) => (r.pipeline[0]!.amount = -5), '/pipeline/0/amount'],
    ['absurd amount', (r: ForecastRequest) => (r.pipeline[0]!.amount = 5e12), '/pipeline/0/amount'],
    ['unknown currency', (r: ForecastRequest) => (r.pipeline[1]!.currency = 'XYZ'), '/pipeline/1/currency'],
    ['unknown stage', (r: ForecastRequest) => (r.pipeline[2]!.stage = 'Closed Maybe'), '/pipeline/2/stage'],
    [
      'history after asOf',
      (r: ForecastRequest) => (r.history.closed[0]!.month = '2027-01'),
      '/history/closed/0/month'
    ],
    [
      'unknown region',
      (r: ForecastRequest) => ((r.pipeline[0] as { region: string }).region = 'MARS'),
      '/pipeline/0/region'
    ],
    [
      'not a date',
      (r: ForecastRequest) => (r.pipeline[0]!.closeDate = '2026-02-30'),
      '/pipeline/0/closeDate'
    ],
    [
      'duplicate stage',
      (r: ForecastRequest) => r.stages.push({ name: 'Proposal', probability: 10 }),
      '/stages/2/name'
    ],
    ['cycle out of order', (r: ForecastRequest) => r.history.cycle.reverse(), '/history/cycle/1/upToDays']
  ])('400 for %s, naming %s', async (_what, mutate, path) => {
    const body = request();
    mutate(body);
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(fieldErrors(ErrorResponse, res.json())).toEqual([]);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
