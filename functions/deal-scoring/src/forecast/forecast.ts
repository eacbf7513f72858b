/**
 * forecast(request): validated request in, response out (deterministic for the same request).
 * The route runs it on the worker pool; the backtest and the benchmark call it directly.
 */
import { checkForecastRequest } from './inputs';
import {
  buildModel,
  MODEL_VERSION,
  quantile,
  simulate,
  type ModelState,
  type SimulationResult
} from './model';
import { segmentLabel, writeInsights } from './insights';
import { dateOfDay } from './calendar';
import {
  FORECAST_LIMITS,
  type ForecastDriver,
  type ForecastQuarter,
  type ForecastRequest,
  type ForecastResponse,
  type SegmentForecast
} from './schemas';

const round = (x: number) => Math.round(x * 100) / 100;

function summarize(values: Float64Array): { p10: number; p50: number; p90: number; mean: number } {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p10: quantile(sorted, 0.1),
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    mean: sorted.length ? sum / sorted.length : 0
  };
}

type Layers = { sums: number[]; open: number };
const emptyLayers = (): Layers => ({ sums: [0, 0, 0, 0, 0], open: 0 });

/** Per quarter: the five probability layers summed by segment, by partner and over all, in one pass. */
function allLayers(model: ModelState): {
  bySegment: Layers[][];
  byPartner: Map<string, Layers>[];
  all: Layers[];
} {
  const H = model.horizon;
  const bySegment = Array.from({ length: H }, () => model.segments.map(emptyLayers));
  const byPartner = Array.from({ length: H }, () => new Map<string, Layers>());
  const all = Array.from({ length: H }, emptyLayers);
  for (const d of model.deals) {
    let pl = byPartner[d.quarter]!.get(d.partnerId);
    if (!pl) byPartner[d.quarter]!.set(d.partnerId, (pl = emptyLayers()));
    for (const l of [bySegment[d.quarter]![d.segment]!, pl, all[d.quarter]!]) {
      l.open += d.count;
      for (let k = 0; k < 5; k++) l.sums[k]! += d.amount * d.p[k]!;
    }
  }
  return { bySegment, byPartner, all };
}

export function forecast(req: ForecastRequest): ForecastResponse {
  const rates = checkForecastRequest(req);
  const model = buildModel(req, rates);
  const draws = req.simulations ?? FORECAST_LIMITS.simulations.default;
  const seed = req.seed ?? 1;
  const sim = simulate(model, draws, seed, req.topPartners ?? FORECAST_LIMITS.topPartners.default);
  const quarters = buildQuarters(model, sim, draws);
  return {
    requestId: req.requestId,
    asOf: req.asOf,
    currency: req.currency,
    modelVersion: MODEL_VERSION,
    simulations: draws,
    seed,
    quarters,
    insights: writeInsights(req, model, quarters, sim.topPartners)
  };
}

