/**
 * Where the history comes from: a folder of CSV exports, or a live org through jsforce's Bulk API
 * 2.0 (records streamed one at a time; only the compact rows of history.ts are kept).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import {
  checkColumns,
  HistoryBuilder,
  InputError,
  TABLES,
  type History,
  type StringRecord,
  type TableName
} from './history';

/** Reports progress of a long read: table, records so far, and (when known) bytes done / total. */
export type Progress = (table: TableName, records: number, done?: number, total?: number) => void;

const ORDER: TableName[] = ['opportunities', 'registrations', 'recommendations', 'auditLogs'];

function feed(b: HistoryBuilder, table: TableName, r: StringRecord): void {
  switch (table) {
    case 'registrations':
      return b.addRegistration(r);
    case 'recommendations':
      return b.addRecommendation(r);
    case 'opportunities':
      return b.addOpportunity(r);
    case 'auditLogs':
      return b.addAuditLog(r);
  }
}

/** Reads `Deal_Registration__c.csv`, `AI_Recommendation__c.csv` (required), `Opportunity.csv`, `AI_Audit_Log__c.csv` (optional). */
export async function readCsvFolder(dir: string, progress?: Progress): Promise<History> {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(`CSV folder ${dir} does not exist`);
  for (const t of ['registrations', 'recommendations'] as const) {
    if (!existsSync(join(dir, TABLES[t].file)))
      throw new InputError(
        `${join(dir, TABLES[t].file)} is missing (export ${TABLES[t].object} with sf data export bulk)`
      );
  }
  const b = new HistoryBuilder();
  for (const table of ORDER) {
    const file = join(dir, TABLES[table].file);
    if (!existsSync(file)) continue;
    const total = statSync(file).size;
    const input = createReadStream(file);
    let bytes = 0;
    input.on('data', (chunk) => {
      bytes += chunk.length;
    });
    const parser = input.pipe(
      parse({ columns: true, bom: true, relax_column_count: false, skip_empty_lines: true })
    );
    let n = 0;
    let checked = false;
    try {
      for await (const rec of parser as AsyncIterable<StringRecord>) {
        if (!checked) {
          checkColumns(table, Object.keys(rec), TABLES[table].file);
          checked = true;
        }
        feed(b, table, rec);
        if (++n % 20000 === 0) progress?.(table, n, bytes, total);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`${TABLES[table].file}: ${(e as Error).message}`);
    } finally {
      input.destroy();
    }
    if (!checked && (table === 'registrations' || table === 'recommendations'))
      throw new InputError(`${TABLES[table].file} has no rows`);
    progress?.(table, n, total, total);
    if (table === 'registrations') b.registrationsDone();
  }
  return b.finish();
}

/** The part of a jsforce Connection this tool uses: a Bulk API 2.0 query returning a record stream. */
export interface BulkQueryConnection {
  bulk2: { query(soql: string): Promise<AsyncIterable<unknown>> };
}

/** The SOQL of each table: the documented columns, nothing else. */
export function soqlFor(table: TableName): string {
  const t = TABLES[table];
  const fields = [...t.required, ...t.optional];
  if (table === 'opportunities')
    return `SELECT ${fields.join(', ')} FROM Opportunity WHERE Id IN (SELECT Converted_Opportunity__c FROM Deal_Registration__c)`;
  return `SELECT ${fields.join(', ')} FROM ${t.object}`;
}

/** Streams every table from the org; records are folded into compact rows as they arrive. */
export async function readOrg(conn: BulkQueryConnection, progress?: Progress): Promise<History> {
  const b = new HistoryBuilder();
  for (const table of ORDER) {
    const stream = await conn.bulk2.query(soqlFor(table));
    let n = 0;
    for await (const raw of stream) {
      const rec = raw as StringRecord;
      if (n === 0) checkColumns(table, Object.keys(rec), `${TABLES[table].object} query result`);
      feed(b, table, rec);
      if (++n % 5000 === 0) progress?.(table, n);
    }
    progress?.(table, n);
    if (table === 'registrations') b.registrationsDone();
  }
  return b.finish();
}

/**
 * Opens a jsforce connection with the sf CLI's stored auth for an alias or username
 * (`sf org display --json` gives the access token and instance URL; the token is never printed).
 */
export async function connectWithSfCli(alias: string): Promise<BulkQueryConnection> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { stdout } = await promisify(execFile)('sf', ['org', 'display', '--target-org', alias, '--json'], {
    env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_SKIP_NEW_VERSION_CHECK: 'true' },
    maxBuffer: 4 * 1024 * 1024
  }).catch((e: Error) => {
    throw new InputError(`sf org display --target-org ${alias} failed: ${e.message.split('\n')[0]}`);
  });
  const result = (JSON.parse(stdout) as { result?: { accessToken?: string; instanceUrl?: string } }).result;
  if (!result?.accessToken || !result.instanceUrl)
    throw new InputError(`the sf CLI has no usable auth for ${alias}; run sf org login web --alias ${alias}`);
  const { Connection } = await import('jsforce');
  const conn = new Connection({
    instanceUrl: result.instanceUrl,
    accessToken: result.accessToken,
    version: '62.0'
  });
  return {
    bulk2: {
      async query(soql: string) {
        return (await conn.bulk2.query(soql)) as unknown as AsyncIterable<unknown>;
      }
    }
  };
}
