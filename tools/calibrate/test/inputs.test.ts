/**
 * Input paths: CSV exports and a (fake) live org give the same history as the demo records they
 * were made from; wrong or missing columns and files are named; bad history (empty, one class,
 * tiny) gives a report that says what is missing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/analyze';
import { CsvExportWriter } from '../src/csv-write';
import { HistoryBuilder, InputError, TABLES, type StringRecord, type TableName } from '../src/history';
import { learn } from '../src/learn';
import { renderReport } from '../src/report';
import { readCsvFolder, readOrg, soqlFor, type BulkQueryConnection } from '../src/sources';
import { DEFAULT_RULESET } from '../../../functions/deal-scoring/src/engine/rulesets';
import { feed, historyOf, records } from './support';

const META = { title: 't', source: 's', generatedAt: '2026-12-01T00:00:00Z' };
let dir: string;
let recs: [TableName, StringRecord][];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
  recs = records({ registrations: 1500, seed: 5 });
  const w = new CsvExportWriter(dir);
  for (const [t, r] of recs) w.write(t, r);
  await w.close();
}, 60_000); // the demo history is scored by the engine: seconds on a loaded machine
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function strip(h: ReturnType<typeof historyOf>) {
  return {
    rows: h.rows,
    codes: h.codes,
    warnings: [...h.warnings],
    audit: [...h.auditOutcomes].map(([k, v]) => [k, [...v]])
  };
}

describe('CSV exports', () => {
  it('reads the same history as the records they hold, with progress reports', async () => {
    const seen: string[] = [];
    const h = await readCsvFolder(dir, (table) => seen.push(table));
    expect(strip(h)).toEqual(strip(historyOf(recs)));
    expect(new Set(seen)).toEqual(
      new Set(['registrations', 'recommendations', 'opportunities', 'auditLogs'])
    );
  }, 60_000);

  it('names the missing columns and the file', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'calibrate-bad-'));
    try {
      writeFileSync(join(bad, TABLES.registrations.file), 'Id,Status__c,Deal_Value__c\nx,Approved,10\n');
      writeFileSync(
        join(bad, TABLES.recommendations.file),
        readFileSync(join(dir, TABLES.recommendations.file))
      );
      await expect(readCsvFolder(bad)).rejects.toThrow(
        /Deal_Registration__c\.csv lacks column\(s\) Submitted_At__c, Decided_At__c, Customer_Region__c/
      );
      rmSync(join(bad, TABLES.recommendations.file));
      await expect(readCsvFolder(bad)).rejects.toThrow(/AI_Recommendation__c\.csv is missing/);
      await expect(readCsvFolder(join(bad, 'nope'))).rejects.toThrow(InputError);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});

describe('live org (fake Bulk API 2.0 connection)', () => {
  function fakeConnection(drop?: string): BulkQueryConnection & { soql: string[] } {
    const soql: string[] = [];
    return {
      soql,
      bulk2: {
        async query(q: string) {
          soql.push(q);
          const table = (Object.keys(TABLES) as TableName[]).find((t) => q === soqlFor(t))!;
          const rows = recs
            .filter(([t]) => t === table)
            .map(([, r]) => {
              const copy: StringRecord = { ...r };
              if (drop) delete copy[drop];
              return copy;
            });
          return (async function* () {
            for (const r of rows) yield r;
          })();
        }
      }
    };
  }

  it('queries the documented columns of each object and streams them into the same history', async () => {
    const conn = fakeConnection();
    const h = await readOrg(conn);
    expect(strip(h)).toEqual(strip(historyOf(recs)));
    expect(conn.soql).toContain(
      'SELECT Id, Status__c, Submitted_At__c, Decided_At__c, Deal_Value__c, Customer_Region__c, Converted_Opportunity__c FROM Deal_Registration__c'
    );
    expect(
      conn.soql.some((q) => q.startsWith('SELECT Id, IsClosed, IsWon FROM Opportunity WHERE Id IN'))
    ).toBe(true);
  });

  it('names a column the org did not return', async () => {
    await expect(readOrg(fakeConnection('Score__c'))).rejects.toThrow(
      /AI_Recommendation__c query result lacks column\(s\) Score__c/
    );
  });
});

describe('history the report cannot judge', () => {
  it('an empty history gives a report that says so, with no charts', () => {
    const s = analyze(new HistoryBuilder().finish());
    expect(s.missing[0]).toContain('The history is empty');
    expect(s.agreement).toBeNull();
    expect(s.sweep).toBeNull();
    expect(s.verdict.text).toContain('Not ready');
    const html = renderReport(s, META, learn(new HistoryBuilder().finish(), DEFAULT_RULESET.data));
    expect(html).toContain('The history is empty');
    expect(html).not.toContain('<svg');
    expect(html).toContain(
      'No decided registration with a recommendation (outside conflict review) to learn from.'
    );
  });

  it('one class only: no sweep, no learned model, and the report names the reason', () => {
    const onlyApproved = recs
      .map(([t, r]): [TableName, StringRecord] =>
        t === 'registrations' && r.Status__c === 'Rejected' ? [t, { ...r, Status__c: 'Approved' }] : [t, r]
      )
      .map(([t, r]): [TableName, StringRecord] =>
        t === 'recommendations' ? [t, { ...r, Human_Decision__c: '' }] : [t, r]
      );
    const h = historyOf(onlyApproved);
    const s = analyze(h);
    expect(s.missing.join(' ')).toContain('Every decided registration was approved');
    expect(s.sweep).toBeNull();
    const l = learn(h, DEFAULT_RULESET.data);
    expect(l.candidate).toBeNull();
    expect(l.missing.join(' ')).toContain('all approved');
    const html = renderReport(s, META, l);
    expect(html).toContain('The sweep needs decided registrations of both outcomes');
    expect(html).not.toContain('aria-label="Threshold sweep"');
  });

  it('tiny samples: every segment is "too few", no conflict threshold, no learning', () => {
    const b = new HistoryBuilder();
    for (const [t, r] of recs.slice(-200)) feed(b, t, r);
    const h = b.finish();
    const s = analyze(h);
    expect(s.missing.join(' ')).toMatch(
      /Only \d+ decided registrations with a recommendation; the verdict needs at least 100/
    );
    expect(s.verdict.segments.every((x) => !x.ready)).toBe(true);
    expect(s.conflicts === null || s.conflicts.recommended === null).toBe(true);
    const l = learn(h, DEFAULT_RULESET.data);
    expect(l.candidate).toBeNull();
    expect(l.missing.join(' ')).toMatch(
      /Only \d+ training rows for the approval model; it needs at least 200/
    );
  });

  it('no closed opportunities: an approval-only candidate, and the win model says what is missing', () => {
    const h = historyOf(recs.filter(([t]) => t !== 'opportunities'));
    const l = learn(h, DEFAULT_RULESET.data);
    expect(l.candidate).not.toBeNull();
    expect(l.winWeight).toBe(0);
    expect(l.outcomes!.won.metrics).toBeNull();
    expect(l.outcomes!.won.missing.join(' ')).toMatch(/Only 0 training rows for the win model/);
    expect(l.candidate!.provenance!.notes).toContain('No win model');
    expect(l.weights.every((w) => w.win === null)).toBe(true);
    const html = renderReport(analyze(h), META, l);
    expect(html).toContain('Only 0 training rows for the win model');
  });

  it('records it cannot use are counted, not fatal', () => {
    const b = new HistoryBuilder();
    b.addRegistration({
      Id: 'a1',
      Status__c: 'Approved',
      Submitted_At__c: '2026-01-01T00:00:00Z',
      Decided_At__c: '2026-01-02T00:00:00Z'
    });
    b.addRecommendation({
      Deal_Registration__c: 'a1',
      CreatedDate: '2026-01-01T00:01:00Z',
      Score__c: '80',
      Triage_Status__c: 'AUTO_APPROVED',
      Factors_JSON__c: '{not json',
      Conflicts_JSON__c: '[]'
    });
    b.addRecommendation({
      Deal_Registration__c: 'a1',
      CreatedDate: '2026-01-01T00:01:00Z',
      Score__c: '80',
      Triage_Status__c: 'MAYBE',
      Factors_JSON__c: '[]',
      Conflicts_JSON__c: '[]'
    });
    const h = b.finish();
    expect([...h.warnings.keys()]).toEqual([
      'recommendation whose Factors_JSON__c or Conflicts_JSON__c is not a JSON array',
      'recommendation with unknown triage "MAYBE"'
    ]);
    expect(renderReport(analyze(h), META)).toContain('Records skipped');
  });
});
