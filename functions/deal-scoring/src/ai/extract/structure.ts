// The structure of a partner's email: HTML to text (html-to-text, entities decoded by `he`),
// the messages of a reply or forward chain (newest first), each with its headers, its body and its
// signature, and the labelled lines ("Customer: ..."). The field extractors read only this.
import he from 'he';
import { convert } from 'html-to-text';
import { clean, EMAIL_TEST, firstEmail, looksLikeName, phonesIn, stripHonorific } from './text';
import { HEADER_CANONICAL, HEADER_LABEL, LABELS, SIGN_OFF, TITLE_WORDS, type LabelKey } from './vocabulary';

export interface Message {
  headers: Record<string, string>;
  /** Body lines, signature included. */
  lines: string[];
  /** Index where the signature starts (lines.length when none). */
  sigStart: number;
  /** 0 for the newest message; older quoted or forwarded messages count up. */
  depth: number;
}

export interface Person {
  name?: string;
  email?: string;
  phone?: string;
  title?: string;
  company?: string;
}

const HTML_HINT =
  /<(?:html|body|div|p|br|table|tr|td|span|a|b|strong|ul|ol|li|blockquote|font|img|head)\b[^>]{0,2000}>/i;
const ENTITY_HINT = /&(?:[a-z][a-z0-9]{1,30}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

const HTML_OPTIONS = {
  wordwrap: false as const,
  decodeEntities: true,
  // Deeply nested or huge markup is cut, never recursed into without bound.
  limits: { maxDepth: 40, maxChildNodes: 5000, maxInputLength: 400_000, ellipsis: ' ' },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'inlineSurround', options: { prefix: '', suffix: ' | ' } },
    { selector: 'th', format: 'inlineSurround', options: { prefix: '', suffix: ' | ' } },
    { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'div', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } }
  ]
};

/** Plain text from whatever the partner sent: HTML converted, entities decoded, tables as "label: value". */
export function toPlainText(raw: string): string {
  let text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
  if (HTML_HINT.test(text)) text = htmlToText(text);
  else if (ENTITY_HINT.test(text)) text = he.decode(text);
  return text
    .split('\n')
    .map(tableRow)
    .filter((l): l is string => l !== null)
    .join('\n')
    .replace(/\*\*|__/g, '');
}

function htmlToText(html: string): string {
  try {
    return convert(html, HTML_OPTIONS).replace(/[\u00a0\u2007\u202f]/g, ' ');
  } catch {
    // A document the converter cannot walk: drop the tags, keep the words.
    return he.decode(html.replace(/<[^<>]{0,2000}>/g, '\n'));
  }
}

/** "| Customer | Acme |" → "Customer: Acme"; a separator row "|---|---|" disappears. */
function tableRow(line: string): string | null {
  if (!line.includes('|')) return line;
  const t = line.trim();
  if (/^\|?[\s:|-]+\|?$/.test(t) && t.includes('-')) return null;
  const cells = t
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean);
  // Only a two-cell row whose first cell is short reads as "label: value".
  if (cells.length === 2 && cells[0]!.length <= 40 && !cells[0]!.includes(':')) {
    return `${cells[0]}: ${cells[1]}`;
  }
  return line;
}

