/**
 * The deterministic rules: one deal in, score / triage / factors / conflicts out. No clock, no
 * randomness, no I/O: the same deal and settings always give the same assessment.
 *
 * The score starts at BASE_SCORE and every rule that fires adds a factor with signed points and a
 * sentence. Categories: COMPLETENESS, CONFLICT, PARTNER_FIT, DEAL_QUALITY.
 */
import type { Conflict, Deal, Factor, FactorCategory, RecommendedAction, TriageStatus } from '../schemas';
import { isFreeMailDomain } from '../matching/domains';
import { prepareSubject } from '../matching/match';
import { assessCandidates, type AssessedCandidate } from './conflicts';
import { daysBetween } from './dates';
import { checkFields, type FieldRule } from './fields';
import type { ResolvedSettings } from './settings';

export const BASE_SCORE = 50;
/** Amounts at or above this are implausible for a partner-sourced deal. */
export const ABSURD_AMOUNT = 50_000_000;
/** Customers at or above this size should not be registered with a free-mail contact. */
export const LARGE_CUSTOMER_EMPLOYEES = 500;
export const DESCRIPTION_MIN_WORDS = 15;

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
  add(code: string, category: FactorCategory, points: number, what: string, detail: string): void {
    const prefix = points > 0 ? 'Score raised' : points < 0 ? 'Score lowered' : 'Noted';
    this.items.push({ code, category, label: `${prefix}: ${what}`, points, detail });
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
  const fields = checkFields(deal);
  for (const rule of fields.missingRequired) {
    f.add(
      `MISSING_${rule.field.replace('.', '_').toUpperCase()}`,
      'COMPLETENESS',
      -8,
      `no ${rule.label}`,
      `Required field ${rule.field} is missing.`
    );
  }
  if (fields.missingRequired.length === 0) {
    f.add(
      'REQUIRED_FIELDS_COMPLETE',
      'COMPLETENESS',
      10,
      'all required fields present',
      'Customer, value, close date and contact are all given.'
    );
  }
  const helpfulPresent = fields.helpfulTotal - fields.missingHelpful.length;
  const helpfulPoints = Math.round((8 * helpfulPresent) / fields.helpfulTotal);
  f.add(
    'HELPFUL_FIELDS',
    'COMPLETENESS',
    helpfulPoints,
    `${helpfulPresent} of ${fields.helpfulTotal} helpful fields given`,
    fields.missingHelpful.length > 0
      ? `Missing: ${fields.missingHelpful.map((r) => r.field).join(', ')}.`
      : 'Every helpful field is given.'
  );

  const opp = deal.opportunity;
  if (opp?.closeDate) {
    const days = daysBetween(s.asOf, opp.closeDate);
    if (days < 0) {
      f.add(
        'CLOSE_DATE_PAST',
        'COMPLETENESS',
        -12,
        'expected close date is in the past',
        `Close date ${opp.closeDate} is ${-days} days before ${s.asOf}.`
      );
      notes.push('the expected close date is in the past');
    } else if (days > 730) {
      f.add(
        'CLOSE_DATE_TOO_FAR',
        'COMPLETENESS',
        -8,
        'expected close date is more than two years out',
        `Close date ${opp.closeDate} is ${days} days after ${s.asOf}.`
      );
      notes.push('the expected close date is more than two years away');
    }
  }
  if (opp?.amount !== undefined) {
    if (opp.amount === 0) {
      f.add(
        'AMOUNT_ZERO',
        'COMPLETENESS',
        -10,
        'deal value is zero',
        'A registered deal needs an estimated value.'
      );
      notes.push('the deal value is zero');
    } else if (opp.amount >= ABSURD_AMOUNT) {
      f.add(
        'AMOUNT_IMPLAUSIBLE',
        'COMPLETENESS',
        -10,
        'deal value is implausibly large',
        `Value ${fmtAmount(opp.amount)} is at or above ${fmtAmount(ABSURD_AMOUNT)}.`
      );
      notes.push('the deal value looks unusually large; please double-check it');
    }
  }
  const email = deal.contact?.email;
  if (email && isFreeMailDomain(email)) {
    const large =
      (deal.customer.employees ?? 0) >= LARGE_CUSTOMER_EMPLOYEES || (opp?.amount ?? 0) >= s.highValueAmount;
    if (large) {
      f.add(
        'FREE_MAIL_CONTACT',
        'COMPLETENESS',
        -6,
        'free-mail contact for a large customer',
        'The customer contact uses a free-mail address; large customers are expected to use their company domain.'
      );
      notes.push("please give the contact's business email address");
    } else {
      f.add(
        'FREE_MAIL_CONTACT_SMALL',
        'COMPLETENESS',
        -2,
        'free-mail contact address',
        'The customer contact uses a free-mail address.'
      );
    }
  }
  return fields.missingRequired;
}

