/**
 * The calibration report's numbers, computed from the history alone. Everything a section needs
 * is in Summary (also written as summary.json); the HTML only draws it. When the history cannot
 * support a section, the section says what is missing instead of drawing a curve.
 */
import type { Decision, History, HistoryRow, Triage } from './history';
import { fitLogistic, quantileSorted, wilson } from './stats';

export interface Interval {
  k: number;
  n: number;
  rate: number | null;
  low: number;
  high: number;
}

export function interval(k: number, n: number): Interval {
  const w = wilson(k, n);
  return { k, n, rate: n > 0 ? w.rate : null, low: w.low, high: w.high };
}

export interface AnalysisOptions {
  /** The review threshold in force (the settings record's). */
  currentReviewThreshold: number;
  currentConflictThreshold: number;
  /** Highest share of would-be auto-approvals a human may reject (point estimate). */
  targetRejection: number;
  /** Highest upper 95% bound of that share. */
  maxRejectionUpper: number;
  /** Minimum would-be auto-approvals for a threshold or a segment to count. */
  minAutoApproved: number;
  /** Minimum decided registrations with a recommendation for a segment verdict. */
  minDecided: number;
  /** Minimum flagged conflicts with a decision before a conflict threshold is recommended. */
  minConflicts: number;
  /** High-value amount (live mode always routes these to a human). */
  highValueAmount: number;
}

export const DEFAULT_ANALYSIS: AnalysisOptions = {
  currentReviewThreshold: 70,
  currentConflictThreshold: 0.82,
  targetRejection: 0.05,
  maxRejectionUpper: 0.08,
  minAutoApproved: 30,
  minDecided: 100,
  minConflicts: 40,
  highValueAmount: 250_000
};

export const TRIAGES: Triage[] = ['AUTO_APPROVED', 'NEEDS_REVIEW', 'FLAGGED_CONFLICT'];
export const DECISIONS: Decision[] = ['APPROVED', 'REJECTED'];

export interface SegmentAgreement {
  segment: string;
  decided: number;
  matrix: Record<Triage, Record<Decision, number>>;
  /** Among decisions the AI had an expectation for (auto-approve -> approve, conflict -> reject). */
  agreement: Interval;
  /** Share of auto-approved recommendations a human approved. */
  autoApprovedApproved: Interval;
}

export interface SweepPoint {
  threshold: number;
  autoApproved: number;
  share: number;
  rejected: number;
  rejection: Interval;
  won: number;
}

export interface Summary {
  input: {
    registrations: number;
    withRecommendation: number;
    decidedWithRecommendation: number;
    decidedWithoutRecommendation: number;
    warnings: Record<string, number>;
    rulesetVersions: Record<string, number>;
    auditOutcomes: Record<string, Record<string, number>>;
  };
  options: AnalysisOptions;
  /** What the history lacks, in plain words (empty when every section could be computed). */
  missing: string[];
  agreement: {
    overall: SegmentAgreement;
    byTier: SegmentAgreement[];
    byRegion: SegmentAgreement[];
    byAmountBand: SegmentAgreement[];
  } | null;
  sweep: { points: SweepPoint[]; recommended: number | null; why: string } | null;
  calibration: { from: number; to: number; n: number; approval: Interval; win: Interval }[] | null;
  conflicts: {
    flagged: number;
    confirmed: number;
    dismissed: number;
    bins: { from: number; to: number; confirmed: Interval }[];
    agreeSimilarity: number | null;
    recommended: number | null;
    why: string;
  } | null;
  overrides: {
    autoApprovedRejected: number;
    conflictDismissed: number;
    factors: {
      code: string;
      inOverrides: number;
      overrideShare: number;
      agreementShare: number;
      lift: number;
    }[];
  } | null;
  timeToDecision: {
    before: { n: number; medianHours: number | null; p90Hours: number | null };
    after: { n: number; medianHours: number | null; p90Hours: number | null };
    projectedMedianHours: number | null;
  };
  verdict: {
    text: string;
    segments: { segment: string; ready: boolean; reason: string }[];
    minimums: string;
  };
}

const AMOUNT_BANDS: { name: string; max: number }[] = [
  { name: '< 25k', max: 25_000 },
  { name: '25k-100k', max: 100_000 },
  { name: '100k-250k', max: 250_000 },
  { name: '>= 250k', max: Infinity }
];

export function amountBand(amount: number | null): string {
  if (amount === null) return 'no amount';
  return AMOUNT_BANDS.find((b) => amount < b.max)!.name;
}

