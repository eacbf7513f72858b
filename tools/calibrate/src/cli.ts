/**
 * `npm run calibrate -- (--demo | --csv DIR | --org ALIAS) [--out DIR] [--learn]`
 *
 * Reads the org's decision history, writes report.html, summary.json and the proposed
 * Deal_Scoring_Setting.Default.md-meta.xml into --out (default ./calibration-report); with
 * --learn also a candidate ruleset JSON. Progress goes to stderr; nothing is applied anywhere.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { DEFAULT_RULESET } from '../../../functions/deal-scoring/src/engine/rulesets';
import { analyze, type AnalysisOptions, type Summary } from './analyze';
import { generateDemo } from './demo';
import { HistoryBuilder, InputError, type History, type TableName } from './history';
import { DEFAULT_LEARN, learn, type LearnResult } from './learn';
import { renderReport } from './report';
import { proposeRecord, readRecord, readSetting } from './settings-record';
import { connectWithSfCli, readCsvFolder, readOrg, type Progress } from './sources';

export const USAGE = `Usage: npm run calibrate -- (--demo | --csv DIR | --org ALIAS) [options]
  --demo               synthetic history with planted effects (no org needed)
  --csv DIR            folder of CSV exports: Deal_Registration__c.csv, AI_Recommendation__c.csv,
                       optional Opportunity.csv and AI_Audit_Log__c.csv (see docs/calibration.md)
  --org ALIAS          live org through the sf CLI's stored auth (Bulk API 2.0, streamed)
  --out DIR            where to write the report (default ./calibration-report)
  --learn              also fit a scorecard and write a candidate ruleset (never applied)
  --registrations N    size of the --demo history (default 20000)
  --seed N             seed of the --demo history (default 7)
  --target-rejection X highest share of auto-approvals humans may reject (default 0.05)
  --min-decided N      decided registrations a segment needs for a verdict (default 100)
  --min-auto N         would-be auto-approvals a threshold or segment needs (default 30)
  --version V          version of the learned candidate (default <base>-learned.<date>)
  --win-weight X       points per unit of win log-odds relative to approval's (default 1; 0 = approval only)`;

export interface CliResult {
  summary: Summary;
  learned?: LearnResult;
  files: string[];
}

function progressBar(enabled: boolean): { progress: Progress; stop: () => void } {
  if (!enabled) return { progress: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: 'reading {table} |{bar}| {percentage}% {records} records',
      stream: process.stderr,
      hideCursor: true
    },
    Presets.shades_classic
  );
  let started = false;
  let current = '';
  return {
    progress: (table: TableName, records: number, done?: number, total?: number) => {
      const t = total && total > 0 ? total : Math.max(records, 1);
      const v = total && total > 0 ? (done ?? 0) : records;
      if (!started || current !== table) {
        if (started) bar.stop();
        bar.start(t, v, { table, records });
        started = true;
        current = table;
      } else {
        bar.setTotal(t);
        bar.update(v, { table, records });
      }
    },
    stop: () => {
      if (started) bar.stop();
    }
  };
}

function demoHistory(registrations: number, seed: number): History {
  const b = new HistoryBuilder();
  generateDemo({ registrations, seed }, (table, r) => {
    if (table === 'registrations') b.addRegistration(r);
    else if (table === 'recommendations') b.addRecommendation(r);
    else if (table === 'opportunities') b.addOpportunity(r);
    else b.addAuditLog(r);
  });
  return b.finish();
}

function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InputError(`--${name} must be a whole number, got "${v}"`);
  return n;
}

/** Runs one calibration; exported for tests. */
export async function runCalibrate(
  argv: string[],
  io: { stderr: NodeJS.WritableStream; tty: boolean } = {
    stderr: process.stderr,
    tty: process.stderr.isTTY === true
  }
): Promise<CliResult> {
  const { values } = parseArgs({
    args: argv,
    options: {
      demo: { type: 'boolean' },
      csv: { type: 'string' },
      org: { type: 'string' },
      out: { type: 'string' },
      learn: { type: 'boolean' },
      registrations: { type: 'string' },
      seed: { type: 'string' },
      'target-rejection': { type: 'string' },
      'min-decided': { type: 'string' },
      'min-auto': { type: 'string' },
      version: { type: 'string' },
      'win-weight': { type: 'string' },
      help: { type: 'boolean' }
    },
    strict: true
  });
  const modes = [values.demo ? 'demo' : null, values.csv ? 'csv' : null, values.org ? 'org' : null].filter(
    Boolean
  );
  if (values.help || modes.length !== 1)
    throw new InputError(`${modes.length > 1 ? 'Choose one input mode.\n' : ''}${USAGE}`);
  const out = resolve(values.out ?? 'calibration-report');
  const record = readRecord();
  const num = (field: string, dflt: number) => {
    const v = Number(readSetting(record, field));
    return Number.isFinite(v) && readSetting(record, field) !== null ? v : dflt;
  };
  const target = values['target-rejection'] !== undefined ? Number(values['target-rejection']) : 0.05;
  if (!(target > 0 && target < 1))
    throw new InputError(`--target-rejection must be between 0 and 1, got "${values['target-rejection']}"`);
  // Every argument is checked before any history is read (an org or a large export takes minutes).
  const winWeight =
    values['win-weight'] !== undefined ? Number(values['win-weight']) : DEFAULT_LEARN.winWeight;
  if (!(winWeight >= 0 && winWeight <= 10))
    throw new InputError(`--win-weight must be a number from 0 to 10, got "${values['win-weight']}"`);
  const options: Partial<AnalysisOptions> = {
    currentReviewThreshold: num('Review_Threshold__c', 70),
    currentConflictThreshold: num('Conflict_Threshold__c', 0.82),
    highValueAmount: num('High_Value_Amount__c', 250_000),
    targetRejection: target,
    maxRejectionUpper: Math.min(0.99, target * 1.6),
    minDecided: positiveInt('min-decided', values['min-decided'], 100),
    minAutoApproved: positiveInt('min-auto', values['min-auto'], 30)
  };

  const bar = progressBar(io.tty);
  let history: History;
  let source: string;
  try {
    if (values.demo) {
      const n = positiveInt('registrations', values.registrations, 20000);
      history = demoHistory(n, positiveInt('seed', values.seed, 7));
      source = `synthetic demo history (${n} registrations, planted effects; see docs/calibration.md)`;
    } else if (values.csv) {
      history = await readCsvFolder(resolve(values.csv), bar.progress);
      source = `CSV exports in ${values.csv}`;
    } else {
      history = await readOrg(await connectWithSfCli(values.org!), bar.progress);
      source = `org ${values.org} (Bulk API 2.0)`;
    }
  } finally {
    bar.stop();
  }

  const summary = analyze(history, options);
  const learned = values.learn
    ? learn(history, DEFAULT_RULESET.data, { version: values.version, winWeight })
    : undefined;
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  const write = (name: string, text: string) => {
    writeFileSync(join(out, name), text);
    files.push(join(out, name));
  };
  const generatedAt = new Date().toISOString();
  write(
    'report.html',
    renderReport(summary, { title: 'Deal scoring calibration report', source, generatedAt }, learned)
  );
  write(
    'summary.json',
    JSON.stringify(
      {
        generatedAt,
        source,
        ...summary,
        sweep: summary.sweep && {
          recommended: summary.sweep.recommended,
          why: summary.sweep.why,
          points: summary.sweep.points
        },
        learned: learned && { ...learned, candidate: learned.candidate?.rulesetVersion ?? null }
      },
      null,
      2
    ) + '\n'
  );
  write(
    'Deal_Scoring_Setting.Default.md-meta.xml',
    proposeRecord(
      record,
      {
        reviewThreshold: summary.sweep?.recommended ?? null,
        conflictThreshold: summary.conflicts?.recommended ?? null
      },
      `Proposed by npm run calibrate on ${generatedAt.slice(0, 10)} from ${source}. Review, then copy over force-app/main/default/customMetadata/ and deploy. Shadow mode is left as it is.`
    )
  );
  if (learned?.candidate)
    write(
      `ruleset-${learned.candidate.rulesetVersion}.json`,
      JSON.stringify(learned.candidate, null, 2) + '\n'
    );
  io.stderr.write(`${summary.verdict.text}\nWrote ${files.join(', ')}\n`);
  return { summary, learned, files };
}

if (require.main === module) {
  runCalibrate(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(
      `${err instanceof InputError ? err.message : String((err as Error).stack ?? err)}\n`
    );
    process.exitCode = err instanceof InputError ? 2 : 1;
  });
}