function conflictFactors(deal: Deal, assessed: AssessedCandidate[], f: FactorList): void {
  const conflicts = assessed.filter((a) => a.role === 'conflict');
  const byKind = { registration: 0, opportunity: 0, account: 0 };
  for (const c of conflicts) byKind[c.candidate.kind]++;
  if (byKind.registration > 0) {
    f.add(
      'CONFLICT_REGISTRATION',
      'CONFLICT',
      -15,
      "another partner's active registration for this customer",
      `${byKind.registration} active registration(s) by other partners match this customer.`
    );
  }
  if (byKind.opportunity > 0) {
    f.add(
      'CONFLICT_OPEN_OPPORTUNITY',
      'CONFLICT',
      -15,
      'open opportunity for this customer',
      `${byKind.opportunity} open opportunity(ies) match this customer.`
    );
  }
  if (byKind.account > 0) {
    f.add(
      'CONFLICT_DIRECT_TOUCH',
      'CONFLICT',
      -10,
      'recent direct sales activity with this customer',
      `${byKind.account} account(s) with recent direct activity match this customer.`
    );
  }
  const own = assessed.filter((a) => a.role === 'own-duplicate');
  if (own.length > 0) {
    f.add(
      'DUPLICATE_OWN_REGISTRATION',
      'CONFLICT',
      -8,
      'the partner already registered this customer',
      `${own.length} earlier active registration(s) by the same partner match (${own.map((o) => o.candidate.id).join(', ')}).`
    );
  }
  const near = assessed.filter((a) => a.role === 'near-miss');
  if (conflicts.length === 0 && near.length > 0) {
    const top = near[0] as AssessedCandidate;
    f.add(
      'POSSIBLE_MATCH',
      'CONFLICT',
      -3,
      'a similar customer exists',
      `Closest record ${top.candidate.id} (${top.candidate.kind}) has similarity ${top.similarity.toFixed(2)}, below the conflict threshold; check it is a different company.`
    );
  }
  const known = assessed.filter((a) => a.role === 'known-account');
  if (known.length > 0) {
    f.add(
      'EXISTING_ACCOUNT',
      'CONFLICT',
      0,
      'customer is an existing account without recent direct activity',
      `Matches account ${(known[0] as AssessedCandidate).candidate.id}.`
    );
  }
  const candidates = deal.candidates?.length ?? 0;
  if (conflicts.length === 0 && own.length === 0 && near.length === 0) {
    if (candidates > 0) {
      f.add(
        'NO_CONFLICTS',
        'CONFLICT',
        5,
        'no conflicting registrations or opportunities',
        `Checked ${candidates} candidate record(s).`
      );
    } else {
      f.add(
        'NO_CANDIDATES',
        'CONFLICT',
        0,
        'no candidate records were supplied',
        'Salesforce found no similar registrations, opportunities or accounts.'
      );
    }
  }
}

const TIER_POINTS: Record<string, number> = { PLATINUM: 8, GOLD: 5, SILVER: 2, REGISTERED: 0 };

