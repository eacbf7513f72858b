/**
 * The report and the learned scorecard against the truth planted in the demo history.
 * Tolerances: conflict agreement similarity within 0.015 of the planted 0.90; median decision
 * times within 5% of the planted 60 h and 36 h; learned log-odds within three standard errors of
 * the planted weights (approximated by 1 / sqrt(m * 0.09), m the smaller of the rows with and
 * without the factor; at least 0.25), as contrasts within a group and absolute values otherwise,
 * for both outcomes (approval, and win among approved registrations whose opportunity closed);
 * a group's predicted rate on the holdout within 2.5 binomial standard errors of its observed rate.
 */
import { analyze, tierOf, wouldAutoApprove, DEFAULT_ANALYSIS, type Summary } from '../src/analyze';
import { DEFAULT_LEARN, learn, type LearnResult } from '../src/learn';
import { PLANTED } from '../src/demo';
import { DEFAULT_RULESET, loadRuleset } from '../../../functions/deal-scoring/src/engine/rulesets';
import type { History, StringRecord, TableName } from '../src/history';
import { historyOf, records } from './support';

let recs: [TableName, StringRecord][];
let history: History;
let s: Summary;
let l: LearnResult;
beforeAll(() => {
  recs = records({ registrations: 20000, seed: 3 });
  history = historyOf(recs);
  s = analyze(history);
  l = learn(history, DEFAULT_RULESET.data, { now: new Date('2026-12-01T00:00:00Z') });
});

describe('report numbers equal the planted ones', () => {
  it('counts the confusion matrix exactly as the raw records say', () => {
    const status = new Map(recs.filter(([t]) => t === 'registrations').map(([, r]) => [r.Id!, r.Status__c!]));
    const expected = {
      AUTO_APPROVED: { APPROVED: 0, REJECTED: 0 },
      NEEDS_REVIEW: { APPROVED: 0, REJECTED: 0 },
      FLAGGED_CONFLICT: { APPROVED: 0, REJECTED: 0 }
    };
    for (const [t, r] of recs) {
      if (t !== 'recommendations') continue;
      const st = status.get(r.Deal_Registration__c!);
      if (st === 'Approved' || st === 'Rejected')
        expected[r.Triage_Status__c as keyof typeof expected][st === 'Approved' ? 'APPROVED' : 'REJECTED']++;
    }
    expect(s.agreement!.overall.matrix).toEqual(expected);
    expect(s.agreement!.byTier.reduce((n, x) => n + x.decided, 0)).toBe(s.agreement!.overall.decided);
    expect(s.agreement!.byRegion.reduce((n, x) => n + x.decided, 0)).toBe(s.agreement!.overall.decided);
  });

  it('finds where humans start to agree with conflict flags (planted 0.90)', () => {
    expect(Math.abs(s.conflicts!.agreeSimilarity! - PLANTED.conflictAgreeSimilarity)).toBeLessThan(0.015);
    expect(Math.abs(s.conflicts!.recommended! - 0.9)).toBeLessThanOrEqual(0.0100001);
  });

  it('names the planted override pattern as the top factor in overridden auto-approvals', () => {
    expect(s.overrides!.factors[0]!.code).toBe(PLANTED.overrideFactor);
  });

  it('reports the planted median times to decision', () => {
    const t = s.timeToDecision;
    expect(Math.abs(t.before.medianHours! / PLANTED.medianHoursBefore - 1)).toBeLessThan(0.05);
    expect(Math.abs(t.after.medianHours! / PLANTED.medianHoursAfter - 1)).toBeLessThan(0.05);
    expect(t.projectedMedianHours!).toBeLessThan(t.after.medianHours!);
  });

  it('recommends the lowest threshold meeting the rejection target; APAC (planted harsher reviewers) is not ready', () => {
    const t = s.sweep!.recommended!;
    const p = s.sweep!.points[t]!;
    expect(p.rejection.rate!).toBeLessThanOrEqual(DEFAULT_ANALYSIS.targetRejection);
    const below = s.sweep!.points[t - 1]!;
    expect(
      (below.rejection.rate ?? 1) > DEFAULT_ANALYSIS.targetRejection ||
        below.rejection.high > DEFAULT_ANALYSIS.maxRejectionUpper
    ).toBe(true);
    const decided = history.rows.filter((r) => r.rec && r.decision) as Parameters<
      typeof wouldAutoApprove
    >[0][];
    const recount = decided.filter((r) => wouldAutoApprove(r, t, history.codes, DEFAULT_ANALYSIS));
    expect(p.autoApproved).toBe(recount.length);
    expect(p.rejected).toBe(recount.filter((r) => r.decision === 'REJECTED').length);
    const seg = (name: string) => s.verdict.segments.find((x) => x.segment === name)!;
    expect(seg('region APAC').ready).toBe(false);
    expect(seg('region APAC').reason).toContain('clearly above');
    expect(seg('region NA').ready).toBe(true);
    expect(s.verdict.text).toMatch(
      /^Ready for live mode at review threshold \d+ on .*region NA.*not yet on .*region APAC because/
    );
    expect(tierOf(decided[0]!, history.codes)).toMatch(/^(PLATINUM|GOLD|SILVER|REGISTERED|NO TIER)$/);
  });
});

