/**
 * `--learn`: a points scorecard learned from the org's own decisions, still deterministic and
 * explainable (the same factor codes, new points). An L2-regularised logistic regression of
 * "a human approved" on the factors the engine already explains, fitted on the older part of the
 * history and judged on the newer part (time-ordered holdout). Coefficients become points at
 * POINTS_PER_LOGIT points per unit of log-odds, anchored so that the review threshold 70 means
 * "a human approves with probability 0.9". Never applied automatically: it writes a candidate.
 */
import { loadRuleset } from '../../../functions/deal-scoring/src/engine/rulesets';
import type { Ruleset } from '../../../functions/deal-scoring/src/ruleset/schema';
import { tierOf } from './analyze';
import type { History, HistoryRow } from './history';
import { auc, brier, fitLogistic, logit, reliability, sigmoid, type ReliabilityBin } from './stats';

export interface LearnOptions {
  holdoutShare: number;
  lambda: number;
  pointsPerLogit: number;
  anchorScore: number;
  anchorProbability: number;
  /** A factor needs this many training rows with it (and without it) to get learned points. */
  minSupport: number;
  /** Version of the candidate; default `<base>-learned.<yyyymmdd>`. */
  version?: string;
  /** Date written into provenance (tests pin it). */
  now?: Date;
}

export const DEFAULT_LEARN: LearnOptions = {
  holdoutShare: 0.25,
  lambda: 1,
  pointsPerLogit: 10,
  anchorScore: 70,
  anchorProbability: 0.9,
  minSupport: 30
};

export interface ModelMetrics {
  auc: number | null;
  brier: number | null;
  ece: number | null;
  bins: ReliabilityBin[];
}

export interface LearnResult {
  /** What the history lacks for learning; when non-empty there is no candidate. */
  missing: string[];
  candidate: Ruleset | null;
  trainRows: number;
  holdoutRows: number;
  holdoutFrom: string | null;
  weights: {
    code: string;
    coefficient: number | null;
    points: number;
    defaultPoints: number;
    support: number;
    learned: boolean;
  }[];
  intercept: number | null;
  metrics: { default: ModelMetrics; learned: ModelMetrics } | null;
  byTier: {
    segment: string;
    n: number;
    approvalRate: number;
    defaultMeanP: number;
    learnedMeanP: number;
    defaultAutoShare: number;
    learnedAutoShare: number;
    note: string;
  }[];
}

type Row = HistoryRow & {
  rec: NonNullable<HistoryRow['rec']>;
  decision: 'APPROVED' | 'REJECTED';
  submittedAt: number;
};

const num = (x: number) => (Number.isFinite(x) ? x : null);

function metrics(scores: number[], probs: number[], labels: boolean[]): ModelMetrics {
  const r = reliability(probs, labels);
  return { auc: num(auc(scores, labels)), brier: num(brier(probs, labels)), ece: num(r.ece), bins: r.bins };
}

