/**
 * A synthetic channel history with planted effects, written as the same CSV exports the calibration
 * tool reads (plus the opportunity history a backtest needs to see the pipeline as it was):
 *
 * - registrations arrive weekly per region (Poisson) with a planted seasonality (PLANTED.season by
 *   fiscal quarter, and a rush in the last weeks of each quarter), year-on-year growth and a
 *   random level drift per quarter;
 * - partners differ: each has a planted win-rate effect (log-odds), a usual deal size and an
 *   activity weight; deals far above the partner's usual size are won less often;
 * - won deals pass Qualification -> Proposal -> Negotiation and close on their planned date; lost
 *   deals drop out at a random stage after lingering in it, so old deals in a stage are at risk;
 * - a deal whose planned close passes while it is still open gets its close date pushed;
 * - EMEA deals are in EUR with a dated exchange rate that drifts per quarter.
 */
import { rng } from '../../calibrate/src/demo';

export const PLANTED = {
  /** Registrations per week at the start, by region. */
  weekly: { NA: 26, EMEA: 20, APAC: 12, LATAM: 5 } as Record<string, number>,
  /** Multiplier by fiscal quarter (Q1..Q4). */
  season: [0.75, 1.0, 0.95, 1.3],
  /** Extra multiplier in the last three weeks of a quarter. */
  quarterEndRush: 1.5,
  growthPerYear: 0.12,
  /** Random level drift per region per quarter (log-normal sigma). */
  levelNoise: 0.1,
  partners: 260,
  /** Partner win-rate effect: normal(0, this) in log-odds. */
  partnerEffect: 1.0,
  winIntercept: -0.1,
  /** Deals above this multiple of the partner's usual size lose this much log-odds. */
  whaleRatio: 2.5,
  whalePenalty: -1.0,
  whaleShare: 0.05,
  approvalShare: 0.82,
  /** Median planned cycle (registration to close) in days. */
  cycleMedianDays: 80,
  /** Lost deals linger this many times their stage's planned time before dropping out. */
  lingerFactor: 1.8,
  stages: [
    { name: 'Qualification', share: 0.3 },
    { name: 'Proposal', share: 0.35 },
    { name: 'Negotiation', share: 0.35 }
  ]
} as const;

export const DEMO_START = '2020-01-06';
export const DEMO_YEARS = 6;
const DAY = 86_400_000;

