// Tier reasoning for POST /v1/partner/tier-review: each partner's last-12-months measures against
// the programme's thresholds (sent by Apex from Partner_Tier_Threshold__mdt) give a recommendation
// (PROMOTE / KEEP / AT_RISK / DEMOTE) with evidence sentences for the channel manager, and a
// partner-safe standing (the approved tier and what would move the partner up) that never reveals
// the recommendation. Deterministic: the same request gives the same bytes.
import { ValidationError } from '../validation';
import type { FieldError } from '../schemas';
import { VOCABULARY } from '../vocabulary';
import {
  TIER_METRICS,
  type PartnerMetrics,
  type TierAction,
  type TierDefinition,
  type TierGap,
  type TierMetric,
  type TierReviewRequest,
  type TierReviewResponse,
  type TierReviewResult,
  type TierThresholds
} from './schemas';

export const TIER_REVIEW_VERSION = 'tier-review-2026.12.1';
export const DEFAULT_AT_RISK_MARGIN = 0.15;

type Tier = (typeof VOCABULARY.partnerTiers)[number];
/** Highest first, as in the vocabulary. */
const ORDER: readonly Tier[] = VOCABULARY.partnerTiers;
const LOWEST = ORDER[ORDER.length - 1] as Tier;
const ZERO: TierThresholds = {
  registrations: 0,
  approvalRate: 0,
  closedWonRevenue: 0,
  certifications: 0,
  onboardingCompletion: 0
};

const rank = (t: Tier): number => ORDER.length - ORDER.indexOf(t);
const label = (t: Tier): string => t.charAt(0) + t.slice(1).toLowerCase();
const pct = (r: number): string => `${Math.round(r * 100)}%`;
function money(n: number, currency: string): string {
  return `${currency} ${Math.round(n).toLocaleString('en-US')}`;
}

/** The value of one measure; the approval rate of a partner with nothing decided is 0. */
export function metricValue(m: PartnerMetrics, metric: TierMetric): number {
  if (metric === 'approvalRate') return m.decided === 0 ? 0 : Math.min(1, m.approved / m.decided);
  return m[metric];
}

/** The measures below the thresholds, each with its relative shortfall (0-1). */
export function shortfalls(
  m: PartnerMetrics,
  t: TierThresholds
): Array<{ metric: TierMetric; short: number }> {
  const out: Array<{ metric: TierMetric; short: number }> = [];
  for (const metric of TIER_METRICS) {
    const need = t[metric];
    const have = metricValue(m, metric);
    // Rates are compared at whole percent, as they are shown.
    const below =
      metric === 'approvalRate' || metric === 'onboardingCompletion'
        ? Math.round(have * 100) < Math.round(need * 100)
        : have < need;
    if (below) out.push({ metric, short: need === 0 ? 1 : (need - have) / need });
  }
  return out;
}

function describe(metric: TierMetric, m: PartnerMetrics, currency: string): string {
  switch (metric) {
    case 'registrations':
      return `Registrations in the last 12 months: ${m.registrations}`;
    case 'approvalRate':
      return m.decided === 0
        ? 'Approval rate: no registration decided in the last 12 months'
        : `Approval rate: ${pct(metricValue(m, metric))} (${m.approved} of ${m.decided} decided)`;
    case 'closedWonRevenue':
      return `Closed-won revenue in the last 12 months: ${money(m.closedWonRevenue, currency)}`;
    case 'certifications':
      return `Active certifications: ${m.certifications}`;
    case 'onboardingCompletion':
      return `Onboarding: ${pct(m.onboardingCompletion)} of steps done`;
  }
}

function requirement(metric: TierMetric, value: number, currency: string): string {
  switch (metric) {
    case 'approvalRate':
    case 'onboardingCompletion':
      return pct(value);
    case 'closedWonRevenue':
      return money(value, currency);
    default:
      return String(value);
  }
}

/** What the partner still needs for a tier, one sentence per missed measure (partner-safe). */
export function gapsFor(m: PartnerMetrics, tier: Tier, t: TierThresholds, currency: string): TierGap[] {
  const name = label(tier);
  return shortfalls(m, t).map(({ metric }) => {
    const have = metricValue(m, metric);
    const need = t[metric];
    let sentence: string;
    switch (metric) {
      case 'registrations': {
        const more = need - have;
        sentence = `Submit ${more} more registration${more === 1 ? '' : 's'}: ${name} needs ${need} in 12 months, you have ${have}.`;
        break;
      }
      case 'approvalRate':
        sentence = `Raise your approval rate to ${pct(need)}: it is ${pct(have)} over the last 12 months.`;
        break;
      case 'closedWonRevenue':
        sentence = `Close ${money(need - have, currency)} more in won deals: ${name} needs ${money(need, currency)} in 12 months, you have ${money(have, currency)}.`;
        break;
      case 'certifications': {
        const more = need - have;
        sentence = `Earn ${more} more certification${more === 1 ? '' : 's'}: ${name} needs ${need}, you have ${have}.`;
        break;
      }
      case 'onboardingCompletion':
        sentence = `Finish your onboarding: ${name} needs ${pct(need)} of steps done, you have ${pct(have)}.`;
        break;
    }
    return { metric, current: Math.round(have * 10000) / 10000, required: need, sentence };
  });
}