describe('learned scorecard', () => {
  const tolFor = (support: number, rows: number) =>
    Math.max(0.25, 3 / Math.sqrt(Math.min(support, rows - support) * 0.09));

  it('recovers the planted approval weights within three standard errors', () => {
    expect(l.missing).toEqual([]);
    const w = new Map(l.weights.map((x) => [x.code, x]));
    const planted = PLANTED.approval;
    const tol = (code: string) => tolFor(w.get(code)!.support, l.trainRows);
    const off: string[] = [];
    const check = (name: string, learned: number, truth: number, t: number) => {
      if (!(Math.abs(learned - truth) < t))
        off.push(`${name}: learned ${learned.toFixed(2)}, planted ${truth}, tolerance ${t.toFixed(2)}`);
    };
    const c = (code: string) => w.get(code)!.approval!;
    for (const tier of ['TIER_PLATINUM', 'TIER_GOLD', 'TIER_SILVER'])
      check(
        `${tier} - TIER_REGISTERED`,
        c(tier) - c('TIER_REGISTERED'),
        planted[tier]! - planted.TIER_REGISTERED!,
        Math.max(tol(tier), tol('TIER_REGISTERED'))
      );
    check(
      'CLOSE_DATE_IMMINENT - CLOSE_DATE_REALISTIC',
      c('CLOSE_DATE_IMMINENT') - c('CLOSE_DATE_REALISTIC'),
      planted.CLOSE_DATE_IMMINENT! - planted.CLOSE_DATE_REALISTIC!,
      tol('CLOSE_DATE_IMMINENT')
    );
    for (const code of [
      'WIN_RATE_HIGH',
      'WIN_RATE_LOW',
      'CERTIFIED',
      'NOT_CERTIFIED',
      'DESCRIPTION_DETAILED',
      'DESCRIPTION_THIN',
      'CLOSE_DATE_PAST',
      'FIRST_TIME_PARTNER',
      'VOLUME_UNUSUAL',
      'PRODUCTS_NAMED',
      'FREE_MAIL_CONTACT'
    ])
      check(code, c(code), planted[code]!, tol(code));
    expect(off).toEqual([]);
  });

  it('recovers the planted win weights, and keeps approval-only effects out of the win model', () => {
    const won = l.outcomes!.won;
    expect(won.missing).toEqual([]);
    expect(won.trainRows).toBeGreaterThan(5000);
    const w = new Map(l.weights.map((x) => [x.code, x]));
    const planted = (code: string) => PLANTED.win[code] ?? 0;
    const tol = (code: string) => tolFor(w.get(code)!.winSupport, won.trainRows);
    const c = (code: string) => w.get(code)!.win!;
    const off: string[] = [];
    const check = (name: string, learned: number, truth: number, t: number) => {
      if (!(Math.abs(learned - truth) < t))
        off.push(`${name}: learned ${learned.toFixed(2)}, planted ${truth}, tolerance ${t.toFixed(2)}`);
    };
    // Planted win effects, and codes that matter for approval but not for winning (planted 0).
    for (const code of [
      'WIN_RATE_HIGH',
      'WIN_RATE_LOW',
      'DESCRIPTION_DETAILED',
      'CLOSE_DATE_IMMINENT',
      'FIRST_TIME_PARTNER',
      'CERTIFIED',
      'FREE_MAIL_CONTACT',
      'PRODUCTS_NAMED'
    ])
      check(code, c(code), planted(code), tol(code));
    for (const tier of ['TIER_PLATINUM', 'TIER_GOLD', 'TIER_SILVER'])
      check(
        `${tier} - TIER_REGISTERED`,
        c(tier) - c('TIER_REGISTERED'),
        0,
        Math.max(tol(tier), tol('TIER_REGISTERED'))
      );
    expect(off).toEqual([]);
    // The planted win effect of a high win rate is found, and the approval-only override is not.
    expect(c('WIN_RATE_HIGH')).toBeGreaterThan(0.4);
    expect(Math.abs(c('CLOSE_DATE_IMMINENT'))).toBeLessThan(
      Math.abs(w.get('CLOSE_DATE_IMMINENT')!.approval!) / 3
    );
    // A code with too little support among closed opportunities stays out of the win model.
    const thin = l.weights.filter((x) => x.learned && x.code !== 'HELPFUL_FIELDS' && x.win === null);
    for (const x of thin)
      expect(Math.min(x.winSupport, won.trainRows - x.winSupport)).toBeLessThan(DEFAULT_LEARN.minSupport);
  });

  it('combines the two models into points exactly as documented', () => {
    const c = l.candidate!;
    const k = DEFAULT_LEARN.pointsPerLogit;
    expect(l.winWeight).toBe(DEFAULT_LEARN.winWeight);
    for (const x of l.weights) {
      const row = c.factors.find((f) => f.code === x.code)!;
      expect(row.points).toBe(x.points);
      if (!x.learned) expect(x.points).toBe(x.defaultPoints);
      else
        expect(x.points).toBe(
          Math.max(-100, Math.min(100, Math.round(k * (x.approval! + l.winWeight * (x.win ?? 0))))) || 0
        );
    }
    // Approval only (win weight 0): points are the approval log-odds alone.
    const a = learn(history, DEFAULT_RULESET.data, { winWeight: 0 });
    expect(a.winWeight).toBe(0);
    expect(a.outcomes!.won.missing.join(' ')).toContain('approval only');
    for (const x of a.weights.filter((y) => y.learned && y.code !== 'HELPFUL_FIELDS'))
      expect(x.points).toBe(Math.max(-100, Math.min(100, Math.round(k * x.approval!))) || 0);
  });

  it('writes a valid candidate with its own version that beats the default on the newer holdout, for both outcomes', () => {
    const c = l.candidate!;
    expect(c.rulesetVersion).toBe(`${DEFAULT_RULESET.rulesetVersion}-learned.20261201`);
    expect(loadRuleset(c, 'candidate').rulesetVersion).toBe(c.rulesetVersion);
    expect(c.provenance?.basedOn).toBe(DEFAULT_RULESET.rulesetVersion);
    expect(c.provenance?.method).toContain('approval and of win');
    expect(l.trainRows + l.holdoutRows).toBeGreaterThan(10000);
    for (const o of ['approved', 'won'] as const) {
      const m = l.outcomes![o].metrics!;
      expect([o, m.learned.auc! > m.default.auc!]).toEqual([o, true]);
      expect([o, m.learned.brier! < m.default.brier!]).toEqual([o, true]);
      // The outcome's own model separates at least as well as the combined scorecard.
      expect([o, m.model.auc! >= m.learned.auc! - 0.005]).toEqual([o, true]);
    }
    // Planted: humans do not penalise first-time partners; the default ruleset does (-6 points).
    const first = l.outcomes!.approved.byTier.find((t) => t.segment === 'first-time partners')!;
    const se = Math.sqrt((first.observedRate * (1 - first.observedRate)) / first.n);
    expect(first.observedRate - first.defaultMeanP).toBeGreaterThan(0.03);
    expect(Math.abs(first.learnedMeanP - first.observedRate)).toBeLessThan(2.5 * se);
    expect(first.note).toContain('stops penalising');
    // Every tier's predicted win rate under the learned scorecard is close to what happened.
    for (const t of l.outcomes!.won.byTier.filter((x) => x.n >= 100)) {
      const seW = Math.sqrt((t.observedRate * (1 - t.observedRate)) / t.n);
      expect([t.segment, Math.abs(t.learnedMeanP - t.observedRate) < 2.5 * seW]).toEqual([t.segment, true]);
    }
    const points = (rs: typeof c, code: string) => rs.factors.find((f) => f.code === code)!.points;
    expect(points(c, 'FIRST_TIME_PARTNER')).toBeGreaterThan(
      points(DEFAULT_RULESET.data, 'FIRST_TIME_PARTNER') + 3
    );
    // The planted override pattern gets a much larger penalty than the default's -4.
    expect(points(c, 'CLOSE_DATE_IMMINENT')).toBeLessThan(-12);
    // A high win rate counts for both outcomes: more points than approval alone would give.
    const w = l.weights.find((x) => x.code === 'WIN_RATE_HIGH')!;
    expect(points(c, 'WIN_RATE_HIGH')).toBeGreaterThan(Math.round(10 * w.approval!) + 3);
  });

  it('keeps a time order: every training row was submitted before every holdout row, for both outcomes', () => {
    const rows = history.rows
      .filter((r) => r.rec && r.decision && r.submittedAt !== null && r.rec.triage !== 'FLAGGED_CONFLICT')
      .map((r) => r.submittedAt!)
      .sort((a, b) => a - b);
    const firstHoldout = Date.parse(l.holdoutFrom!);
    expect(rows.filter((t) => t < firstHoldout).length).toBe(l.trainRows);
    const closed = history.rows.filter(
      (r) =>
        r.rec &&
        r.decision === 'APPROVED' &&
        r.won !== null &&
        r.submittedAt !== null &&
        r.rec.triage !== 'FLAGGED_CONFLICT'
    );
    expect(closed.filter((r) => r.submittedAt! < firstHoldout).length).toBe(l.outcomes!.won.trainRows);
    expect(closed.filter((r) => r.submittedAt! >= firstHoldout).length).toBe(l.outcomes!.won.holdoutRows);
  });
});
