// Small text helpers shared by the extractor's parts. Every helper runs in linear time: trimming
// is done by scanning characters, never by an end-anchored regular expression (those backtrack
// quadratically on long runs of the trimmed characters).
import { looksLikePhone } from '../masking';
import { FREE_MAIL_DOMAINS, TITLE_WORDS } from './vocabulary';

export const EMAIL_IN_TEXT =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
export const EMAIL_TEST =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/;
export const URL_IN_TEXT =
  /(?<![a-z0-9.@/-])(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}[a-z]{2,24})(?:\/[^\s)>]{0,300})?/gi;
export const PHONE_IN_TEXT = /(?<![\w+])(?:\+|00)?\(?\d[\d ().\-/]{5,24}\d(?![\w])/g;

const LEADING = new Set([...' \t\n"\'“”„«»*_-']);
const TRAILING = new Set([...' \t\n"\'“”„«»*_,;:-']);

/** Removes characters in `set` from the start and the end. */
export function trimChars(value: string, start: Set<string>, end: Set<string>): string {
  let i = 0;
  let j = value.length;
  while (i < j && start.has(value[i]!)) i++;
  while (j > i && end.has(value[j - 1]!)) j--;
  return value.slice(i, j);
}

const ABBREVIATION_END = /(?:^|[\s.])\p{L}\.$|\b(?:Inc|Ltd|Corp|Co|Bros|Jr|Sr|Lda|Pvt|Ltda)\.$/u;

/** Collapses whitespace, trims quotes and punctuation; a final full stop goes unless it ends an abbreviation. */
export function clean(value: string): string {
  let v = trimChars(value.replace(/\s+/g, ' '), LEADING, TRAILING);
  // The final-stop test looks at the last 12 characters only, so it costs the same on any input.
  let guard = 0;
  while (v.endsWith('.') && !ABBREVIATION_END.test(v.slice(-12)) && guard++ < 5) v = v.slice(0, -1);
  return trimChars(v, LEADING, TRAILING).trim();
}

export function domainOf(emailOrUrl: string): string | undefined {
  const at = emailOrUrl.lastIndexOf('@');
  let host = at >= 0 ? emailOrUrl.slice(at + 1) : emailOrUrl;
  host = host.replace(/^[a-z]+:\/\//i, '');
  const cut = host.search(/[/?#:\s]/);
  if (cut >= 0) host = host.slice(0, cut);
  host = host.replace(/^www\./i, '').toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host.length <= 253 && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+$/.test(host)
    ? host
    : undefined;
}

export function isFreeMail(domain: string | undefined): boolean {
  return !domain || FREE_MAIL_DOMAINS.has(domain);
}

export function firstEmail(s: string): string | undefined {
  const m = s.match(EMAIL_TEST);
  return m ? stripDot(m[0]) : undefined;
}

export function stripDot(s: string): string {
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

export function phonesIn(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(PHONE_IN_TEXT)) {
    const p = m[0].trim();
    if (looksLikePhone(p)) out.push(p);
  }
  return out;
}

/** "Dr.", "Herr", "Mme" and the like before a name. */
export const HONORIFIC =
  /^(?:(?:mr|mrs|ms|miss|mx|dr|prof|ing|lic|sr|sra|srta|herr|frau|hr|fr|m|mme|mlle|dott|dott\.ssa|sig|sig\.ra|dhr|mevr|pan|pani|kapitän a\.d)\.?\s+)+/i;

export function stripHonorific(s: string): string {
  let v = s.trim();
  for (let i = 0; i < 4; i++) {
    const m = HONORIFIC.exec(v);
    if (!m) break;
    v = v.slice(m[0].length);
  }
  return v;
}

const NAME_WORD = /^(?:[A-ZÀ-ÖØ-Þ][\p{L}'’-]*\.?|van|von|de|der|den|da|di|del|la|le|du|dos|ter|te)$/u;

export function looksLikeName(s: string): boolean {
  const v = clean(stripHonorific(s));
  if (!v || v.length > 60 || /[\d@:/]/.test(v)) return false;
  const words = v.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  if (TITLE_WORDS.test(v)) return false;
  if (!/^[A-ZÀ-ÖØ-Þ]/.test(words[0]!) || !/^[A-ZÀ-ÖØ-Þ]/.test(words[words.length - 1]!)) return false;
  return words.every((w) => NAME_WORD.test(w));
}

/** "jens petersen" → "Jens Petersen"; "van der linde" particles stay lowercase inside a name. */
export function titleCase(s: string): string {
  return s
    .split(' ')
    .map((w, i, all) =>
      i > 0 && i < all.length - 1 && /^(?:van|von|de|der|den|da|di|del|la|le|du|dos|am|y|et)$/i.test(w)
        ? w.toLowerCase()
        : w
            .split('-')
            .map((p) => (p ? p.charAt(0).toUpperCase() + p.slice(1).toLowerCase() : p))
            .join('-')
    )
    .join(' ');
}

/** Lowercase ASCII letters and digits only, for comparing names with domains. */
export function compact(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The German transliteration (ä → ae) next to the plain one, for domains like kaelbling-armaturen.de. */
export function compactVariants(word: string): string[] {
  const plain = compact(word);
  const translit = compact(word.replace(/ä/gi, 'ae').replace(/ö/gi, 'oe').replace(/ü/gi, 'ue'));
  return plain === translit ? [plain] : [plain, translit];
}

/** Splits text into sentences (and lines). Linear: a single pass of a simple pattern. */
export function sentencesOf(text: string): string[] {
  return text.split(
    /(?<=[.!?;])(?<!\d\.|\b(?:Mio|Mrd|Tsd|ca|Dr|Nr|Mr|Ms|Mrs|St|Prof|Ing|Lic|Sra|Sr|bzw|Hr|Fr|approx|env|Co|Inc|Corp|No)\.)\s+(?=[A-ZÀ-Þ(])|\n/
  );
}
