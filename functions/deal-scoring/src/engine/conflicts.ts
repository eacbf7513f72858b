/**
 * Classifies each candidate record against the deal: a conflict (another partner's active
 * registration, an open opportunity, or a recent direct touch on the account), the same
 * partner's own earlier registration (a duplicate, not a conflict), a near miss, or unrelated.
 *
 * When the request names the programme's exclusivity (settings.exclusivity), every candidate
 * registration or opportunity of the same customer is also compared as a deal (src/deal/) and the
 * policy decides what blocks: CUSTOMER any of them (the comparison is only shown), PRODUCT_LINE one
 * that shares a product (or whose products are unknown), OPPORTUNITY one that looks like the same
 * deal. The others, and recent direct activity on the account under the two narrower policies,
 * are "coexisting": the same customer, another deal.
 */
import type { Candidate, DealComparison } from '../schemas';
import { matchPrepared, prepareCandidate, similarityPrepared, type MatchSubject } from '../matching/match';
import { normalizeName } from '../matching/normalize';
import { compareDeals, type DealSide } from '../deal/similarity';
import { daysBetween } from './dates';
import type { ResolvedSettings } from './settings';

export type CandidateRole =
  | 'conflict'
  | 'own-duplicate'
  | 'near-miss'
  | 'known-account'
  | 'coexisting'
  | 'unrelated';

export interface AssessedCandidate {
  candidate: Candidate;
  similarity: number;
  reasons: string[];
  role: CandidateRole;
  /** The deal comparison (only when the request names the programme's exclusivity). */
  deal?: DealComparison;
}

/** The deal being scored, as the deal comparison sees it. */
export interface SubjectDeal {
  customerName: string;
  side: DealSide;
}

const INACTIVE_REGISTRATION = new Set(['draft', 'rejected', 'expired', 'withdrawn', 'cancelled', 'canceled']);

function isRecent(date: string | undefined, settings: ResolvedSettings): boolean {
  if (!date) return false;
  return daysBetween(date, settings.asOf) <= settings.protectionDays;
}

/** Why this candidate blocks the deal if it is the same customer, or undefined when it does not. */
function conflictBasis(c: Candidate, settings: ResolvedSettings): string | undefined {
  const status = c.status?.trim().toLowerCase();
  switch (c.kind) {
    case 'registration':
      if (status) {
        return INACTIVE_REGISTRATION.has(status)
          ? undefined
          : `active registration of another partner (${c.status})`;
      }
      // No status sent: judge by age; an undated registration is treated as active (a human looks).
      if (!c.createdAt || isRecent(c.createdAt, settings))
        return 'registration of another partner (status unknown)';
      return undefined;
    case 'opportunity':
      return status?.startsWith('closed') ? undefined : `open opportunity${c.status ? ` (${c.status})` : ''}`;
    case 'account':
      return isRecent(c.lastActivityAt, settings)
        ? `direct sales activity within ${settings.protectionDays} days (last ${c.lastActivityAt?.slice(0, 10)})`
        : undefined;
  }
}

function isOwnRegistration(c: Candidate, partnerId: string): boolean {
  return c.kind === 'registration' && c.partnerId === partnerId;
}

function candidateSide(c: Candidate): DealSide {
  return {
    opportunityName: c.opportunityName,
    description: c.description,
    products: c.products,
    amount: c.amount,
    closeDate: c.closeDate,
    region: c.region,
    country: c.country
  };
}

function echo(c: Candidate): DealComparison['candidate'] {
  const out: DealComparison['candidate'] = {};
  if (c.opportunityName !== undefined) out.opportunityName = c.opportunityName;
  if (c.products !== undefined) out.products = c.products;
  if (c.amount !== undefined) out.amount = c.amount;
  if (c.closeDate !== undefined) out.closeDate = c.closeDate;
  if (c.region !== undefined) out.region = c.region;
  if (c.country !== undefined) out.country = c.country;
  return out;
}

