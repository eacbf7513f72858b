/**
 * Classifies each candidate record against the deal: a conflict (another partner's active
 * registration, an open opportunity, or a recent direct touch on the account), the same
 * partner's own earlier registration (a duplicate, not a conflict), a near miss, or unrelated.
 */
import type { Candidate } from '../schemas';
import { matchPrepared, prepareCandidate, similarityPrepared, type MatchSubject } from '../matching/match';
import { daysBetween } from './dates';
import type { ResolvedSettings } from './settings';

export type CandidateRole = 'conflict' | 'own-duplicate' | 'near-miss' | 'known-account' | 'unrelated';

export interface AssessedCandidate {
  candidate: Candidate;
  similarity: number;
  reasons: string[];
  role: CandidateRole;
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

/** Assesses every candidate; result sorted by similarity (desc) then candidate id (asc). */
export function assessCandidates(
  subject: MatchSubject,
  deal: { id?: string; partnerId?: string },
  candidates: readonly Candidate[],
  settings: ResolvedSettings
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