export function splitLabel(line: string): { key: LabelKey | 'header'; value: string } | null {
  const m = /^\s*(?:[-*•·>]\s*)?([\p{L}][\p{L} .\-/()']{0,40}?)\s*[:：]\s*(.*)$/u.exec(line);
  if (!m) return null;
  const label = m[1]!.replace(/\s*\(.*\)$/, '').trim();
  if (HEADER_LABEL.test(label)) return { key: 'header', value: m[2]!.trim() };
  for (const [key, re] of LABELS) if (re.test(label)) return { key, value: m[2]!.trim() };
  return null;
}

const FORWARD_MARKERS: RegExp[] = [
  /^-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|message d'origine|mensaje reenviado|mensaje original|messaggio inoltrato|messaggio originale|doorgestuurd bericht|oorspronkelijk bericht|mensagem encaminhada|mensagem original|vidarebefordrat meddelande|videresendt meddelelse|wiadomość przekazana)\s*-{2,}\s*$/i,
  /^begin forwarded message:?\s*$/i,
  /^_{5,}\s*$/
];
/** "On … wrote:" in several languages; group 1 is the part that may hold the sender. */
const WROTE =
  /^(?:on|am|le|el|op|il giorno|em|den|d\.|dnia)\s(.{6,200}?)\s?(?:wrote|schrieb|a écrit|escribió|schreef|ha scritto|escreveu|skrev|napisał(?:a)?)(?:\s.{0,120})?:\s*$/i;

function isHeaderLine(line: string): boolean {
  return /^\s*(?:from|von|de|da|van|från|fra|od)\s*:/i.test(line);
}

function quoteDepth(line: string): number {
  let d = 0;
  for (let i = 0; i < line.length && i < 50; i++) {
    const c = line[i]!;
    if (c === '>') d++;
    else if (c !== ' ' && c !== '\t') break;
  }
  return d;
}

function stripQuote(line: string): string {
  let i = 0;
  while (i < line.length && i < 50 && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

/** The messages of a chain, newest first. Quoted lines ("> ...") start an older message. */
export function splitMessages(text: string): Message[] {
  const raw = text.split('\n');
  const messages: Message[] = [];
  let current: string[] = [];
  // The quoting level the current message lives at; -1 right after a marker line, until its first line.
  let level = 0;
  const hasText = (): boolean => current.some((l) => l.trim() !== '');
  const flush = (): void => {
    messages.push(buildMessage(current, messages.length));
    current = [];
  };
  for (let i = 0; i < raw.length; i++) {
    const q = quoteDepth(raw[i]!);
    const line = trimEnd(stripQuote(raw[i]!));
    const t = line.trim();
    if (t !== '' && q > level) {
      if (level >= 0 && hasText()) flush();
      level = q;
    }
    const wrote = WROTE.exec(t);
    const marker = wrote !== null || FORWARD_MARKERS.some((re) => re.test(t));
    const bareHeader =
      isHeaderLine(line) &&
      (hasText() || messages.length > 0) &&
      raw
        .slice(i + 1, i + 5)
        .some((l) =>
          /^\s*>*\s*(?:sent|date|subject|gesendet|betreff|envoyé|objet|enviado|asunto|verzonden|onderwerp|inviato|oggetto|assunto|skickat|ämne|sendt|emne)\s*:/i.test(
            l
          )
        );
    if (marker || bareHeader) {
      if (hasText() || messages.length === 0) flush();
      level = bareHeader && !marker ? q : -1;
      if (wrote) {
        const addr = /([^,]*<[^>]+@[^>]+>|[\w.%+-]+@[\w.-]+)\s*$/.exec(wrote[1]!);
        if (addr) current.push(`From: ${addr[1]!.trim()}`);
        continue;
      }
      if (marker) continue;
    }
    current.push(line);
  }
  flush();
  return messages
    .filter((m) => m.lines.some((l) => l.trim() !== '') || Object.keys(m.headers).length > 0)
    .map((m, i) => ({ ...m, depth: i }));
}

function trimEnd(s: string): string {
  let j = s.length;
  while (j > 0 && (s[j - 1] === ' ' || s[j - 1] === '\t')) j--;
  return s.slice(0, j);
}

function buildMessage(raw: string[], depth: number): Message {
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < raw.length && raw[i]!.trim() === '') i++;
  for (; i < raw.length; i++) {
    const m = /^\s*([\p{L}-]{1,12})\s*:\s*(.*)$/u.exec(raw[i]!);
    const canonical = m ? HEADER_CANONICAL[m[1]!.toLowerCase()] : undefined;
    if (!m || !canonical) break;
    if (!headers[canonical]) headers[canonical] = m[2]!.trim();
  }
  const lines = raw.slice(i);
  return { headers, lines, sigStart: findSignature(lines), depth };
}

const DISCLAIMER =
  /^(?:confidential|confidentiality|important|disclaimer|notice|aviso|avis|hinweis|diese e-mail|this (?:e-?mail|message)|dit e-?mailbericht|questo messaggio|este mensaje|ce message|le informazioni|geschäftsführer|registered office|amtsgericht|sitz der gesellschaft)\b/i;

function findSignature(lines: string[]): number {
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '--' || t === '-- ' || /^sent from my \w+/i.test(t) || (DISCLAIMER.test(t) && i > 0)) {
      cut = i;
      break;
    }
  }
  for (let i = Math.min(cut, lines.length) - 1; i >= 0 && cut - i <= 14; i--) {
    const t = lines[i]!.trim();
    if (SIGN_OFF.test(t)) return i + 1;
    // "Regards, Partner Ops" / "Ta, Ben" / "Cheers, Dylan - Outback IT" on one line.
    const inline = /^([\p{L} ]{2,30}?)[,!]\s+\S/u.exec(t);
    if (inline && SIGN_OFF.test(inline[1]!.trim()) && cut - i <= 3) return i;
  }
  if (cut < lines.length) return cut;
  // No sign-off: a trailing block of short lines holding an email or a phone is a signature,
  // unless it is the whole message or reads like notes (bullets, labels).
  let j = lines.length;
  while (j > 0 && lines[j - 1]!.trim() === '') j--;
  let k = j;
  while (k > 0 && lines[k - 1]!.trim() !== '' && j - k < 7 && lines[k - 1]!.trim().length < 80) k--;
  const first = lines.findIndex((l) => l.trim() !== '');
  const blockLines = lines.slice(k, j);
  if (k <= first || blockLines.some((l) => /^\s*(?:[-*•·]|\d+[.)])\s/.test(l) || l.trim().endsWith(':'))) {
    return lines.length;
  }
  const nameLine = blockLines.findIndex((l) => looksLikeName(l));
  if (nameLine >= 0 && j - (k + nameLine) <= 5 && k + nameLine > 0) return k + nameLine;
  const block = blockLines.join('\n');
  if (k > 0 && j - k >= 2 && (EMAIL_TEST.test(block) || phonesIn(block).length > 0)) {
    const labelled = blockLines.filter((l) => {
      const s = splitLabel(l);
      return s !== null && s.key !== 'contactEmail' && s.key !== 'contactPhone';
    });
    if (labelled.length === 0) return k;
  }
  return lines.length;
}