/** Words of the customer's name: every record of this customer names it, so they say nothing about the deal. */
function customerWords(name: string): Set<string> {
  const words = new Set(normalizeName(name).tokens);
  for (const w of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
  return words;
}

/** Compares the same-customer candidates as deals and applies the programme's exclusivity. */
function applyPolicy(out: AssessedCandidate[], subject: SubjectDeal, settings: ResolvedSettings): void {
  const policy = settings.exclusivity;
  if (!policy) return;
  const compared = out.filter(
    (a) => (a.role === 'conflict' || a.role === 'own-duplicate') && a.candidate.kind !== 'account'
  );
  const comparisons = compareDeals(
    subject.side,
    compared.map((a) => candidateSide(a.candidate)),
    settings.catalog ?? [],
    customerWords(subject.customerName)
  );
  compared.forEach((a, i) => {
    const c = comparisons[i];
    if (!c) return;
    a.deal = {
      score: c.score,
      sameDeal: c.sameDeal,
      sharedProducts: c.sharedProducts,
      reasons: c.reasons,
      candidate: echo(a.candidate)
    };
    if (policy === 'PRODUCT_LINE') {
      const known = (subject.side.products?.length ?? 0) > 0 && (a.candidate.products?.length ?? 0) > 0;
      if (!known) a.reasons.push('product line unknown on one side');
      else if (c.sharedProducts.length > 0)
        a.reasons.push(`same product line: ${c.sharedProducts.join(', ')}`);
      else {
        a.role = 'coexisting';
        a.reasons.push('other product line');
      }
    } else if (policy === 'OPPORTUNITY') {
      if (c.sameDeal) a.reasons.push(`same deal likely (${c.score.toFixed(2)})`);
      else {
        a.role = 'coexisting';
        a.reasons.push(`another deal (${c.score.toFixed(2)})`);
      }
    }
  });
  if (policy !== 'CUSTOMER') {
    for (const a of out) {
      if (a.role === 'conflict' && a.candidate.kind === 'account') {
        a.role = 'coexisting';
        a.reasons.push('account activity does not name a deal');
      }
    }
  }
}

/** Assesses every candidate; result sorted by similarity (desc) then candidate id (asc). */
export function assessCandidates(
  subject: MatchSubject,
  deal: { id?: string; partnerId?: string },
  candidates: readonly Candidate[],
  settings: ResolvedSettings,
  subjectDeal?: SubjectDeal
): AssessedCandidate[] {
  const out: AssessedCandidate[] = [];
  const NEAR_MISS_FLOOR = settings.ruleset.data.limits.nearMissFloor;
  for (const candidate of candidates) {
    if (deal.id !== undefined && candidate.id === deal.id) continue; // the deal itself
    const prepared = prepareCandidate(candidate);
    // Reasons are only worded for candidates that can matter (most candidates are unrelated).
    const quick = similarityPrepared(subject, prepared);
    const match =
      quick >= Math.min(NEAR_MISS_FLOOR, settings.conflictThreshold)
        ? matchPrepared(subject, prepared)
        : { similarity: quick, reasons: [] as string[] };
    const reasons = [...match.reasons];
    let role: CandidateRole = 'unrelated';
    const same = match.similarity >= settings.conflictThreshold;
    if (deal.partnerId !== undefined && isOwnRegistration(candidate, deal.partnerId)) {
      const status = candidate.status?.trim().toLowerCase();
      if (same && !(status && INACTIVE_REGISTRATION.has(status))) {
        role = 'own-duplicate';
        reasons.push('earlier registration by the same partner');
      }
    } else if (match.similarity >= Math.min(NEAR_MISS_FLOOR, settings.conflictThreshold)) {
      const basis = conflictBasis(candidate, settings);
      if (same && basis) {
        role = 'conflict';
        reasons.push(basis);
      } else if (same && candidate.kind === 'account') {
        role = 'known-account';
      } else if (basis && match.similarity >= NEAR_MISS_FLOOR) {
        role = 'near-miss';
      }
    }
    out.push({ candidate, similarity: match.similarity, reasons, role });
  }
  if (subjectDeal) applyPolicy(out, subjectDeal, settings);
  out.sort((a, b) =>
    b.similarity !== a.similarity
      ? b.similarity - a.similarity
      : a.candidate.id < b.candidate.id
        ? -1
        : a.candidate.id > b.candidate.id
          ? 1
          : 0
  );
  return out;
}
