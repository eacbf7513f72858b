/**
 * `--learn`: a points scorecard learned from the org's own history, still deterministic and
 * explainable (the same factor codes, new points). Two L2-regularised logistic regressions on the
 * factors the engine already explains, both fitted on the older part of the history and judged on
 * the newer part (time-ordered holdout):
 *   - approval: "a human approved" over decided registrations outside conflict review;
 *   - win: "the converted opportunity was won" over the approved ones whose opportunity closed.
 * How the learned points combine (one scorecard, one score):
 *   points(code) = POINTS_PER_LOGIT * (approval log-odds(code) + winWeight * win log-odds(code))
 *   baseScore    = anchorScore + POINTS_PER_LOGIT * (approval intercept - logit(anchorProbability))
 *                  + POINTS_PER_LOGIT * winWeight * (win intercept - mean win log-odds of the training deals)
 * so a score of 70 means "a human approves with probability 0.9" for a deal of average win prospects,
 * and every unit of win log-odds above (below) average adds (removes) winWeight * 10 points. With
 * winWeight 0, or when the history cannot support a win model, the scorecard is the approval model.
 * Never applied automatically: it writes a candidate.
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
  /** Points per unit of win log-odds, relative to approval's (0 = approval only). */
  winWeight: number;
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
  winWeight: 1,
  minSupport: 30
};

export interface ModelMetrics {
  auc: number | null;
  brier: number | null;
  ece: number | null;
  bins: ReliabilityBin[];
}

export type OutcomeName = 'approved' | 'won';

export interface TierEffect {
  segment: string;
  n: number;
  /** Observed rate of the outcome in the segment (approval, or win among closed approved deals). */
  observedRate: number;
  defaultMeanP: number;
  learnedMeanP: number;
  defaultAutoShare: number;
  learnedAutoShare: number;
  note: string;
}

/** One outcome's model and how the default and the learned scorecard predict it on the holdout. */
export interface OutcomeResult {
  outcome: OutcomeName;
  /** What the history lacks for this outcome; when non-empty it was not fitted. */
  missing: string[];
  trainRows: number;
  holdoutRows: number;
  intercept: number | null;
  /**
   * On the holdout: the default ruleset's score, the learned scorecard's score (each mapped to a
   * probability of this outcome by a one-variable fit on the training rows), and this outcome's own
   * model (its fitted probabilities, for reference: what the combination costs).
   */
  metrics: { default: ModelMetrics; learned: ModelMetrics; model: ModelMetrics } | null;
  byTier: TierEffect[];
}

export interface LearnResult {
  /** What the history lacks for learning; when non-empty there is no candidate. */
  missing: string[];
  candidate: Ruleset | null;
  trainRows: number;
  holdoutRows: number;
  holdoutFrom: string | null;
  /** The win weight in force (0 when the win model could not be fitted). */
  winWeight: number;
  weights: {
    code: string;
    /** Log-odds in the approval model; null when the code kept its default points. */
    approval: number | null;
    /** Log-odds in the win model; null when the code is not in it. */
    win: number | null;
    points: number;
    defaultPoints: number;
    /** Approval training rows with the code. */
    support: number;
    /** Win training rows with the code. */
    winSupport: number;
    learned: boolean;
  }[];
  outcomes: { approved: OutcomeResult; won: OutcomeResult } | null;
}

type Row = HistoryRow & {
  rec: NonNullable<HistoryRow['rec']>;
  decision: 'APPROVED' | 'REJECTED';
  submittedAt: number;
};

const num = (x: number) => (Number.isFinite(x) ? x : null);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function metrics(scores: number[], probs: number[], labels: boolean[]): ModelMetrics {
  const r = reliability(probs, labels);
  return { auc: num(auc(scores, labels)), brier: num(brier(probs, labels)), ece: num(r.ece), bins: r.bins };
}

const WORD: Record<OutcomeName, { rows: string; yes: string; no: string; rate: string }> = {
  approved: {
    rows: 'decided registrations with a recommendation (outside conflict review)',
    yes: 'approved',
    no: 'rejected',
    rate: 'approval'
  },
  won: {
    rows: 'approved registrations whose opportunity closed',
    yes: 'won',
    no: 'lost',
    rate: 'win'
  }
};

