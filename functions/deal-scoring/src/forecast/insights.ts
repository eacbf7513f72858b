/**
 * Insights: one sentence each, with its numbers. Partner-safe sentences speak of the programme in
 * counts and percentages (no partner, no deal, no forecast amount) so a partner portal may show
 * them; manager-only sentences carry amounts, bands, partner names and data problems.
 */
import { dateOfDay } from './calendar';
import { METHOD, type ModelState } from './model';
import type { ForecastInsight, ForecastQuarter, ForecastRequest } from './schemas';

const TIER_LABEL: Record<string, string> = {
  PLATINUM: 'Platinum',
  GOLD: 'Gold',
  SILVER: 'Silver',
  REGISTERED: 'Registered'
};

export function segmentLabel(region: string | undefined, tier: string | undefined): string {
  if (!region && !tier) return 'No region, no tier';
  if (!tier) return `${region}, no tier`;
  if (!region) return `No region, ${TIER_LABEL[tier] ?? tier}`;
  return `${region} ${TIER_LABEL[tier] ?? tier}`;
}

/** 1234567 -> "1.23M USD"; 45600 -> "45.6k USD". */
export function money(amount: number, currency: string): string {
  const a = Math.abs(amount);
  const sign = amount < 0 ? '−' : '';
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  if (a >= 1e9) return `${sign}${fmt(a / 1e9)}B ${currency}`;
  if (a >= 1e6) return `${sign}${fmt(a / 1e6)}M ${currency}`;
  if (a >= 1e3) return `${sign}${fmt(a / 1e3)}k ${currency}`;
  return `${sign}${a.toFixed(0)} ${currency}`;
}

