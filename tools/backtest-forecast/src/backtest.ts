/**
 * Rolling-origin backtest: on the first day of every quarter with two years of history behind it,
 * rebuild what Apex would have sent that day (the open pipeline as the opportunity history shows it,
 * partner records, closed outcomes by month and segment, weekly registrations, cycle times), ask
 * the real forecast for that quarter, and compare with what actually closed won in it — against
 * three baselines: stage probability x amount of the open deals closing in the quarter, last
 * quarter's closed-won, and the same quarter last year.
 */
import { forecast } from '../../../functions/deal-scoring/src/forecast/forecast';
import { FiscalCalendar, dateOfDay, dayNumber } from '../../../functions/deal-scoring/src/forecast/calendar';
import { Rates } from '../../../functions/deal-scoring/src/forecast/inputs';
import type {
  ClosedMonth,
  ForecastPartner,
  ForecastRequest,
  PipelineDeal,
  RegistrationWeek
} from '../../../functions/deal-scoring/src/forecast/schemas';
import { InputError } from '../../calibrate/src/history';
import type { DemoHistory } from './demo';

const REGIONS = new Set(['NA', 'EMEA', 'APAC', 'LATAM']);
/**
 * Registrations submitted but not decided on the day have no opportunity yet: Apex sends them as
 * this pseudo-stage, its probability the programme's approval rate times the first stage's.
 */
export const PENDING_STAGE = 'Registration in review';

/** Age-in-stage bands (days) the stage history is counted in. */
export const AGE_BANDS = [0, 15, 30, 45, 60, 90, 120, 180];
/** Won deals a stage needs before its typical days are sent (ForecastAccumulator.MIN_TYPICAL_WON). */
export const MIN_TYPICAL_WON = 10;
const CYCLE_BUCKETS = [15, 30, 45, 60, 75, 90, 120, 150, 180, 240, 300, 365, 540, 730, 1095];

interface Reg {
  id: string;
  partner: string;
  region?: string;
  currency: string;
  amount: number;
  submitted: number;
  decided: number | null;
  approved: boolean;
  rejected: boolean;
  expectedClose: number | null;
  opp?: Opp;
}
interface Step {
  at: number; // day
  stage: string;
  closeDay: number;
}
interface Opp {
  closed: boolean;
  won: boolean;
  closeDay: number;
  steps: Step[];
  reg?: Reg;
}

export interface Indexed {
  regs: Reg[];
  opps: Opp[];
  stages: { name: string; probability: number; closed: boolean }[];
  rates: { currency: string; rate: number; startDate: string }[];
  names: Map<string, string>;
  firstDay: number;
  lastDay: number;
}

const dayOf = (v: string | undefined): number | null => {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
};

