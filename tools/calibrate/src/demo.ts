/**
 * A synthetic but realistic history with planted effects, for `--demo`, the tests and the
 * benchmark. Deals are drawn from a partner population and scored by the real engine with the
 * default ruleset; humans then decide by a known model (PLANTED), so the report and the learned
 * scorecard can be checked against the truth.
 *
 * What is planted:
 * - approval: log-odds = intercept + region effect + one weight per factor code + helpful share;
 *   humans reject imminent closes far more than the default ruleset does (CLOSE_DATE_IMMINENT),
 *   and do not penalise first-time partners at all (the default ruleset does);
 * - conflict flags: confirmed (rejected) with probability sigmoid(40 * (similarity - 0.90)), so
 *   humans start to agree with a flag at similarity 0.90;
 * - wins of approved deals: their own log-odds model;
 * - time to decision: median 60 h before the package went live (no recommendation), 36 h after.
 * Conflicts are planted on the engine's assessment (a CONFLICT_REGISTRATION factor with its
 * catalogue points and a similarity) rather than produced by candidate records, so that the
 * similarity is known exactly.
 */
import { assessDeal } from '../../../functions/deal-scoring/src/engine/assess';
import { resolveSettings } from '../../../functions/deal-scoring/src/engine/settings';
import { DEFAULT_RULESET } from '../../../functions/deal-scoring/src/engine/rulesets';
import type { Deal, Factor } from '../../../functions/deal-scoring/src/schemas';
import { sigmoid } from './stats';
import type { StringRecord, TableName } from './history';

export const PLANTED = {
  approvalIntercept: 1.5,
  regionEffect: { NA: 0, EMEA: 0, APAC: -1.0, LATAM: 0, UNKNOWN: 0 } as Record<string, number>,
  helpfulShareWeight: 0.8,
  approval: {
    MISSING_OPPORTUNITY_AMOUNT: -1.0,
    MISSING_CONTACT_EMAIL: -1.0,
    CLOSE_DATE_PAST: -1.5,
    CLOSE_DATE_TOO_FAR: -0.8,
    AMOUNT_ZERO: -1.5,
    FREE_MAIL_CONTACT: -0.8,
    FREE_MAIL_CONTACT_SMALL: -0.2,
    TIER_PLATINUM: 0.9,
    TIER_GOLD: 0.6,
    TIER_SILVER: 0.3,
    TIER_REGISTERED: 0,
    WIN_RATE_HIGH: 0.7,
    WIN_RATE_GOOD: 0.3,
    WIN_RATE_LOW: -0.8,
    CERTIFIED: 0.4,
    CERTIFIED_SOME: 0.2,
    NOT_CERTIFIED: -0.3,
    VOLUME_UNUSUAL: -0.6,
    VOLUME_ACTIVE: 0.1,
    FIRST_TIME_PARTNER: 0,
    SIZE_FAR_ABOVE_TYPICAL: -1.2,
    SIZE_ABOVE_TYPICAL: -0.5,
    SIZE_TYPICAL: 0.3,
    CLOSE_DATE_IMMINENT: -2.2,
    CLOSE_DATE_REALISTIC: 0.3,
    PRODUCTS_NAMED: 0.3,
    DESCRIPTION_DETAILED: 0.5,
    DESCRIPTION_THIN: -0.4
  } as Record<string, number>,
  /** The factor humans weigh most differently from the default ruleset (the override pattern). */
  overrideFactor: 'CLOSE_DATE_IMMINENT',
  conflictShare: 0.08,
  conflictAgreeSimilarity: 0.9,
  conflictSlope: 40,
  win: {
    intercept: 0.2,
    WIN_RATE_HIGH: 0.8,
    WIN_RATE_LOW: -0.8,
    SIZE_FAR_ABOVE_TYPICAL: -1.0,
    DESCRIPTION_DETAILED: 0.3
  } as Record<string, number>,
  medianHoursBefore: 60,
  medianHoursAfter: 36,
  undecidedShare: 0.05
} as const;

/** mulberry32: a small seeded generator, so every demo history is reproducible. */
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

const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.parse('2025-06-01T00:00:00Z');
const SPAN_DAYS = 540;
/** The package went live (recommendations start) this many days after START. */
export const GO_LIVE_DAY = 120;