function partnerFit(deal: Deal, f: FactorList): void {
  const p = deal.partner;
  if (p.tier) {
    f.add(
      `TIER_${p.tier}`,
      'PARTNER_FIT',
      TIER_POINTS[p.tier] ?? 0,
      `${p.tier.toLowerCase()} partner`,
      `Partner tier ${p.tier}.`
    );
  }
  if (p.winRate !== undefined && (p.decidedCount ?? 0) >= 5) {
    const pct = Math.round(p.winRate * 100);
    if (p.winRate >= 0.6)
      f.add(
        'WIN_RATE_HIGH',
        'PARTNER_FIT',
        6,
        `high historical win rate (${pct}%)`,
        `${pct}% of ${p.decidedCount} decided registrations were won.`
      );
    else if (p.winRate >= 0.4)
      f.add(
        'WIN_RATE_GOOD',
        'PARTNER_FIT',
        3,
        `solid historical win rate (${pct}%)`,
        `${pct}% of ${p.decidedCount} decided registrations were won.`
      );
    else if (p.winRate < 0.2)
      f.add(
        'WIN_RATE_LOW',
        'PARTNER_FIT',
        -6,
        `low historical win rate (${pct}%)`,
        `${pct}% of ${p.decidedCount} decided registrations were won.`
      );
  } else if (p.winRate !== undefined) {
    f.add(
      'WIN_RATE_FEW_DECISIONS',
      'PARTNER_FIT',
      0,
      'too few decided registrations to judge the win rate',
      `${p.decidedCount ?? 0} decided registration(s).`
    );
  }
  if (p.certifications !== undefined) {
    if (p.certifications >= 3)
      f.add(
        'CERTIFIED',
        'PARTNER_FIT',
        4,
        `${p.certifications} current certifications`,
        'The partner holds three or more current certifications.'
      );
    else if (p.certifications >= 1)
      f.add(
        'CERTIFIED_SOME',
        'PARTNER_FIT',
        2,
        `${p.certifications} current certification(s)`,
        'The partner holds at least one current certification.'
      );
    else
      f.add(
        'NOT_CERTIFIED',
        'PARTNER_FIT',
        -2,
        'no current certifications',
        'The partner holds no current certification.'
      );
  }
  const volume = p.registrationsLast90Days;
  if (volume !== undefined) {
    if (volume > 50)
      f.add(
        'VOLUME_UNUSUAL',
        'PARTNER_FIT',
        -4,
        `unusually many registrations (${volume} in 90 days)`,
        'High registration volume can indicate speculative registrations.'
      );
    else if (volume >= 1)
      f.add(
        'VOLUME_ACTIVE',
        'PARTNER_FIT',
        2,
        `active partner (${volume} registrations in 90 days)`,
        'Regular registration activity.'
      );
  }
  if (p.firstTime) {
    f.add(
      'FIRST_TIME_PARTNER',
      'PARTNER_FIT',
      -6,
      "partner's first registration",
      'First-time partners get a human review before approval.'
    );
  }
}

