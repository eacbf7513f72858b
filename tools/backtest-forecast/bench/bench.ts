/**
 * `npm run forecast:bench [-- DEALS]`: a forecast of 100,000 open deals (default) with five years
 * of weekly registration history, monthly closed outcomes and 2,000 partners, timed in the function
 * in two ways: the forecast itself in-process, and POST /v1/forecast through the app (JSON parsing,
 * schema validation, the worker pool) three times on a warm app. Wall and CPU time (all threads)
 * are printed with the load average; target: under 2 s, judged on CPU time because wall time on a
 * shared machine measures the neighbours. Exits non-zero when the request misses it.
 */
import os from 'node:os';
import { buildApp } from '../../../functions/deal-scoring/src/app';
import { defaultConfig } from '../../../functions/deal-scoring/src/config';
import { forecast } from '../../../functions/deal-scoring/src/forecast/forecast';
import { dateOfDay, dayNumber } from '../../../functions/deal-scoring/src/forecast/calendar';
import { rng } from '../../../functions/deal-scoring/src/forecast/model';
import type { ForecastRequest } from '../../../functions/deal-scoring/src/forecast/schemas';

const TARGET_MS = 2000;

/** Process CPU time (every thread, the worker pool included) in ms. */
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
const TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'REGISTERED'] as const;
const STAGES = ['Qualification', 'Proposal', 'Negotiation'];

export function benchRequest(deals: number, seed = 5): ForecastRequest {
  const r = rng(seed);
  const asOf = '2026-12-01';
  const asOfDay = dayNumber(asOf);
  const partners = Array.from({ length: 2000 }, (_, i) => ({
    id: `0015g00000B${String(i).padStart(4, '0')}AAA`,
    name: `Partner ${i}`,
    tier: TIERS[i % 4]!,
    won: Math.floor(r() * 80),
    lost: Math.floor(r() * 80),
    averageDealSize: Math.round(20_000 + r() * 80_000)
  }));
  const pipeline = Array.from({ length: deals }, (_, i) => {
    const p = partners[Math.floor(r() * partners.length)]!;
    return {
      id: `a0B5g0000${String(i).padStart(9, '0')}`,
      partnerId: p.id,
      region: REGIONS[i % 4]!,
      tier: p.tier,
      stage: STAGES[Math.floor(r() * 3)]!,
      stageAgeDays: Math.floor(r() * 120),
      closeDate: dateOfDay(asOfDay + Math.floor(r() * 200) - 10),
      amount: Math.round(5_000 + r() * 150_000),
      ...(i % 3 === 0 ? { currency: 'EUR' } : {})
    };
  });
  const registrations: ForecastRequest['history']['registrations'] = [];
  const closed: ForecastRequest['history']['closed'] = [];
  const first = asOfDay - 5 * 364;
  for (let w = first - ((((first - 4) % 7) + 7) % 7); w < asOfDay; w += 7)
    for (const region of REGIONS)
      for (const tier of TIERS)
        registrations.push({ week: dateOfDay(w), region, tier, count: 20, amount: 20 * 60_000 });
  for (let m = 0; m < 60; m++) {
    const d = new Date(Date.UTC(2021, 12 + m - 1, 1)).toISOString().slice(0, 7);
    for (const region of REGIONS)
      for (const tier of TIERS)
        closed.push({
          month: d,
          region,
          tier,
          won: 30,
          lost: 40,
          wonAmount: 30 * 60_000,
          lostAmount: 40 * 60_000
        });
  }
  return {
    requestId: 'bench',
    asOf,
    currency: 'USD',
    quarters: 2,
    stages: STAGES.map((name, i) => ({ name, probability: 20 + 25 * i, won: 500, lost: 700 })),
    exchangeRates: [
      { currency: 'EUR', rate: 0.92 },
      { currency: 'EUR', rate: 0.9, startDate: '2026-10-01' }
    ],
    partners,
    pipeline,
    history: {
      closed,
      registrations,
      cycle: [30, 60, 90, 120, 180, 365].map((upToDays, i) => ({
        upToDays,
        won: [50, 200, 300, 200, 100, 50][i]!
      }))
    }
  };
}

async function main(): Promise<void> {
  const deals = Number(process.argv[2] ?? 100_000);
  const req = benchRequest(deals);
  const body = JSON.stringify(req);
  console.log(
    `${deals.toLocaleString('en-US')} open deals, ${req.partners.length} partners, ${req.history.registrations.length} weekly and ${req.history.closed.length} monthly history rows; body ${(body.length / 1048576).toFixed(1)} MiB`
  );
  console.log(
    `load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`
  );
  forecast(req); // warm-up
  let t = performance.now();
  let cpu = process.cpuUsage();
  const out = forecast(req);
  const core = performance.now() - t;
  const coreCpu = cpuMs(process.cpuUsage(cpu));
  console.log(
    `forecast() in-process: ${core.toFixed(0)} ms wall, ${coreCpu.toFixed(0)} ms CPU (${out.simulations} simulations, P50 of ${out.quarters[0]!.id}: ${Math.round(out.quarters[0]!.total.p50)})`
  );
  const app = await buildApp(defaultConfig({ logLevel: 'warn', workerThreads: 1 }));
  await app.ready();
  const timings: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    cpu = process.cpuUsage();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/forecast',
      headers: { 'content-type': 'application/json' },
      payload: body
    });
    timings.push(performance.now() - t);
    cpus.push(cpuMs(process.cpuUsage(cpu)));
    if (res.statusCode !== 200)
      throw new Error(`POST /v1/forecast answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  }
  await app.close();
  const best = Math.min(...timings);
  const bestCpu = Math.min(...cpus);
  console.log(
    `POST /v1/forecast (parse, validate, worker pool, serialize): wall ${timings.map((x) => x.toFixed(0)).join(', ')} ms; ` +
      `CPU (all threads) ${cpus.map((x) => x.toFixed(0)).join(', ')} ms; best ${best.toFixed(0)} ms wall, ${bestCpu.toFixed(0)} ms CPU (target ${TARGET_MS} ms)`
  );
  // On a shared machine wall time measures the neighbours: the target is judged on CPU time (what
  // the wall time is on an idle machine), and both are printed.
  if (bestCpu > TARGET_MS) process.exitCode = 1;
}

if (require.main === module) void main();