/** Throws a 400 naming the partner whose current tier has no thresholds, or a tier listed twice. */
function definitions(request: TierReviewRequest): Map<Tier, TierDefinition> {
  const errors: FieldError[] = [];
  const defs = new Map<Tier, TierDefinition>();
  request.tiers.forEach((d, i) => {
    if (defs.has(d.tier)) errors.push({ path: `/tiers/${i}/tier`, message: `lists ${d.tier} a second time` });
    defs.set(d.tier, d);
  });
  if (!defs.has(LOWEST)) defs.set(LOWEST, { tier: LOWEST, thresholds: ZERO });
  request.partners.forEach((p, i) => {
    if (!defs.has(p.currentTier)) {
      errors.push({
        path: `/partners/${i}/currentTier`,
        message: `is ${p.currentTier}, which has no thresholds in tiers`
      });
    }
  });
  if (errors.length > 0) throw new ValidationError(errors);
  return defs;
}

export function reviewPartner(
  partner: TierReviewRequest['partners'][number],
  defs: Map<Tier, TierDefinition>,
  currency: string
): TierReviewResult {
  const m = partner.metrics;
  const current = partner.currentTier;
  const listed = ORDER.filter((t) => defs.has(t));
  const qualified = listed.find((t) => shortfalls(m, defs.get(t)!.thresholds).length === 0) ?? LOWEST;
  const currentDef = defs.get(current)!;
  const missedCurrent = shortfalls(m, currentDef.thresholds);
  const margin = currentDef.atRiskMargin ?? DEFAULT_AT_RISK_MARGIN;

  let action: TierAction;
  let recommended: Tier = current;
  if (rank(qualified) > rank(current)) {
    action = 'PROMOTE';
    recommended = qualified;
  } else if (missedCurrent.length === 0) {
    action = 'KEEP';
  } else if (missedCurrent.every((s) => s.short <= margin)) {
    action = 'AT_RISK';
  } else {
    action = 'DEMOTE';
    recommended = rank(qualified) < rank(current) ? qualified : LOWEST;
  }

  // Evidence: every measure against the current tier (and the target tier when it differs).
  const target = defs.get(recommended)!;
  const evidence = TIER_METRICS.map((metric) => {
    const need = currentDef.thresholds[metric];
    let s = `${describe(metric, m, currency)} (${label(current)} needs ${requirement(metric, need, currency)}`;
    if (recommended !== current) {
      s += `, ${label(recommended)} needs ${requirement(metric, target.thresholds[metric], currency)}`;
    }
    return `${s}).`;
  });
  const missedNames = (list: Array<{ metric: TierMetric; short: number }>) =>
    list.map((s) => `${s.metric} ${Math.round(s.short * 100)}% short`).join(', ');
  switch (action) {
    case 'PROMOTE':
      evidence.push(
        `Meets every ${label(recommended)} threshold: promote from ${label(current)} to ${label(recommended)}.`
      );
      break;
    case 'KEEP':
      evidence.push(
        `Meets every ${label(current)} threshold${nextTier(current, defs) ? ` but not every ${label(nextTier(current, defs)!)} threshold` : ''}: keep ${label(current)}.`
      );
      break;
    case 'AT_RISK':
      evidence.push(
        `Misses ${missedCurrent.length} ${label(current)} threshold${missedCurrent.length === 1 ? '' : 's'} by at most ${pct(margin)} (${missedNames(missedCurrent)}): keep ${label(current)}, at risk.`
      );
      break;
    case 'DEMOTE':
      evidence.push(
        `Misses ${missedCurrent.length} ${label(current)} threshold${missedCurrent.length === 1 ? '' : 's'}, at least one by more than ${pct(margin)} (${missedNames(missedCurrent)}): demote to ${label(recommended)}.`
      );
      break;
  }

  const next = nextTier(current, defs);
  const gaps = next ? gapsFor(m, next, defs.get(next)!.thresholds, currency) : [];
  let summary: string;
  if (!next) summary = `You are a ${label(current)} partner, the programme's highest tier.`;
  else if (gaps.length === 0)
    summary = `You are a ${label(current)} partner and meet every ${label(next)} threshold; tiers are reviewed regularly by your channel manager.`;
  else
    summary = `You are a ${label(current)} partner. To reach ${label(next)}: ${gaps.length} of ${TIER_METRICS.length} measures to improve.`;

  return {
    partnerId: partner.id,
    currentTier: current,
    recommendedTier: recommended,
    action,
    evidence,
    standing: next ? { tier: current, nextTier: next, summary, gaps } : { tier: current, summary, gaps }
  };
}

function nextTier(current: Tier, defs: Map<Tier, TierDefinition>): Tier | null {
  const higher = ORDER.filter((t) => defs.has(t) && rank(t) > rank(current));
  return higher.length > 0 ? (higher[higher.length - 1] as Tier) : null;
}

export function reviewTiers(request: TierReviewRequest): TierReviewResponse {
  const defs = definitions(request);
  const currency = request.revenueCurrency ?? 'USD';
  return {
    requestId: request.requestId,
    reviewVersion: TIER_REVIEW_VERSION,
    results: request.partners.map((p) => reviewPartner(p, defs, currency))
  };
}
