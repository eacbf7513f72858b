// The customer's contact: a labelled line or a block under a contact heading first, then the
// customer's own forwarded message (its From header and signature), then an email address in the
// body with the name and title written around it, then a name introduced without an address.
import type { Person } from './structure';
import {
  clean,
  compact,
  EMAIL_IN_TEXT,
  firstEmail,
  HONORIFIC,
  looksLikeName,
  phonesIn,
  PHONE_IN_TEXT,
  stripDot,
  stripHonorific,
  titleCase
} from './text';
import { ORG_WORDS, TITLE_WORDS } from './vocabulary';

const DETERMINER =
  /^(?:the|our|their|its|his|her|der|die|das|la|le|el|il|de|het|unser(?:e)?|ihr(?:e)?|leur|su|sua|hun|deras)\s+/i;

export function cleanTitle(t: string): string | undefined {
  const v = clean(t.replace(DETERMINER, '').replace(DETERMINER, ''));
  if (!v || v.length > 80 || !TITLE_WORDS.test(v) || v.split(/\s+/).length > 7 || /[@\d]/.test(v))
    return undefined;
  return v;
}

/** "Claire Dunmore <claire@x.com>, Practice Director" or "Dr. Klaus Weber (IT-Leiter), k.weber@x.de, Tel. 0711 98". */
export function parseContactValue(value: string): Person {
  const p: Person = {};
  const firstSentence = value.split(/(?<=[a-z)>])\.\s+(?=[A-Z])/)[0]!;
  p.email = firstEmail(firstSentence);
  p.phone = phonesIn(firstSentence.replace(EMAIL_IN_TEXT, ''))[0];
  const paren = /\(([^)]+)\)/.exec(firstSentence);
  if (paren && !paren[1]!.includes('@')) p.title = cleanTitle(paren[1]!);
  const stripped = firstSentence
    .replace(/<[^>]*>|\([^)]*\)/g, ' ')
    .replace(EMAIL_IN_TEXT, ' ')
    .replace(PHONE_IN_TEXT, ' ')
    .replace(/\b(?:tel|phone|mobile|mob|handy|tél|téléphone|teléfono)\.?:?(?=\s|$)/gi, ' ');
  const parts = stripped
    .split(/\s*[,;|–—/]\s*|\s+-\s+(?!IT\b|HR\b|ICT\b)|\s+(?:at|bei|chez|from)\s+(?=[A-Z])/)
    .map(clean)
    .filter(Boolean);
  for (const part of parts) {
    const name = clean(stripHonorific(part));
    if (!p.name && looksLikeName(name)) p.name = name;
    else if (
      !p.name &&
      looksLikeName(titleCase(name)) &&
      name === name.toUpperCase() &&
      /\p{L}/u.test(name)
    ) {
      p.name = titleCase(name.toLowerCase());
    } else if (!p.title) {
      const t = cleanTitle(part);
      if (t) p.title = t === t.toUpperCase() && t.length > 4 ? titleCase(t.toLowerCase()) : t;
    }
  }
  if (!p.name && parts[0]) {
    const m =
      /^[A-ZÀ-Þ][\p{L}'’-]+(?: (?:van|von|de|der|den|da|di|del|la|le|du|dos) ?)*(?: [A-ZÀ-Þ][\p{L}'’-]+){1,3}/u.exec(
        stripHonorific(parts[0])
      );
    if (m && looksLikeName(m[0])) p.name = m[0];
  }
  return p;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(s: string): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(/[\p{L}][\p{L}'’.-]*/gu))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Masks parenthesised and comma-delimited title phrases so that their capitalised words are never taken as a name. */
function maskTitles(s: string): { masked: string; titles: Array<{ start: number; text: string }> } {
  const titles: Array<{ start: number; text: string }> = [];
  let masked = s.replace(/\(([^()@]{2,80})\)/g, (all, inner: string, at: number) => {
    if (TITLE_WORDS.test(inner)) titles.push({ start: at, text: inner });
    return ' '.repeat(all.length);
  });
  masked = masked.replace(/,([^,()@]{2,80})(?=,|\s*[–—-]\s|\s*$)/g, (all, inner: string, at: number) => {
    if (!TITLE_WORDS.test(inner) || looksLikeName(clean(inner))) return all;
    titles.push({ start: at, text: inner });
    return ' '.repeat(all.length);
  });
  return { masked, titles };
}

/** The person named closest before an email in the same sentence, and a title written next to the name. */
export function personNear(sentence: string, emailAt: number, email: string): Person {
  const before = sentence.slice(0, emailAt);
  const { masked, titles } = maskTitles(before);
  const domainKey = compact(email.split('@')[1] ?? '');
  const inDomain = (name: string): boolean =>
    name.split(/\s+/).filter((w) => compact(w).length > 2 && domainKey.includes(compact(w))).length >= 2;
  const words = wordsOf(masked);
  let best: { name: string; start: number; end: number } | undefined;
  for (let end = words.length; end > 0 && !best; end--) {
    for (let len = 2; len <= 4 && end - len >= 0; len++) {
      const slice = words.slice(end - len, end);
      const text = masked.slice(slice[0]!.start, slice[len - 1]!.end);
      const name = clean(stripHonorific(text));
      if (!looksLikeName(name) || inDomain(name) || name.split(' ').some((w) => ORG_WORDS.test(w))) continue;
      // The window must start a capitalised run: "Dunder Mifflin Paper" never yields "Mifflin Paper".
      const prev = words[end - len - 1];
      const next = words[end];
      // ... and end one: "Register Dunder Mifflin" never yields "Register Dunder".
      if (next && /^\p{Lu}/u.test(next.text) && /^\s+$/.test(masked.slice(slice[len - 1]!.end, next.start)))
        continue;
      if (
        prev &&
        /^\p{Lu}/u.test(prev.text) &&
        /^\s+$/.test(masked.slice(prev.end, slice[0]!.start)) &&
        !TITLE_WORDS.test(prev.text) &&
        !HONORIFIC.test(`${prev.text} `)
      ) {
        continue;
      }
      // A longer window wins only when it still ends in the same place ("Anouk de Wit").
      best = { name, start: slice[0]!.start, end: slice[len - 1]!.end };
    }
  }
  if (!best) return lowercaseNameNear(before, email);
  const p: Person = { name: best.name };
  const after = titles.find((t) => t.start >= best!.end && t.start - best!.end <= 3);
  const lead = before.slice(Math.max(0, best.start - 60), best.start).trimEnd();
  const pre = /([\p{L}][\p{L} -]{1,40}?)[,]?$/u.exec(lead.replace(HONORIFIC, ''));
  const preTitle = pre ? /(?:^|\s)((?:[\p{Lu}][\p{L}-]*\s?){1,4})$/u.exec(pre[1]!)?.[1] : undefined;
  const is = /(?:^|[\s,.(])([\p{L} ]{2,40}?)\s+(?:is|ist|est|es)$/u.exec(lead);
  for (const cand of [after?.text, preTitle, is?.[1]]) {
    const t = cand ? cleanTitle(cand) : undefined;
    if (t) {
      p.title = t;
      break;
    }
  }
  return p;
}

const NAME_CUE =
  /(?:contact(?:o|e|persoon|person)?|ansprechpartner(?:in)?|kontakt|guy|person|interlocuteur|referente|contato|is|ist|est|es|è|:)$/i;

/** "contact jens petersen j.petersen@x.de": a lowercase name is taken when the address spells it. */
function lowercaseNameNear(before: string, email: string): Person {
  const words = wordsOf(before).slice(-5);
  const local = email.split('@')[0]!.toLowerCase().split(/[._-]/).filter(Boolean);
  if (local.length === 0) return {};
  for (let len = 4; len >= 2; len--) {
    if (words.length < len) continue;
    const slice = words.slice(-len);
    const lead = before.slice(0, slice[0]!.start);
    if (!NAME_CUE.test(lead.slice(-40).trimEnd())) continue;
    if (
      before
        .slice(slice[len - 1]!.end)
        .trim()
        .replace(/[<(:,]/g, '') !== ''
    )
      continue;
    const w = slice.map((x) => x.text.toLowerCase());
    const first = w[0]!;
    const last = w[w.length - 1]!;
    const spells =
      first === local[0] ||
      (local[0]!.length === 1 &&
        first.startsWith(local[0]!) &&
        local.length > 1 &&
        last.startsWith(local[local.length - 1]!)) ||
      compact(w.join('')) === compact(local.join(''));
    if (!spells || w.some((x) => TITLE_WORDS.test(x))) continue;
    return { name: titleCase(slice.map((x) => x.text).join(' ')) };
  }
  return {};
}

/** "Our contact there is Margaret Holt, Head of HR Systems, phone 01233 555 012." (no address). */
export function namedContact(text: string): Person {
  const re =
    /\b(?:(?:champion|sponsor|decision maker)\s*(?:is|=|:)|contact(?: person)?(?: there| at the customer)? (?:is|will be)|point of contact is|working with|speaking with|talking to|spoke (?:with|to)|met with|meeting with|ansprechpartner(?:in)? ist|gesprochen haben wir mit|interlocuteur est|contacto es|contactpersoon is)\s+((?:(?:Mr|Mrs|Ms|Dr|Herr|Frau|Mme|M)\.?\s+)?[A-ZÀ-Þ][\p{L}'-]+(?: [A-ZÀ-Þ][\p{L}'-]+){1,2})(?:\s*\(([^)]+)\)|,\s*(?:their |the |our )?([^,.;\n]+?)(?:,|\.|;| at| of| bei| chez| de|$))?/mu;
  const m = re.exec(text);
  if (m) {
    const name = clean(stripHonorific(m[1]!));
    if (looksLikeName(name)) {
      const title = m[2] ?? m[3];
      return {
        name,
        title: title ? cleanTitle(title) : undefined,
        phone: phonesIn(text.slice(m.index, m.index + 200).split('\n')[0]!)[0]
      };
    }
  }
  const dm =
    /\b([A-ZÀ-Þ][\p{L}'-]+(?: [A-ZÀ-Þ][\p{L}'-]+){1,2})(?:\s*\(([^)]+)\))?,? (?:is|will be) (?:the|our|their) (?:decision[- ]maker|main contact|sponsor|champion|buyer)/u.exec(
      text
    );
  if (dm && looksLikeName(dm[1]!)) return { name: dm[1]!, title: dm[2] ? cleanTitle(dm[2]) : undefined };
  return {};
}

export { stripDot };
