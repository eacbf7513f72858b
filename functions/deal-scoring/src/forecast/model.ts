/**
 * The forecast method (docs/forecast.md):
 *
 * 1. Per open deal, a win probability: the org's stage probability, its odds multiplied by the
 *    partner's track record (won / decided, shrunk toward the tier's and the programme's rate with
 *    PRIOR_DECISIONS pseudo-decisions), by (typical days in stage / days in stage)^AGE_EXPONENT when
 *    the deal sits longer than usual, and by (partner's usual size / amount)^SIZE_EXPONENT when it
 *    is more than SIZE_FREE_RATIO times the partner's usual size. A won deal closes in the quarter
 *    of its close date (a past close date: the current quarter).
 * 2. Deals not registered yet (run-rate): per segment, the registered amount of the last four full
 *    quarters with the seasonality removed, grown by the year-on-year trend, times the quarter's
 *    seasonal index (pooled over segments), spread over the weeks by the history's within-quarter
 *    profile; converted to closed-won by the segment's yield (won amount / registered amount one
 *    median cycle earlier) and the history's registration-to-close distribution.
 * 3. Uncertainty by a seeded simulation: every open deal is won or lost (Bernoulli) in every draw,
 *    times a programme-wide win-rate shock whose spread is the history's quarter-to-quarter win-rate
 *    dispersion; the run-rate part is log-normal (level residuals and deal-count noise, half shared
 *    across segments). P10/P50/P90 are quantiles of the draws. Same input, same seed: same output.
 */
import { FiscalCalendar, dayNumber, dateOfDay, monthNumber } from './calendar';
import type { Rates } from './inputs';
import type { ForecastRequest, PipelineDeal } from './schemas';

export const METHOD = {
  /** Pseudo-decisions pulling a partner's win rate toward its tier's (and a tier's toward the programme's). */
  PRIOR_DECISIONS: 12,
  /** Pseudo-deals at the org's stage probability when calibrating a stage on its closed deals. */
  STAGE_PRIOR_DEALS: 30,
  /** Deals per quarter and segment (or partner) drawn one by one; the rest: a normal approximation. */
  EXACT_DEALS: 100,
  /** An age band of a stage is used with at least this many closed deals. */
  MIN_BAND_DEALS: 30,
  /** How strongly the partner's track record moves the stage odds (1 = fully). */
  PARTNER_WEIGHT: 1,
  AGE_EXPONENT: 0.6,
  SIZE_FREE_RATIO: 2,
  SIZE_EXPONENT: 1,
  /** A segment needs this many decided deals in the last 8 quarters for its own yield. */
  MIN_DECIDED: 20,
  /** ... and at least this many weeks of registrations before asOf for a run-rate. */
  MIN_WEEKS: 52,
  /** Pooled seasonality needs this many full fiscal years of registrations. */
  MIN_SEASON_YEARS: 2,
  /** Year-on-year growth is damped (power) and capped. */
  GROWTH_DAMPING: 1,
  GROWTH_RANGE: [0.6, 1.6] as const,
  /** Win-rate shock: its spread is clamped to this range; DEFAULT when history cannot tell. */
  SHOCK_RANGE: [0.04, 0.3] as const,
  SHOCK_DEFAULT: 0.12,
  /** Run-rate level noise: clamped, default. */
  LEVEL_RANGE: [0.05, 0.4] as const,
  LEVEL_DEFAULT: 0.15,
  /** Share of the run-rate noise common to all segments. */
  SHARED_NOISE: 0.5
} as const;

export const MODEL_VERSION = 'forecast-2026.12.1';

export interface SegmentId {
  key: string;
  region?: string;
  tier?: string;
}

const NONE = '-';
export const segmentKey = (region: string | undefined, tier: string | undefined) =>
  `${region ?? NONE}|${tier ?? NONE}`;

const logit = (p: number) => Math.log(p / (1 - p));
const clampP = (p: number) => Math.min(0.995, Math.max(0.005, p));
const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** mulberry32: small, fast and seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** One open deal as the model sees it. */
export interface DealView {
  index: number;
  partnerId: string;
  segment: number;
  quarter: number; // 0..H-1
  amount: number; // corporate
  count: number;
  /** org stage probability, stage calibrated on its history, + partner, + age, + size */
  p: [number, number, number, number, number];
  stalled: boolean;
  pastClose: boolean;
}

