/**
 * The deterministic rules: one deal in, score / triage / factors / conflicts out. No clock, no
 * randomness, no I/O: the same deal, settings and ruleset always give the same assessment.
 *
 * The score starts at the ruleset's baseScore and every rule that fires adds a factor named by its
 * code; the code's category, points and label come from the ruleset's factor catalogue
 * (src/ruleset/default.json), every threshold from the ruleset's limits. Categories:
 * COMPLETENESS, CONFLICT, PARTNER_FIT, DEAL_QUALITY.
 */
import type { Conflict, Deal, Factor, FactorCategory, RecommendedAction, TriageStatus } from '../schemas';
import { isFreeMailDomain } from '../matching/domains';
import { prepareSubject } from '../matching/match';
import { assessCandidates, type AssessedCandidate } from './conflicts';
import { daysBetween } from './dates';
import { checkFields, type FieldRule } from './fields';
import { fillLabel, missingFieldCode, type LoadedRuleset } from './rulesets';
import type { ResolvedSettings } from './settings';

export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';

export interface Assessment {
  dealId: string;
  confidenceScore: number;
  triageStatus: TriageStatus;
  confidence: Confidence;
  recommendedAction: RecommendedAction;
  factors: Factor[];
  conflicts: Conflict[];
  missingFields: string[];
  /** Partner-facing labels of missing required fields ("expected close date"). */
  missingLabels: string[];
  /** Partner-safe notes on implausible input ("the expected close date is in the past"). */
  partnerNotes: string[];
  ownDuplicates: number;
  nearMisses: number;
  highValue: boolean;
}

const CATEGORY_ORDER: Record<FactorCategory, number> = {
  COMPLETENESS: 0,
  CONFLICT: 1,
  PARTNER_FIT: 2,
  DEAL_QUALITY: 3
};

class FactorList {
  readonly items: Factor[] = [];
  constructor(private readonly ruleset: LoadedRuleset) {}
  /**
   * Adds the catalogue's factor `code`; `values` fill its label. `share` (present / total) scales
   * the catalogue points for graded factors (HELPFUL_FIELDS).
   */
  add(
    code: string,
    detail: string,
    values?: Record<string, string | number>,
    share?: { present: number; total: number }
  ): void {
    const def = this.ruleset.factor(code);
    const points = share ? Math.round((def.points * share.present) / share.total) : def.points;
    const prefix = points > 0 ? 'Score raised' : points < 0 ? 'Score lowered' : 'Noted';
    const what = fillLabel(def.label, values);
    this.items.push({ code, category: def.category, label: `${prefix}: ${what}`, points, detail });
  }
  sorted(): Factor[] {
    // Stable sort: category order, then the order the rules ran in.
    return this.items
      .map((f, i) => ({ f, i }))
      .sort((a, b) => CATEGORY_ORDER[a.f.category] - CATEGORY_ORDER[b.f.category] || a.i - b.i)
      .map((x) => x.f);
  }
}