/** Why a split cannot support a model of `outcome` (too small, one class only). */
function shortcomings(
  outcome: OutcomeName,
  train: readonly Row[],
  hold: readonly Row[],
  label: (r: Row) => boolean,
  holdoutShare: number
): string[] {
  const w = WORD[outcome];
  const missing: string[] = [];
  if (train.length < 200)
    missing.push(
      `Only ${train.length} training rows for the ${w.rate} model; it needs at least 200 (${w.rows}, older ${Math.round(100 * (1 - holdoutShare))}%).`
    );
  if (hold.length < 50)
    missing.push(
      `Only ${hold.length} holdout rows for the ${w.rate} model; judging it needs at least 50 (newest ${Math.round(100 * holdoutShare)}%).`
    );
  for (const [name, list] of [
    ['training', train],
    ['holdout', hold]
  ] as const) {
    const k = list.filter(label).length;
    if (list.length > 0 && (k === 0 || k === list.length))
      missing.push(
        `The ${w.rate} ${name} rows are all ${k === 0 ? w.no : w.yes}: a model of ${w.rate} needs both outcomes.`
      );
  }
  return missing;
}

interface Fit {
  /** Log-odds per learnable code. */
  coef: Map<string, number>;
  helpful: number;
  intercept: number;
  support: Map<string, number>;
  z: (r: Row) => number;
}

/** One L2 logistic regression of `label` on the learnable codes (enough support) and the helpful share. */
function fitOutcome(
  train: readonly Row[],
  label: (r: Row) => boolean,
  candidates: readonly string[],
  codeIndex: ReadonlyMap<string, number>,
  codes: readonly string[],
  o: LearnOptions
): Fit {
  const support = new Map<string, number>();
  for (const r of train)
    for (const c of new Set(r.rec.codes)) support.set(codes[c]!, (support.get(codes[c]!) ?? 0) + 1);
  const learnable = candidates.filter((c) => {
    const s = support.get(c) ?? 0;
    return s >= o.minSupport && train.length - s >= o.minSupport;
  });
  const featureOf = learnable.map((c) => codeIndex.get(c)!);
  const design = (r: Row): number[] => {
    const present = new Set(r.rec.codes);
    return [...featureOf.map((i) => (present.has(i) ? 1 : 0)), r.rec.helpfulShare];
  };
  const fit = fitLogistic(train.map(design), train.map(label), o.lambda);
  const w = fit.weights;
  return {
    coef: new Map(learnable.map((c, i) => [c, w[i]!])),
    helpful: w[learnable.length]!,
    intercept: fit.intercept,
    support,
    z: (r) => {
      const x = design(r);
      let z = fit.intercept;
      for (let i = 0; i < x.length; i++) z += w[i]! * x[i]!;
      return z;
    }
  };
}

/** Maps a score to a probability of the outcome by a one-variable logistic fit on training rows. */
function plattOf(train: readonly Row[], score: (r: Row) => number, label: (r: Row) => boolean) {
  const platt = fitLogistic(
    train.map((r) => [(score(r) - 70) / 10]),
    train.map(label),
    1e-6
  );
  return (r: Row) => sigmoid(platt.intercept + platt.weights[0]! * ((score(r) - 70) / 10));
}

