import { demoRecords, type DemoOptions } from '../src/demo';
import { HistoryBuilder, type History, type StringRecord, type TableName } from '../src/history';

export function feed(b: HistoryBuilder, table: TableName, r: StringRecord): void {
  if (table === 'registrations') b.addRegistration(r);
  else if (table === 'recommendations') b.addRecommendation(r);
  else if (table === 'opportunities') b.addOpportunity(r);
  else b.addAuditLog(r);
}

export function records(options: DemoOptions): [TableName, StringRecord][] {
  return [...demoRecords(options)];
}

export function historyOf(recs: readonly [TableName, StringRecord][]): History {
  const b = new HistoryBuilder();
  for (const [t, r] of recs) feed(b, t, r);
  return b.finish();
}
