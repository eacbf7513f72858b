/**
 * `npm run bench:ab [-- --repeats 3 --seconds 6]`: paired A/B runs of the offload rule on a shared
 * machine, where absolute latencies move with other jobs' load. Each repeat runs, interleaved (the
 * order alternates every repeat), the same benchmark against
 *   A: the previous rule (WORKER_INLINE_MAX_COST 40, every body parsed on the main thread),
 *   B: the current defaults (src/config.ts),
 * and reports each repeat's figures with the load average, then medians and B/A ratios:
 *   - isolation: the example request paced at 20/s while 4 clients send maximum-size requests;
 *   - /v1/score with one deal and 200 candidates at a steady 200 req/s next to the bare route
 *     (p99 ratio to bare), and unthrottled throughput (ratio to bare).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { httpBench, isolationBench, type LoadResult } from './lib';

const CONFIGS = {
  A: { BENCH_INLINE_MAX_COST: '40', BENCH_RAW_MIN_BYTES: String(2 ** 30) },
  B: {}
} as const;
type Name = keyof typeof CONFIGS;

interface Run {
  repeat: number;
  config: Name;
  load: string;
  exampleP50: number;
  exampleP99: number;
  heavyRps: number;
  steadyP99: number;
  bareP99: number;
  rps: number;
  bareRps: number;
}

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join('/');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function one(repeat: number, config: Name, seconds: number): Promise<Run> {
  const env = { ...CONFIGS[config] };
  const before = loadavg();
  const iso = await isolationBench({ seconds, workers: 2, env });
  const h = await httpBench({ steadySeconds: seconds, maxSeconds: 3, rate: 200, env });
  const p = (r: LoadResult) => r.p99;
  return {
    repeat,
    config,
    load: `${before} → ${loadavg()}`,
    exampleP50: iso.example.p50,
    exampleP99: iso.example.p99,
    heavyRps: iso.heavy.rps,
    steadyP99: p(h.steadyApp),
    bareP99: p(h.steadyBare),
    rps: h.maxApp.rps,
    bareRps: h.maxBare.rps
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { repeats: { type: 'string', default: '3' }, seconds: { type: 'string', default: '6' } }
  });
  const repeats = Number(values.repeats);
  const seconds = Number(values.seconds);
  const runs: Run[] = [];
  const lines: string[] = [];
  const out = (s: string) => {
    lines.push(s);
    process.stdout.write(s + '\n');
  };
  out('# Offload rule: paired A/B runs');
  out('');
  out(
    `- Date: ${new Date().toISOString()}; command: \`npm run bench:ab -- --repeats ${repeats} --seconds ${seconds}\`; ${os.cpus().length} CPUs, Node ${process.version}; load average at start ${loadavg()} (shared machine)`
  );
  out(
    `- A: the previous rule (${JSON.stringify(CONFIGS.A)}: WORKER_INLINE_MAX_COST 40, every body parsed on the main thread); B: the current defaults. Order alternates every repeat.`
  );
  out('');
  out(
    '| repeat | config | load avg (1/5/15 min, before → after) | example p50 | example p99 | heavy req/s | 200c p99 @200/s | bare p99 @200/s | p99 / bare | req/s | bare req/s | req/s / bare |'
  );
  out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (let r = 1; r <= repeats; r++) {
    const order: Name[] = r % 2 === 1 ? ['A', 'B'] : ['B', 'A'];
    for (const c of order) {
      const x = await one(r, c, seconds);
      runs.push(x);
      out(
        `| ${r} | ${c} | ${x.load} | ${x.exampleP50} | ${x.exampleP99} | ${x.heavyRps.toFixed(1)} | ${x.steadyP99} | ${x.bareP99} | ${(x.steadyP99 / x.bareP99).toFixed(2)} | ${x.rps.toFixed(0)} | ${x.bareRps.toFixed(0)} | ${(x.rps / x.bareRps).toFixed(2)} |`
      );
    }
  }
  const med = (c: Name, f: (x: Run) => number) => median(runs.filter((x) => x.config === c).map(f));
  out('');
  out('| median | example p99 ms | 200c p99 / bare p99 | req/s / bare req/s |');
  out('| --- | --- | --- | --- |');
  for (const c of ['A', 'B'] as const)
    out(
      `| ${c} | ${med(c, (x) => x.exampleP99).toFixed(1)} | ${med(c, (x) => x.steadyP99 / x.bareP99).toFixed(2)} | ${med(c, (x) => x.rps / x.bareRps).toFixed(2)} |`
    );
  const pairs = (f: (x: Run) => number) =>
    median(
      Array.from({ length: repeats }, (_, i) => {
        const a = runs.find((x) => x.repeat === i + 1 && x.config === 'A')!;
        const b = runs.find((x) => x.repeat === i + 1 && x.config === 'B')!;
        return f(b) / f(a);
      })
    );
  out('');
  out(
    `Paired B/A (median over repeats): example p99 ${pairs((x) => x.exampleP99).toFixed(2)}x, 200c p99 at 200 req/s ${pairs((x) => x.steadyP99).toFixed(2)}x, unthrottled req/s ${pairs((x) => x.rps).toFixed(2)}x.`
  );
  const file = path.join(__dirname, 'AB.md');
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(lines.join('\n') + '\n', { ...options, parser: 'markdown' }));
  process.stdout.write('\nSaved to functions/deal-scoring/bench/AB.md\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
