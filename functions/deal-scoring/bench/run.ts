/**
 * `npm run bench`: the scoring function's performance report, printed and saved to
 * bench/RESULTS.md. Not part of `npm test` (test/bench-smoke.test.ts runs a tiny version).
 *   - /v1/score, one deal with 200 candidates, steady 200 req/s for 10 s (evenly paced, open loop: lib.ts paced())
 *     beside a bare Fastify route in the same run; then unthrottled throughput of both (ratio)
 *   - name comparisons per second on one core; uncached normalizations per second
 *   - isolation: the example request while 4 clients send maximum-size requests (worker pool vs inline)
 *   - bulk conflict detection: 100,000 and 1,000,000 registrations, tuning and held-out seed (own process each)
 *   - matcher quality vs fuse.js and string-similarity (bench/matcher-compare.ts)
 * Targets are those of the design document (../shared/DESIGN.md, "Targets").
 * Options: --quick (short runs), --no-http (keep the HTTP sections of the existing RESULTS.md),
 *   --bulk=N[,N...] (registrations; default 100,000 and 1,000,000), --bulk-seeds=S[,S...] (first: the tuning seed).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { spawnSync } from 'node:child_process';
import { cpuBreakdown } from './breakdown';
import { httpBench, isolationBench, nameSpeed, type BulkBench, type IsolationBench } from './lib';
import { compareMatchers } from './matcher-compare';

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const listArg = (name: string, fallback: string) =>
    (args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback).split(',').map((x) => {
      const v = Number(x);
      if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name}: "${x}" is not a positive integer`);
      return v;
    });
  const bulkSizes = listArg('bulk', quick ? '20000' : '100000,1000000');
  const bulkSeeds = listArg('bulk-seeds', '7,2026');
  const cpus = os.cpus();
  const lines: string[] = [];
  const out = (s = '') => {
    lines.push(s);
    process.stdout.write(s + '\n');
  };

  out('# Deal scoring benchmarks');
  out();
  out(`- Date: ${new Date().toISOString()}`);
  out(
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'} x ${cpus.length}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.platform()} ${os.release()}`
  );
  out(
    `- Node ${process.version}; load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} (the machine is shared, so treat numbers as lower bounds)`
  );
  out(`- Mode: ${quick ? 'quick (short runs)' : 'full'}`);
  out();

  const resultsFile = path.join(__dirname, 'RESULTS.md');
  if (args.includes('--no-http')) {
    // The HTTP sections of the previous full run stay (they are not re-measured), marked as such.
    const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
    const from = previous.indexOf('## /v1/score');
    const to = previous.indexOf('## Name matching core');
    // A section already kept from an earlier run keeps that run's date.
    const date = (/kept from the run of (\S+) /.exec(previous) ?? /- Date: (\S+)/.exec(previous))?.[1];
    if (from >= 0 && to > from) {
      out(
        `_The two HTTP sections below are kept from the run of ${date ?? 'an earlier date'} (this run used --no-http)._`
      );
      out();
      for (const line of previous.slice(from, to).trimEnd().split('\n')) out(line);
      out();
    }
  } else {
    const steady = quick ? 3 : 10;
    const h = await httpBench({ steadySeconds: steady, maxSeconds: quick ? 3 : 5, rate: 200 });
    out(`## /v1/score: one deal, 200 candidates (${fmt(h.bodyBytes / 1024, 1)} KiB body), loopback`);
    out();
    out('| run | p50 ms | p99 ms | max ms | req/s | errors | non-2xx |');
    out('| --- | --- | --- | --- | --- | --- | --- |');
    const row = (name: string, r: typeof h.steadyApp) =>
      out(`| ${name} | ${r.p50} | ${r.p99} | ${r.max} | ${fmt(r.rps)} | ${r.errors} | ${r.non2xx} |`);
    row(`/v1/score, steady 200 req/s for ${steady} s`, h.steadyApp);
    row(`bare Fastify route, steady 200 req/s for ${steady} s`, h.steadyBare);
    row('/v1/score, unthrottled (10 connections)', h.maxApp);
    row('bare Fastify route, unthrottled (10 connections)', h.maxBare);
    out();
    out(
      `Steady runs are evenly paced and open loop (bench/lib.ts paced()); latency is from write to last byte. Generator lateness against its schedule, p99: ${h.steadyApp.schedulerLagP99} ms and ${h.steadyBare.schedulerLagP99} ms. Unthrottled runs use autocannon.`
    );
    out();
    const ratio = h.maxApp.rps / h.maxBare.rps;
    const p99x = h.steadyApp.p99 / h.steadyBare.p99;
    out(
      `Target: p99 at 200 req/s within 1.2x of the bare route: ${p99x <= 1.2 ? 'met' : 'NOT met'} (${p99x.toFixed(2)}x: ${h.steadyApp.p99} vs ${h.steadyBare.p99} ms). ` +
        `Target: throughput at least 0.6x of the bare route: ${ratio >= 0.6 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x). ` +
        `The 200-candidate request (cost 201) runs inline under the default WORKER_INLINE_MAX_COST (1000); the load generator shares the machine's ${cpus.length} cores with both servers, and other jobs' load (above) moves every figure: \`npm run bench:ab\` gives paired ratios.`
    );
    out();
    out('### Where the CPU of one request goes');
    out();
    for (const line of await cpuBreakdown(quick ? 300 : 2000)) out(line);
    out();

    const iso: IsolationBench[] = [];
    for (const workers of [os.availableParallelism(), 0]) {
      iso.push(await isolationBench({ seconds: quick ? 4 : 10, workers }));
    }
    const first = iso[0]!;
    out(
      `## Isolation: the example request while 4 clients send maximum-size requests (${fmt(first.heavyBodyBytes / 1024, 0)} KiB, ${first.heavyDeals} deals, ${fmt(first.heavyCandidates)} candidates)`
    );
    out();
    out(
      '| server | example p50 ms | example p99 ms | example max ms | heavy req/s | heavy p50 ms | heavy non-2xx |'
    );
    out('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of iso) {
      out(
        `| ${r.workers > 0 ? `worker pool (${r.workers} threads)` : 'inline (WORKER_THREADS=0, as before)'} | ${r.example.p50} | ${r.example.p99} | ${r.example.max} | ${fmt(r.heavy.rps, 1)} | ${r.heavy.p50} | ${r.heavy.non2xx} |`
      );
    }
    out();
    out(
      'Paired runs of the previous offload rule against the current one, interleaved on the same (shared) machine, are in [AB.md](AB.md) (`npm run bench:ab`): on a loaded machine the ratios are more telling than these absolute figures.'
    );
    out();
    out(
      `Target: the example request's p99 under 50 ms while the heavy clients run: ${first.example.p99 < 50 ? 'met' : 'NOT met'} (${first.example.p99} ms with the pool). The example is sent evenly at 20 per second for the run; generator lateness p99 ${first.example.schedulerLagP99} ms.`
    );
    out();
  }

  const s = nameSpeed(quick ? 500 : 3000);
  out('## Name matching core (one thread)');
  out();
  out(
    `- Comparisons of prepared names: ${fmt(s.comparisonsPerCpuSecond)} per CPU-second of one thread (target > 3,000,000 per core: ${s.comparisonsPerCpuSecond > 3e6 ? 'met' : 'NOT met'}); ${fmt(s.comparisonsPerSecond)} per wall-clock second on this shared machine`
  );
  out(
    `- Normalizations (uncached): ${fmt(s.normalizationsPerSecond)} per second; scoring caches normalized names`
  );
  out();

  // Each size and seed in a process of its own, so the peak memory is the detection's alone.
  out(
    `## Bulk conflict detection (one process per run, blocking, one thread; load average before the runs ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')})`
  );
  out();
  out(
    `Registrations from bench/data.ts (20% re-register an earlier customer under another partner, with a legal-form, case, region, "The ... Company" or one-letter change). Seed ${bulkSeeds[0]} is the seed the blocking was tuned on; the others are held out. Targets: 1,000,000 registrations under 60 s wall on this 2-core machine and under 2,048 MiB peak RSS. CPU seconds are this process's own, phases on the main thread (other jobs on the shared machine stretch the wall time, not them); the CPU seconds per phase are the steadier figure.`
  );
  out();
  out(
    '| registrations | seed | wall s | CPU s (prepare / keys+index / compare) | peak RSS MiB | pairs compared | flagged at 0.82 | planted found | flagged outside planted |'
  );
  out('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const bulkRuns: BulkBench[] = [];
  for (const n of bulkSizes) {
    for (const seed of bulkSeeds) {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, 'bulk.ts'), String(n), String(seed)],
        { encoding: 'utf8', maxBuffer: 1 << 20 }
      );
      if (child.status !== 0) throw new Error(`bulk bench failed: ${child.stderr}`);
      const b = JSON.parse(child.stdout) as BulkBench;
      bulkRuns.push(b);
      const ph = b.phases;
      out(
        `| ${fmt(b.records)} | ${b.seed}${b.seed === bulkSeeds[0] ? ' (tuning)' : ' (held out)'} | ${fmt(b.seconds, 1)} | ${fmt(b.cpuSeconds, 1)} (${fmt(ph.prepare, 1)} / ${fmt(ph.index, 1)} / ${fmt(ph.compare, 1)}) | ${fmt(b.peakRssMiB)} | ${fmt(b.comparisons)} | ${fmt(b.flaggedPairs)} | ${fmt(b.plantedFound)} of ${fmt(b.plantedPairs)} (${((100 * b.plantedFound) / Math.max(1, b.plantedPairs)).toFixed(1)}%) | ${fmt(b.flaggedOutsidePlanted)} |`
      );
    }
  }
  out();
  const largest = bulkRuns.filter((b) => b.records === Math.max(...bulkSizes));
  const worstWall = Math.max(...largest.map((b) => b.seconds));
  const worstCpu = Math.max(...largest.map((b) => b.cpuSeconds));
  const worstRss = Math.max(...largest.map((b) => b.peakRssMiB));
  out(
    `Target at ${fmt(largest[0]?.records ?? 0)} registrations: under 60 s wall: ${worstWall < 60 ? 'met' : 'NOT met'} (${fmt(worstWall, 1)} s wall, ${fmt(worstCpu, 1)} s process CPU, which includes V8's background garbage-collection threads); under 2,048 MiB: ${worstRss < 2048 ? 'met' : 'NOT met'} (${fmt(worstRss)} MiB).`
  );
  out();
  out(
    'Blocking keys (src/matching/blocking.ts, docs/conflicts.md "Bulk detection"): the compact name, each distinctive word, the name key and every one-letter deletion of it (tagged with the position, so only keys one edit apart are paired), initials paired only with short one-word names, the web domain; blocks over 1,000 members skipped. Pairs are compared with similarityAtLeast(): exact at or above the threshold, with checks that cannot reach it skipped. Flagged pairs outside the planted groups are mostly generated one-word names one letter apart (Dafimo / Dafico), which the typo rule flags; the generator draws words from 54 syllables, so at 1,000,000 registrations most one-word names have such neighbours. One thread does all three phases; the comparisons are not yet spread over both cores.'
  );
  out();

  out('## Matcher quality vs libraries (same pairs)');
  out();
  out(compareMatchers());
  out();
  if (!quick) {
    // Formatted like every other Markdown file in the repository (prettier --check passes).
    const options = (await prettier.resolveConfig(resultsFile)) ?? {};
    writeFileSync(
      resultsFile,
      await prettier.format(lines.join('\n') + '\n', { ...options, parser: 'markdown' })
    );
    process.stdout.write('\nSaved to functions/deal-scoring/bench/RESULTS.md\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
