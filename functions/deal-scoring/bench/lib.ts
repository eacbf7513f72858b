/** Benchmark building blocks (used by run.ts and smoke-tested by test/bench-smoke.test.ts). */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { compareNormalized } from '../src/matching/names';
import { computeNormalizedName, type NormalizedName } from '../src/matching/normalize';
import { findConflictingPairs } from '../src/matching/blocking';
import { readFileSync } from 'node:fs';
import { bulkRegistrations, company, maxSizeRequest, rng, scoreRequestWithCandidates, variant } from './data';

export interface ServerHandle {
  port: number;
  stop: () => Promise<void>;
}

/** Starts bench/server.ts in a child process (its own event loop) and waits for its port. */
export function startServer(mode: 'app' | 'bare', env: Record<string, string> = {}): Promise<ServerHandle> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'server.ts')],
    {
      env: { ...process.env, BENCH_MODE: mode, ...env },
      stdio: ['ignore', 'pipe', 'inherit']
    }
  );
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => {
      const { port } = JSON.parse(line) as { port: number };
      resolve({
        port,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          })
      });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
}

export interface LoadResult {
  p50: number;
  p99: number;
  max: number;
  rps: number;
  errors: number;
  non2xx: number;
  total: number;
  /** paced() only: p99 of how late the generator sent against its schedule, in ms */
  schedulerLagP99?: number;
}

export async function load(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { duration: number; overallRate?: number; connections?: number }
): Promise<LoadResult> {
  const r = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: opts.connections ?? 10,
    duration: opts.duration,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {})
  });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    rps: r.requests.average,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r['2xx'] + r.non2xx
  };
}

/**
 * Open-loop load at an even pace: request i is sent at start + i / rate, whatever happened to the
 * ones before (a slow server cannot slow the generator down and hide its queue). Latency runs from
 * the moment the request is written; how late the generator itself was against the schedule is
 * reported apart (schedulerLagP99), so its own timer jitter is not charged to the server. Hand-written because autocannon's overallRate sends each
 * second's quota in a burst at the start of the second, which measured a bare Fastify route at a
 * p99 of ~25-30 ms on this machine: the burst's queueing, not the server.
 */
export async function paced(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: { rate: number; seconds: number }
): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  const lags: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now() + 20;
  const one = (sent: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers
          }
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - sent);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx += 1;
            resolve();
          });
        }
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const now = performance.now();
    lags.push(now - due);
    inflight.push(one(now));
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  const pctOf = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
  const pct = (q: number) => pctOf(latencies, q);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    p50: round(pct(0.5)),
    p99: round(pct(0.99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
    rps: latencies.length / elapsed,
    errors,
    non2xx,
    total: latencies.length,
    schedulerLagP99: round(pctOf(lags, 0.99))
  };
}

export interface HttpBench {
  steadyApp: LoadResult;
  steadyBare: LoadResult;
  maxApp: LoadResult;
  maxBare: LoadResult;
  bodyBytes: number;
}

/** /v1/score with one deal and 200 candidates vs a bare Fastify route, same body, same run. */
export async function httpBench(opts: {
  steadySeconds: number;
  maxSeconds: number;
  rate: number;
  env?: Record<string, string>;
}): Promise<HttpBench> {
  const body = JSON.stringify(scoreRequestWithCandidates(200));
  const app = await startServer('app', opts.env);
  const bare = await startServer('bare');
  try {
    const appUrl = `http://127.0.0.1:${app.port}/v1/score`;
    const bareUrl = `http://127.0.0.1:${bare.port}/bare`;
    const auth = { authorization: 'Bearer bench-key-0123456789abcdef' };
    // Warm-up (JIT, caches) before measuring.
    await load(appUrl, body, auth, { duration: 1 });
    await load(bareUrl, body, {}, { duration: 1 });
    const steadyApp = await paced(appUrl, body, auth, { rate: opts.rate, seconds: opts.steadySeconds });
    const steadyBare = await paced(bareUrl, body, {}, { rate: opts.rate, seconds: opts.steadySeconds });
    const maxApp = await load(appUrl, body, auth, { duration: opts.maxSeconds });
    const maxBare = await load(bareUrl, body, {}, { duration: opts.maxSeconds });
    return { steadyApp, steadyBare, maxApp, maxBare, bodyBytes: Buffer.byteLength(body) };
  } finally {
    await app.stop();
    await bare.stop();
  }
}

/** A realistic name population: synthetic companies plus variants of them. */
export function namePopulation(n: number): string[] {
  const r = rng(99);
  const out: string[] = [];
  while (out.length < n) {
    const c = company(r);
    out.push(c.name);
    if (r() < 0.3) out.push(variant(r, c.name));
  }
  return out.slice(0, n);
}