/** 1234567 -> "1,234,567" (no Intl: cheaper and independent of the runtime's locale data). */
function fmtAmount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function words(text: string | undefined): number {
  if (!text) return 0;
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function completeness(deal: Deal, s: ResolvedSettings, f: FactorList, notes: string[]): FieldRule[] {
  const lim = s.ruleset.data.limits;
  const fields = checkFields(deal);
  for (const rule of fields.missingRequired) {
    f.add(missingFieldCode(rule.field), `Required field ${rule.field} is missing.`);
  }
  if (fields.missingRequired.length === 0) {
    f.add('REQUIRED_FIELDS_COMPLETE', 'Customer, value, close date and contact are all given.');
  }
  const helpfulPresent = fields.helpfulTotal - fields.missingHelpful.length;
  f.add(
    'HELPFUL_FIELDS',
    fields.missingHelpful.length > 0
      ? `Missing: ${fields.missingHelpful.map((r) => r.field).join(', ')}.`
      : 'Every helpful field is given.',
    { present: helpfulPresent, total: fields.helpfulTotal },
    { present: helpfulPresent, total: fields.helpfulTotal }
  );

  const opp = deal.opportunity;
  if (opp?.closeDate) {
    const days = daysBetween(s.asOf, opp.closeDate);
    if (days < 0) {
      f.add('CLOSE_DATE_PAST', `Close date ${opp.closeDate} is ${-days} days before ${s.asOf}.`);
      notes.push('the expected close date is in the past');
    } else if (days > lim.closeDateTooFarDays) {
      f.add('CLOSE_DATE_TOO_FAR', `Close date ${opp.closeDate} is ${days} days after ${s.asOf}.`);
      notes.push('the expected close date is more than two years away');
    }
  }
  if (opp?.amount !== undefined) {
    if (opp.amount === 0) {
      f.add('AMOUNT_ZERO', 'A registered deal needs an estimated value.');
      notes.push('the deal value is zero');
    } else if (opp.amount >= lim.absurdAmount) {
      f.add(
        'AMOUNT_IMPLAUSIBLE',
        `Value ${fmtAmount(opp.amount)} is at or above ${fmtAmount(lim.absurdAmount)}.`
      );
      notes.push('the deal value looks unusually large; please double-check it');
    }
  }
  const email = deal.contact?.email;
  if (email && isFreeMailDomain(email)) {
    const large =
      (deal.customer.employees ?? 0) >= lim.largeCustomerEmployees || (opp?.amount ?? 0) >= s.highValueAmount;
    if (large) {
      f.add(
        'FREE_MAIL_CONTACT',
        'The customer contact uses a free-mail address; large customers are expected to use their company domain.'
      );
      notes.push("please give the contact's business email address");
    } else {
      f.add('FREE_MAIL_CONTACT_SMALL', 'The customer contact uses a free-mail address.');
    }
  }
  return fields.missingRequired;
}

const POLICY_WORDS = {
  CUSTOMER: 'per customer',
  PRODUCT_LINE: 'per product line',
  OPPORTUNITY: 'per opportunity'
};

function conflictFactors(
  deal: Deal,
  assessed: AssessedCandidate[],
  f: FactorList,
  s: ResolvedSettings
): void {
  const conflicts = assessed.filter((a) => a.role === 'conflict');
  const byKind = { registration: 0, opportunity: 0, account: 0 };
  for (const c of conflicts) byKind[c.candidate.kind]++;
  if (byKind.registration > 0) {
    f.add(
      'CONFLICT_REGISTRATION',
      `${byKind.registration} active registration(s) by other partners match this customer.`
    );
  }
  if (byKind.opportunity > 0) {
    f.add('CONFLICT_OPEN_OPPORTUNITY', `${byKind.opportunity} open opportunity(ies) match this customer.`);
  }
  if (byKind.account > 0) {
    f.add(
      'CONFLICT_DIRECT_TOUCH',
      `${byKind.account} account(s) with recent direct activity match this customer.`
    );
  }
  const own = assessed.filter((a) => a.role === 'own-duplicate');
  if (own.length > 0) {
    f.add(
      'DUPLICATE_OWN_REGISTRATION',
      `${own.length} earlier active registration(s) by the same partner match (${own.map((o) => o.candidate.id).join(', ')}).`
    );
  }
  const near = assessed.filter((a) => a.role === 'near-miss');
  if (conflicts.length === 0 && near.length > 0) {
    const top = near[0] as AssessedCandidate;
    f.add(
      'POSSIBLE_MATCH',
      `Closest record ${top.candidate.id} (${top.candidate.kind}) has similarity ${top.similarity.toFixed(2)}, below the conflict threshold; check it is a different company.`
    );
  }
  const known = assessed.filter((a) => a.role === 'known-account');
  if (known.length > 0) {
    f.add('EXISTING_ACCOUNT', `Matches account ${(known[0] as AssessedCandidate).candidate.id}.`);
  }
  const candidates = deal.candidates?.length ?? 0;
  const coexisting = assessed.filter((a) => a.role === 'coexisting').length;
  if (conflicts.length === 0 && own.length === 0 && near.length === 0) {
    if (candidates > 0) {
      const other =
        coexisting > 0 && s.exclusivity
          ? ` ${coexisting} record(s) of the same customer are other deals, which exclusivity ${POLICY_WORDS[s.exclusivity]} allows.`
          : '';
      f.add('NO_CONFLICTS', `Checked ${candidates} candidate record(s).${other}`);
    } else {
      f.add('NO_CANDIDATES', 'Salesforce found no similar registrations, opportunities or accounts.');
    }
  }
}

function partnerFit(deal: Deal, s: ResolvedSettings, f: FactorList): void {
  const lim = s.ruleset.data.limits;
  const p = deal.partner;
  if (p.tier) {
    f.add(`TIER_${p.tier}`, `Partner tier ${p.tier}.`);
  }
  if (p.winRate !== undefined && (p.decidedCount ?? 0) >= lim.winRateMinDecisions) {
    const pct = Math.round(p.winRate * 100);
    const detail = `${pct}% of ${p.decidedCount} decided registrations were won.`;
    if (p.winRate >= lim.winRateHigh) f.add('WIN_RATE_HIGH', detail, { pct });
    else if (p.winRate >= lim.winRateGood) f.add('WIN_RATE_GOOD', detail, { pct });
    else if (p.winRate < lim.winRateLow) f.add('WIN_RATE_LOW', detail, { pct });
  } else if (p.winRate !== undefined) {
    f.add('WIN_RATE_FEW_DECISIONS', `${p.decidedCount ?? 0} decided registration(s).`);
  }
  if (p.certifications !== undefined) {
    const count = p.certifications;
    if (count >= lim.certificationsMany)
      f.add('CERTIFIED', 'The partner holds three or more current certifications.', { count });
    else if (count >= 1)
      f.add('CERTIFIED_SOME', 'The partner holds at least one current certification.', { count });
    else f.add('NOT_CERTIFIED', 'The partner holds no current certification.');
  }
  const volume = p.registrationsLast90Days;
  if (volume !== undefined) {
    if (volume > lim.volumeUnusual)
      f.add('VOLUME_UNUSUAL', 'High registration volume can indicate speculative registrations.', {
        count: volume
      });
    else if (volume >= 1) f.add('VOLUME_ACTIVE', 'Regular registration activity.', { count: volume });
  }
  if (p.firstTime) {
    f.add('FIRST_TIME_PARTNER', 'First-time partners get a human review before approval.');
  }
}

function dealQuality(deal: Deal, s: ResolvedSettings, f: FactorList): boolean {
  const lim = s.ruleset.data.limits;
  const opp = deal.opportunity;
  const amount = opp?.amount;
  const avg = deal.partner.averageDealSize;
  if (amount !== undefined && amount > 0 && avg !== undefined && avg > 0) {
    const ratio = amount / avg;
    const r = ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1);
    const detail = `${fmtAmount(amount)} vs average ${fmtAmount(avg)}.`;
    if (ratio >= lim.sizeFarAboveRatio) f.add('SIZE_FAR_ABOVE_TYPICAL', detail, { ratio: r });
    else if (ratio > lim.sizeAboveRatio) f.add('SIZE_ABOVE_TYPICAL', detail, { ratio: r });
    else if (ratio >= lim.sizeTypicalMinRatio) f.add('SIZE_TYPICAL', detail);
  }
  const highValue = amount !== undefined && amount >= s.highValueAmount;
  if (highValue) {
    f.add('HIGH_VALUE', `Value ${fmtAmount(amount)} is at or above ${fmtAmount(s.highValueAmount)}.`);
  }
  if (opp?.closeDate) {
    const from = deal.submittedAt ? deal.submittedAt.slice(0, 10) : s.asOf;
    const days = daysBetween(from, opp.closeDate);
    if (days >= 0 && days < lim.closeDateImminentDays)
      f.add('CLOSE_DATE_IMMINENT', 'Deals registered just before closing are often already in progress.');
    else if (days >= lim.closeDateImminentDays && days <= lim.closeDateRealisticMaxDays)
      f.add('CLOSE_DATE_REALISTIC', `Closes ${days} days after registration.`);
  }
  if ((opp?.products?.length ?? 0) > 0) {
    f.add('PRODUCTS_NAMED', `${opp?.products?.length} product(s) listed.`);
  }
  const n = words(opp?.description);
  if (n >= lim.descriptionMinWords) f.add('DESCRIPTION_DETAILED', `${n} words.`);
  else if (n > 0) f.add('DESCRIPTION_THIN', `${n} word(s); at least ${lim.descriptionMinWords} expected.`);
  return highValue;
}

