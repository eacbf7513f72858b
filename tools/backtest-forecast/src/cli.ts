/**
 * `npm run backtest-forecast -- --csv DIR` (the org's exports) or `-- --demo` (generated histories:
 * the tuning seeds the method's constants were chosen on, then held-out seeds never used for
 * tuning). Prints the per-quarter table and the summary; the last line reads
 * `forecast backtest: ours MAPE x, stage-probability y, last-quarter z, last-year w, P10-P90 coverage c`.
 */
import { InputError } from '../../calibrate/src/history';
import { generateHistory } from './demo';
import { readFolder, writeFolder } from './data';
import { indexHistory, runBacktest, type OriginResult, type Summary } from './backtest';

export const TUNING_SEEDS = [1, 2, 3];
export const HELD_OUT_SEEDS = [101, 102, 103, 104, 105];

const HELP = `Usage: npm run backtest-forecast -- (--demo | --csv DIR) [options]
  --demo               generated histories: tuning seeds ${TUNING_SEEDS.join(', ')}, held-out seeds ${HELD_OUT_SEEDS.join(', ')}
  --csv DIR            a folder of exports: Deal_Registration__c.csv, Opportunity.csv, OpportunityHistory.csv,
                       OpportunityStage.csv (DatedConversionRate.csv and Account.csv optional); docs/forecast.md
  --currency CODE      corporate currency (default USD)
  --simulations N      draws per forecast (default 1000)
  --seeds a,b          with --demo: only these seeds (reported as held out)
  --out DIR            with --demo: also write the first seed's history as CSV exports to DIR
  --help`;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const k = (x: number) => (x / 1000).toFixed(0).padStart(7);

function table(rows: OriginResult[]): string {
  const head = 'quarter   actual(k)  P10(k)  P50(k)  P90(k)  stage(k) lastQ(k) lastY(k)';
  return [
    head,
    ...rows.map(
      (r) =>
        `${r.quarter}  ${k(r.actual)}  ${k(r.p10)} ${k(r.p50)} ${k(r.p90)}  ${k(r.stage)}  ${k(r.lastQuarter)}  ${k(r.lastYear)}`
    )
  ].join('\n');
}

function pooled(summaries: Summary[]): Summary {
  const origins = summaries.flatMap((s) => s.origins);
  const w = (f: (s: Summary) => number) =>
    summaries.reduce((a, s) => a + f(s) * s.origins.length, 0) / Math.max(1, origins.length);
  return {
    origins,
    mape: {
      ours: w((s) => s.mape.ours),
      stage: w((s) => s.mape.stage),
      lastQuarter: w((s) => s.mape.lastQuarter),
      lastYear: w((s) => s.mape.lastYear)
    },
    pinball: {
      ours: w((s) => s.pinball.ours),
      stage: w((s) => s.pinball.stage),
      lastQuarter: w((s) => s.pinball.lastQuarter),
      lastYear: w((s) => s.pinball.lastYear)
    },
    coverage: w((s) => s.coverage)
  };
}

export function summaryLines(s: Summary): string[] {
  return [
    `MAPE            ours ${pct(s.mape.ours)}  stage-probability ${pct(s.mape.stage)}  last-quarter ${pct(s.mape.lastQuarter)}  last-year ${pct(s.mape.lastYear)}`,
    `pinball (k)     ours ${(s.pinball.ours / 1000).toFixed(1)}  stage-probability ${(s.pinball.stage / 1000).toFixed(1)}  last-quarter ${(s.pinball.lastQuarter / 1000).toFixed(1)}  last-year ${(s.pinball.lastYear / 1000).toFixed(1)}`,
    `P10-P90 coverage ${pct(s.coverage)} of ${s.origins.length} quarters`
  ];
}

export function finalLine(s: Summary): string {
  return `forecast backtest: ours MAPE ${pct(s.mape.ours)}, stage-probability ${pct(s.mape.stage)}, last-quarter ${pct(s.mape.lastQuarter)}, last-year ${pct(s.mape.lastYear)}, P10-P90 coverage ${pct(s.coverage)}`;
}

export function demoSummary(seeds: number[], simulations: number, log: (s: string) => void): Summary {
  const all: Summary[] = [];
  for (const seed of seeds) {
    const ix = indexHistory(generateHistory(seed), 'USD');
    const s = runBacktest(ix, 'USD', simulations);
    log(
      `seed ${seed}: ours ${pct(s.mape.ours)}, stage ${pct(s.mape.stage)}, last-quarter ${pct(s.mape.lastQuarter)}, last-year ${pct(s.mape.lastYear)}, coverage ${pct(s.coverage)}`
    );
    all.push(s);
  }
  return pooled(all);
}

async function main(argv: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--help') || (!argv.includes('--demo') && !opt('--csv'))) {
    console.log(HELP);
    if (!argv.includes('--help')) process.exitCode = 2;
    return;
  }
  const currency = opt('--currency') ?? 'USD';
  const simulations = Number(opt('--simulations') ?? 1000);
  if (!/^[A-Z]{3}$/.test(currency))
    throw new InputError(`--currency ${currency}: must be a three-letter ISO code`);
  if (!Number.isInteger(simulations) || simulations < 200 || simulations > 5000)
    throw new InputError('--simulations must be an integer from 200 to 5000');
  if (opt('--csv')) {
    const ix = indexHistory(await readFolder(opt('--csv')!), currency);
    const s = runBacktest(ix, currency, simulations);
    console.log(table(s.origins));
    for (const l of summaryLines(s)) console.log(l);
    console.log(finalLine(s));
    return;
  }
  const seedsArg = opt('--seeds');
  if (opt('--out'))
    writeFolder(
      opt('--out')!,
      generateHistory(seedsArg ? Number(seedsArg.split(',')[0]) : HELD_OUT_SEEDS[0]!)
    );
  if (!seedsArg) {
    console.log(
      `Tuning histories (seeds ${TUNING_SEEDS.join(', ')}; the method's constants were chosen on these):`
    );
    const tuning = demoSummary(TUNING_SEEDS, simulations, (l) => console.log(`  ${l}`));
    for (const l of summaryLines(tuning)) console.log(`  ${l}`);
    console.log(`  tuning: ${finalLine(tuning)}`);
  }
  const seeds = seedsArg ? seedsArg.split(',').map(Number) : HELD_OUT_SEEDS;
  console.log(`Held-out histories (seeds ${seeds.join(', ')}; never used for tuning):`);
  const first = runBacktest(indexHistory(generateHistory(seeds[0]!), 'USD'), 'USD', simulations);
  console.log(`Seed ${seeds[0]} by quarter (forecast on the quarter's first day):`);
  console.log(table(first.origins));
  const held = demoSummary(seeds, simulations, (l) => console.log(`  ${l}`));
  for (const l of summaryLines(held)) console.log(`  ${l}`);
  console.log(finalLine(held));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: Error) => {
    console.error(e instanceof InputError ? `backtest-forecast: ${e.message}` : e);
    process.exitCode = 1;
  });
}