export function tierOf(row: HistoryRow, codes: readonly string[]): string {
  for (const c of row.rec?.codes ?? []) {
    const code = codes[c]!;
    if (code.startsWith('TIER_')) return code.slice(5);
  }
  return 'NO TIER';
}

type Decided = HistoryRow & { decision: Decision; rec: NonNullable<HistoryRow['rec']> };

function agreementOf(segment: string, rows: readonly Decided[]): SegmentAgreement {
  const matrix = Object.fromEntries(
    TRIAGES.map((t) => [t, { APPROVED: 0, REJECTED: 0 }])
  ) as SegmentAgreement['matrix'];
  for (const r of rows) matrix[r.rec.triage][r.decision]++;
  const aa = matrix.AUTO_APPROVED;
  const fc = matrix.FLAGGED_CONFLICT;
  const expected = aa.APPROVED + aa.REJECTED + fc.APPROVED + fc.REJECTED;
  return {
    segment,
    decided: rows.length,
    matrix,
    agreement: interval(aa.APPROVED + fc.REJECTED, expected),
    autoApprovedApproved: interval(aa.APPROVED, aa.APPROVED + aa.REJECTED)
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(it);
  }
  return new Map([...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** Whether live mode would approve this row without a human at threshold t. */
export function wouldAutoApprove(
  row: Decided,
  t: number,
  codes: readonly string[],
  o: AnalysisOptions
): boolean {
  if (row.rec.triage === 'FLAGGED_CONFLICT' || row.rec.score < t) return false;
  for (const c of row.rec.codes) {
    const code = codes[c]!;
    if (code.startsWith('MISSING_') || code === 'FIRST_TIME_PARTNER') return false;
  }
  return !(row.amount !== null && row.amount >= o.highValueAmount);
}

function hours(rows: readonly HistoryRow[]): number[] {
  return rows
    .filter((r) => r.decidedAt !== null && r.submittedAt !== null && r.decidedAt >= r.submittedAt)
    .map((r) => (r.decidedAt! - r.submittedAt!) / 3_600_000)
    .sort((a, b) => a - b);
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);

export function analyze(history: History, options: Partial<AnalysisOptions> = {}): Summary {
  const o: AnalysisOptions = { ...DEFAULT_ANALYSIS, ...options };
  const codes = history.codes;
  const rows = history.rows;
  const withRec = rows.filter((r) => r.rec !== null);
  const decided = withRec.filter((r): r is Decided => r.decision !== null);
  const decidedWithout = rows.filter((r) => r.rec === null && r.decision !== null);
  const missing: string[] = [];
  const rulesetVersions: Record<string, number> = {};
  for (const r of withRec)
    rulesetVersions[r.rec!.rulesetVersion] = (rulesetVersions[r.rec!.rulesetVersion] ?? 0) + 1;

  if (rows.length === 0) missing.push('The history is empty: no registrations were read.');
  else if (withRec.length === 0)
    missing.push(
      'No registration has an AI recommendation: the package has not scored anything yet (shadow mode records them).'
    );
  else if (decided.length === 0)
    missing.push('No registration with a recommendation has a human decision (Approved or Rejected) yet.');
  const approvedN = decided.filter((r) => r.decision === 'APPROVED').length;
  if (decided.length > 0 && (approvedN === 0 || approvedN === decided.length))
    missing.push(
      `Every decided registration was ${approvedN === 0 ? 'rejected' : 'approved'}: with one class only, agreement on the other class and any threshold cannot be judged.`
    );
  if (decided.length > 0 && decided.length < o.minDecided)
    missing.push(
      `Only ${decided.length} decided registrations with a recommendation; the verdict needs at least ${o.minDecided}.`
    );

  const agreement =
    decided.length > 0
      ? {
          overall: agreementOf('all', decided),
          byTier: [...groupBy(decided, (r) => tierOf(r, codes))].map(([k, v]) => agreementOf(k, v)),
          byRegion: [...groupBy(decided, (r) => r.region)].map(([k, v]) => agreementOf(k, v)),
          byAmountBand: AMOUNT_BANDS.map((b) => b.name)
            .concat('no amount')
            .map((name) =>
              agreementOf(
                name,
                decided.filter((r) => amountBand(r.amount) === name)
              )
            )
            .filter((s) => s.decided > 0)
        }
      : null;

  // Threshold sweep.
  const twoClasses = approvedN > 0 && approvedN < decided.length;
  let sweep: Summary['sweep'] = null;
  if (decided.length > 0 && twoClasses) {
    // One pass: histogram of eligible rows by score, then cumulative sums from the top.
    const auto = new Float64Array(102);
    const rej = new Float64Array(102);
    const wonAt = new Float64Array(102);
    for (const r of decided) {
      if (!wouldAutoApprove(r, 0, codes, o)) continue;
      const sc = Math.max(0, Math.min(100, Math.floor(r.rec.score)));
      auto[sc] = auto[sc]! + 1;
      if (r.decision === 'REJECTED') rej[sc] = rej[sc]! + 1;
      if (r.won === true) wonAt[sc] = wonAt[sc]! + 1;
    }
    for (let t = 99; t >= 0; t--) {
      auto[t] = auto[t]! + auto[t + 1]!;
      rej[t] = rej[t]! + rej[t + 1]!;
      wonAt[t] = wonAt[t]! + wonAt[t + 1]!;
    }
    const points: SweepPoint[] = [];
    for (let t = 0; t <= 100; t++) {
      const a = auto[t]!;
      const k = rej[t]!;
      points.push({
        threshold: t,
        autoApproved: a,
        share: a / decided.length,
        rejected: k,
        rejection: interval(k, a),
        won: wonAt[t]!
      });
    }
    const ok = points.filter(
      (p) =>
        p.autoApproved >= o.minAutoApproved &&
        (p.rejection.rate ?? 1) <= o.targetRejection &&
        p.rejection.high <= o.maxRejectionUpper
    );
    const best = ok[0];
    let why: string;
    if (best) {
      const below = points[best.threshold - 1];
      why =
        `At ${best.threshold}, ${pct(best.share)} of decided registrations would have been approved without a human; ` +
        `humans rejected ${best.rejected} of those ${best.autoApproved} (${pct(best.rejection.rate)}, 95% CI ${pct(best.rejection.low)}-${pct(best.rejection.high)}), ` +
        `within the accepted ${pct(o.targetRejection)} (upper bound at most ${pct(o.maxRejectionUpper)}); ${best.won} became won opportunities.` +
        (below
          ? ` One point lower, ${below.autoApproved < o.minAutoApproved ? 'too few registrations qualify' : `the rejection rate would be ${pct(below.rejection.rate)} (upper ${pct(below.rejection.high)})`}.`
          : '');
    } else {
      why = `No threshold keeps the human-rejection rate of would-be auto-approvals at or below ${pct(o.targetRejection)} (upper bound ${pct(o.maxRejectionUpper)}) with at least ${o.minAutoApproved} of them: stay in shadow mode.`;
    }
    sweep = { points, recommended: best ? best.threshold : null, why };
  } else if (decided.length > 0) {
    missing.push('The threshold sweep needs both approved and rejected registrations.');
  }

  // Calibration curve.
  let calibration: Summary['calibration'] = null;
  if (decided.length > 0) {
    const acc = Array.from({ length: 10 }, () => ({ n: 0, approved: 0, known: 0, won: 0 }));
    for (const r of decided) {
      const b = acc[Math.min(9, Math.max(0, Math.floor(r.rec.score / 10)))]!;
      b.n++;
      if (r.decision === 'APPROVED') {
        b.approved++;
        if (r.won !== null) {
          b.known++;
          if (r.won) b.won++;
        }
      }
    }
    calibration = acc.map((b, i) => ({
      from: i * 10,
      to: i === 9 ? 100 : i * 10 + 9,
      n: b.n,
      approval: interval(b.approved, b.n),
      win: interval(b.won, b.known)
    }));
  }

  // Conflict flags.
  const flagged = decided.filter(
    (r) => r.rec.triage === 'FLAGGED_CONFLICT' && r.rec.conflictSimilarity !== null
  );
  let conflicts: Summary['conflicts'] = null;
  if (flagged.length > 0) {
    const confirmed = flagged.filter((r) => r.decision === 'REJECTED').length;
    const bins: { from: number; to: number; confirmed: Interval }[] = [];
    for (let from = 0.8; from < 1 - 1e-9; from += 0.02) {
      const lo = Math.round(from * 100) / 100;
      const hi = Math.round((from + 0.02) * 100) / 100;
      const inBin = flagged.filter(
        (r) =>
          r.rec.conflictSimilarity! >= lo &&
          (r.rec.conflictSimilarity! < hi || (hi >= 1 && r.rec.conflictSimilarity! <= 1))
      );
      if (inBin.length > 0)
        bins.push({
          from: lo,
          to: hi,
          confirmed: interval(inBin.filter((r) => r.decision === 'REJECTED').length, inBin.length)
        });
    }
    let agreeSimilarity: number | null = null;
    let recommended: number | null = null;
    let why: string;
    if (flagged.length < o.minConflicts) {
      why = `Only ${flagged.length} decided conflict flags; at least ${o.minConflicts} are needed to recommend a conflict threshold.`;
      missing.push(why);
    } else if (confirmed === 0 || confirmed === flagged.length) {
      why = `Humans ${confirmed === 0 ? 'dismissed' : 'confirmed'} every conflict flag, so the similarity at which they start to agree cannot be located.`;
      missing.push(why);
    } else {
      // Confirmation ~ similarity: a one-variable logistic fit; agreement starts where it crosses 1/2.
      const fit = fitLogistic(
        flagged.map((r) => [(r.rec.conflictSimilarity! - 0.9) * 10]),
        flagged.map((r) => r.decision === 'REJECTED'),
        1e-6
      );
      const w = fit.weights[0]!;
      if (w > 0) {
        agreeSimilarity = 0.9 - fit.intercept / w / 10;
        recommended = Math.min(
          0.99,
          Math.max(o.currentConflictThreshold, Math.round(agreeSimilarity * 100) / 100)
        );
        why =
          agreeSimilarity < o.currentConflictThreshold
            ? `Humans already confirm most flags at the current threshold ${o.currentConflictThreshold}; pairs below it are never flagged, so the data cannot justify a lower one. Keep ${o.currentConflictThreshold}.`
            : `Humans confirm half of the flags at similarity ${agreeSimilarity.toFixed(3)} and more above it; flags below were mostly dismissed. Raising the threshold to ${recommended.toFixed(2)} removes those without losing confirmed conflicts above it.`;
      } else {
        why =
          'Confirmation does not rise with similarity in this history; keep the current conflict threshold and review the matcher.';
      }
    }
    conflicts = {
      flagged: flagged.length,
      confirmed,
      dismissed: flagged.length - confirmed,
      bins,
      agreeSimilarity,
      recommended,
      why
    };
  } else if (decided.length > 0) {
    missing.push(
      'No decided registration was flagged as a conflict, so the conflict threshold cannot be calibrated.'
    );
  }

  // Factors present when humans overrode the AI.
  let overrides: Summary['overrides'] = null;
  const aa = decided.filter((r) => r.rec.triage === 'AUTO_APPROVED');
  const aaRejected = aa.filter((r) => r.decision === 'REJECTED');
  const aaApproved = aa.filter((r) => r.decision === 'APPROVED');
  if (aaRejected.length > 0 && aaApproved.length > 0) {
    const count = (list: readonly Decided[]) => {
      const m = new Map<number, number>();
      for (const r of list) for (const c of new Set(r.rec.codes)) m.set(c, (m.get(c) ?? 0) + 1);
      return m;
    };
    const inO = count(aaRejected);
    const inA = count(aaApproved);
    const factors = [...inO.entries()]
      .filter(([, k]) => k >= 5)
      .map(([c, k]) => {
        const overrideShare = k / aaRejected.length;
        const agreementShare = (inA.get(c) ?? 0) / aaApproved.length;
        return {
          code: codes[c]!,
          inOverrides: k,
          overrideShare,
          agreementShare,
          lift: overrideShare / Math.max(agreementShare, 1 / aaApproved.length)
        };
      })
      .filter((f) => f.lift > 1)
      .sort((a, b) => b.lift - a.lift || b.inOverrides - a.inOverrides)
      .slice(0, 10);
    overrides = {
      autoApprovedRejected: aaRejected.length,
      conflictDismissed: flagged.filter((r) => r.decision === 'APPROVED').length,
      factors
    };
  } else if (decided.length > 0) {
    missing.push(
      'No auto-approval recommendation was both approved and rejected by humans, so override factors cannot be compared.'
    );
  }

  // Time to decision.
  const before = hours(decidedWithout);
  const after = hours(decided);
  const stat = (h: number[]) => ({
    n: h.length,
    medianHours: h.length ? quantileSorted(h, 0.5) : null,
    p90Hours: h.length ? quantileSorted(h, 0.9) : null
  });
  let projectedMedianHours: number | null = null;
  if (sweep?.recommended != null && after.length > 0) {
    const t = sweep.recommended;
    const projected = decided
      .filter((r) => r.decidedAt !== null && r.submittedAt !== null)
      .map((r) => (wouldAutoApprove(r, t, codes, o) ? 0 : (r.decidedAt! - r.submittedAt!) / 3_600_000))
      .sort((a, b) => a - b);
    projectedMedianHours = quantileSorted(projected, 0.5);
  }
  if (before.length === 0)
    missing.push(
      'No decided registration from before the package scored anything, so "before" times are unknown.'
    );

  // Verdict per segment at the recommended threshold.
  const minimums = `A segment needs at least ${o.minDecided} decided registrations with a recommendation and at least ${o.minAutoApproved} that would have been auto-approved; the recommended threshold is the lowest whose overall human-rejection rate is at most ${pct(o.targetRejection)} with a 95% upper bound of at most ${pct(o.maxRejectionUpper)}; a segment is not ready when its own rate is clearly above ${pct(o.targetRejection)} (lower bound above it) or its upper bound exceeds ${pct(o.maxRejectionUpper)}.`;
  const segments: Summary['verdict']['segments'] = [];
  const t = sweep?.recommended ?? null;
  const judge = (name: string, list: readonly Decided[]) => {
    if (list.length < o.minDecided) {
      segments.push({
        segment: name,
        ready: false,
        reason: `too few decided registrations (${list.length} of ${o.minDecided} needed)`
      });
      return;
    }
    if (t === null) {
      segments.push({ segment: name, ready: false, reason: 'no safe review threshold was found overall' });
      return;
    }
    const autos = list.filter((r) => wouldAutoApprove(r, t, codes, o));
    const rej = interval(autos.filter((r) => r.decision === 'REJECTED').length, autos.length);
    if (autos.length < o.minAutoApproved)
      segments.push({
        segment: name,
        ready: false,
        reason: `too few would-be auto-approvals at ${t} (${autos.length} of ${o.minAutoApproved} needed)`
      });
    else if (rej.low > o.targetRejection)
      segments.push({
        segment: name,
        ready: false,
        reason: `humans rejected ${pct(rej.rate)} (95% CI ${pct(rej.low)}-${pct(rej.high)}) of the ${autos.length} registrations it would auto-approve at ${t}, clearly above ${pct(o.targetRejection)}`
      });
    else if (rej.high > o.maxRejectionUpper)
      segments.push({
        segment: name,
        ready: false,
        reason: `too uncertain: humans rejected ${pct(rej.rate)} of ${autos.length} would-be auto-approvals at ${t}, but the 95% upper bound ${pct(rej.high)} exceeds ${pct(o.maxRejectionUpper)}`
      });
    else
      segments.push({
        segment: name,
        ready: true,
        reason: `${autos.length} would-be auto-approvals at ${t}, ${pct(rej.rate)} rejected by humans (95% CI ${pct(rej.low)}-${pct(rej.high)})`
      });
  };
  for (const [k, v] of groupBy(decided, (r) => `region ${r.region}`)) judge(k, v);
  for (const [k, v] of groupBy(decided, (r) => `tier ${tierOf(r, codes)}`)) judge(k, v);
  const ready = segments.filter((s) => s.ready).map((s) => s.segment);
  const notReady = segments.filter((s) => !s.ready);
  let text: string;
  if (decided.length === 0)
    text = 'Not ready: there are no decided registrations with a recommendation to judge by.';
  else if (t === null)
    text = `Not ready for live mode: ${sweep?.why ?? 'the history lacks both approved and rejected registrations.'}`;
  else if (ready.length === 0)
    text = `Not ready for live mode on any segment at threshold ${t}: ${notReady.map((s) => `${s.segment} (${s.reason})`).join('; ')}.`;
  else
    text =
      `Ready for live mode at review threshold ${t} on ${ready.join(', ')}` +
      (notReady.length > 0
        ? `; not yet on ${notReady.map((s) => `${s.segment} because ${s.reason}`).join('; ')}.`
        : '.');

  return {
    input: {
      registrations: rows.length,
      withRecommendation: withRec.length,
      decidedWithRecommendation: decided.length,
      decidedWithoutRecommendation: decidedWithout.length,
      warnings: Object.fromEntries(history.warnings),
      rulesetVersions,
      auditOutcomes: Object.fromEntries(
        [...history.auditOutcomes].map(([k, v]) => [k, Object.fromEntries(v)])
      )
    },
    options: o,
    missing,
    agreement,
    sweep,
    calibration,
    conflicts,
    overrides,
    timeToDecision: { before: stat(before), after: stat(after), projectedMedianHours },
    verdict: { text, segments, minimums }
  };
}