function confidenceOf(
  triage: TriageStatus,
  score: number,
  s: ResolvedSettings,
  conflicts: Conflict[],
  missing: number,
  nearMisses: number
): Confidence {
  const lim = s.ruleset.data.limits.confidence;
  if (triage === 'FLAGGED_CONFLICT') {
    const top = conflicts[0]?.similarity ?? 0;
    return top >= lim.conflictHighSimilarity
      ? 'HIGH'
      : top >= lim.conflictMediumSimilarity
        ? 'MEDIUM'
        : 'LOW';
  }
  if (missing > 0) return 'HIGH'; // we know exactly what is missing
  const margin = Math.abs(score - s.reviewThreshold);
  let c: Confidence = margin >= lim.marginHigh ? 'HIGH' : margin >= lim.marginMedium ? 'MEDIUM' : 'LOW';
  if (nearMisses > 0 && c === 'HIGH') c = 'MEDIUM';
  return c;
}

/** Scores one deal. Pure and deterministic. */
export function assessDeal(deal: Deal, s: ResolvedSettings): Assessment {
  const f = new FactorList(s.ruleset);
  const partnerNotes: string[] = [];
  const missing = completeness(deal, s, f, partnerNotes);

  const subject = prepareSubject({
    name: deal.customer.name,
    website: deal.customer.website,
    domain: deal.customer.domain,
    contactEmail: deal.contact?.email
  });
  const opp = deal.opportunity;
  const assessed = assessCandidates(
    subject,
    { id: deal.id, partnerId: deal.partner.id },
    deal.candidates ?? [],
    s,
    {
      customerName: deal.customer.name,
      side: {
        opportunityName: opp?.name,
        description: opp?.description,
        products: opp?.products,
        amount: opp?.amount,
        closeDate: opp?.closeDate,
        region: deal.customer.region,
        country: deal.customer.country
      }
    }
  );
  conflictFactors(deal, assessed, f, s);
  partnerFit(deal, s, f);
  const highValue = dealQuality(deal, s, f);

  const factors = f.sorted();
  let total = s.ruleset.data.baseScore;
  for (const x of factors) total += x.points;
  const confidenceScore = Math.max(0, Math.min(100, Math.round(total)));

  const conflicts: Conflict[] = assessed
    .filter((a) => a.role === 'conflict')
    .map((a) => ({
      candidateId: a.candidate.id,
      kind: a.candidate.kind,
      similarity: a.similarity,
      reasons: a.reasons,
      ...(a.deal ? { deal: a.deal } : {})
    }));
  const nearMisses = assessed.filter((a) => a.role === 'near-miss').length;

  let triageStatus: TriageStatus;
  let recommendedAction: RecommendedAction;
  if (conflicts.length > 0) {
    triageStatus = 'FLAGGED_CONFLICT';
    recommendedAction = 'REVIEW_CONFLICT';
  } else if (missing.length > 0) {
    triageStatus = 'NEEDS_REVIEW';
    recommendedAction = 'REQUEST_MORE_INFO';
  } else if (confidenceScore < s.reviewThreshold) {
    triageStatus = 'NEEDS_REVIEW';
    recommendedAction = 'ROUTE_FOR_REVIEW';
  } else {
    triageStatus = 'AUTO_APPROVED';
    recommendedAction = 'AUTO_APPROVE';
  }

  return {
    dealId: deal.id,
    confidenceScore,
    triageStatus,
    confidence: confidenceOf(triageStatus, confidenceScore, s, conflicts, missing.length, nearMisses),
    recommendedAction,
    factors,
    conflicts,
    missingFields: missing.map((r) => r.field),
    missingLabels: missing.map((r) => r.label),
    partnerNotes,
    ownDuplicates: assessed.filter((a) => a.role === 'own-duplicate').length,
    nearMisses,
    highValue
  };
}