const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`;

/** "Silver partners in EMEA" / "partners in EMEA without a tier" ... */
function whoPhrase(region: string | undefined, tier: string | undefined): string {
  const t = tier ? `${tier.charAt(0)}${tier.slice(1).toLowerCase()} partners` : 'partners without a tier';
  return region ? `${t} in ${region}` : `${t} without a region`;
}

export function writeInsights(
  req: ForecastRequest,
  model: ModelState,
  quarters: ForecastQuarter[],
  topPartners: string[]
): { partnerSafe: ForecastInsight[]; managerOnly: ForecastInsight[] } {
  const cur = req.currency;
  const partnerSafe: ForecastInsight[] = [];
  const managerOnly: ForecastInsight[] = [];
  const first = quarters[0];

  // Headline per quarter, and the comparison with last year.
  for (const q of quarters) {
    const t = q.total;
    const parts: string[] = [];
    const e = Math.max(t.expected, 1e-9);
    if (t.closedToDate > 0) parts.push(`${pct(t.closedToDate / e)} already closed`);
    parts.push(`${pct(t.registered / e)} from registered deals`);
    if (t.notYetRegistered !== undefined)
      parts.push(`${pct(t.notYetRegistered / e)} from deals not registered yet`);
    managerOnly.push({
      code: 'FORECAST',
      severity: 'INFO',
      quarter: q.id,
      text: `${q.id} channel forecast: ${money(t.p50, cur)} most likely (80% range ${money(t.p10, cur)} to ${money(t.p90, cur)}); ${parts.join(', ')}.`
    });
    if (t.lastYear !== undefined && t.lastYear > 0 && t.notYetRegistered !== undefined) {
      const change = t.p50 / t.lastYear - 1;
      if (change <= -0.15)
        managerOnly.push({
          code: 'BELOW_LAST_YEAR',
          severity: 'RISK',
          quarter: q.id,
          text: `${q.id} channel forecast at risk: ${money(t.p50, cur)} is ${pct(change)} below the same quarter last year (${money(t.lastYear, cur)}).`
        });
    }
    const d = Object.fromEntries(q.drivers.map((x) => [x.code, x.amount]));
    const moved =
      (d.STAGE_HISTORY ?? 0) + (d.PARTNER_TRACK_RECORD ?? 0) + (d.STAGE_AGE ?? 0) + (d.DEAL_SIZE ?? 0);
    if (t.openDeals > 0)
      managerOnly.push({
        code: 'VS_STAGE_PROBABILITY',
        severity: 'INFO',
        quarter: q.id,
        text:
          `${q.id}: stage probability × amount gives ${money(d.STAGE_BASELINE ?? 0, cur)} for the ${t.openDeals} open deals closing in the quarter; ` +
          `how often each stage was won before moves it by ${money(d.STAGE_HISTORY ?? 0, cur)}, partner track records by ${money(d.PARTNER_TRACK_RECORD ?? 0, cur)}, deals sitting in their stage by ${money(d.STAGE_AGE ?? 0, cur)} ` +
          `and unusually large deals by ${money(d.DEAL_SIZE ?? 0, cur)} (${money(moved, cur)} in all).`
      });
  }

  // Segments whose registrations fell against last year.
  const label = first?.id ?? '';
  model.segments.forEach((s, i) => {
    const tr = model.trend[i]!;
    if (tr.yearAgo < 10) return;
    const change = tr.recent / tr.yearAgo - 1;
    if (change > -0.25) return;
    const who = whoPhrase(s.region, s.tier);
    managerOnly.push({
      code: 'REGISTRATIONS_DOWN',
      severity: 'RISK',
      quarter: label,
      segment: s.key,
      text: `${label} channel forecast at risk: registrations from ${who} are down ${pct(change)} on last year (${tr.recent} in the last 13 weeks against ${tr.yearAgo}).`
    });
    partnerSafe.push({
      code: 'REGISTRATIONS_DOWN',
      severity: 'WARNING',
      segment: s.key,
      text: `Registrations from ${who} are down ${pct(change)} on the same weeks last year.`
    });
  });

  // Seasonality.
  model.seasonalIndex.forEach((idx, j) => {
    if (idx === undefined || Math.abs(idx - 1) < 0.1) return;
    const q = quarters[j]!;
    const qn = q.id.slice(-2);
    partnerSafe.push({
      code: 'SEASONALITY',
      severity: 'INFO',
      quarter: q.id,
      text: `Registrations in ${qn} usually run ${pct(idx - 1)} ${idx > 1 ? 'above' : 'below'} an average quarter.`
    });
  });

  // Stalled deals.
  let stalled = 0;
  let stalledAmount = 0;
  let stalledCut = 0;
  for (const d of model.deals) {
    if (!d.stalled) continue;
    stalled += d.count;
    stalledAmount += d.amount;
    stalledCut += d.amount * (d.p[2] - d.p[3]);
  }
  if (stalled > 0) {
    managerOnly.push({
      code: 'STALLED_DEALS',
      severity: 'WARNING',
      text: `${stalled} open deals worth ${money(stalledAmount, cur)} have sat in their stage more than twice the usual time; the forecast expects ${money(stalledCut, cur)} less from them than their partners' records alone would.`
    });
    partnerSafe.push({
      code: 'STALLED_DEALS',
      severity: 'INFO',
      text: `${stalled} open registered deals have sat in one stage more than twice the usual time; deals that move close more often.`
    });
  }

  // Top partners whose expected amount is far below their stage-probability amount.
  for (const q of quarters.slice(0, 1))
    for (const p of q.partners) {
      if (p.stageProbability <= 0 || p.registered >= 0.75 * p.stageProbability) continue;
      const pr = model.partnerRate.get(p.key);
      managerOnly.push({
        code: 'PARTNER_AT_RISK',
        severity: 'RISK',
        quarter: q.id,
        segment: p.key,
        text: `${p.label}: ${p.openDeals} open deals closing in ${q.id} are worth ${money(p.stageProbability, cur)} by stage probability but ${money(p.registered, cur)} by this forecast${pr ? ` (win rate ${pct(pr.rate)} over ${pr.decided} decided registrations, shrunk toward the tier)` : ''}.`
      });
    }
  void topPartners;

  // Data: not enough history, past close dates, deals beyond the horizon, empty pipeline.
  if (!model.cycleKnown)
    managerOnly.push({
      code: 'NOT_ENOUGH_HISTORY',
      severity: 'WARNING',
      text: 'Not enough history: no registration-to-close times of won deals were sent (history.cycle), so deals not registered yet are not forecast; the bands cover registered deals only.'
    });
  model.segments.forEach((s, i) => {
    const rr = model.runRate[i]!;
    if (rr.perQuarter !== null || !model.cycleKnown) return;
    managerOnly.push({
      code: 'NOT_ENOUGH_HISTORY',
      severity: 'WARNING',
      segment: s.key,
      text: `Not enough history for ${segmentLabel(s.region, s.tier)}: ${rr.decided} decided deals in the last 8 quarters and ${rr.weeks} weeks of registrations (needs ${METHOD.MIN_DECIDED} and ${METHOD.MIN_WEEKS}); its deals not registered yet are not forecast.`
    });
  });
  let past = 0;
  let pastAmount = 0;
  for (const d of model.deals)
    if (d.pastClose) {
      past += d.count;
      pastAmount += d.amount;
    }
  if (past > 0)
    managerOnly.push({
      code: 'PAST_CLOSE_DATES',
      severity: 'WARNING',
      quarter: label,
      text: `${past} open deals worth ${money(pastAmount, cur)} have close dates before ${req.asOf}; they are counted as closing in ${label}. Ask their owners for new dates.`
    });
  if (model.beyond > 0)
    managerOnly.push({
      code: 'BEYOND_HORIZON',
      severity: 'INFO',
      text: `${model.beyond} open deals close after ${dateOfDay(model.cal.endDay(model.q0 + model.horizon - 1))} and are not in these quarters.`
    });
  if (req.pipeline.length === 0)
    managerOnly.push({
      code: 'NO_PIPELINE',
      severity: 'WARNING',
      text: 'No open registered deals were sent: the forecast is what already closed plus deals not registered yet.'
    });
  if (model.rateFallbacks > 0)
    managerOnly.push({
      code: 'UNDATED_RATES',
      severity: 'INFO',
      text: `${model.rateFallbacks} amounts are dated before the first dated exchange rate of their currency and were converted at the undated rate.`
    });
  return { partnerSafe, managerOnly };
}
