/**
 * Writes history records as the CSV files `sf data export bulk` produces (header row, RFC 4180
 * quoting), one file per table. Used by the tests and the benchmark.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { TABLES, type StringRecord, type TableName } from './history';

export function csvField(v: string | null | undefined): string {
  const s = v ?? '';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class CsvExportWriter {
  private readonly streams = new Map<TableName, { out: WriteStream; columns: string[] }>();
  constructor(
    private readonly dir: string,
    private readonly columnsOf: (table: TableName) => string[] = (t) => [
      ...TABLES[t].required,
      ...TABLES[t].optional
    ]
  ) {}

  /** Queues one record; returns false when the file's buffer is full (await drained()). */
  write(table: TableName, record: StringRecord): boolean {
    let s = this.streams.get(table);
    if (!s) {
      const columns = this.columnsOf(table);
      const out = createWriteStream(join(this.dir, TABLES[table].file));
      out.write(columns.join(',') + '\n');
      s = { out, columns };
      this.streams.set(table, s);
    }
    return s.out.write(s.columns.map((c) => csvField(record[c])).join(',') + '\n');
  }

  /** Resolves when every file's buffer has room again. */
  async drained(): Promise<void> {
    await Promise.all(
      [...this.streams.values()]
        .filter((s) => s.out.writableNeedDrain)
        .map((s) => new Promise<void>((res) => s.out.once('drain', () => res())))
    );
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map(
        (s) => new Promise<void>((res, rej) => s.out.end((err?: Error | null) => (err ? rej(err) : res())))
      )
    );
  }
}
