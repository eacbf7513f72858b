// "Does the text support this value?" — the check every model-proposed field must pass before it
// reaches a partner's form. A value the source text does not contain (or, for dates and money,
// does not state in some recognisable form) is dropped.
import { findDates } from './dates';
import { findMoney } from './money';
import { looksLikePhone } from './masking';
import type { ParseFieldName } from './schemas';

/** Lower case, accents off, punctuation to spaces, whitespace collapsed. */
export function normalizeForMatch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.+-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Sentences that address the reader or a system rather than describe a deal ("ignore previous
// instructions", "should be approved immediately").
const INSTRUCTION_RE =
  /\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(?:instructions?|prompts?|rules?|above|previous|prior)\b|\b(?:system prompt|you must|you should|as an ai|assistant:|developer mode|jailbreak)\b|\b(?:approve|approved|accept|accepted|reject|rejected|deny)\b[^.!?\n]{0,30}\b(?:immediately|right away|at once|automatically|without (?:a )?review)\b/i;

/** True when the text contains a sentence that reads as an instruction. */
export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_RE.test(text);
}

export class SourceText {
  private readonly norm: string;
  private readonly lower: string;
  private readonly amounts: number[];
  private readonly currencies: Set<string>;
  private readonly dates: Set<string>;
  private readonly phoneDigits: Set<string>;

  constructor(
    readonly text: string,
    ref: Date,
    /** Values the built-in extractor derived (e.g. a month-end close date) count as supported. */
    private readonly derived: Partial<Record<ParseFieldName, unknown>> = {}
  ) {
    this.norm = ` ${normalizeForMatch(text)} `;
    this.lower = text.toLowerCase();
    const money = findMoney(text);
    this.amounts = money.map((m) => m.amount);
    // A bare number ("Amount: 275000") supports an amount only when it is large enough to be money
    // and is not a year; "score 100" never does.
    for (const m of text.matchAll(/(?<![\w.,])\d[\d,']*\d(?![\w])/g)) {
      const n = Number(m[0].replace(/[,']/g, ''));
      if (Number.isFinite(n) && n >= 1000 && !(n >= 1900 && n <= 2100)) this.amounts.push(n);
    }
    this.currencies = new Set(money.map((m) => m.currency).filter((c): c is string => Boolean(c)));
    for (const m of text.matchAll(/\b[A-Z]{3}\b/g)) this.currencies.add(m[0]);
    this.dates = new Set(findDates(text, ref).map((d) => d.date));
    for (const m of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) this.dates.add(m[0]);
    this.phoneDigits = new Set();
    for (const m of text.matchAll(/(?:\+|00)?\(?\d[\d ().\-/]{5,24}\d/g)) {
      if (looksLikePhone(m[0])) this.phoneDigits.add(m[0].replace(/\D/g, ''));
    }
  }

  containsPhrase(value: string): boolean {
    const v = normalizeForMatch(value);
    return v.length > 0 && this.norm.includes(` ${v} `);
  }

  supports(field: ParseFieldName, value: unknown): boolean {
    if (value === undefined || value === null) return false;
    if (this.derived[field] !== undefined && JSON.stringify(this.derived[field]) === JSON.stringify(value)) {
      return true;
    }
    switch (field) {
      case 'customerName':
      case 'opportunityName':
      case 'contactTitle':
        return typeof value === 'string' && this.containsPhrase(value);
      case 'contactName': {
        if (typeof value !== 'string') return false;
        if (this.containsPhrase(value)) return true;
        // "Jane Doe" from jane.doe@acme.com
        const parts = normalizeForMatch(value).split(' ');
        return parts.length === 2 && this.lower.includes(`${parts[0]}.${parts[1]}@`);
      }
      case 'customerDomain':
      case 'contactEmail':
        return typeof value === 'string' && value.length > 3 && this.lower.includes(value.toLowerCase());
      case 'contactPhone': {
        const digits = String(value).replace(/\D/g, '');
        return digits.length >= 7 && this.phoneDigits.has(digits);
      }
      case 'amount':
        return (
          typeof value === 'number' &&
          this.amounts.some((a) => Math.abs(a - value) <= Math.max(0.01, value * 0.005))
        );
      case 'currency':
        return typeof value === 'string' && this.currencies.has(value);
      case 'closeDate':
        return typeof value === 'string' && this.dates.has(value);
      case 'products':
        return Array.isArray(value) && value.every((p) => typeof p === 'string' && this.containsPhrase(p));
      case 'summary':
        return typeof value === 'string';
      default:
        return false;
    }
  }
}
