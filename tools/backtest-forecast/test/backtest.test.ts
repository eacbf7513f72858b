/**
 * The backtest on generated history: the forecast beats the three baselines on a held-out seed
 * and its P10-P90 band covers most quarters; the CSV exports round-trip; missing inputs are named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistory } from '../src/demo';
import { readFolder, writeFolder } from '../src/data';
import { indexHistory, originAt, origins, runBacktest, tierFor } from '../src/backtest';
import { HELD_OUT_SEEDS, finalLine } from '../src/cli';

jest.setTimeout(300_000);

describe('backtest-forecast', () => {
  const history = generateHistory(HELD_OUT_SEEDS[1]!);

  it('beats stage probability, last quarter and last year on a held-out history, with a band that covers', () => {
    const s = runBacktest(indexHistory(history, 'USD'), 'USD', 300);
    expect(s.origins.length).toBeGreaterThanOrEqual(12);
    expect(s.mape.ours).toBeLessThan(s.mape.stage);
    expect(s.mape.ours).toBeLessThan(s.mape.lastQuarter);
    expect(s.mape.ours).toBeLessThan(s.mape.lastYear);
    expect(s.pinball.ours).toBeLessThan(Math.min(s.pinball.stage, s.pinball.lastQuarter, s.pinball.lastYear));
    expect(s.coverage).toBeGreaterThanOrEqual(0.6);
    expect(finalLine(s)).toMatch(
      /^forecast backtest: ours MAPE \d+\.\d%, stage-probability \d+\.\d%, last-quarter \d+\.\d%, last-year \d+\.\d%, P10-P90 coverage \d+\.\d%$/
    );
  });

  it('rebuilds the pipeline as it was: only deals decided before the day, at the stage they were in', () => {
    const ix = indexHistory(history, 'USD');
    const day = origins(ix)[3]!;
    const o = originAt(ix, day, 'USD', 300);
    const asOf = o.request.asOf;
    expect(o.request.pipeline.length).toBeGreaterThan(100);
    expect(o.request.history.closed.every((c) => c.month < asOf.slice(0, 7))).toBe(true);
    expect(o.request.history.registrations.every((r) => r.week < asOf)).toBe(true);
    expect(new Set(o.request.pipeline.map((d) => d.stage))).toEqual(
      new Set(['Registration in review', 'Qualification', 'Proposal', 'Negotiation'])
    );
    expect(o.actual).toBeGreaterThan(0);
  });

  it('reads the same history back from the CSV exports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backtest-'));
    try {
      writeFolder(dir, history);
      const back = await readFolder(dir);
      expect(back.registrations.length).toBe(history.registrations.length);
      expect(back.opportunityHistory[5]).toEqual(history.opportunityHistory[5]);
      writeFileSync(join(dir, 'OpportunityHistory.csv'), 'OpportunityId,CreatedDate\n1,2020-01-01\n');
      await expect(readFolder(dir)).rejects.toThrow(
        /OpportunityHistory.csv lacks column\(s\) StageName, CloseDate, Amount/
      );
      writeFileSync(
        join(dir, 'OpportunityHistory.csv'),
        'OpportunityId,CreatedDate,StageName,CloseDate,Amount\n'
      );
      rmSync(join(dir, 'OpportunityStage.csv'));
      await expect(readFolder(dir)).rejects.toThrow(/OpportunityStage.csv is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tiers partners by the rule PartnerStatsSelector.tierFor applies', () => {
    expect([tierFor(20, 30), tierFor(10, 25), tierFor(3, 100), tierFor(2, 2)]).toEqual([
      'PLATINUM',
      'GOLD',
      'SILVER',
      'REGISTERED'
    ]);
  });
});