export type Row = Record<string, string>;
export interface DemoHistory {
  registrations: Row[];
  opportunities: Row[];
  opportunityHistory: Row[];
  stages: Row[];
  rates: Row[];
  accounts: Row[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function generateHistory(seed: number): DemoHistory {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(r(), 1e-12))) * Math.cos(2 * Math.PI * r());
  const poisson = (lambda: number) => {
    // Knuth for small lambda, normal approximation above 40.
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= r();
    } while (p > l);
    return k - 1;
  };
  const regions = Object.keys(PLANTED.weekly);
  const partners = Array.from({ length: PLANTED.partners }, (_, i) => ({
    id: `0015g00000F${String(i).padStart(4, '0')}AAA`,
    name: `Partner ${i + 1}`,
    region: regions[Math.floor(r() * regions.length * 0.999)]!,
    effect: PLANTED.partnerEffect * normal(),
    size: Math.round(40_000 * Math.exp(0.6 * normal())),
    activity: Math.exp(1.0 * normal())
  }));
  const byRegion = new Map<string, { list: typeof partners; cum: number[] }>();
  for (const region of regions) {
    const list = partners.filter((p) => p.region === region);
    let c = 0;
    byRegion.set(region, { list, cum: list.map((p) => (c += p.activity)) });
  }
  const pickPartner = (region: string) => {
    const { list, cum } = byRegion.get(region)!;
    const x = r() * cum[cum.length - 1]!;
    let lo = 0;
    while (cum[lo]! < x) lo++;
    return list[lo]!;
  };

  const start = Date.parse(`${DEMO_START}T00:00:00Z`);
  const weeks = DEMO_YEARS * 52;
  const out: DemoHistory = {
    registrations: [],
    opportunities: [],
    opportunityHistory: [],
    stages: [
      { ApiName: 'Qualification', DefaultProbability: '20', IsClosed: 'false', IsWon: 'false' },
      { ApiName: 'Proposal', DefaultProbability: '40', IsClosed: 'false', IsWon: 'false' },
      { ApiName: 'Negotiation', DefaultProbability: '65', IsClosed: 'false', IsWon: 'false' },
      { ApiName: 'Closed Won', DefaultProbability: '100', IsClosed: 'true', IsWon: 'true' },
      { ApiName: 'Closed Lost', DefaultProbability: '0', IsClosed: 'true', IsWon: 'false' }
    ],
    rates: [],
    accounts: partners.map((p) => ({ Id: p.id, Name: p.name }))
  };
  // EUR per USD, drifting per quarter.
  let eur = 0.9;
  const levels = new Map(regions.map((g) => [g, 1]));
  let lastQuarter = -1;
  let n = 0;
  for (let w = 0; w < weeks; w++) {
    const weekStart = start + w * 7 * DAY;
    const date = new Date(weekStart);
    const month = date.getUTCMonth();
    const quarter = Math.floor(month / 3);
    const qKey = date.getUTCFullYear() * 4 + quarter;
    if (qKey !== lastQuarter) {
      lastQuarter = qKey;
      for (const g of regions) levels.set(g, Math.exp(PLANTED.levelNoise * normal()));
      eur = Math.min(1.1, Math.max(0.75, eur * Math.exp(0.03 * normal())));
      const qStart = Date.UTC(date.getUTCFullYear(), quarter * 3, 1);
      out.rates.push({ IsoCode: 'EUR', ConversionRate: eur.toFixed(4), StartDate: day(qStart) });
    }
    const nextQStart = Date.UTC(date.getUTCFullYear(), quarter * 3 + 3, 1);
    const rush = nextQStart - weekStart <= 21 * DAY ? PLANTED.quarterEndRush : 1;
    const growth = (1 + PLANTED.growthPerYear) ** (w / 52);
    for (const region of regions) {
      const lambda = PLANTED.weekly[region]! * growth * PLANTED.season[quarter]! * rush * levels.get(region)!;
      const count = poisson(lambda);
      for (let c = 0; c < count; c++) {
        n++;
        const submitted = weekStart + Math.floor(r() * 7 * DAY);
        const p = pickPartner(region);
        const whale = r() < PLANTED.whaleShare;
        const usd = Math.round(p.size * Math.exp(0.5 * normal()) * (whale ? 4 + 3 * r() : 1));
        const currency = region === 'EMEA' ? 'EUR' : 'USD';
        const amount = currency === 'EUR' ? Math.round(usd * eur) : usd;
        const id = `a0B5g0000${String(n).padStart(9, '0')}`;
        const approved = r() < PLANTED.approvalShare;
        const decided = submitted + Math.floor((1 + 4 * r()) * DAY);
        const cycle = Math.max(14, PLANTED.cycleMedianDays * Math.exp(0.45 * normal()));
        const plannedClose = decided + cycle * DAY;
        const reg: Row = {
          Id: id,
          Status__c: approved ? 'Approved' : 'Rejected',
          Submitted_At__c: iso(submitted),
          Decided_At__c: iso(decided),
          Deal_Value__c: String(amount),
          Customer_Region__c: region,
          Converted_Opportunity__c: '',
          Partner_Account__c: p.id,
          Deal_Currency__c: currency,
          Expected_Close_Date__c: day(plannedClose)
        };
        out.registrations.push(reg);
        if (!approved) continue;
        const oppId = `0065g0000${String(n).padStart(9, '0')}`;
        reg.Converted_Opportunity__c = oppId;
        const z =
          PLANTED.winIntercept + p.effect + (usd > PLANTED.whaleRatio * p.size ? PLANTED.whalePenalty : 0);
        const won = r() < 1 / (1 + Math.exp(-z));
        const dropStage = won ? 3 : Math.floor(r() * 3);
        // Stage entry times; lost deals linger in their drop stage.
        let t = decided;
        let closeDate = plannedClose;
        const hist = (at: number, stage: string) =>
          out.opportunityHistory.push({
            OpportunityId: oppId,
            CreatedDate: iso(at),
            StageName: stage,
            CloseDate: day(closeDate),
            Amount: String(amount)
          });
        let end = decided;
        for (let s = 0; s < 3; s++) {
          hist(t, PLANTED.stages[s]!.name);
          const planned = PLANTED.stages[s]!.share * cycle * DAY;
          if (s === dropStage) {
            end = t + PLANTED.lingerFactor * planned * (0.7 + 0.6 * r());
            break;
          }
          t += planned;
          end = t;
        }
        // Push the close date while the deal is open past it.
        while (closeDate < end - 3 * DAY) {
          const pushAt = closeDate;
          closeDate = closeDate + (20 + Math.floor(r() * 30)) * DAY;
          hist(pushAt, out.opportunityHistory[out.opportunityHistory.length - 1]!.StageName!);
        }
        closeDate = end;
        hist(end, won ? 'Closed Won' : 'Closed Lost');
        out.opportunities.push({
          Id: oppId,
          IsClosed: 'true',
          IsWon: String(won),
          StageName: won ? 'Closed Won' : 'Closed Lost',
          CloseDate: day(end),
          Amount: String(amount)
        });
      }
    }
  }
  return out;
}