export function indexHistory(h: DemoHistory, corporate: string): Indexed {
  const opps = new Map<string, Opp>();
  for (const o of h.opportunities) {
    const closeDay = dayOf(o.CloseDate);
    if (!o.Id || closeDay === null) continue;
    opps.set(o.Id, { closed: o.IsClosed === 'true', won: o.IsWon === 'true', closeDay, steps: [] });
  }
  for (const s of h.opportunityHistory) {
    const o = opps.get(s.OpportunityId ?? '');
    const at = dayOf(s.CreatedDate);
    const closeDay = dayOf(s.CloseDate);
    if (!o || at === null || closeDay === null) continue;
    o.steps.push({ at, stage: s.StageName ?? '', closeDay });
  }
  for (const o of opps.values()) o.steps.sort((a, b) => a.at - b.at);
  const regs: Reg[] = [];
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const r of h.registrations) {
    const submitted = dayOf(r.Submitted_At__c);
    const amount = Number(r.Deal_Value__c);
    if (submitted === null || !r.Partner_Account__c || !Number.isFinite(amount)) continue;
    firstDay = Math.min(firstDay, submitted);
    lastDay = Math.max(lastDay, submitted);
    const reg: Reg = {
      id: r.Id ?? `row-${regs.length}`,
      partner: r.Partner_Account__c,
      ...(REGIONS.has(r.Customer_Region__c ?? '') ? { region: r.Customer_Region__c } : {}),
      currency: r.Deal_Currency__c || corporate,
      amount,
      submitted,
      decided: dayOf(r.Decided_At__c),
      approved: r.Status__c === 'Approved' || r.Status__c === 'Expired',
      rejected: r.Status__c === 'Rejected',
      expectedClose: dayOf(r.Expected_Close_Date__c)
    };
    const opp = r.Converted_Opportunity__c ? opps.get(r.Converted_Opportunity__c) : undefined;
    if (opp) {
      reg.opp = opp;
      opp.reg = reg;
    }
    regs.push(reg);
  }
  if (regs.length === 0) throw new InputError('Deal_Registration__c.csv has no usable registrations');
  const stages = h.stages.map((s) => ({
    name: s.ApiName ?? '',
    probability: Number(s.DefaultProbability),
    closed: s.IsClosed === 'true'
  }));
  const rates = h.rates
    .filter((x) => x.IsoCode && Number(x.ConversionRate) > 0 && x.StartDate)
    .map((x) => ({
      currency: x.IsoCode!,
      rate: Number(x.ConversionRate),
      startDate: x.StartDate!.slice(0, 10)
    }));
  const names = new Map(h.accounts.map((a) => [a.Id ?? '', a.Name ?? '']));
  return { regs, opps: [...opps.values()].filter((o) => o.reg), stages, rates, names, firstDay, lastDay };
}

/** The tier rule of PartnerStatsSelector.tierFor (approved registrations and approval rate). */
export function tierFor(approved: number, decided: number): string {
  const rate = decided === 0 ? 0 : approved / decided;
  if (approved >= 20 && rate >= 0.6) return 'PLATINUM';
  if (approved >= 10 && rate >= 0.4) return 'GOLD';
  if (approved >= 3) return 'SILVER';
  return 'REGISTERED';
}

function ratesTable(ix: Indexed, corporate: string): Rates {
  const rates = new Rates(corporate);
  for (const r of ix.rates) rates.add(r.currency, r.rate, r.startDate);
  rates.seal();
  return rates;
}

export interface Origin {
  request: ForecastRequest;
  actual: number;
  stageBaseline: number;
  lastQuarter: number;
  lastYear: number;
}

/** Closed-won amount (corporate) with close dates in [from, to]. */
function wonBetween(ix: Indexed, rates: Rates, from: number, to: number): number {
  let sum = 0;
  for (const o of ix.opps)
    if (o.won && o.closeDay >= from && o.closeDay <= to)
      sum += rates.toCorporate(o.reg!.amount, o.reg!.currency, o.closeDay);
  return sum;
}

