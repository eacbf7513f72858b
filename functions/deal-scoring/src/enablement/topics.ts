// Why registrations are sent back, as skills a partner can learn. Each topic is recognised in the
// partner-safe message of a registration sent back (More Info Requested / Rejected) or in the fields
// the scoring found missing, and names the words that find the matching module in the library.
// The `label` is what the "because…" sentence says; the reason text itself is never repeated.

export interface SentBackTopic {
  id: string;
  /** Partner-safe phrase: "sent back for <label>". */
  label: string;
  /** Recognised in the sent-back message (lower-cased, accents removed). */
  patterns: RegExp[];
  /** Contract paths of missing fields that point at this topic. */
  missingFields: string[];
  /** Full-text query against the library (topics, title, summary). */
  query: string;
}

export const SENT_BACK_TOPICS: readonly SentBackTopic[] = [
  {
    id: 'technical-stakeholders',
    label: 'a missing technical contact',
    patterns: [
      /\btechnical (contact|stakeholder|buyer|decision[- ]maker|lead|owner)s?\b/,
      /\b(it|security) (contact|lead|team|stakeholder)s?\b/,
      /\b(cto|cio|architect|it director)\b/
    ],
    missingFields: [],
    query: 'technical stakeholders technical contact architect qualification'
  },
  {
    id: 'customer-contact',
    label: 'missing customer contact details',
    patterns: [
      /\b(contact|buyer)('s)? (email|e-mail|name|details|phone)\b/,
      /\b(decision[- ]maker|economic buyer|sponsor)\b/,
      /\bwho (is|are) the (buyer|contact)\b/
    ],
    missingFields: ['contact.name', 'contact.email'],
    query: 'customer contact decision maker economic buyer sponsor'
  },
  {
    id: 'deal-value',
    label: 'an unclear deal value',
    patterns: [/\b(budget|deal (value|size)|amount|pricing|quote)\b/],
    missingFields: ['opportunity.amount'],
    query: 'deal sizing budget pricing value'
  },
  {
    id: 'timeline',
    label: 'an unclear timeline',
    patterns: [/\b(close date|timeline|timing|time ?frame|when .* (buy|decide|sign))\b/],
    missingFields: ['opportunity.closeDate'],
    query: 'close plan timeline mutual plan'
  },
  {
    id: 'customer-details',
    label: 'incomplete customer details',
    patterns: [
      /\b(customer|company) (website|domain|details|address|country|name)\b/,
      /\bwhich (company|customer)\b/
    ],
    missingFields: ['customer.domain', 'customer.country', 'customer.website', 'customer.name'],
    query: 'registration data quality customer details'
  },
  {
    id: 'use-case',
    label: 'an unclear use case',
    patterns: [/\b(use case|business case|pain|requirements?|scope|project description)\b/],
    missingFields: ['opportunity.description'],
    query: 'discovery business case use case requirements'
  },
  {
    id: 'channel-conflict',
    label: 'a customer already registered',
    patterns: [/\b(already registered|duplicate|conflict|another partner|existing opportunity)\b/],
    missingFields: [],
    query: 'channel conflict rules of engagement register early'
  }
];

/** Lower case, accents removed: the form the patterns are written for. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The topics one sent-back registration points at (each at most once). */
export function topicsOf(reason: string | undefined, missingFields: readonly string[] | undefined): string[] {
  const text = reason ? fold(reason) : '';
  const missing = new Set(missingFields ?? []);
  return SENT_BACK_TOPICS.filter(
    (t) =>
      (text !== '' && t.patterns.some((p) => p.test(text))) || t.missingFields.some((f) => missing.has(f))
  ).map((t) => t.id);
}