export interface SegmentRunRate {
  /** Expected closed-won from registrations after asOf, per horizon quarter; null: not enough history. */
  perQuarter: number[] | null;
  /** Log-normal spread of the run-rate part. */
  sigma: number;
  decided: number;
  weeks: number;
}

export interface ModelState {
  cal: FiscalCalendar;
  q0: number;
  horizon: number;
  asOfDay: number;
  segments: SegmentId[];
  deals: DealView[];
  /** Deals whose close date is beyond the horizon (not forecast). */
  beyond: number;
  runRate: SegmentRunRate[];
  /** The programme's run-rate beyond the segments with their own (null: not enough history at all). */
  remainder: SegmentRunRate;
  /** closed-won per segment per horizon quarter so far (quarter to date). */
  closedToDate: number[][];
  /** closed-won per segment for the quarter one year before each horizon quarter (undefined: no history). */
  lastYear: (number | undefined)[][];
  seasonalIndex: (number | undefined)[];
  shockSigma: number;
  /** Registrations per segment: last 13 weeks and the same 13 weeks a year earlier. */
  trend: { recent: number; yearAgo: number }[];
  partnerRate: Map<string, { rate: number; decided: number; name?: string }>;
  cycleKnown: boolean;
  rateFallbacks: number;
}

interface Acc {
  won: number;
  lost: number;
  wonAmount: number;
  lostAmount: number;
}

/** Median of whole days (0-3650): counted, not sorted (a stage may hold 100,000 deals). */
function medianDays(values: number[]): number {
  if (values.length === 0) return 0;
  const counts = new Uint32Array(3651);
  for (const v of values) counts[Math.min(3650, Math.max(0, Math.round(v)))]! += 1;
  const lo = Math.floor((values.length - 1) / 2);
  const hi = Math.ceil((values.length - 1) / 2);
  let seen = 0;
  let low = -1;
  for (let d = 0; d <= 3650; d++) {
    seen += counts[d]!;
    if (low < 0 && seen > lo) low = d;
    if (seen > hi) return (low + d) / 2;
  }
  return low;
}

