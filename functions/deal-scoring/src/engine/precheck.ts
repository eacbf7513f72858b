/**
 * precheck(): one draft while the partner types. The same field rules and the same matcher as
 * scoring; everything it returns is safe to show the partner (duplicate messages never name
 * another partner or their record details).
 */
import type { Candidate, PrecheckRequest, PrecheckResponse } from '../schemas';
import { isFreeMailDomain } from '../matching/domains';
import { prepareSubject } from '../matching/match';
import { assessCandidates, type AssessedCandidate } from './conflicts';
import { daysBetween, todayUtc } from './dates';
import { checkFields } from './fields';
import { resolveSettings } from './settings';

function duplicateMessage(a: AssessedCandidate): string {
  if (a.role === 'own-duplicate')
    return 'You have already registered a deal for this customer; consider updating that registration instead.';
  const kind: Candidate['kind'] = a.candidate.kind;
  if (kind === 'registration') return 'A registration for this customer already exists and is under review.';
  if (kind === 'opportunity')
    return 'Our sales team already has an open opportunity with this customer; a channel manager will review the overlap.';
  return 'Our team has been in recent contact with this customer; a channel manager will review the overlap.';
}

export interface PrecheckOptions {
  today?: () => string;
}

export function precheck(req: PrecheckRequest, options: PrecheckOptions = {}): PrecheckResponse {
  const settings = resolveSettings(req.settings, (options.today ?? (() => todayUtc()))());
  const { absurdAmount, descriptionMinWords, largeCustomerEmployees, closeDateTooFarDays } =
    settings.ruleset.data.limits;
  const d = req.draft;
  const fields = checkFields(d);
  const missingFields = [...fields.missingRequired, ...fields.missingHelpful].map((r) => ({
    field: r.field,
    required: r.required,
    hint: r.hint
  }));

  const hints: string[] = [];
  const closeDate = d.opportunity?.closeDate;
  if (closeDate) {
    const days = daysBetween(settings.asOf, closeDate);
    if (days < 0) hints.push('The expected close date is in the past.');
    else if (days > closeDateTooFarDays)
      hints.push('The expected close date is more than two years away; registrations cover near-term deals.');
  }
  const amount = d.opportunity?.amount;
  if (amount === 0) hints.push('The deal value is zero; enter your best estimate.');
  else if (amount !== undefined && amount >= absurdAmount)
    hints.push('The deal value looks unusually large; please double-check it.');
  const email = d.contact?.email;
  if (email && isFreeMailDomain(email)) {
    const large = (d.customer?.employees ?? 0) >= largeCustomerEmployees;
    hints.push(
      large
        ? "Use the contact's business email address: free-mail addresses lower the score for large customers."
        : "A business email address at the customer's domain helps us match the customer."
    );
  }
  const description = d.opportunity?.description;
  if (description !== undefined) {
    const words = description.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (words < descriptionMinWords) {
      hints.push(`Add a little more detail to the description (at least ${descriptionMinWords} words).`);
    }
  }

  const duplicates: PrecheckResponse['duplicates'] = [];
  if (d.customer?.name || d.customer?.domain || d.customer?.website) {
    const subject = prepareSubject({
      name: d.customer?.name,
      website: d.customer?.website,
      domain: d.customer?.domain,
      contactEmail: email
    });
    const assessed = assessCandidates(subject, { partnerId: d.partner?.id }, req.candidates ?? [], settings);
    for (const a of assessed) {
      if (a.role !== 'conflict' && a.role !== 'own-duplicate') continue;
      duplicates.push({
        candidateId: a.candidate.id,
        kind: a.candidate.kind,
        similarity: a.similarity,
        message: duplicateMessage(a)
      });
    }
  }

  return {
    completeness: fields.completeness,
    missingFields,
    hints,
    duplicates,
    rulesetVersion: settings.ruleset.rulesetVersion
  };
}