/** What Apex would have sent on `asOfDay`, and what happened. */
export function originAt(ix: Indexed, asOfDay: number, corporate: string, simulations: number): Origin {
  const cal = new FiscalCalendar(1);
  const rates = ratesTable(ix, corporate);
  const q = cal.quarterOfDay(asOfDay);
  const qEnd = cal.endDay(q);
  // Partners as of the day.
  const p = new Map<
    string,
    { approved: number; decided: number; won: number; lost: number; wonAmount: number }
  >();
  const stat = (id: string) => {
    let s = p.get(id);
    if (!s) p.set(id, (s = { approved: 0, decided: 0, won: 0, lost: 0, wonAmount: 0 }));
    return s;
  };
  for (const r of ix.regs) {
    if (r.decided === null || r.decided >= asOfDay || r.submitted >= asOfDay) continue;
    const s = stat(r.partner);
    if (r.approved || r.rejected) s.decided += 1;
    if (r.approved) s.approved += 1;
    const o = r.opp;
    if (o && o.closed && o.closeDay < asOfDay) {
      if (o.won) {
        s.won += 1;
        s.wonAmount += rates.toCorporate(r.amount, r.currency, o.closeDay);
      } else s.lost += 1;
    }
  }
  const tierOf = (id: string) => {
    const s = p.get(id);
    return tierFor(s?.approved ?? 0, s?.decided ?? 0) as ForecastPartner['tier'];
  };
  const probability = new Map(ix.stages.map((s) => [s.name, s.probability]));
  const closedStage = new Set(ix.stages.filter((s) => s.closed).map((s) => s.name));
  const pipeline: PipelineDeal[] = [];
  const closedAcc = new Map<string, ClosedMonth>();
  const cycle = new Array<number>(CYCLE_BUCKETS.length).fill(0);
  // Stage history: closed deals that were in each stage, by outcome; days won deals spent in it.
  const stageWon = new Map<string, number>();
  const stageLost = new Map<string, number>();
  const stageDays = new Map<string, number[]>();
  const bandWon = new Map<string, number[]>();
  const bandLost = new Map<string, number[]>();
  let stageBaseline = 0;
  for (const o of ix.opps) {
    const r = o.reg!;
    if (r.decided === null || r.decided >= asOfDay) continue;
    if (o.closed && o.closeDay < asOfDay) {
      const month = dateOfDay(o.closeDay).slice(0, 7);
      const tier = tierOf(r.partner);
      const key = `${month}|${r.region ?? ''}|${tier}|${r.currency}`;
      let c = closedAcc.get(key);
      if (!c)
        closedAcc.set(
          key,
          (c = {
            month,
            ...(r.region ? { region: r.region as ClosedMonth['region'] } : {}),
            ...(tier ? { tier } : {}),
            won: 0,
            lost: 0,
            wonAmount: 0,
            lostAmount: 0,
            currency: r.currency
          })
        );
      const seen = new Set<string>();
      for (let i = 0; i < o.steps.length; i++) {
        const st = o.steps[i]!;
        if (closedStage.has(st.stage) || seen.has(st.stage)) continue;
        seen.add(st.stage);
        const m = o.won ? stageWon : stageLost;
        m.set(st.stage, (m.get(st.stage) ?? 0) + 1);
        let j = i;
        while (j < o.steps.length && o.steps[j]!.stage === st.stage) j++;
        const leftAt = j < o.steps.length ? o.steps[j]!.at : o.closeDay;
        const bm = o.won ? bandWon : bandLost;
        let counts = bm.get(st.stage);
        if (!counts) bm.set(st.stage, (counts = new Array<number>(AGE_BANDS.length).fill(0)));
        AGE_BANDS.forEach((minDays, b) => {
          if (leftAt - st.at >= minDays) counts[b]! += 1;
        });
        if (o.won) {
          let days = stageDays.get(st.stage);
          if (!days) stageDays.set(st.stage, (days = []));
          days.push(leftAt - st.at);
        }
      }
      if (o.won) {
        c.won += 1;
        c.wonAmount += r.amount;
        const days = o.closeDay - r.submitted;
        const b = CYCLE_BUCKETS.findIndex((x) => days <= x);
        cycle[b < 0 ? CYCLE_BUCKETS.length - 1 : b]! += 1;
      } else {
        c.lost += 1;
        c.lostAmount += r.amount;
      }
      continue;
    }
    // Open on the day: the last history step before it.
    let last = -1;
    for (let i = 0; i < o.steps.length && o.steps[i]!.at < asOfDay; i++) last = i;
    if (last < 0) continue;
    const step = o.steps[last]!;
    if (closedStage.has(step.stage) || !probability.has(step.stage)) continue;
    let entry = last;
    while (entry > 0 && o.steps[entry - 1]!.stage === step.stage) entry--;
    pipeline.push({
      id: r.id,
      partnerId: r.partner,
      ...(r.region ? { region: r.region as PipelineDeal['region'] } : {}),
      tier: tierOf(r.partner),
      stage: step.stage,
      stageAgeDays: Math.min(3650, asOfDay - o.steps[entry]!.at),
      closeDate: dateOfDay(step.closeDay),
      amount: r.amount,
      currency: r.currency
    });
    if (step.closeDay >= asOfDay && step.closeDay <= qEnd)
      stageBaseline +=
        (probability.get(step.stage)! / 100) * rates.toCorporate(r.amount, r.currency, asOfDay);
  }
  // Registrations in review on the day, and how decided registrations ended (for the pseudo-stage).
  let pendingWon = 0;
  let pendingLost = 0;
  let approvedCount = 0;
  let decidedCount = 0;
  for (const r of ix.regs) {
    if (r.submitted >= asOfDay) continue;
    if (r.decided !== null && r.decided < asOfDay) {
      decidedCount += 1;
      if (r.approved) approvedCount += 1;
      if (r.rejected || (r.opp?.closed && r.opp.closeDay < asOfDay && !r.opp.won)) pendingLost += 1;
      else if (r.opp?.won && r.opp.closeDay < asOfDay) pendingWon += 1;
      continue;
    }
    if (r.expectedClose === null || r.rejected === r.approved) continue;
    pipeline.push({
      id: r.id,
      partnerId: r.partner,
      ...(r.region ? { region: r.region as PipelineDeal['region'] } : {}),
      tier: tierOf(r.partner),
      stage: PENDING_STAGE,
      stageAgeDays: Math.min(3650, asOfDay - r.submitted),
      closeDate: dateOfDay(r.expectedClose),
      amount: r.amount,
      currency: r.currency
    });
  }
  // Weekly registrations (weeks starting on Mondays) by region, tier and currency.
  const regAcc = new Map<string, RegistrationWeek>();
  for (const r of ix.regs) {
    if (r.submitted >= asOfDay) continue;
    // 1970-01-05 was a Monday (day 4).
    const week = dateOfDay(r.submitted - ((((r.submitted - 4) % 7) + 7) % 7));
    const tier = tierOf(r.partner);
    const key = `${week}|${r.region ?? ''}|${tier}|${r.currency}`;
    let w = regAcc.get(key);
    if (!w)
      regAcc.set(
        key,
        (w = {
          week,
          ...(r.region ? { region: r.region as RegistrationWeek['region'] } : {}),
          ...(tier ? { tier } : {}),
          count: 0,
          amount: 0,
          currency: r.currency
        })
      );
    w.count += 1;
    w.amount += r.amount;
  }
  const partners: ForecastPartner[] = [...p].map(([id, s]) => ({
    id,
    ...(ix.names.get(id) ? { name: ix.names.get(id)! } : {}),
    tier: tierOf(id),
    won: s.won,
    lost: s.lost,
    ...(s.won > 0 ? { averageDealSize: Math.round(s.wonAmount / s.won) } : {})
  }));
  const request: ForecastRequest = {
    requestId: `backtest-${dateOfDay(asOfDay)}`,
    asOf: dateOfDay(asOfDay),
    currency: corporate,
    quarters: 1,
    simulations,
    seed: 1,
    stages: [
      ...(pipeline.some((d) => d.stage === PENDING_STAGE)
        ? [
            {
              name: PENDING_STAGE,
              probability:
                Math.round(
                  (decidedCount > 0 ? approvedCount / decidedCount : 0.5) *
                    (ix.stages.find((s) => !s.closed)?.probability ?? 10) *
                    100
                ) / 100,
              won: pendingWon,
              lost: pendingLost
            }
          ]
        : []),
      ...ix.stages
        .filter((s) => !s.closed)
        .map((s) => {
          const days = (stageDays.get(s.name) ?? []).sort((a, b) => a - b);
          const typical =
            days.length >= MIN_TYPICAL_WON ? Math.max(1, Math.round(days[days.length >> 1]!)) : undefined;
          return {
            name: s.name,
            probability: Math.min(100, Math.max(0, s.probability)),
            ...(typical ? { typicalDays: typical } : {}),
            won: stageWon.get(s.name) ?? 0,
            lost: stageLost.get(s.name) ?? 0,
            ageBands: AGE_BANDS.map((minDays, b) => ({
              minDays,
              won: bandWon.get(s.name)?.[b] ?? 0,
              lost: bandLost.get(s.name)?.[b] ?? 0
            }))
          };
        })
    ],
    exchangeRates: ix.rates.filter((x) => x.currency !== corporate),
    partners,
    pipeline,
    history: {
      closed: [...closedAcc.values()],
      registrations: [...regAcc.values()],
      cycle: CYCLE_BUCKETS.map((upToDays, i) => ({ upToDays, won: cycle[i]! })).filter((b) => b.won > 0)
    }
  };
  return {
    request,
    actual: wonBetween(ix, rates, cal.startDay(q), qEnd),
    stageBaseline,
    lastQuarter: wonBetween(ix, rates, cal.startDay(q - 1), cal.endDay(q - 1)),
    lastYear: wonBetween(ix, rates, cal.startDay(q - 4), cal.endDay(q - 4))
  };
}