export interface NameSpeed {
  /** Per second of wall-clock time. */
  comparisonsPerSecond: number;
  /** Per second of CPU time of this thread: the per-core rate, independent of other load. */
  comparisonsPerCpuSecond: number;
  normalizationsPerSecond: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/** Single-thread comparisons of prepared (normalized) names, and uncached normalizations. */
export function nameSpeed(ms: number): NameSpeed {
  const names = namePopulation(2000);
  const prepared: NormalizedName[] = names.map(computeNormalizedName);
  const r = rng(5);
  const idx = Array.from({ length: 1 << 16 }, () => Math.floor(r() * prepared.length));
  let n = 0;
  let sink = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < end) {
    for (let k = 0; k < 4096; k += 2) {
      sink += compareNormalized(
        prepared[idx[(n + k) & 0xffff] as number]!,
        prepared[idx[(n + k + 1) & 0xffff] as number]!
      ).similarity;
    }
    n += 2048;
  }
  const compSecs = Number(process.hrtime.bigint() - start) / 1e9;
  const compCpu = cpuSeconds(cpu);
  let m = 0;
  const start2 = process.hrtime.bigint();
  const end2 = start2 + BigInt(Math.max(50, Math.floor(ms / 4))) * 1_000_000n;
  while (process.hrtime.bigint() < end2) {
    for (let k = 0; k < 256; k++)
      sink += computeNormalizedName(names[(m + k) % names.length] as string).weight;
    m += 256;
  }
  const normSecs = Number(process.hrtime.bigint() - start2) / 1e9;
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return {
    comparisonsPerSecond: n / compSecs,
    comparisonsPerCpuSecond: n / compCpu,
    normalizationsPerSecond: m / normSecs
  };
}

export interface BulkBench {
  records: number;
  seconds: number;
  cpuSeconds: number;
  comparisons: number;
  flaggedPairs: number;
  plantedPairs: number;
  plantedFound: number;
  flaggedOutsidePlanted: number;
  peakRssMiB: number;
  seed: number;
  blocks: number;
  skippedBlocks: number;
  /** CPU seconds per phase (BulkResult.cpuSeconds). */
  phases: { prepare: number; index: number; compare: number };
}

/** n registrations (20% re-registrations of an earlier customer by another partner), all against all via blocking. */
export function bulkBench(n: number, threshold = 0.82, seed = 7): BulkBench {
  const records = bulkRegistrations(n, 0.2, seed);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = findConflictingPairs(records, threshold);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuUsed = cpuSeconds(cpu);
  // Ground truth: pairs of the same group registered by different partners.
  const groups = new Map<number, number[]>();
  records.forEach((rec, i) => {
    const g = groups.get(rec.group);
    if (g) g.push(i);
    else groups.set(rec.group, [i]);
  });
  let plantedPairs = 0;
  for (const members of groups.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        if (records[members[x]!]!.partner !== records[members[y]!]!.partner) plantedPairs++;
      }
    }
  }
  let plantedFound = 0;
  let outside = 0;
  for (const p of result.pairs) {
    if (records[p.a]!.group === records[p.b]!.group) plantedFound++;
    else outside++;
  }
  return {
    records: n,
    seconds,
    cpuSeconds: cpuUsed,
    comparisons: result.comparisons,
    flaggedPairs: result.pairs.length,
    plantedPairs,
    plantedFound,
    flaggedOutsidePlanted: outside,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    seed,
    blocks: result.blocks,
    skippedBlocks: result.skippedBlocks,
    phases: result.cpuSeconds
  };
}

export interface IsolationBench {
  workers: number;
  heavyBodyBytes: number;
  heavyDeals: number;
  heavyCandidates: number;
  /** The example request, paced, while 4 clients send maximum-size requests back to back. */
  example: LoadResult;
  heavy: LoadResult;
}

/**
 * Finding 1 of issue 17: 4 clients send maximum-size /v1/score requests back to back while the
 * example request (examples/score-request.json) is sent at an even 20 per second; its latency is
 * what one heavy tenant costs everyone else. Run with the worker pool and inline for comparison.
 */
export async function isolationBench(opts: {
  seconds: number;
  workers: number;
  env?: Record<string, string>;
}): Promise<IsolationBench> {
  const big = maxSizeRequest();
  const heavyBody = JSON.stringify(big);
  const example = readFileSync(path.join(__dirname, '../examples/score-request.json'), 'utf8');
  const app = await startServer('app', { BENCH_WORKERS: String(opts.workers), ...opts.env });
  try {
    const url = `http://127.0.0.1:${app.port}/v1/score`;
    const auth = { authorization: 'Bearer bench-key-0123456789abcdef' };
    await load(url, example, auth, { duration: 1 });
    await load(url, heavyBody, auth, { duration: 2, connections: 2 });
    const heavyRun = load(url, heavyBody, auth, { duration: opts.seconds + 2, connections: 4 });
    await new Promise((r) => setTimeout(r, 1000));
    const probe = await paced(url, example, auth, { rate: 20, seconds: opts.seconds });
    const heavy = await heavyRun;
    return {
      workers: opts.workers,
      heavyBodyBytes: Buffer.byteLength(heavyBody),
      heavyDeals: big.deals.length,
      heavyCandidates: big.deals.reduce((n, d) => n + (d.candidates?.length ?? 0), 0),
      example: probe,
      heavy
    };
  } finally {
    await app.stop();
  }
}