/** Builds everything the simulation needs. */
export function buildModel(req: ForecastRequest, rates: Rates): ModelState {
  const cal = new FiscalCalendar(req.fiscalYearStartMonth ?? 1);
  const asOfDay = dayNumber(req.asOf);
  const q0 = cal.quarterOfDay(asOfDay);
  const horizon = req.quarters ?? 2;

  // Segments: every region x tier seen in the pipeline or the history, in vocabulary order.
  const segIndex = new Map<string, number>();
  const segments: SegmentId[] = [];
  const partnerTier = new Map<string, string | undefined>();
  for (const p of req.partners) partnerTier.set(p.id, p.tier);
  const seg = (region: string | undefined, tier: string | undefined): number => {
    const key = segmentKey(region, tier);
    let i = segIndex.get(key);
    if (i === undefined) {
      i = segments.length;
      segIndex.set(key, i);
      segments.push({ key, ...(region ? { region } : {}), ...(tier ? { tier } : {}) });
    }
    return i;
  };

  // --- History: closed outcomes by segment and quarter.
  const closedBy = new Map<number, Map<number, Acc>>();
  for (const c of req.history.closed) {
    const s = seg(c.region, c.tier);
    const y = Number(c.month.slice(0, 4));
    const m = Number(c.month.slice(5, 7));
    const q = cal.quarterOfMonth(monthNumber(y, m));
    const day = dayNumber(`${c.month}-01`);
    let byQ = closedBy.get(s);
    if (!byQ) closedBy.set(s, (byQ = new Map()));
    let a = byQ.get(q);
    if (!a) byQ.set(q, (a = { won: 0, lost: 0, wonAmount: 0, lostAmount: 0 }));
    a.won += c.won;
    a.lost += c.lost;
    a.wonAmount += rates.toCorporate(c.wonAmount, c.currency, day);
    a.lostAmount += rates.toCorporate(c.lostAmount, c.currency, day);
  }

  // --- History: registrations by segment and week (day number of the week start).
  const regBy = new Map<number, Map<number, number>>();
  const regCountBy = new Map<number, Map<number, number>>();
  let firstRegDay = Infinity;
  for (const r of req.history.registrations) {
    const s = seg(r.region, r.tier);
    const day = dayNumber(r.week);
    firstRegDay = Math.min(firstRegDay, day);
    let m = regBy.get(s);
    if (!m) regBy.set(s, (m = new Map()));
    m.set(day, (m.get(day) ?? 0) + rates.toCorporate(r.amount, r.currency, day));
    let c = regCountBy.get(s);
    if (!c) regCountBy.set(s, (c = new Map()));
    c.set(day, (c.get(day) ?? 0) + r.count);
  }

  // --- Partners: win rates shrunk toward the tier, the tier toward the programme.
  let allWon = 0;
  let allDecided = 0;
  const tierAcc = new Map<string, { won: number; decided: number }>();
  for (const p of req.partners) {
    allWon += p.won;
    allDecided += p.won + p.lost;
    const t = p.tier ?? NONE;
    const a = tierAcc.get(t) ?? { won: 0, decided: 0 };
    a.won += p.won;
    a.decided += p.won + p.lost;
    tierAcc.set(t, a);
  }
  if (allDecided === 0) {
    for (const byQ of closedBy.values())
      for (const a of byQ.values()) {
        allWon += a.won;
        allDecided += a.won + a.lost;
      }
  }
  const k = METHOD.PRIOR_DECISIONS;
  const programmeRate = allDecided > 0 ? clampP((allWon + 1) / (allDecided + 2)) : 0.5;
  const tierRate = new Map<string, number>();
  for (const [t, a] of tierAcc) tierRate.set(t, clampP((a.won + k * programmeRate) / (a.decided + k)));
  const partnerRate = new Map<string, { rate: number; decided: number; name?: string }>();
  for (const p of req.partners) {
    const prior = tierRate.get(p.tier ?? NONE) ?? programmeRate;
    const decided = p.won + p.lost;
    partnerRate.set(p.id, {
      rate: clampP((p.won + k * prior) / (decided + k)),
      decided,
      ...(p.name ? { name: p.name } : {})
    });
  }
  const partnerSize = new Map<string, number>();
  for (const p of req.partners)
    if (p.averageDealSize && p.averageDealSize > 0) partnerSize.set(p.id, p.averageDealSize);

  // --- Stages: probability and typical days (given, or the median age of open deals in the stage).
  const stageProb = new Map<string, number>();
  const stageDays = new Map<string, number>();
  const agesByStage = new Map<string, number[]>();
  for (const d of req.pipeline) {
    let a = agesByStage.get(d.stage);
    if (!a) agesByStage.set(d.stage, (a = []));
    a.push(d.stageAgeDays);
  }
  const orgProb = new Map<string, number>();
  const bandsOf = new Map<string, { minDays: number; rate: number }[]>();
  for (const s of req.stages) {
    const org = s.probability / 100;
    orgProb.set(s.name, org);
    const won = s.won ?? 0;
    const lost = s.lost ?? 0;
    const kStage = METHOD.STAGE_PRIOR_DEALS;
    const stageRate = org <= 0 || org >= 1 ? org : (won + kStage * org) / (won + lost + kStage);
    stageProb.set(s.name, stageRate);
    // Age bands with enough deals, each shrunk toward the stage's rate.
    const bands = (s.ageBands ?? [])
      .filter((b) => b.won + b.lost >= METHOD.MIN_BAND_DEALS)
      .map((b) => ({
        minDays: b.minDays,
        rate: clampP((b.won + kStage * stageRate) / (b.won + b.lost + kStage))
      }))
      .sort((a, b) => a.minDays - b.minDays);
    if (bands.length > 0 && stageRate > 0 && stageRate < 1) bandsOf.set(s.name, bands);
    stageDays.set(s.name, Math.max(1, s.typicalDays ?? medianDays(agesByStage.get(s.name) ?? [])));
  }

  // --- Open deals.
  const deals: DealView[] = [];
  let beyond = 0;
  const lastDay = cal.endDay(q0 + horizon - 1);
  req.pipeline.forEach((d: PipelineDeal, index) => {
    const tier = d.tier ?? partnerTier.get(d.partnerId);
    const closeDay = dayNumber(d.closeDate);
    const pastClose = closeDay < asOfDay;
    const effectiveDay = pastClose ? asOfDay : closeDay;
    if (effectiveDay > lastDay) {
      beyond += d.count ?? 1;
      return;
    }
    const amount = rates.toCorporate(d.amount, d.currency, asOfDay);
    const count = d.count ?? 1;
    const pOrg = orgProb.get(d.stage)!;
    const p0 = stageProb.get(d.stage)!;
    if (p0 <= 0 || p0 >= 1) {
      const p = p0 <= 0 ? 0 : 1;
      deals.push({
        index,
        partnerId: d.partnerId,
        segment: seg(d.region, tier),
        quarter: cal.quarterOfDay(effectiveDay) - q0,
        amount,
        count,
        p: [p, p, p, p, p],
        stalled: false,
        pastClose
      });
      return;
    }
    let z = logit(p0);
    const pr = partnerRate.get(d.partnerId);
    const prior = tierRate.get(tier ?? NONE) ?? programmeRate;
    const rate = pr?.rate ?? prior;
    z += METHOD.PARTNER_WEIGHT * (logit(rate) - logit(programmeRate));
    const p1 = sigmoid(z);
    const typical = stageDays.get(d.stage)!;
    const ageRatio = d.stageAgeDays / typical;
    const bands = bandsOf.get(d.stage);
    if (bands) {
      // Deals that stayed this long in the stage: their own win rate replaces the stage's.
      let band: { rate: number } | undefined;
      for (const b of bands) if (b.minDays <= d.stageAgeDays) band = b;
      if (band) z += logit(band.rate) - logit(clampP(p0));
    } else if (ageRatio > 1) z -= METHOD.AGE_EXPONENT * Math.log(ageRatio);
    const p2 = sigmoid(z);
    const usual = partnerSize.get(d.partnerId);
    const each = amount / count;
    if (usual && each > METHOD.SIZE_FREE_RATIO * usual)
      z -= METHOD.SIZE_EXPONENT * Math.log(each / (METHOD.SIZE_FREE_RATIO * usual));
    const p3 = sigmoid(z);
    deals.push({
      index,
      partnerId: d.partnerId,
      segment: seg(d.region, tier),
      quarter: cal.quarterOfDay(effectiveDay) - q0,
      amount,
      count,
      p: [pOrg, p0, p1, p2, p3],
      stalled: ageRatio > 2,
      pastClose
    });
  });

  // --- Closed to date and last year, per segment and horizon quarter.
  const closedToDate = segments.map((_, s) =>
    Array.from({ length: horizon }, (_, j) => (j === 0 ? (closedBy.get(s)?.get(q0)?.wonAmount ?? 0) : 0))
  );
  const historyFrom = Math.min(
    firstRegDay,
    ...req.history.closed.map((c) => dayNumber(`${c.month}-01`)),
    asOfDay
  );
  const lastYear = segments.map((_, s) =>
    Array.from({ length: horizon }, (_, j) => {
      const q = q0 + j - 4;
      if (cal.startDay(q) < historyFrom) return undefined;
      return closedBy.get(s)?.get(q)?.wonAmount ?? 0;
    })
  );

  // --- Cycle CDF (registration to close of won deals), piecewise linear from 0 at day 0.
  const cycle = req.history.cycle;
  const cycleTotal = cycle.reduce((a, b) => a + b.won, 0);
  const cycleKnown = cycleTotal > 0;
  const cdf = (days: number): number => {
    if (!cycleKnown || days <= 0) return 0;
    let prevDays = 0;
    let cum = 0;
    for (const b of cycle) {
      if (days <= b.upToDays)
        return (cum + (b.won * (days - prevDays)) / (b.upToDays - prevDays)) / cycleTotal;
      cum += b.won;
      prevDays = b.upToDays;
    }
    return 1;
  };
  let medianCycle = 0;
  if (cycleKnown) {
    let cum = 0;
    let prevDays = 0;
    for (const b of cycle) {
      if (cum + b.won >= cycleTotal / 2) {
        medianCycle = prevDays + ((cycleTotal / 2 - cum) / Math.max(1, b.won)) * (b.upToDays - prevDays);
        break;
      }
      cum += b.won;
      prevDays = b.upToDays;
    }
  }

  // --- Seasonality, pooled over segments: registered amount by quarter.
  const quarterSum = (m: Map<number, number> | undefined, q: number): number => {
    if (!m) return 0;
    const from = cal.startDay(q);
    const to = cal.endDay(q);
    let sum = 0;
    for (const [day, v] of m) if (day >= from && day <= to) sum += v;
    return sum;
  };
  const pooled = new Map<number, number>();
  for (const m of regBy.values()) for (const [day, v] of m) pooled.set(day, (pooled.get(day) ?? 0) + v);
  const firstFullQ = Number.isFinite(firstRegDay)
    ? cal.quarterOfDay(firstRegDay) + (cal.startDay(cal.quarterOfDay(firstRegDay)) < firstRegDay ? 1 : 0)
    : q0;
  const fullQuarters: number[] = [];
  for (let q = firstFullQ; q < q0; q++) fullQuarters.push(q);
  const season = [1, 1, 1, 1];
  let seasonKnown = false;
  {
    const ratios: number[][] = [[], [], [], []];
    for (let q = firstFullQ; q + 3 < q0; q++) {
      if (cal.quarterOfYear(q) !== 0) continue;
      const vals = [0, 1, 2, 3].map((i) => quarterSum(pooled, q + i));
      const mean = vals.reduce((a, b) => a + b, 0) / 4;
      if (mean <= 0) continue;
      vals.forEach((v, i) => ratios[i]!.push(v / mean));
    }
    if (ratios[0]!.length >= METHOD.MIN_SEASON_YEARS) {
      seasonKnown = true;
      for (let i = 0; i < 4; i++) season[i] = ratios[i]!.reduce((a, b) => a + b, 0) / ratios[i]!.length;
    }
  }
  const seasonalIndex = Array.from({ length: horizon }, (_, j) =>
    seasonKnown ? season[cal.quarterOfYear(q0 + j)] : undefined
  );

  // Within-quarter profile: share of a quarter's registrations in each week slot (0..13), pooled.
  const profile = new Array<number>(14).fill(0);
  {
    let total = 0;
    for (const q of fullQuarters) {
      const start = cal.startDay(q);
      for (const [day, v] of pooled) {
        if (cal.quarterOfDay(day) !== q) continue;
        profile[Math.min(13, Math.floor((day - start) / 7))]! += v;
        total += v;
      }
    }
    if (total > 0) for (let i = 0; i < 14; i++) profile[i]! /= total;
    else for (let i = 0; i < 14; i++) profile[i] = 1 / 13;
  }

  // Yield of the whole programme: won amount in the last 8 quarters / registered amount one median cycle earlier.
  const windowFrom = cal.startDay(q0 - 8);
  const windowTo = cal.startDay(q0) - 1;
  const registeredBetween = (m: Map<number, number> | undefined, from: number, to: number) => {
    if (!m) return 0;
    let sum = 0;
    for (const [day, v] of m) if (day + 6 >= from && day <= to) sum += v;
    return sum;
  };
  const wonBetween = (s: number | null) => {
    let won = 0;
    let decided = 0;
    const sources = s === null ? [...closedBy.values()] : [closedBy.get(s)].filter((x) => x !== undefined);
    for (const byQ of sources)
      for (const [q, a] of byQ)
        if (q >= q0 - 8 && q < q0) {
          won += a.wonAmount;
          decided += a.won + a.lost;
        }
    return { won, decided };
  };
  const shift = Math.round(medianCycle);
  const allYield = (() => {
    const reg = registeredBetween(pooled, windowFrom - shift, windowTo - shift);
    const w = wonBetween(null);
    return reg > 0 ? w.won / reg : 0;
  })();

  // Level residuals: deseasonalised quarterly registrations against their 4-quarter mean, pooled.
  const levelSigma = (() => {
    if (!seasonKnown || fullQuarters.length < 8) return METHOD.LEVEL_DEFAULT;
    const logs: number[] = [];
    for (let i = 4; i < fullQuarters.length; i++) {
      const q = fullQuarters[i]!;
      const prev = [1, 2, 3, 4].map((b) => quarterSum(pooled, q - b) / season[cal.quarterOfYear(q - b)]!);
      const base = prev.reduce((a, b) => a + b, 0) / 4;
      const v = quarterSum(pooled, q) / season[cal.quarterOfYear(q)]!;
      if (base > 0 && v > 0) logs.push(Math.log(v / base));
    }
    if (logs.length < 4) return METHOD.LEVEL_DEFAULT;
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    return clamp(sd, METHOD.LEVEL_RANGE);
  })();

  const averageWon = (() => {
    let n = 0;
    let amt = 0;
    for (const byQ of closedBy.values())
      for (const a of byQ.values()) {
        n += a.won;
        amt += a.wonAmount;
      }
    return n > 0 ? amt / n : 0;
  })();

  // Level: the last four full quarters with the seasonality removed. Growth: the programme's last
  // four quarters against the four before (pooled: one segment's is mostly noise).
  const levelOf = (m: Map<number, number>, from: number) =>
    [0, 1, 2, 3].reduce(
      (a, b) => a + quarterSum(m, q0 - from - b) / season[cal.quarterOfYear(q0 - from - b)]!,
      0
    ) / 4;
  const growth = (() => {
    if (fullQuarters.length < 8) return 1;
    const prev = levelOf(pooled, 5);
    return prev > 0 ? clamp((levelOf(pooled, 1) / prev) ** METHOD.GROWTH_DAMPING, METHOD.GROWTH_RANGE) : 1;
  })();

  /** Expected closed-won per horizon quarter from registrations after asOf, for one registration series. */
  const project = (m: Map<number, number>, yieldRate: number): number[] => {
    const level = levelOf(m, 1);
    const perQuarter = new Array<number>(horizon).fill(0);
    for (let j = 0; j < horizon; j++) {
      const q = q0 + j;
      const qStart = cal.startDay(q);
      const expectedQuarter = level * growth ** ((j + 2.5) / 4) * season[cal.quarterOfYear(q)]!;
      for (let slot = 0; slot < 14; slot++) {
        const weekStart = qStart + slot * 7;
        if (weekStart > cal.endDay(q)) break;
        const weekMid = weekStart + 3;
        if (weekMid < asOfDay) continue;
        const regAmount = expectedQuarter * profile[slot]!;
        for (let jj = j; jj < horizon; jj++) {
          const from = jj === j ? weekMid : cal.startDay(q0 + jj);
          const share = cdf(cal.endDay(q0 + jj) - weekMid) - cdf(from - weekMid);
          perQuarter[jj]! += regAmount * yieldRate * Math.max(0, share);
        }
      }
    }
    return perQuarter;
  };
  const sigmaFor = (perQuarter: number[]) => {
    const expectedWins = averageWon > 0 ? perQuarter.reduce((a, b) => a + b, 0) / averageWon : 1;
    return Math.sqrt(levelSigma ** 2 + 2 / Math.max(1, expectedWins));
  };
  const programmeWeeks = [...pooled.keys()].filter((d) => d < asOfDay).length;
  const programmeDecided = wonBetween(null).decided;
  const programmeRunRate: SegmentRunRate =
    cycleKnown && programmeWeeks >= METHOD.MIN_WEEKS && programmeDecided >= METHOD.MIN_DECIDED
      ? (() => {
          const perQuarter = project(pooled, allYield);
          return {
            perQuarter,
            sigma: sigmaFor(perQuarter),
            decided: programmeDecided,
            weeks: programmeWeeks
          };
        })()
      : { perQuarter: null, sigma: 0, decided: programmeDecided, weeks: programmeWeeks };

  const runRate: SegmentRunRate[] = segments.map((_, s) => {
    const m = regBy.get(s);
    const weeks = m ? [...m.keys()].filter((d) => d < asOfDay).length : 0;
    const w = wonBetween(s);
    const notEnough = { perQuarter: null, sigma: 0, decided: w.decided, weeks };
    if (!programmeRunRate.perQuarter || !m || weeks < METHOD.MIN_WEEKS || w.decided < METHOD.MIN_DECIDED)
      return notEnough;
    // Yield shrunk toward the programme's by the segment's decided deals.
    const reg = registeredBetween(m, windowFrom - shift, windowTo - shift);
    const own = reg > 0 ? w.won / reg : allYield;
    const weight = w.decided / (w.decided + METHOD.PRIOR_DECISIONS * 2);
    const perQuarter = project(m, weight * own + (1 - weight) * allYield);
    return { perQuarter, sigma: sigmaFor(perQuarter), decided: w.decided, weeks };
  });
  // What the programme's run-rate expects beyond the segments that have their own: segments with
  // too little history, counted in the total only (their rows say NOT_ENOUGH).
  const remainder: SegmentRunRate = programmeRunRate.perQuarter
    ? (() => {
        const perQuarter = programmeRunRate.perQuarter.map((v, j) =>
          Math.max(0, v - runRate.reduce((a, r) => a + (r.perQuarter?.[j] ?? 0), 0))
        );
        return { ...programmeRunRate, perQuarter, sigma: sigmaFor(perQuarter) };
      })()
    : programmeRunRate;

  // --- Win-rate shock: dispersion of the programme's quarterly value win rate beyond sampling noise.
  const shockSigma = (() => {
    const perQ = new Map<number, Acc>();
    for (const byQ of closedBy.values())
      for (const [q, a] of byQ) {
        if (q >= q0 || q < q0 - 12) continue;
        const t = perQ.get(q) ?? { won: 0, lost: 0, wonAmount: 0, lostAmount: 0 };
        t.won += a.won;
        t.lost += a.lost;
        t.wonAmount += a.wonAmount;
        t.lostAmount += a.lostAmount;
        perQ.set(q, t);
      }
    const z: number[] = [];
    let sampling = 0;
    for (const a of perQ.values()) {
      const n = a.won + a.lost;
      if (n < 20 || a.wonAmount + a.lostAmount <= 0) continue;
      const r = clampP(a.wonAmount / (a.wonAmount + a.lostAmount));
      z.push(logit(r));
      sampling += 1 / (n * r * (1 - r));
    }
    if (z.length < 4) return METHOD.SHOCK_DEFAULT;
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / (z.length - 1);
    // On the amount scale a logit shift s moves the win amount by about s * (1 - r).
    return clamp(
      Math.sqrt(Math.max(0, variance - sampling / z.length)) * (1 - sigmoid(mean)),
      METHOD.SHOCK_RANGE
    );
  })();

  // --- Registration trend: last 13 weeks against the same weeks a year earlier.
  const trend = segments.map((_, s) => {
    const c = regCountBy.get(s);
    let recent = 0;
    let yearAgo = 0;
    if (c)
      for (const [day, n] of c) {
        if (day >= asOfDay - 91 && day < asOfDay) recent += n;
        else if (day >= asOfDay - 364 - 91 && day < asOfDay - 364) yearAgo += n;
      }
    return { recent, yearAgo };
  });

  return {
    cal,
    q0,
    horizon,
    asOfDay,
    segments,
    deals,
    beyond,
    runRate,
    remainder,
    closedToDate,
    lastYear,
    seasonalIndex,
    shockSigma,
    trend,
    partnerRate,
    cycleKnown,
    rateFallbacks: rates.fallbacks
  };
}

