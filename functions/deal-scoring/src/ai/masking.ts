// Personal-data masking for text that leaves the function for a language model.
//
// mask() replaces emails, phone numbers, tax/VAT ids, card numbers (Luhn-checked) and IBANs
// (mod-97-checked) with stable placeholders such as [EMAIL_1]; restore() puts the originals back
// into whatever the model returned. The same value always gets the same placeholder within one
// masking, so the model can still tell that two mentions are the same person.

export type PiiKind = 'IBAN' | 'CARD' | 'EMAIL' | 'TAXID' | 'PHONE';

export interface MaskResult {
  /** The text with every detected value replaced by its placeholder. */
  text: string;
  /** placeholder → original value. */
  map: ReadonlyMap<string, string>;
  /** How many distinct values of each kind were masked (for logs and audit: counts, never values). */
  counts: Record<PiiKind, number>;
}

interface Span {
  start: number;
  end: number;
  kind: PiiKind;
}

const EMAIL_RE =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;
const IBAN_RE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const CARD_RE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
// EU VAT numbers in their usual national shapes, US EIN/SSN, and labelled ids ("Tax ID: …").
const VAT_RE =
  /\b(?:ATU\d{8}|BE0?\d{9}|BG\d{9,10}|CHE[- ]?\d{3}\.?\d{3}\.?\d{3}(?: ?(?:MWST|TVA|IVA))?|CY\d{8}[A-Z]|CZ\d{8,10}|DE ?\d{9}|DK\d{8}|EE\d{9}|EL\d{9}|ES[A-Z0-9]\d{7}[A-Z0-9]|FI\d{8}|FR[A-HJ-NP-Z0-9]{2} ?\d{9}|GB(?:\d{9}|\d{12})|HR\d{11}|HU\d{8}|IE\d[A-Z0-9+*]\d{5}[A-Z]{1,2}|IT\d{11}|LT(?:\d{9}|\d{12})|LU\d{8}|LV\d{11}|MT\d{8}|NL\d{9}B\d{2}|PL\d{10}|PT\d{9}|RO\d{2,10}|SE\d{12}|SI\d{8}|SK\d{10})\b/g;
const US_TAX_RE = /\b(?:\d{2}-\d{7}|\d{3}-\d{2}-\d{4})\b/g;
const LABELLED_TAX_RE =
  /\b(?:VAT(?: (?:no\.?|number|id|reg(?:istration)? no\.?))?|Tax(?: ?ID| number| no\.?)|TIN|EIN|SSN|USt-?IdNr\.?|Steuernummer|Steuer-?Nr\.?|N° TVA|TVA|NIF|CIF|P\.? ?IVA|Partita IVA|SIRE[NT])\s*[:#]?\s*([A-Z]{0,3}[- ]?[0-9][0-9A-Z ./-]{4,20}[0-9A-Z])/gi;
// One greedy character class (no nested quantifiers, so no catastrophic backtracking); looksLikePhone decides.
const PHONE_RE = /(?<![\w+])(?:\+|00)?\(?\d[\d ().\-/]{5,24}\d(?![\w])/g;

/** Luhn checksum, as used by payment card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 must be 1. */
export function ibanValid(iban: string): boolean {
  const compact = iban.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** True when a digit run looks like a phone number rather than a date, an amount or a year. */
export function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  const trimmed = candidate.trim();
  const international = /^(?:\+|00)/.test(trimmed);
  // Dates: 2026-11-20, 20.11.2026, 11/20/2026.
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(trimmed) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(trimmed)) {
    return false;
  }
  // Amounts with thousands separators: 1,200,000 or 1.200.000 or 1 200 000.
  if (!international && /^\d{1,3}(?:[.,' ]\d{3})+$/.test(trimmed)) return false;
  if (!international && !/[\s.\-/()]/.test(trimmed) && digits.length < 9) return false;
  return true;
}

function collect(text: string): Span[] {
  const spans: Span[] = [];
  const push = (re: RegExp, kind: PiiKind, accept: (m: RegExpExecArray) => [number, number] | null): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const range = accept(m);
      if (range) spans.push({ start: range[0], end: range[1], kind });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  const whole = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];
  push(IBAN_RE, 'IBAN', (m) => {
    // The pattern is greedy; shrink from the right until the checksum holds (IBAN followed by a word).
    for (let end = m[0].length; end >= 15; end--) {
      const piece = m[0].slice(0, end).trimEnd();
      if (ibanValid(piece)) return [m.index, m.index + piece.length];
    }
    return null;
  });
  push(CARD_RE, 'CARD', (m) => (luhnValid(m[0].replace(/[ -]/g, '')) ? whole(m) : null));
  push(EMAIL_RE, 'EMAIL', whole);
  push(VAT_RE, 'TAXID', whole);
  push(US_TAX_RE, 'TAXID', whole);
  push(LABELLED_TAX_RE, 'TAXID', (m) => {
    const value = m[1] ?? '';
    const start = m.index + m[0].length - value.length;
    return [start, start + value.length];
  });
  push(PHONE_RE, 'PHONE', (m) => {
    const raw = m[0];
    const trimmed = raw.replace(/[\s.\-/]+$/, '');
    return looksLikePhone(trimmed) ? [m.index, m.index + trimmed.length] : null;
  });
  // Earlier detectors win on overlap (IBAN before card before email ...), then the longer span.
  const order: PiiKind[] = ['IBAN', 'CARD', 'EMAIL', 'TAXID', 'PHONE'];
  spans.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.end - b.start - (a.end - a.start));
  const chosen: Span[] = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    if (chosen.some((c) => s.start < c.end && c.start < s.end)) continue;
    chosen.push(s);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function placeholderPrefix(text: string): string {
  // A text that already contains something shaped like our placeholders gets a salted prefix so that
  // restore() can never confuse the author's text with a placeholder.
  let salt = '';
  for (let i = 0; ; i++) {
    const probe = new RegExp(`\\[(?:IBAN|CARD|EMAIL|TAXID|PHONE)_${salt}\\d`);
    if (!probe.test(text)) return salt;
    salt = `${'x'.repeat(i + 1)}`;
  }
}

/** Replaces personal data in `text` with placeholders. */
export function mask(text: string): MaskResult {
  const spans = collect(text);
  const salt = placeholderPrefix(text);
  const byValue = new Map<string, string>();
  const map = new Map<string, string>();
  const counts: Record<PiiKind, number> = { IBAN: 0, CARD: 0, EMAIL: 0, TAXID: 0, PHONE: 0 };
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    const value = text.slice(s.start, s.end);
    const key = `${s.kind}\u0000${value}`;
    let token = byValue.get(key);
    if (!token) {
      counts[s.kind] += 1;
      token = `[${s.kind}_${salt}${counts[s.kind]}]`;
      byValue.set(key, token);
      map.set(token, value);
    }
    out += text.slice(cursor, s.start) + token;
    cursor = s.end;
  }
  out += text.slice(cursor);
  return { text: out, map, counts };
}

/** Puts the original values back into a string produced from masked text. */
export function restore(text: string, map: ReadonlyMap<string, string>): string {
  if (map.size === 0) return text;
  const tokens = [...map.keys()].map((t) => t.replace(/[[\]]/g, '\\$&'));
  const re = new RegExp(tokens.join('|'), 'g');
  return text.replace(re, (t) => map.get(t) ?? t);
}

/** restore() applied to every string inside a JSON-like value. */
export function restoreDeep<T>(value: T, map: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return restore(value, map) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => restoreDeep(v, map)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = restoreDeep(v, map);
    return out as T;
  }
  return value;
}
