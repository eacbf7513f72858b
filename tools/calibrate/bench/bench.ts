/**
 * Benchmark (a script, not a test): N historical registrations (default 1,000,000) read from CSV
 * exports and reported, wall time and peak memory. `npm run calibrate:bench [-- N] [--learn]`
 *
 * The CSV files are generated first in a child process (not timed): 25,000 demo registrations
 * scored by the real engine, repeated with fresh ids until N. Then this process runs the same
 * code as `npm run calibrate -- --csv DIR` and reports the time and its peak resident memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCalibrate } from '../src/cli';
import { CsvExportWriter } from '../src/csv-write';
import { demoRecords } from '../src/demo';
import type { StringRecord, TableName } from '../src/history';

const BASE = 25_000;

async function generate(dir: string, n: number): Promise<void> {
  const base: [TableName, StringRecord][] = [...demoRecords({ registrations: Math.min(BASE, n), seed: 1 })];
  const w = new CsvExportWriter(dir);
  const copies = Math.ceil(n / BASE);
  let written = 0;
  for (let k = 0; k < copies && written < n; k++) {
    const suffix = k === 0 ? '' : `-${k}`;
    for (const [t, r] of base) {
      if (t === 'registrations' && written >= n) break;
      const copy: StringRecord = { ...r };
      if (copy.Id) copy.Id += suffix;
      if (copy.Deal_Registration__c) copy.Deal_Registration__c += suffix;
      if (copy.Converted_Opportunity__c) copy.Converted_Opportunity__c += suffix;
      if (t === 'registrations') written++;
      if (!w.write(t, copy)) await w.drained();
    }
  }
  await w.close();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--generate') {
    await generate(args[1]!, Number(args[2]));
    return;
  }
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const learnFlag = args.includes('--learn');
  const dir = mkdtempSync(join(tmpdir(), 'calibrate-bench-'));
  try {
    const g0 = Date.now();
    const gen = spawnSync(process.execPath, [...process.execArgv, __filename, '--generate', dir, String(n)], {
      stdio: 'inherit'
    });
    if (gen.status !== 0) throw new Error('generating the CSV files failed');
    const bytes = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    process.stdout.write(
      `generated ${n} registrations: ${(bytes / 2 ** 20).toFixed(0)} MiB of CSV in ${((Date.now() - g0) / 1000).toFixed(0)} s (not timed)\n`
    );
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const r = await runCalibrate(
      ['--csv', dir, '--out', join(dir, 'out'), ...(learnFlag ? ['--learn'] : [])],
      {
        stderr: new PassThrough(),
        tty: false
      }
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const load = (await import('node:os')).loadavg()[0]!;
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(
      `read and reported ${r.summary.input.registrations} registrations (${r.summary.input.withRecommendation} with recommendations)${learnFlag ? ' and learned a candidate' : ''} in ${seconds.toFixed(1)} s wall (${cpuSeconds.toFixed(1)} s CPU; load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores); peak resident memory ${peakMiB.toFixed(0)} MiB (targets: < 300 s, < 1024 MiB)\n`
    );
    if (seconds >= 300 || peakMiB >= 1024) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${String((e as Error).stack ?? e)}\n`);
  process.exitCode = 1;
});