export interface SimulationResult {
  /** draws x horizon x slots (segments, then top partners); registered part only, before the shock. */
  draws: Float64Array;
  slots: number;
  topPartners: string[];
  /** Per draw: programme-wide win-rate shock factor; the run-rate factor of each segment and the remainder (S + 1 per draw). */
  shock: Float64Array;
  runRateFactor: Float64Array;
}

/** The seeded simulation. Deals sorted by index keep the draw order independent of map order. */
export function simulate(model: ModelState, draws: number, seed: number, topN: number): SimulationResult {
  const H = model.horizon;
  const S = model.segments.length;
  // Top partners by expected amount over the horizon.
  const expectedByPartner = new Map<string, number>();
  for (const d of model.deals)
    expectedByPartner.set(d.partnerId, (expectedByPartner.get(d.partnerId) ?? 0) + d.amount * d.p[4]);
  const topPartners = [...expectedByPartner]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, topN)
    .map(([id]) => id);
  const partnerSlot = new Map(topPartners.map((id, i) => [id, S + i]));
  const slots = S + topPartners.length;
  const acc = new Float64Array(draws * H * slots);
  const stride = H * slots;
  const r = rng(seed);
  // Cells (quarter x slot): each deal (a row with count c is c deals of amount / c) in its segment's
  // cell and, for a top partner, in the partner's cell too.
  const cells = new Map<number, { p: number[]; a: number[] }>();
  const put = (cell: number, p: number, a: number) => {
    let c = cells.get(cell);
    if (!c) cells.set(cell, (c = { p: [], a: [] }));
    c.p.push(p);
    c.a.push(a);
  };
  for (const d of model.deals) {
    const p = d.p[4];
    if (p <= 0) continue;
    const base = d.quarter * slots;
    const ps = partnerSlot.get(d.partnerId);
    const each = d.amount / d.count;
    for (let c = 0; c < d.count; c++) {
      put(base + d.segment, p, each);
      if (ps !== undefined) put(base + ps, p, each);
    }
  }
  // The EXACT_DEALS largest deals of a cell are drawn won or lost one by one; the rest of a large cell
  // is a normal draw with the same mean and variance (their sum of many small independent
  // Bernoulli amounts), floored at zero. Cells in a fixed order keep the draws reproducible.
  for (const cell of [...cells.keys()].sort((x, y) => x - y)) {
    const { p, a } = cells.get(cell)!;
    // The EXACT_DEALS-th largest amount (a typed-array sort, no comparator), then the deals above
    // it in input order, ties up to the limit.
    const sorted = Float64Array.from(a).sort();
    const threshold = a.length > METHOD.EXACT_DEALS ? sorted[a.length - METHOD.EXACT_DEALS]! : -Infinity;
    const above = a.filter((x) => x > threshold).length;
    let ties = METHOD.EXACT_DEALS - above;
    const exact: number[] = [];
    let mean = 0;
    let variance = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      if (x > threshold || (x === threshold && ties-- > 0)) exact.push(i);
      else {
        mean += p[i]! * x;
        variance += p[i]! * (1 - p[i]!) * x * x;
      }
    }
    const sd = Math.sqrt(variance);
    const ep = exact.map((i) => p[i]!);
    const ea = exact.map((i) => a[i]!);
    for (let k = 0, off = cell; k < draws; k++, off += stride) {
      let v = 0;
      for (let e = 0; e < ep.length; e++) if (r() < ep[e]!) v += ea[e]!;
      if (mean > 0) v += Math.max(0, mean + sd * normal(r));
      acc[off] = v;
    }
  }
  const shock = new Float64Array(draws);
  const runRateFactor = new Float64Array(draws * (S + 1));
  const shared = Math.sqrt(METHOD.SHARED_NOISE);
  const own = Math.sqrt(1 - METHOD.SHARED_NOISE);
  const t = model.shockSigma;
  for (let k = 0; k < draws; k++) {
    shock[k] = Math.exp(t * normal(r) - (t * t) / 2);
    const g = normal(r);
    for (let s = 0; s <= S; s++) {
      const sig = (s < S ? model.runRate[s]! : model.remainder).sigma;
      runRateFactor[k * (S + 1) + s] = Math.exp(sig * (shared * g + own * normal(r)) - (sig * sig) / 2);
    }
  }
  return { draws: acc, slots, topPartners, shock, runRateFactor };
}

/** Quantile of sorted values (linear interpolation). */
export function quantile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export { dateOfDay };