export function body(m: Message): string[] {
  return m.lines.slice(0, m.sigStart);
}

export function signature(m: Message): string[] {
  return m.lines.slice(m.sigStart);
}

/** Name, title, email, phone and company from the lines of a signature or a contact block. */
export function parsePersonLines(lines: string[]): Person {
  const p: Person = {};
  const rest: string[] = [];
  for (const raw of lines) {
    const line = clean(raw.replace(/^[|•·]\s*/, ''));
    if (!line || DISCLAIMER.test(line)) continue;
    if (SIGN_OFF.test(line)) continue;
    const email = firstEmail(line);
    if (email && !p.email) p.email = email;
    const phone = phonesIn(line.replace(EMAIL_TEST, ''))[0];
    if (phone && !p.phone && !/\bfax\b/i.test(line)) p.phone = phone;
    if (email || phone || /^(?:https?:|www\.)/i.test(line) || /^(?:t|m|tel|mob|mobil|phone)\b/i.test(line))
      continue;
    rest.push(line);
  }
  for (const line of rest) {
    const parts = line.split(/\s*[|,–—]\s*|\s+-\s+/).filter(Boolean);
    for (const raw of parts) {
      const part = clean(raw.replace(/^i\.\s?a\.\s+/i, ''));
      const name = clean(stripHonorific(part));
      if (!p.name && looksLikeName(name)) p.name = name;
      else if (!p.title && TITLE_WORDS.test(part) && part.length <= 80) p.title = part;
      else if (
        !p.company &&
        p.name &&
        part.length <= 60 &&
        !TITLE_WORDS.test(part) &&
        !/^[\w-]+:/.test(part)
      ) {
        p.company = part;
      }
    }
  }
  return p;
}