export interface OriginResult {
  quarter: string;
  actual: number;
  p10: number;
  p50: number;
  p90: number;
  stage: number;
  lastQuarter: number;
  lastYear: number;
}

export interface Summary {
  origins: OriginResult[];
  mape: { ours: number; stage: number; lastQuarter: number; lastYear: number };
  /** Mean pinball loss: ours over P10/P50/P90, baselines at the median (half the absolute error). */
  pinball: { ours: number; stage: number; lastQuarter: number; lastYear: number };
  coverage: number;
}

const pinball = (y: number, q: number, tau: number) => (y >= q ? tau * (y - q) : (1 - tau) * (q - y));

/** Every quarter start with two full years behind it whose quarter ended before the data does. */
export function origins(ix: Indexed): number[] {
  const cal = new FiscalCalendar(1);
  const out: number[] = [];
  const first = cal.quarterOfDay(ix.firstDay) + 9;
  for (let q = first; cal.endDay(q) <= ix.lastDay; q++) out.push(cal.startDay(q));
  return out;
}

export function runBacktest(ix: Indexed, corporate: string, simulations = 1000): Summary {
  const results: OriginResult[] = [];
  for (const day of origins(ix)) {
    const o = originAt(ix, day, corporate, simulations);
    const f = forecast(o.request);
    const t = f.quarters[0]!.total;
    results.push({
      quarter: f.quarters[0]!.id,
      actual: o.actual,
      p10: t.p10,
      p50: t.p50,
      p90: t.p90,
      stage: o.stageBaseline,
      lastQuarter: o.lastQuarter,
      lastYear: o.lastYear
    });
  }
  if (results.length === 0)
    throw new InputError(
      `the history spans ${dateOfDay(ix.firstDay)} to ${dateOfDay(ix.lastDay)}: a backtest needs two years before the first quarter it checks`
    );
  const mean = (f: (r: OriginResult) => number) => results.reduce((a, r) => a + f(r), 0) / results.length;
  const ape = (pred: number, y: number) => Math.abs(pred - y) / Math.max(y, 1);
  return {
    origins: results,
    mape: {
      ours: mean((r) => ape(r.p50, r.actual)),
      stage: mean((r) => ape(r.stage, r.actual)),
      lastQuarter: mean((r) => ape(r.lastQuarter, r.actual)),
      lastYear: mean((r) => ape(r.lastYear, r.actual))
    },
    pinball: {
      ours: mean(
        (r) =>
          (pinball(r.actual, r.p10, 0.1) + pinball(r.actual, r.p50, 0.5) + pinball(r.actual, r.p90, 0.9)) / 3
      ),
      stage: mean((r) => pinball(r.actual, r.stage, 0.5)),
      lastQuarter: mean((r) => pinball(r.actual, r.lastQuarter, 0.5)),
      lastYear: mean((r) => pinball(r.actual, r.lastYear, 0.5))
    },
    coverage: mean((r) => (r.actual >= r.p10 && r.actual <= r.p90 ? 1 : 0))
  };
}

export { dayNumber };