function dealQuality(deal: Deal, s: ResolvedSettings, f: FactorList): boolean {
  const opp = deal.opportunity;
  const amount = opp?.amount;
  const avg = deal.partner.averageDealSize;
  if (amount !== undefined && amount > 0 && avg !== undefined && avg > 0) {
    const ratio = amount / avg;
    const r = ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1);
    if (ratio >= 10)
      f.add(
        'SIZE_FAR_ABOVE_TYPICAL',
        'DEAL_QUALITY',
        -8,
        `deal is ${r}x the partner's typical size`,
        `${fmtAmount(amount)} vs average ${fmtAmount(avg)}.`
      );
    else if (ratio > 4)
      f.add(
        'SIZE_ABOVE_TYPICAL',
        'DEAL_QUALITY',
        -4,
        `deal is ${r}x the partner's typical size`,
        `${fmtAmount(amount)} vs average ${fmtAmount(avg)}.`
      );
    else if (ratio >= 0.25)
      f.add(
        'SIZE_TYPICAL',
        'DEAL_QUALITY',
        3,
        "deal size in line with the partner's history",
        `${fmtAmount(amount)} vs average ${fmtAmount(avg)}.`
      );
  }
  const highValue = amount !== undefined && amount >= s.highValueAmount;
  if (highValue) {
    f.add(
      'HIGH_VALUE',
      'DEAL_QUALITY',
      0,
      'high-value deal: a human approves it even in live mode',
      `Value ${fmtAmount(amount)} is at or above ${fmtAmount(s.highValueAmount)}.`
    );
  }
  if (opp?.closeDate) {
    const from = deal.submittedAt ? deal.submittedAt.slice(0, 10) : s.asOf;
    const days = daysBetween(from, opp.closeDate);
    if (days >= 0 && days < 14)
      f.add(
        'CLOSE_DATE_IMMINENT',
        'DEAL_QUALITY',
        -4,
        'closes within two weeks of registration',
        'Deals registered just before closing are often already in progress.'
      );
    else if (days >= 14 && days <= 365)
      f.add(
        'CLOSE_DATE_REALISTIC',
        'DEAL_QUALITY',
        4,
        'realistic close date',
        `Closes ${days} days after registration.`
      );
  }
  if ((opp?.products?.length ?? 0) > 0) {
    f.add(
      'PRODUCTS_NAMED',
      'DEAL_QUALITY',
      3,
      'products named',
      `${opp?.products?.length} product(s) listed.`
    );
  }
  const n = words(opp?.description);
  if (n >= DESCRIPTION_MIN_WORDS)
    f.add('DESCRIPTION_DETAILED', 'DEAL_QUALITY', 4, 'substantive description', `${n} words.`);
  else if (n > 0)
    f.add(
      'DESCRIPTION_THIN',
      'DEAL_QUALITY',
      -2,
      'very short description',
      `${n} word(s); at least ${DESCRIPTION_MIN_WORDS} expected.`
    );
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
  if (triage === 'FLAGGED_CONFLICT') {
    const top = conflicts[0]?.similarity ?? 0;
    return top >= 0.95 ? 'HIGH' : top >= 0.88 ? 'MEDIUM' : 'LOW';
  }
  if (missing > 0) return 'HIGH'; // we know exactly what is missing
  const margin = Math.abs(score - s.reviewThreshold);
  let c: Confidence = margin >= 15 ? 'HIGH' : margin >= 6 ? 'MEDIUM' : 'LOW';
  if (nearMisses > 0 && c === 'HIGH') c = 'MEDIUM';
  return c;
}

/** Scores one deal. Pure and deterministic. */
export function assessDeal(deal: Deal, s: ResolvedSettings): Assessment {
  const f = new FactorList();
  const partnerNotes: string[] = [];
  const missing = completeness(deal, s, f, partnerNotes);

  const subject = prepareSubject({
    name: deal.customer.name,
    website: deal.customer.website,
    domain: deal.customer.domain,
    contactEmail: deal.contact?.email
  });
  const assessed = assessCandidates(
    subject,
    { id: deal.id, partnerId: deal.partner.id },
    deal.candidates ?? [],
    s
  );
  conflictFactors(deal, assessed, f);
  partnerFit(deal, f);
  const highValue = dealQuality(deal, s, f);

  const factors = f.sorted();
  let total = BASE_SCORE;
  for (const x of factors) total += x.points;
  const confidenceScore = Math.max(0, Math.min(100, Math.round(total)));

  const conflicts: Conflict[] = assessed
    .filter((a) => a.role === 'conflict')
    .map((a) => ({
      candidateId: a.candidate.id,
      kind: a.candidate.kind,
      similarity: a.similarity,
      reasons: a.reasons
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