function buildQuarters(model: ModelState, sim: SimulationResult, draws: number): ForecastQuarter[] {
  const H = model.horizon;
  const S = model.segments.length;
  const { slots } = sim;
  const sums = allLayers(model);
  const out: ForecastQuarter[] = [];
  for (let j = 0; j < H; j++) {
    const q = model.q0 + j;
    const total = new Float64Array(draws);
    const segmentRows: SegmentForecast[] = [];
    let totalClosed = 0;
    let totalRunRate = 0;
    let totalLastYear: number | undefined = 0;
    for (let s = 0; s < S; s++) {
      const seg = model.segments[s]!;
      const rr = model.runRate[s]!.perQuarter;
      const closed = model.closedToDate[s]![j]!;
      const values = new Float64Array(draws);
      for (let k = 0; k < draws; k++) {
        const v =
          closed +
          sim.draws[(k * H + j) * slots + s]! * sim.shock[k]! +
          (rr ? rr[j]! * sim.runRateFactor[k * (S + 1) + s]! : 0);
        values[k] = v;
        total[k]! += v;
      }
      const st = summarize(values);
      const l = sums.bySegment[j]![s]!;
      const ly = model.lastYear[s]![j];
      totalClosed += closed;
      if (rr) totalRunRate += rr[j]!;
      totalLastYear = ly === undefined || totalLastYear === undefined ? undefined : totalLastYear + ly;
      if (l.open === 0 && st.mean === 0 && !rr && (ly ?? 0) === 0 && model.runRate[s]!.weeks === 0) continue;
      segmentRows.push({
        key: seg.key,
        label: segmentLabel(seg.region, seg.tier),
        ...(seg.region ? { region: seg.region } : {}),
        ...(seg.tier ? { tier: seg.tier } : {}),
        p10: round(st.p10),
        p50: round(st.p50),
        p90: round(st.p90),
        expected: round(st.mean),
        closedToDate: round(closed),
        registered: round(l.sums[4]!),
        ...(rr ? { notYetRegistered: round(rr[j]!) } : {}),
        stageProbability: round(l.sums[0]!),
        openDeals: l.open,
        ...(ly !== undefined ? { lastYear: round(ly) } : {}),
        history: rr ? 'OK' : 'NOT_ENOUGH'
      });
    }
    const rest = model.remainder.perQuarter?.[j] ?? 0;
    if (rest > 0) for (let k = 0; k < draws; k++) total[k]! += rest * sim.runRateFactor[k * (S + 1) + S]!;
    totalRunRate += rest;
    const total_ = sums.all[j]!;
    const tot = summarize(total);
    const totalRow: SegmentForecast = {
      key: 'ALL|ALL',
      label: 'All partners',
      p10: round(tot.p10),
      p50: round(tot.p50),
      p90: round(tot.p90),
      expected: round(tot.mean),
      closedToDate: round(totalClosed),
      registered: round(total_.sums[4]!),
      // Segments without enough history add nothing here (the insights name them).
      ...(model.remainder.perQuarter ? { notYetRegistered: round(totalRunRate) } : {}),
      stageProbability: round(total_.sums[0]!),
      openDeals: total_.open,
      ...(totalLastYear !== undefined ? { lastYear: round(totalLastYear) } : {}),
      history: model.remainder.perQuarter ? 'OK' : 'NOT_ENOUGH'
    };
    const partnerRows: SegmentForecast[] = sim.topPartners.map((id, i) => {
      const values = new Float64Array(draws);
      for (let k = 0; k < draws; k++) values[k] = sim.draws[(k * H + j) * slots + S + i]! * sim.shock[k]!;
      const st = summarize(values);
      const l = sums.byPartner[j]!.get(id) ?? emptyLayers();
      const name = model.partnerRate.get(id)?.name;
      return {
        key: id,
        label: name ?? id,
        partnerId: id,
        p10: round(st.p10),
        p50: round(st.p50),
        p90: round(st.p90),
        expected: round(st.mean),
        closedToDate: 0,
        registered: round(l.sums[4]!),
        stageProbability: round(l.sums[0]!),
        openDeals: l.open,
        history: 'OK'
      };
    });
    const s = total_.sums;
    const drivers: ForecastDriver[] = [
      { code: 'CLOSED_TO_DATE', label: 'Already closed won this quarter', amount: round(totalClosed) },
      { code: 'STAGE_BASELINE', label: 'Stage probability × amount of open deals', amount: round(s[0]!) },
      {
        code: 'STAGE_HISTORY',
        label: 'How often deals in each stage were won before',
        amount: round(s[1]! - s[0]!)
      },
      {
        code: 'PARTNER_TRACK_RECORD',
        label: "Partners' win rates against the programme's",
        amount: round(s[2]! - s[1]!)
      },
      { code: 'STAGE_AGE', label: 'Deals in their stage longer than usual', amount: round(s[3]! - s[2]!) },
      { code: 'DEAL_SIZE', label: "Deals far above the partner's usual size", amount: round(s[4]! - s[3]!) },
      ...(totalRow.notYetRegistered !== undefined
        ? [
            {
              code: 'NEW_REGISTRATIONS' as const,
              label: 'Deals not registered yet (run-rate with seasonality)',
              amount: totalRow.notYetRegistered
            }
          ]
        : [])
    ];
    const seasonal = model.seasonalIndex[j];
    out.push({
      id: model.cal.label(q),
      startDate: dateOfDay(model.cal.startDay(q)),
      endDate: dateOfDay(model.cal.endDay(q)),
      total: totalRow,
      segments: segmentRows,
      partners: partnerRows,
      drivers,
      ...(seasonal !== undefined ? { seasonalIndex: Math.round(seasonal * 1000) / 1000 } : {})
    });
  }
  return out;
}
