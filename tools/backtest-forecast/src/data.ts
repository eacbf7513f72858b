/**
 * The backtest's input: the calibration tool's CSV exports (`sf data export bulk`, header row,
 * RFC 4180; the same Deal_Registration__c and Opportunity files with a few more columns) plus the
 * opportunity history that shows the pipeline as it was on any past day. Read with csv-parse like
 * the calibration tool; a missing file or column stops the run with a message naming it.
 */
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { csvField } from '../../calibrate/src/csv-write';
import { InputError, TABLES as CALIBRATION_TABLES } from '../../calibrate/src/history';
import type { DemoHistory, Row } from './demo';

export const FILES = {
  registrations: {
    file: 'Deal_Registration__c.csv',
    required: [
      ...CALIBRATION_TABLES.registrations.required,
      'Converted_Opportunity__c',
      'Partner_Account__c'
    ],
    optional: ['Deal_Currency__c', 'Expected_Close_Date__c']
  },
  opportunities: {
    file: 'Opportunity.csv',
    required: [...CALIBRATION_TABLES.opportunities.required, 'CloseDate', 'Amount'],
    optional: []
  },
  opportunityHistory: {
    file: 'OpportunityHistory.csv',
    required: ['OpportunityId', 'CreatedDate', 'StageName', 'CloseDate', 'Amount'],
    optional: []
  },
  stages: {
    file: 'OpportunityStage.csv',
    required: ['ApiName', 'DefaultProbability', 'IsClosed', 'IsWon'],
    optional: []
  },
  rates: {
    file: 'DatedConversionRate.csv',
    required: ['IsoCode', 'ConversionRate', 'StartDate'],
    optional: []
  },
  accounts: { file: 'Account.csv', required: ['Id', 'Name'], optional: [] }
} as const;

export type FileName = keyof typeof FILES;
const OPTIONAL_FILES: FileName[] = ['rates', 'accounts'];

export async function readCsv(path: string, name: FileName): Promise<Row[]> {
  const spec = FILES[name];
  const rows: Row[] = [];
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  let checked = false;
  try {
    for await (const rec of parser as AsyncIterable<Row>) {
      if (!checked) {
        const missing = spec.required.filter((c) => !(c in rec));
        if (missing.length)
          throw new InputError(
            `${spec.file} lacks column(s) ${missing.join(', ')} (needs ${spec.required.join(', ')})`
          );
        checked = true;
      }
      rows.push(rec);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${spec.file}: ${(e as Error).message}`);
  }
  return rows;
}

/** Reads every file of the folder (rates and accounts optional). */
export async function readFolder(dir: string): Promise<DemoHistory> {
  if (!existsSync(dir)) throw new InputError(`CSV folder ${dir} does not exist`);
  const out: Partial<DemoHistory> = {};
  for (const name of Object.keys(FILES) as FileName[]) {
    const path = join(dir, FILES[name].file);
    if (!existsSync(path)) {
      if (OPTIONAL_FILES.includes(name)) {
        out[name] = [];
        continue;
      }
      throw new InputError(`${path} is missing`);
    }
    out[name] = await readCsv(path, name);
  }
  return out as DemoHistory;
}

/** Writes a history as the export files (what `--demo --out DIR` leaves for inspection). */
export function writeFolder(dir: string, h: DemoHistory): void {
  mkdirSync(dir, { recursive: true });
  for (const name of Object.keys(FILES) as FileName[]) {
    const spec = FILES[name];
    const columns = [...spec.required, ...spec.optional];
    const lines = [columns.join(',')];
    for (const row of h[name]) lines.push(columns.map((c) => csvField(row[c])).join(','));
    writeFileSync(join(dir, spec.file), lines.join('\n') + '\n');
  }
}
