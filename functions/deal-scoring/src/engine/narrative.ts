/**
 * Rationale (internal, for channel managers) and partner message (safe to show the partner).
 *
 * scoreRequest() calls one Narrator per deal. The default is the deterministic template narrator
 * below; an LLM narrator can wrap it (and must fall back to it). Whatever a narrator returns, the
 * partner message is checked by isPartnerSafe() and replaced by the template when it could leak
 * another partner's data.
 */
import type { Deal, Explanation } from '../schemas';
import type { Assessment } from './assess';
import type { ResolvedSettings } from './settings';

export interface NarrativeInput {
  deal: Deal;
  assessment: Assessment;
  settings: ResolvedSettings;
}

export interface Narrative {
  rationale: string;
  partnerMessage: string;
  explanation: Explanation;
}

export type Narrator = (input: NarrativeInput) => Narrative | Promise<Narrative>;

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`;
}

/** Internal rationale: the decision, the strongest factors either way, and the conflicts. */
export function templateRationale({ assessment: a, settings: s }: NarrativeInput): string {
  const parts: string[] = [];
  parts.push(
    `Score ${a.confidenceScore}/100 (review threshold ${s.reviewThreshold}): ${a.triageStatus} with ${a.confidence} confidence; recommended action ${a.recommendedAction}.`
  );
  const byImpact = [...a.factors].sort((x, y) => Math.abs(y.points) - Math.abs(x.points));
  const up = byImpact.filter((f) => f.points > 0).slice(0, 3);
  const down = byImpact.filter((f) => f.points < 0).slice(0, 4);
  const strip = (label: string) => label.replace(/^Score (raised|lowered): /, '');
  if (up.length > 0)
    parts.push(`In favour: ${up.map((f) => `${strip(f.label)} (${signed(f.points)})`).join('; ')}.`);
  if (down.length > 0)
    parts.push(`Against: ${down.map((f) => `${strip(f.label)} (${signed(f.points)})`).join('; ')}.`);
  if (a.conflicts.length > 0) {
    const shown = a.conflicts
      .slice(0, 3)
      .map((c) => `${c.kind} ${c.candidateId} at ${c.similarity.toFixed(2)} (${c.reasons.join('; ')})`);
    const more = a.conflicts.length > 3 ? ` and ${a.conflicts.length - 3} more` : '';
    parts.push(`Conflicts: ${shown.join(' | ')}${more}.`);
  }
  if (a.missingFields.length > 0) parts.push(`Missing required fields: ${a.missingFields.join(', ')}.`);
  if (a.highValue) parts.push('High-value deal: needs a human decision even in live mode.');
  return parts.join(' ');
}

/** Partner message: what happens next and what the partner can do. Never mentions other records. */
export function templatePartnerMessage({ deal, assessment: a, settings }: NarrativeInput): string {
  const customer = deal.customer.name;
  const notes = a.partnerNotes.length > 0 ? ` Please check: ${list(a.partnerNotes)}.` : '';
  switch (a.recommendedAction) {
    case 'AUTO_APPROVE':
      return `Thank you. Your registration for ${customer} passed our automated checks and is being processed.${notes}`;
    case 'REQUEST_MORE_INFO':
      return `Your registration for ${customer} needs a few more details before it can be reviewed: please add the ${list(a.missingLabels)}.${notes}`;
    case 'REVIEW_CONFLICT':
      // The programme's exclusivity says what overlapped; never which record or partner.
      if (settings.exclusivity === 'PRODUCT_LINE')
        return `Your registration for ${customer} overlaps with existing activity for this customer and product line, so a channel manager will review it. We will contact you if we need more details.${notes}`;
      if (settings.exclusivity === 'OPPORTUNITY')
        return `Your registration for ${customer} looks like an opportunity that is already registered or being worked, so a channel manager will review it. We will contact you if we need more details.${notes}`;
      return `Your registration for ${customer} overlaps with existing activity for this customer, so a channel manager will review it. We will contact you if we need more details.${notes}`;
    case 'ROUTE_FOR_REVIEW':
    default:
      return `Your registration for ${customer} has been sent to a channel manager for review. You will hear back within the review period.${notes}`;
  }
}

/** The deterministic narrator (engine "template"). */
export const templateNarrator: Narrator = (input) => ({
  rationale: templateRationale(input),
  partnerMessage: templatePartnerMessage(input),
  explanation: { engine: 'template', fallback: false }
});

/**
 * False when the message mentions anything the partner must not see: another record's id,
 * another partner's id, or a candidate's name that the partner did not type themselves.
 */
export function isPartnerSafe(message: string, deal: Deal): boolean {
  const text = message.toLowerCase();
  const own = deal.customer.name.toLowerCase();
  for (const c of deal.candidates ?? []) {
    if (c.kind === 'registration' && c.partnerId === deal.partner.id) continue;
    const needles = [c.id, c.partnerId];
    if (!own.includes(c.name.toLowerCase())) needles.push(c.name);
    for (const n of needles) {
      if (n && n.trim().length >= 3 && text.includes(n.trim().toLowerCase())) return false;
    }
  }
  return true;
}
