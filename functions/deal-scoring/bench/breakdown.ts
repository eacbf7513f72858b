/**
 * Where the CPU of one /v1/score request (one deal, 200 candidates) goes, next to the bare
 * Fastify route the HTTP benchmark compares it with. Each phase runs alone in this process,
 * in-process (Fastify's inject, no sockets), and is timed in CPU microseconds per request:
 * the difference between the two routes is what the 1.2x / 0.6x targets in RESULTS.md ask to
 * remove. Usage: `npm run bench:breakdown [-- --n=2000]`; `npm run bench` adds it to RESULTS.md.
 */
import { buildApp } from '../src/app';
import { parseJsonBody } from '../src/body';
import { defaultConfig } from '../src/config';
import { scoreRequest } from '../src/engine/score';
import { ScoreRequest } from '../src/schemas';
import { checkerFor } from '../src/validation';
import { bareApp } from './bare';
import { scoreRequestWithCandidates } from './data';

const KEY = 'bench-key-0123456789abcdef';

/** CPU microseconds per call of `fn`, after a warm-up. */
async function cpuPerCall(n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(500, n); i++) await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

/** The breakdown as markdown lines (a table and what it means for the targets). */
export async function cpuBreakdown(n: number): Promise<string[]> {
  const request = scoreRequestWithCandidates(200);
  const text = JSON.stringify(request);
  const body = Buffer.from(text);
  const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

  const app = await buildApp(
    defaultConfig({ apiKeys: [KEY], logLevel: 'silent', rateLimitMax: 1e9, workerThreads: 0 })
  );
  const bare = bareApp();
  await bare.ready();

  let status = 0;
  const appTotal = await cpuPerCall(n, async () => {
    status = (await app.inject({ method: 'POST', url: '/v1/score', payload: body, headers })).statusCode;
  });
  if (status !== 200) throw new Error(`/v1/score answered ${status}, not 200`);
  const bareTotal = await cpuPerCall(n, () =>
    bare.inject({ method: 'POST', url: '/bare', payload: body, headers })
  );
  const parse = await cpuPerCall(n, () => parseJsonBody(body, 'application/json'));
  const check = checkerFor(ScoreRequest);
  const parsed = JSON.parse(text) as unknown;
  if (!check.Check(parsed)) throw new Error('the benchmark request does not validate');
  const validate = await cpuPerCall(n, () => check.Check(parsed));
  // Scoring a freshly parsed request, as the route does (the garbage it leaves is counted too).
  const bareParse = await cpuPerCall(n, () => JSON.parse(text));
  let response: unknown;
  const parseAndScore = await cpuPerCall(n, async () => {
    response = await scoreRequest(JSON.parse(text) as typeof request);
  });
  const score = parseAndScore - bareParse;
  const serialize = await cpuPerCall(n, () => JSON.stringify(response));
  await app.close();
  await bare.close();

  const framework = appTotal - parse - validate - score - serialize;
  const bareFramework = bareTotal - bareParse;
  const rows: [string, number, number][] = [
    ['whole request (inject)', appTotal, bareTotal],
    ['JSON body parse (UTF-8, prototype keys, surrogates)', parse, bareParse],
    ['schema validation (TypeBox)', validate, 0],
    ['scoring (200 candidates, explanation)', score, 0],
    ['response serialization', serialize, 0],
    ['framework, hooks (auth, rate limit, metrics, headers), GC: the rest', framework, bareFramework]
  ];
  const us = (v: number) => (v === 0 ? '-' : v.toFixed(0));
  const floor = parse + validate + score + serialize + bareFramework;
  return [
    `CPU per request in microseconds, one thread, in-process (Fastify inject, no sockets), ${n} requests per phase, body ${(body.length / 1024).toFixed(1)} KiB (\`npm run bench:breakdown\`):`,
    '',
    '| phase | /v1/score | bare route |',
    '| --- | --- | --- |',
    ...rows.map(([name, a, b]) => `| ${name} | ${us(a)} | ${us(b)} |`),
    '',
    `CPU ratio of /v1/score to the bare route: ${(appTotal / bareTotal).toFixed(2)}x. Were the hooks free (only the bare route's ` +
      `framework cost added to this request's own parse, validation, scoring and serialization) it would be ` +
      `${(floor / bareTotal).toFixed(2)}x; throughput of 0.6x the bare route allows at most ${(bareTotal / 0.6).toFixed(0)} µs per request.`
  ];
}

async function main(): Promise<void> {
  const arg = process.argv.find((a) => a.startsWith('--n='));
  const n = arg ? Number(arg.slice(4)) : 2000;
  if (!Number.isInteger(n) || n < 100) throw new Error(`--n must be an integer of at least 100 (got ${arg})`);
  console.log((await cpuBreakdown(n)).join('\n'));
}

if (require.main === module) {
  void main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