export function learn(history: History, base: Ruleset, options: Partial<LearnOptions> = {}): LearnResult {
  const o = { ...DEFAULT_LEARN, ...options };
  const codes = history.codes;
  const rows = history.rows
    .filter(
      (r): r is Row =>
        r.rec !== null && r.decision !== null && r.submittedAt !== null && r.rec.triage !== 'FLAGGED_CONFLICT'
    )
    .sort((a, b) => a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : 1));
  const missing: string[] = [];
  const empty: LearnResult = {
    missing,
    candidate: null,
    trainRows: 0,
    holdoutRows: 0,
    holdoutFrom: null,
    weights: [],
    intercept: null,
    metrics: null,
    byTier: []
  };
  if (rows.length === 0) {
    missing.push('No decided registration with a recommendation (outside conflict review) to learn from.');
    return empty;
  }
  const cut = Math.floor(rows.length * (1 - o.holdoutShare));
  const train = rows.slice(0, cut);
  const hold = rows.slice(cut);
  const positives = (list: Row[]) => list.filter((r) => r.decision === 'APPROVED').length;
  if (train.length < 200)
    missing.push(
      `Only ${train.length} training rows; learning needs at least 200 (older ${Math.round(100 * (1 - o.holdoutShare))}% of the decided history).`
    );
  if (hold.length < 50)
    missing.push(
      `Only ${hold.length} holdout rows; judging the learned ruleset needs at least 50 (newest ${Math.round(100 * o.holdoutShare)}%).`
    );
  for (const [name, list] of [
    ['training', train],
    ['holdout', hold]
  ] as const) {
    const k = positives(list);
    if (list.length > 0 && (k === 0 || k === list.length))
      missing.push(
        `The ${name} rows are all ${k === 0 ? 'rejected' : 'approved'}: a model of approval needs both outcomes.`
      );
  }
  if (missing.length > 0) return { ...empty, trainRows: train.length, holdoutRows: hold.length };

  // Features: one indicator per catalogue code with enough support, plus the helpful-field share.
  const catalogue = base.factors;
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const support = new Map<string, number>();
  for (const r of train)
    for (const c of new Set(r.rec.codes)) support.set(codes[c]!, (support.get(codes[c]!) ?? 0) + 1);
  const learnable = catalogue
    .map((f) => f.code)
    .filter((c) => c !== 'HELPFUL_FIELDS' && !c.startsWith('CONFLICT_'))
    .filter((c) => {
      const s = support.get(c) ?? 0;
      return s >= o.minSupport && train.length - s >= o.minSupport;
    });
  const featureOf = learnable.map((c) => codeIndex.get(c)!);
  const design = (r: Row): number[] => {
    const present = new Set(r.rec.codes);
    return [...featureOf.map((i) => (present.has(i) ? 1 : 0)), r.rec.helpfulShare];
  };
  const fit = fitLogistic(
    train.map(design),
    train.map((r) => r.decision === 'APPROVED'),
    o.lambda
  );
  const k = o.pointsPerLogit;
  const coef = new Map(learnable.map((c, i) => [c, fit.weights[i]!]));
  const helpfulCoef = fit.weights[learnable.length]!;
  const clampPts = (x: number) => Math.max(-100, Math.min(100, Math.round(x)));
  const factors = catalogue.map((f) => {
    if (f.code === 'HELPFUL_FIELDS') return { ...f, points: clampPts(k * helpfulCoef) };
    const c = coef.get(f.code);
    return c === undefined ? { ...f } : { ...f, points: clampPts(k * c) };
  });
  const baseScore = Math.round(o.anchorScore + k * (fit.intercept - logit(o.anchorProbability)));
  const now = o.now ?? new Date();
  const stamp = now.toISOString().slice(0, 10).replace(/-/g, '');
  const candidate: Ruleset = {
    rulesetVersion: o.version ?? `${base.rulesetVersion}-learned.${stamp}`,
    description: `Candidate learned from ${train.length} decided registrations (before ${new Date(hold[0]!.submittedAt).toISOString().slice(0, 10)}); judged on the ${hold.length} newer ones. Not active until deployed and named in Deal_Scoring_Setting__mdt.Ruleset_Version__c.`,
    provenance: {
      method: `L2-regularised logistic regression (lambda ${o.lambda}) of human approval on factor codes; ${k} points per unit log-odds; score ${o.anchorScore} = P(approve) ${o.anchorProbability}`,
      createdAt: now.toISOString(),
      basedOn: base.rulesetVersion,
      trainingRows: train.length,
      holdoutRows: hold.length,
      notes: `Kept the base points for codes with fewer than ${o.minSupport} training rows with and without them, and for conflict codes (conflicts go to review whatever the score): ${catalogue
        .map((f) => f.code)
        .filter((c) => c !== 'HELPFUL_FIELDS' && !coef.has(c))
        .join(', ')}.`
    },
    baseScore,
    limits: base.limits,
    factors
  };
  loadRuleset(candidate, 'learned candidate'); // refuses anything the engine could not use

  // Holdout: default (recorded score, Platt-scaled on training) vs learned (scorecard as shipped).
  const points = new Map(factors.map((f) => [f.code, f.points]));
  const helpfulMax = points.get('HELPFUL_FIELDS') ?? 0;
  const rawLearned = (r: Row) => {
    let s = baseScore;
    for (const c of r.rec.codes) {
      const code = codes[c]!;
      s += code === 'HELPFUL_FIELDS' ? Math.round(helpfulMax * r.rec.helpfulShare) : (points.get(code) ?? 0);
    }
    return s;
  };
  const learnedP = (r: Row) => sigmoid((rawLearned(r) - o.anchorScore) / k + logit(o.anchorProbability));
  const learnedScore = (r: Row) => Math.max(0, Math.min(100, rawLearned(r)));
  const platt = fitLogistic(
    train.map((r) => [(r.rec.score - 70) / 10]),
    train.map((r) => r.decision === 'APPROVED'),
    1e-6
  );
  const defaultP = (r: Row) => sigmoid(platt.intercept + platt.weights[0]! * ((r.rec.score - 70) / 10));
  const labels = hold.map((r) => r.decision === 'APPROVED');
  const result = {
    default: metrics(
      hold.map((r) => r.rec.score),
      hold.map(defaultP),
      labels
    ),
    learned: metrics(hold.map(learnedScore), hold.map(learnedP), labels)
  };

  // Effect by partner tier (and first-time partners) on the holdout.
  const segments = new Map<string, Row[]>();
  const firstTime = codeIndex.get('FIRST_TIME_PARTNER');
  for (const r of hold) {
    const t = `tier ${tierOf(r, codes)}`;
    if (!segments.has(t)) segments.set(t, []);
    segments.get(t)!.push(r);
    if (firstTime !== undefined && r.rec.codes.includes(firstTime)) {
      if (!segments.has('first-time partners')) segments.set('first-time partners', []);
      segments.get('first-time partners')!.push(r);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const byTier = [...segments.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([segment, list]) => {
      const approvalRate = mean(list.map((r) => (r.decision === 'APPROVED' ? 1 : 0)));
      const defaultAutoShare = mean(list.map((r) => (r.rec.score >= o.anchorScore ? 1 : 0)));
      const learnedAutoShare = mean(list.map((r) => (learnedScore(r) >= o.anchorScore ? 1 : 0)));
      const defaultMeanP = mean(list.map(defaultP));
      const learnedMeanP = mean(list.map(learnedP));
      const gap = (p: number) => `${p >= approvalRate ? '+' : ''}${(100 * (p - approvalRate)).toFixed(1)}`;
      const note =
        list.length < 30
          ? 'too few holdout rows to judge'
          : learnedMeanP - approvalRate < -0.05
            ? `learned under-predicts approval by ${gap(learnedMeanP)} points: check before deploying`
            : defaultMeanP - approvalRate < -0.03 && learnedMeanP - approvalRate >= -0.03
              ? `default under-predicts by ${gap(defaultMeanP)} points, learned ${gap(learnedMeanP)}: the learned ruleset stops penalising this group`
              : `not penalised (learned ${gap(learnedMeanP)} points vs observed)`;
      return {
        segment,
        n: list.length,
        approvalRate,
        defaultMeanP,
        learnedMeanP,
        defaultAutoShare,
        learnedAutoShare,
        note
      };
    });

  return {
    missing,
    candidate,
    trainRows: train.length,
    holdoutRows: hold.length,
    holdoutFrom: new Date(hold[0]!.submittedAt).toISOString(),
    weights: catalogue.map((f) => ({
      code: f.code,
      coefficient: f.code === 'HELPFUL_FIELDS' ? helpfulCoef : (coef.get(f.code) ?? null),
      points: points.get(f.code)!,
      defaultPoints: f.points,
      support: support.get(f.code) ?? 0,
      learned: f.code === 'HELPFUL_FIELDS' || coef.has(f.code)
    })),
    intercept: fit.intercept,
    metrics: result,
    byTier
  };
}