function tierEffects(
  outcome: OutcomeName,
  hold: readonly Row[],
  label: (r: Row) => boolean,
  defaultP: (r: Row) => number,
  learnedP: (r: Row) => number,
  learnedScore: (r: Row) => number,
  codes: readonly string[],
  anchorScore: number
): TierEffect[] {
  const segments = new Map<string, Row[]>();
  const firstTime = codes.indexOf('FIRST_TIME_PARTNER');
  const add = (name: string, r: Row) => {
    if (!segments.has(name)) segments.set(name, []);
    segments.get(name)!.push(r);
  };
  for (const r of hold) {
    add(`tier ${tierOf(r, codes)}`, r);
    if (firstTime >= 0 && r.rec.codes.includes(firstTime)) add('first-time partners', r);
  }
  const rate = WORD[outcome].rate;
  return [...segments.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([segment, list]) => {
      const observedRate = mean(list.map((r) => (label(r) ? 1 : 0)));
      const defaultMeanP = mean(list.map(defaultP));
      const learnedMeanP = mean(list.map(learnedP));
      const gap = (p: number) => `${p >= observedRate ? '+' : ''}${(100 * (p - observedRate)).toFixed(1)}`;
      const note =
        list.length < 30
          ? 'too few holdout rows to judge'
          : learnedMeanP - observedRate < -0.05
            ? `learned under-predicts ${rate} by ${gap(learnedMeanP)} points: check before deploying`
            : defaultMeanP - observedRate < -0.03 && learnedMeanP - observedRate >= -0.03
              ? `default under-predicts ${rate} by ${gap(defaultMeanP)} points, learned ${gap(learnedMeanP)}: the learned ruleset stops penalising this group`
              : `not penalised (learned ${gap(learnedMeanP)} points vs observed ${rate})`;
      return {
        segment,
        n: list.length,
        observedRate,
        defaultMeanP,
        learnedMeanP,
        defaultAutoShare: mean(list.map((r) => (r.rec.score >= anchorScore ? 1 : 0))),
        learnedAutoShare: mean(list.map((r) => (learnedScore(r) >= anchorScore ? 1 : 0))),
        note
      };
    });
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
  const empty: LearnResult = {
    missing: [],
    candidate: null,
    trainRows: 0,
    holdoutRows: 0,
    holdoutFrom: null,
    winWeight: 0,
    weights: [],
    outcomes: null
  };
  if (rows.length === 0)
    return {
      ...empty,
      missing: ['No decided registration with a recommendation (outside conflict review) to learn from.']
    };
  const cut = Math.floor(rows.length * (1 - o.holdoutShare));
  const train = rows.slice(0, cut);
  const hold = rows.slice(cut);
  const approved = (r: Row) => r.decision === 'APPROVED';
  const missing = shortcomings('approved', train, hold, approved, o.holdoutShare);
  if (missing.length > 0) return { ...empty, missing, trainRows: train.length, holdoutRows: hold.length };

  // Win: the same time split, restricted to approved registrations whose opportunity closed.
  const closed = (r: Row) => r.decision === 'APPROVED' && r.won !== null;
  const won = (r: Row) => r.won === true;
  const winTrain = train.filter(closed);
  const winHold = hold.filter(closed);
  const winMissing = o.winWeight > 0 ? shortcomings('won', winTrain, winHold, won, o.holdoutShare) : [];
  if (o.winWeight === 0) winMissing.push('Not fitted: --win-weight 0 (approval only).');

  const catalogue = base.factors;
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  // Conflict codes keep their points: conflicts go to review whatever the score.
  const candidates = catalogue
    .map((f) => f.code)
    .filter((c) => c !== 'HELPFUL_FIELDS' && !c.startsWith('CONFLICT_'));
  const a = fitOutcome(train, approved, candidates, codeIndex, codes, o);
  const w = winMissing.length === 0 ? fitOutcome(winTrain, won, candidates, codeIndex, codes, o) : null;
  const ww = w ? o.winWeight : 0;

  const k = o.pointsPerLogit;
  // `|| 0`: never -0 (the JSON file would read back as 0).
  const clampPts = (x: number) => Math.max(-100, Math.min(100, Math.round(x))) || 0;
  const combined = (code: string) => k * (a.coef.get(code)! + ww * (w?.coef.get(code) ?? 0));
  const factors = catalogue.map((f) => {
    if (f.code === 'HELPFUL_FIELDS')
      return { ...f, points: clampPts(k * (a.helpful + ww * (w?.helpful ?? 0))) };
    return a.coef.has(f.code) ? { ...f, points: clampPts(combined(f.code)) } : { ...f };
  });
  const meanWinZ = w ? mean(train.map(w.z)) : 0;
  const baseScore = Math.round(
    o.anchorScore +
      k * (a.intercept - logit(o.anchorProbability)) +
      (w ? k * ww * (w.intercept - meanWinZ) : 0)
  );
  const now = o.now ?? new Date();
  const stamp = now.toISOString().slice(0, 10).replace(/-/g, '');
  const kept = catalogue.map((f) => f.code).filter((c) => c !== 'HELPFUL_FIELDS' && !a.coef.has(c));
  const candidate: Ruleset = {
    rulesetVersion: o.version ?? `${base.rulesetVersion}-learned.${stamp}`,
    description: `Candidate learned from ${train.length} decided registrations (before ${new Date(hold[0]!.submittedAt).toISOString().slice(0, 10)}; ${w ? `${winTrain.length} with a closed opportunity` : 'approval only'}); judged on the ${hold.length} newer ones. Not active until deployed and named in Deal_Scoring_Setting__mdt.Ruleset_Version__c.`,
    provenance: {
      method: w
        ? `L2 logistic regressions (lambda ${o.lambda}) of approval and of win; points = ${k} x (approval + ${ww} x win log-odds); ${o.anchorScore} = P(approve) ${o.anchorProbability} at mean win odds`
        : `L2 logistic regression (lambda ${o.lambda}) of approval; points = ${k} x approval log-odds; ${o.anchorScore} = P(approve) ${o.anchorProbability}`,
      createdAt: now.toISOString(),
      basedOn: base.rulesetVersion,
      trainingRows: train.length,
      holdoutRows: hold.length,
      notes: `${w ? `Win model: ${winTrain.length} training and ${winHold.length} holdout approved registrations with a closed opportunity.` : `No win model: ${winMissing.join(' ')}`} Kept the base points for codes with fewer than ${o.minSupport} training rows with and without them, and for conflict codes (conflicts go to review whatever the score): ${kept.join(', ')}.`
    },
    baseScore,
    limits: base.limits,
    factors
  };
  loadRuleset(candidate, 'learned candidate'); // refuses anything the engine could not use

  // The learned scorecard as the engine would apply it.
  const points = new Map(factors.map((f) => [f.code, f.points]));
  const helpfulMax = points.get('HELPFUL_FIELDS') ?? 0;
  const learnedScore = (r: Row) => {
    let s = baseScore;
    for (const c of r.rec.codes) {
      const code = codes[c]!;
      s += code === 'HELPFUL_FIELDS' ? Math.round(helpfulMax * r.rec.helpfulShare) : (points.get(code) ?? 0);
    }
    return Math.max(0, Math.min(100, s));
  };
  const defaultScore = (r: Row) => r.rec.score;

  const judge = (
    outcome: OutcomeName,
    tr: Row[],
    ho: Row[],
    label: (r: Row) => boolean,
    fit: Fit | null,
    why: string[]
  ): OutcomeResult => {
    const result: OutcomeResult = {
      outcome,
      missing: why,
      trainRows: tr.length,
      holdoutRows: ho.length,
      intercept: fit?.intercept ?? null,
      metrics: null,
      byTier: []
    };
    if (!fit) return result;
    const defaultP = plattOf(tr, defaultScore, label);
    const learnedP = plattOf(tr, learnedScore, label);
    const modelP = (r: Row) => sigmoid(fit.z(r));
    const labels = ho.map(label);
    result.metrics = {
      default: metrics(ho.map(defaultScore), ho.map(defaultP), labels),
      learned: metrics(ho.map(learnedScore), ho.map(learnedP), labels),
      model: metrics(ho.map(fit.z), ho.map(modelP), labels)
    };
    result.byTier = tierEffects(outcome, ho, label, defaultP, learnedP, learnedScore, codes, o.anchorScore);
    return result;
  };

  return {
    missing,
    candidate,
    trainRows: train.length,
    holdoutRows: hold.length,
    holdoutFrom: new Date(hold[0]!.submittedAt).toISOString(),
    winWeight: ww,
    weights: catalogue.map((f) => {
      const helpful = f.code === 'HELPFUL_FIELDS';
      return {
        code: f.code,
        approval: helpful ? a.helpful : (a.coef.get(f.code) ?? null),
        win: w ? (helpful ? w.helpful : (w.coef.get(f.code) ?? null)) : null,
        points: points.get(f.code)!,
        defaultPoints: f.points,
        support: a.support.get(f.code) ?? 0,
        winSupport: w?.support.get(f.code) ?? 0,
        learned: helpful || a.coef.has(f.code)
      };
    }),
    outcomes: {
      approved: judge('approved', train, hold, approved, a, []),
      won: judge('won', winTrain, winHold, won, w, winMissing)
    }
  };
}