interface PartnerProfile {
  id: string;
  tier?: 'PLATINUM' | 'GOLD' | 'SILVER' | 'REGISTERED';
  winRate: number;
  decidedCount: number;
  certifications?: number;
  volume: number;
  avgSize: number;
}

export interface DemoOptions {
  registrations: number;
  seed?: number;
}

export type Emit = (table: TableName, record: StringRecord) => void;

/** Generates the history and hands each record to `emit`, in time order. */
export function generateDemo(options: DemoOptions, emit: Emit): void {
  for (const [table, record] of demoRecords(options)) emit(table, record);
}

/**
 * The history as the org's records (the same columns the CSV and org readers read), in time
 * order; lazily, so a large history can be written to disk without holding it.
 */
export function* demoRecords(options: DemoOptions): Generator<[TableName, StringRecord]> {
  const r = rng(options.seed ?? 7);
  const normal = () => {
    const u = Math.max(r(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
  };
  const pick = <T>(items: readonly T[], weights: readonly number[]): T => {
    let x = r() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) if ((x -= weights[i]!) <= 0) return items[i]!;
    return items[items.length - 1]!;
  };
  const partners: PartnerProfile[] = Array.from({ length: 400 }, (_, i) => ({
    id: `0015g00000P${String(i).padStart(4, '0')}`,
    tier: pick([undefined, 'PLATINUM', 'GOLD', 'SILVER', 'REGISTERED'] as const, [8, 10, 25, 32, 25]),
    winRate: Math.round((0.05 + 0.75 * r()) * 100) / 100,
    decidedCount: Math.floor(r() * 60),
    certifications: r() < 0.1 ? undefined : Math.floor(r() * 6),
    volume: r() < 0.06 ? 51 + Math.floor(r() * 30) : Math.floor(r() * 30),
    avgSize: Math.round(80_000 * Math.exp(0.8 * normal()))
  }));
  const settingsBase = {
    reviewThreshold: 70,
    conflictThreshold: 0.82,
    highValueAmount: 250_000,
    protectionDays: 90
  };
  const conflictPoints = DEFAULT_RULESET.factor('CONFLICT_REGISTRATION').points;
  const n = options.registrations;
  for (let i = 0; i < n; i++) {
    const submitted = START + Math.floor((i / n) * SPAN_DAYS * DAY) + Math.floor(r() * HOUR);
    const submittedIso = new Date(submitted).toISOString();
    const asOf = submittedIso.slice(0, 10);
    const p = partners[Math.floor(r() * partners.length)]!;
    const firstTime = r() < 0.04;
    const region = pick(['NA', 'EMEA', 'APAC', 'LATAM', undefined] as const, [40, 30, 20, 7, 3]);
    const amount = r() < 0.01 ? 0 : Math.round(p.avgSize * Math.exp(0.9 * normal()));
    const closeOffset = pick(
      [
        () => Math.floor(r() * 14),
        () => 14 + Math.floor(r() * 352),
        () => -1 - Math.floor(r() * 30),
        () => 366 + Math.floor(r() * 500)
      ],
      [6, 80, 4, 10]
    )();
    const closeDate = new Date(submitted + closeOffset * DAY).toISOString().slice(0, 10);
    const descWords = pick([0, 5, 30], [15, 15, 70]);
    const email = r() < 0.03 ? undefined : r() < 0.08 ? `buyer${i}@gmail.com` : `buyer${i}@customer${i}.com`;
    const deal: Deal = {
      id: `a0B5g0000${String(i).padStart(9, '0')}`,
      submittedAt: submittedIso,
      partner: {
        id: p.id,
        ...(p.tier ? { tier: p.tier } : {}),
        winRate: p.winRate,
        decidedCount: firstTime ? 0 : p.decidedCount,
        ...(p.certifications !== undefined ? { certifications: p.certifications } : {}),
        registrationsLast90Days: p.volume,
        averageDealSize: p.avgSize,
        firstTime
      },
      customer: {
        name: `Customer ${i} Ltd`,
        ...(r() < 0.8 ? { domain: `customer${i}.com` } : {}),
        ...(region ? { region } : {}),
        ...(r() < 0.7 ? { industry: 'Manufacturing' } : {}),
        ...(r() < 0.6 ? { employees: Math.floor(50 + r() * 5000) } : {})
      },
      opportunity: {
        ...(r() < 0.995 ? { amount } : {}),
        closeDate,
        ...(r() < 0.8 ? { products: ['Analytics Cloud'] } : {}),
        ...(descWords > 0
          ? { description: Array.from({ length: descWords }, (_, k) => `word${k}`).join(' ') }
          : {})
      },
      contact: { name: 'Pat Buyer', ...(email ? { email } : {}) }
    };
    const a = assessDeal(deal, resolveSettings({ ...settingsBase, asOf }, asOf));
    let factors: Factor[] = a.factors;
    let score = a.confidenceScore;
    let triage: string = a.triageStatus;
    let similarity: number | null = null;
    const live = i / n >= GO_LIVE_DAY / SPAN_DAYS;
    if (r() < PLANTED.conflictShare) {
      similarity = Math.round((0.82 + 0.18 * r()) * 1000) / 1000;
      const conflict: Factor = {
        code: 'CONFLICT_REGISTRATION',
        category: 'CONFLICT',
        label: "Score lowered: another partner's active registration for this customer",
        points: conflictPoints,
        detail: '1 active registration(s) by other partners match this customer.'
      };
      factors = [...factors.filter((f) => f.code !== 'NO_CANDIDATES'), conflict];
      score = Math.max(0, Math.min(100, score + conflictPoints));
      triage = 'FLAGGED_CONFLICT';
    }
    // The human decision.
    let decision: 'Approved' | 'Rejected' | null = null;
    if (r() >= PLANTED.undecidedShare) {
      if (similarity !== null) {
        const confirm = sigmoid(PLANTED.conflictSlope * (similarity - PLANTED.conflictAgreeSimilarity));
        decision = r() < confirm ? 'Rejected' : 'Approved';
      } else {
        let z = PLANTED.approvalIntercept + (PLANTED.regionEffect[region ?? 'UNKNOWN'] ?? 0);
        for (const f of factors) {
          z += PLANTED.approval[f.code] ?? 0;
          if (f.code === 'HELPFUL_FIELDS') {
            const m = /(\d+) of (\d+)/.exec(f.label);
            if (m) z += (PLANTED.helpfulShareWeight * Number(m[1])) / Number(m[2]);
          }
        }
        decision = r() < sigmoid(z) ? 'Approved' : 'Rejected';
      }
    }
    const medianH = live ? PLANTED.medianHoursAfter : PLANTED.medianHoursBefore;
    const decided = decision ? submitted + Math.round(medianH * Math.exp(0.6 * normal()) * HOUR) : null;
    let oppId: string | undefined;
    if (decision === 'Approved' && r() < 0.85) {
      oppId = `0065g0000${String(i).padStart(9, '0')}`;
      let z = PLANTED.win.intercept ?? 0;
      for (const f of factors) z += PLANTED.win[f.code] ?? 0;
      const closed = r() < 0.9;
      const won = closed && r() < sigmoid(z);
      yield ['opportunities', { Id: oppId, IsClosed: String(closed), IsWon: String(won) }];
    }
    yield [
      'registrations',
      {
        Id: deal.id,
        Status__c: decision ?? 'In Review',
        Submitted_At__c: submittedIso,
        Decided_At__c: decided ? new Date(decided).toISOString() : '',
        Deal_Value__c: deal.opportunity?.amount !== undefined ? String(deal.opportunity.amount) : '',
        Customer_Region__c: region ?? '',
        Converted_Opportunity__c: oppId ?? ''
      }
    ];
    if (live) {
      yield [
        'recommendations',
        {
          Deal_Registration__c: deal.id,
          CreatedDate: new Date(submitted + 2 * 60_000).toISOString(),
          Score__c: String(score),
          Triage_Status__c: triage,
          Factors_JSON__c: JSON.stringify(factors),
          Conflicts_JSON__c: JSON.stringify(
            similarity !== null
              ? [
                  {
                    candidateId: `a0B5g0000X${i}`,
                    kind: 'registration',
                    similarity,
                    reasons: ['names match']
                  }
                ]
              : []
          ),
          Ruleset_Version__c: DEFAULT_RULESET.rulesetVersion,
          Human_Decision__c: decision ?? ''
        }
      ];
      yield [
        'auditLogs',
        { Event_Type__c: 'Scored', Outcome__c: 'Success', Ruleset_Version__c: DEFAULT_RULESET.rulesetVersion }
      ];
    }
  }
}
