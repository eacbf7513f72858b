/**
 * The report and the learned scorecard against the truth planted in the demo history.
 * Tolerances: conflict agreement similarity within 0.015 of the planted 0.90; median decision
 * times within 5% of the planted 60 h and 36 h; learned log-odds within three standard errors of
 * the planted weights (approximated by 1 / sqrt(m * 0.09), m the smaller of the rows with and
 * without the factor; at least 0.25), as contrasts within a group and absolute values otherwise.
 */
import { analyze, tierOf, wouldAutoApprove, DEFAULT_ANALYSIS, type Summary } from '../src/analyze';
import { learn, type LearnResult } from '../src/learn';
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
  it('recovers the planted weights within three standard errors', () => {
    expect(l.missing).toEqual([]);
    const w = new Map(l.weights.map((x) => [x.code, x]));
    const planted = PLANTED.approval;
    const tol = (code: string) => {
      const sup = w.get(code)!.support;
      return Math.max(0.25, 3 / Math.sqrt(Math.min(sup, l.trainRows - sup) * 0.09));
    };
    const off: string[] = [];
    const check = (name: string, learned: number, truth: number, t: number) => {
      if (!(Math.abs(learned - truth) < t))
        off.push(`${name}: learned ${learned.toFixed(2)}, planted ${truth}, tolerance ${t.toFixed(2)}`);
    };
    const c = (code: string) => w.get(code)!.coefficient!;
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

  it('writes a valid candidate with its own version that beats the default on the newer holdout', () => {
    const c = l.candidate!;
    expect(c.rulesetVersion).toBe(`${DEFAULT_RULESET.rulesetVersion}-learned.20261201`);
    expect(loadRuleset(c, 'candidate').rulesetVersion).toBe(c.rulesetVersion);
    expect(c.provenance?.basedOn).toBe(DEFAULT_RULESET.rulesetVersion);
    expect(l.trainRows + l.holdoutRows).toBeGreaterThan(10000);
    expect(l.metrics!.learned.auc!).toBeGreaterThan(l.metrics!.default.auc!);
    expect(l.metrics!.learned.brier!).toBeLessThan(l.metrics!.default.brier!);
    // Planted: humans do not penalise first-time partners; the default ruleset does (-6 points).
    const first = l.byTier.find((t) => t.segment === 'first-time partners')!;
    expect(first.approvalRate - first.defaultMeanP).toBeGreaterThan(0.03);
    expect(Math.abs(first.learnedMeanP - first.approvalRate)).toBeLessThan(0.04);
    expect(first.note).toContain('stops penalising');
    const points = (rs: typeof c, code: string) => rs.factors.find((f) => f.code === code)!.points;
    expect(points(c, 'FIRST_TIME_PARTNER')).toBeGreaterThan(
      points(DEFAULT_RULESET.data, 'FIRST_TIME_PARTNER') + 3
    );
    // The planted override pattern gets a much larger penalty than the default's -4.
    expect(points(c, 'CLOSE_DATE_IMMINENT')).toBeLessThan(-12);
  });

  it('keeps a time order: every training row was submitted before every holdout row', () => {
    const rows = history.rows
      .filter((r) => r.rec && r.decision && r.submittedAt !== null && r.rec.triage !== 'FLAGGED_CONFLICT')
      .map((r) => r.submittedAt!)
      .sort((a, b) => a - b);
    const firstHoldout = Date.parse(l.holdoutFrom!);
    expect(rows.filter((t) => t < firstHoldout).length).toBe(l.trainRows);
  });
});
