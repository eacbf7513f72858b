// The built-in extractor: a partner's email or notes → registration draft fields, with no model.
//
// It reads the text the way a channel-operations assistant would: labelled lines ("Customer:",
// "Kunde:", "Close date:") first; then the forwarded customer message (its From header and
// signature); then the partner's own signature, which is excluded so that the partner is never
// mistaken for the customer; the customer's domain from the contact's email (never a free-mail
// domain) or a labelled website; dates through chrono-node relative to the message date; money with
// currencies and magnitude suffixes. A field is left out when nothing in the text supports it.
import { findDates, type DateMention } from './dates';
import { looksLikePhone } from './masking';
import { findMoney, type MoneyMention } from './money';
import type { ParseConfidence, ParseFields } from './schemas';

export interface Extraction {
  fields: ParseFields;
  confidence: ParseConfidence;
}

export const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'yahoo.de',
  'hotmail.com',
  'hotmail.fr',
  'hotmail.de',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'gmx.at',
  'gmx.ch',
  'web.de',
  't-online.de',
  'freenet.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'wanadoo.fr',
  'libero.it',
  'protonmail.com',
  'proton.me',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  'zoho.com'
]);

/** Domains that appear in emails but never identify a customer. */
const NON_CUSTOMER_DOMAINS = new Set([
  'linkedin.com',
  'zoom.us',
  'teams.microsoft.com',
  'microsoft.com',
  'google.com',
  'calendly.com',
  'youtube.com',
  'twitter.com',
  'x.com',
  'facebook.com',
  'aka.ms',
  'bit.ly',
  'docs.google.com',
  'drive.google.com',
  'dropbox.com',
  'salesforce.com',
  'force.com',
  'my.salesforce.com'
]);

type LabelKey =
  | 'customerName'
  | 'website'
  | 'opportunityName'
  | 'amount'
  | 'currency'
  | 'closeDate'
  | 'products'
  | 'contact'
  | 'contactEmail'
  | 'contactPhone'
  | 'contactTitle';

const LABELS: Array<[LabelKey, RegExp]> = [
  [
    'customerName',
    /^(?:end[- ]?customer(?: name)?|customer(?: name| account| company)?|client(?: name| final)?|company(?: name)?|account(?: name)?|prospect|organi[sz]ation|endkunde|kunde|firma|unternehmen|cliente(?: final)?|empresa|société|societe|klant|eindklant)$/i
  ],
  ['website', /^(?:website|web site|web|domain|url|homepage|site web|site|webseite|sitio web|página web)$/i],
  [
    'opportunityName',
    /^(?:opportunity(?: name)?|opp(?:ortunity)?|deal(?: name| title)?|project(?: name)?|projekt(?:name)?|projet|proyecto|oportunidad|opportunité|vorhaben|initiative)$/i
  ],
  [
    'amount',
    /^(?:amount|deal (?:size|value|amount)|value|estimated value|est\.? value|budget|total|tcv|acv|arr|deal volume|volume|auftragswert|volumen|wert|projektvolumen|montant|valeur|importe|valor|presupuesto|monto|bedrag|waarde|importo|valore)$/i
  ],
  ['currency', /^(?:currency|währung|devise|moneda)$/i],
  [
    'closeDate',
    /^(?:(?:expected |estimated |target |planned )?(?:close|closing|decision|signature|signing|go[- ]live|po)(?: date)?|close by|abschluss(?:datum)?|entscheidung|unterschrift|date de (?:clôture|signature|décision)|clôture|fecha de cierre|cierre|sluitingsdatum|data di chiusura|timeline|timing|zeitplan)$/i
  ],
  [
    'products',
    /^(?:products?(?: of interest)?|solutions?|licen[cs]es|modules?|sku|items?|produkte?|lösung(?:en)?|produits?|productos?|producten|prodotti|scope)$/i
  ],
  [
    'contact',
    /^(?:(?:primary |main |customer |technical |key )?contact(?: person| name)?|point of contact|poc|decision maker|champion|sponsor|ansprechpartner(?:in)?|kontakt(?:person)?|interlocuteur|contacto|persona de contacto|contactpersoon|referente)$/i
  ],
  ['contactEmail', /^(?:(?:contact )?e-?mail(?: address)?|mail|courriel|correo)$/i],
  [
    'contactPhone',
    /^(?:(?:contact )?(?:phone|tel\.?|telephone|mobile|mob\.?|cell)|telefon|handy|téléphone|teléfono|telefono)$/i
  ],
  [
    'contactTitle',
    /^(?:(?:contact )?(?:title|job title|role|position)|funktion|rolle|titre|fonction|poste|cargo|puesto)$/i
  ]
];

const HEADER_LABEL =
  /^(?:from|to|cc|bcc|sent|date|subject|von|an|gesendet|datum|betreff|de|à|envoyé|objet|para|enviado|asunto|fecha|reply-to)$/i;

const SIGN_OFF =
  /^(?:best(?: regards| wishes)?|kind regards|regards|warm regards|many thanks|thanks(?: (?:a lot|again|and regards))?|thank you|cheers|sincerely|br|rgds|all the best|talk soon|mit freundlichen grüßen|mfg|viele grüße|beste grüße|freundliche grüße|gruß|grüße|lg|cordialement|bien cordialement|bien à vous|merci|salutations|saludos(?: cordiales)?|un saludo|atentamente|gracias|cordiali saluti|distinti saluti|saluti|met vriendelijke groet(?:en)?|groeten|atenciosamente|abraços)[,.!]*$/i;

const TITLE_WORDS =
  /\b(?:chief|ceo|cto|cio|cfo|coo|ciso|cdo|cmo|cro|vp|svp|evp|vice president|president|director|head|manager|lead|leader|architect|engineer|officer|owner|buyer|procurement|purchasing|administrator|admin|analyst|consultant|founder|partner manager|specialist|coordinator|it-leiter|leiter(?:in)?|geschäftsführer(?:in)?|einkauf|einkäufer(?:in)?|bereichsleiter|abteilungsleiter|directeur|directrice|responsable|chef|gérant|acheteur|director(?:a)?|jefe|gerente|responsable de compras|hoofd|inkoper|dsi|it director|responsabile|referente|treasurer|secretary|controller|comptroller|bereichsleiter(?:in)?|leiterin|gerente|diretor(?:a)?|owner|inhaber(?:in)?|propriétaire|dueño|manager)\b/i;

const LEGAL_FORMS =
  /^(?:gmbh|ag|kg|ohg|se|inc\.?|incorporated|ltd\.?|limited|llc|llp|plc|corp\.?|corporation|co\.?|company|group|holding|holdings|sa|s\.a\.|sas|s\.a\.s\.|sarl|s\.à r\.l\.|bv|b\.v\.|nv|n\.v\.|srl|s\.r\.l\.|spa|s\.p\.a\.|oy|ab|as|a\/s|pty|sl|s\.l\.|gmbh & co\. kg|&|und|and|e\.v\.|mbh)$/i;

const SUBJECT_CUES =
  /\b(?:deal reg(?:istration)?|registration|register|new deal|new opportunity|opportunity|deal|projekt|anmeldung|registrierung|registro|enregistrement|inscription|oportunidad|opportunité|aanmelding)\b/i;

const STRONG_CLOSE_CUES =
  /\b(?:clos(?:e|es|ed|ing|ure)|sign(?:s|ed|ing|ature)?|decision|decide|po\b|purchase order|go[- ]?live|live|abschluss|abschließen|unterschrift|entscheidung|clôture|décision|signature|cierre|firma|decisión|fechamento|assinatura|afsluiten|chiusura)/i;
const CLOSE_CUES =
  /\b(?:clos(?:e|es|ed|ing)|sign(?:s|ed|ing|ature|off)?|decision|decide|po\b|purchase order|order|go[- ]live|contract|expect(?:ed|s)?|target(?:ing)?|timeline|planned|plan to|aim|by|before|until|live|award|bis|avant|antes|kick[- ]?off|budget (?:approval|sign)|abschluss|abschließen|unterschrift|unterschreiben|vertrag|entscheidung|bestellung|auftrag|geplant|signature|signer|clôture|décision|commande|prévu|cierre|firma|decisión|pedido|previsto|compra|fechamento|assinatura|afsluiten|chiusura|firmare)/i;

const AMOUNT_CUES =
  /\b(?:deal|budget|value|valued|worth|size|volume|licen[cs]es?|subscription|arr|acv|tcv|contract|total|order|auftragswert|volumen|budget|wert|montant|valeur|presupuesto|importe|valor|bedrag|importo|approx|around|roughly|ca\.|circa|environ|unos)/i;

interface Message {
  headers: Record<string, string>;
  lines: string[];
  /** Index where the signature starts (lines.length when none). */
  sigStart: number;
  forwarded: boolean;
}

interface Person {
  name?: string;
  email?: string;
  phone?: string;
  title?: string;
  company?: string;
}

const EMAIL_IN_TEXT = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const SENTENCE_END = /[.!?](?=\s+[A-ZÀ-Þ(])\s+/g;
const EMAIL_TEST = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const URL_IN_TEXT =
  /(?<![a-z0-9.@/-])(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?:\/[^\s)>]*)?/gi;
const PHONE_IN_TEXT = /(?<![\w+])(?:\+|00)?\(?\d[\d ().\-/]{5,24}\d(?![\w])/g;

function clean(value: string): string {
  return (
    value
      .replace(/\s+/g, ' ')
      .replace(/^[\s"'“”„«»*_-]+|[\s"'“”„«»*_,;:-]+$/g, '')
      // A final full stop goes, unless it ends an abbreviation such as "S.A." or "Inc.".
      .replace(/(?<!(?:^|[\s.])\p{L}|\b(?:Inc|Ltd|Corp|Co|Bros|Jr|Sr))\.+$/u, '')
      .replace(/[\s,;:-]+$/, '')
      .trim()
  );
}

function domainOf(emailOrUrl: string): string | undefined {
  const at = emailOrUrl.lastIndexOf('@');
  let host = at >= 0 ? emailOrUrl.slice(at + 1) : emailOrUrl;
  host = host
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./i, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
}

function isFreeMail(domain: string | undefined): boolean {
  return !domain || FREE_MAIL_DOMAINS.has(domain);
}

function firstEmail(s: string): string | undefined {
  const m = s.match(EMAIL_IN_TEXT);
  return m?.[0]?.replace(/\.$/, '');
}

function phonesIn(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(PHONE_IN_TEXT)) {
    const p = m[0].trim();
    if (looksLikePhone(p)) out.push(p);
  }
  return out;
}

function looksLikeName(s: string): boolean {
  const v = clean(s);
  if (!v || v.length > 60 || /[\d@:/]/.test(v)) return false;
  const words = v.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  if (TITLE_WORDS.test(v)) return false;
  return words.every((w) =>
    /^(?:[A-ZÀ-ÖØ-Þ][\p{L}'’-]*\.?|van|von|de|der|den|da|di|del|la|le|du|dos)$/u.test(w)
  );
}

/** Splits "From: Jane Doe <jane@acme.com>" style values. */
function parseAddress(value: string): Person {
  const email = firstEmail(value);
  let name = value
    .replace(/<[^>]*>|\[mailto:[^\]]*\]|\([^)]*@[^)]*\)/gi, '')
    .replace(EMAIL_IN_TEXT, '')
    .replace(/["']/g, '');
  name = clean(name);
  // "Doe, Jane" → "Jane Doe"
  const comma = /^([\p{L}'-]+),\s*([\p{L}'-]+)$/u.exec(name);
  if (comma) name = `${comma[2]} ${comma[1]}`;
  return { email, name: looksLikeName(name) ? name : undefined };
}

function splitLabel(line: string): { key: LabelKey | 'header'; value: string } | null {
  const m = /^\s*(?:[-*•·>]\s*)?([\p{L}][\p{L} .\-/()']{0,40}?)\s*[:：]\s*(.*)$/u.exec(line);
  if (!m) return null;
  const label = m[1]!.replace(/\s*\(.*\)$/, '').trim();
  if (HEADER_LABEL.test(label)) return { key: 'header', value: m[2]!.trim() };
  for (const [key, re] of LABELS) if (re.test(label)) return { key, value: m[2]!.trim() };
  return null;
}

const FORWARD_MARKERS: RegExp[] = [
  /^-{2,}\s*(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|message d'origine|mensaje reenviado|mensaje original|messaggio inoltrato|doorgestuurd bericht)\s*-{2,}\s*$/i,
  /^begin forwarded message:?\s*$/i,
  /^_{5,}\s*$/,
  /^on .{6,160} wrote:\s*$/i,
  /^am .{6,160} schrieb .{0,120}:\s*$/i,
  /^le .{6,160} a écrit\s*:\s*$/i,
  /^el .{6,160} escribió:\s*$/i
];

function isHeaderLine(line: string): boolean {
  return /^\s*(?:from|von|de|da|van)\s*:/i.test(line);
}

function splitMessages(text: string): Message[] {
  const lines = text.split('\n').map((l) => l.replace(/^(?:\s*>)+\s?/, '').replace(/\s+$/, ''));
  const messages: Message[] = [];
  let current: string[] = [];
  let forwarded = false;
  const flush = (): void => {
    messages.push(buildMessage(current, forwarded));
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FORWARD_MARKERS.some((re) => re.test(line.trim()));
    // An Outlook-style header block without a marker line: "From:" followed by "Sent:"/"Subject:".
    const bareHeader =
      current.some((l) => l.trim() !== '') &&
      isHeaderLine(line) &&
      lines
        .slice(i + 1, i + 5)
        .some((l) => /^\s*(?:sent|date|subject|gesendet|betreff|envoyé|objet|enviado|asunto)\s*:/i.test(l));
    if (marker || bareHeader) {
      if (current.some((l) => l.trim() !== '') || messages.length === 0) flush();
      forwarded = true;
      if (marker) {
        // "On Tue, Jane Doe <jane@acme.com> wrote:" carries the sender.
        const who = /^(?:on|am|le|el) (.*?)(?: wrote| schrieb| a écrit| escribió)/i.exec(line.trim());
        const addr = who ? /([^,]*<[^>]+@[^>]+>|[\w.%+-]+@[\w.-]+)\s*$/.exec(who[1]!) : null;
        if (addr) current.push(`From: ${addr[1]}`);
        continue;
      }
    }
    current.push(line);
  }
  flush();
  return messages.filter((m) => m.lines.some((l) => l.trim() !== '') || Object.keys(m.headers).length > 0);
}

function buildMessage(raw: string[], forwarded: boolean): Message {
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < raw.length && raw[i]!.trim() === '') i++;
  // Leading header block.
  for (; i < raw.length; i++) {
    const m =
      /^\s*(from|to|cc|sent|date|subject|von|an|gesendet|datum|betreff|de|à|envoyé|objet|para|enviado|asunto|fecha)\s*:\s*(.*)$/i.exec(
        raw[i]!
      );
    if (!m) break;
    const key = m[1]!.toLowerCase();
    const canonical =
      {
        von: 'from',
        de: 'from',
        an: 'to',
        à: 'to',
        para: 'to',
        gesendet: 'date',
        sent: 'date',
        datum: 'date',
        envoyé: 'date',
        enviado: 'date',
        fecha: 'date',
        betreff: 'subject',
        objet: 'subject',
        asunto: 'subject'
      }[key] ?? key;
    if (!headers[canonical]) headers[canonical] = m[2]!.trim();
  }
  const lines = raw.slice(i);
  return { headers, lines, sigStart: findSignature(lines), forwarded };
}

function findSignature(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.trim();
    if (t === '--' || t === '-- ') return i + 1;
    if (SIGN_OFF.test(t) && lines.length - i <= 12) return i + 1;
  }
  // No sign-off: a trailing block of short lines holding an email or a phone is a signature.
  let j = lines.length;
  while (j > 0 && lines[j - 1]!.trim() === '') j--;
  let k = j;
  while (k > 0 && lines[k - 1]!.trim() !== '' && j - k < 7 && lines[k - 1]!.trim().length < 80) k--;
  const nameLine = lines.slice(k, j).findIndex((l) => looksLikeName(l));
  if (nameLine >= 0 && j - (k + nameLine) <= 5 && k + nameLine > 0) return k + nameLine;
  const block = lines.slice(k, j).join('\n');
  if (k > 0 && j - k >= 2 && (EMAIL_TEST.test(block) || phonesIn(block).length > 0)) {
    const labelled = lines.slice(k, j).filter((l) => {
      const s = splitLabel(l);
      return s !== null && s.key !== 'contactEmail' && s.key !== 'contactPhone';
    });
    if (labelled.length === 0) return k;
  }
  return lines.length;
}

function parseSignature(lines: string[]): Person {
  const p: Person = {};
  const rest: string[] = [];
  for (const raw of lines) {
    const line = clean(raw.replace(/^[|•·]\s*/, ''));
    if (!line) continue;
    const email = firstEmail(line);
    if (email && !p.email) p.email = email;
    const phone = phonesIn(line.replace(EMAIL_IN_TEXT, ''))[0];
    if (phone && !p.phone && !/\bfax\b/i.test(line)) p.phone = phone;
    if (email || phone || /^(?:https?:|www\.)/i.test(line)) continue;
    rest.push(line);
  }
  for (const line of rest) {
    const parts = line.split(/\s*[|,–—]\s*|\s+-\s+/).filter(Boolean);
    for (const part of parts) {
      if (!p.name && looksLikeName(part)) p.name = part;
      else if (!p.title && TITLE_WORDS.test(part) && part.length <= 80) p.title = part;
      else if (!p.company && p.name && part.length <= 60 && !TITLE_WORDS.test(part) && !/^\w+:/.test(part)) {
        p.company = part;
      }
    }
  }
  return p;
}

function parseContactValue(value: string): Person {
  const p: Person = {};
  p.email = firstEmail(value);
  p.phone = phonesIn(value.replace(EMAIL_IN_TEXT, ''))[0];
  const paren = /\(([^)]+)\)/.exec(value);
  if (paren && TITLE_WORDS.test(paren[1]!) && !paren[1]!.includes('@')) p.title = clean(paren[1]!);
  const stripped = value
    .replace(/<[^>]*>|\([^)]*\)/g, ' ')
    .replace(EMAIL_IN_TEXT, ' ')
    .replace(PHONE_IN_TEXT, ' ');
  const parts = stripped
    .split(/\s*[,;|–—/]\s*|\s+-\s+|\s+(?:at|bei|chez)\s+/)
    .map(clean)
    .filter(Boolean);
  for (const part of parts) {
    if (!p.name && looksLikeName(part)) p.name = part;
    else if (!p.title && TITLE_WORDS.test(part)) p.title = part;
  }
  if (!p.name && parts[0] && /^[A-ZÀ-Þ][\p{L}'-]+(?: [A-ZÀ-Þ][\p{L}'-]+){1,3}/u.test(parts[0])) {
    const m = /^[A-ZÀ-Þ][\p{L}'-]+(?: [A-ZÀ-Þ][\p{L}'-]+){1,3}/u.exec(parts[0])!;
    if (looksLikeName(m[0])) p.name = m[0];
  }
  return p;
}

function compact(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const CAPITALIZED = /^[A-ZÀ-Þ0-9][\p{L}0-9&'’.-]*[,.;:)]?$/u;
const CONNECTORS = /^(?:de|del|of|and|und|&|van|der)$/;
const STOP_WORDS =
  /^(?:The|This|We|I|Hi|Hello|Dear|Re|Fwd|Deal|Registration|Please|Thanks|Contact|Customer|Budget|Value|Expected|Close|Team|New|Our|Their|They|It|IT|ERP|CRM|POS|MES)$/;

/** Extends a company name over following capitalized words and legal forms ("Stark Logistics", "Initech Inc."). */
function extendName(words: string[], from: number, to: number): string {
  let end = to;
  const last = words[to - 1] ?? '';
  if (/[,;:)]$/.test(last) || (/\.$/.test(last) && !LEGAL_FORMS.test(last))) to = words.length;
  for (let i = to; i < words.length && i < to + 3; i++) {
    const w = words[i]!;
    const bare = w.replace(/[,.;:)]+$/, '');
    const legal = LEGAL_FORMS.test(bare) || LEGAL_FORMS.test(w.replace(/[,;:)]+$/, ''));
    if (!legal && (!CAPITALIZED.test(w) || STOP_WORDS.test(bare) || /[(@]/.test(w))) break;
    end = i + 1;
    if (/[,;:)]$/.test(w) || (/\.$/.test(w) && !legal)) break;
  }
  return clean(
    words
      .slice(from, end)
      .join(' ')
      .replace(/[,;:)]+$/, '')
  ).replace(/(?<!\b[A-Za-z])\.$/, (m) => (LEGAL_FORMS.test(words[end - 1] ?? '') ? m : ''));
}

/** A capitalized phrase in the text that spells the domain's name ("Stark Logistics" for starklogistics.co.uk). */
function customerNameFromDomain(domain: string, text: string): { name: string; found: boolean } {
  const labels = domain.split('.');
  const label =
    labels.filter((l, i) => i < labels.length - 1 && !/^(?:co|com|www|mail|gov|org|net|ac)$/.test(l)).pop() ??
    labels[0]!;
  const key = compact(label);
  let best: string | undefined;
  for (const line of text.split('\n')) {
    const words = line.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      if (!/^[A-ZÀ-Þ]/.test(words[i]!)) continue;
      let acc = '';
      for (let j = i; j < words.length && j < i + 5; j++) {
        const w = words[j]!;
        if (/[@/]/.test(w)) break;
        acc += compact(w);
        if (acc === key || (acc.startsWith(key) && j > i && key.length >= 6)) {
          const name = extendName(words, i, j + 1);
          if (!best || name.length > best.length) best = name;
          break;
        }
        if (!key.startsWith(acc) || /[,;:)]$/.test(w)) break;
      }
    }
  }
  if (best) return { name: best, found: true };
  const name = label
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return { name, found: false };
}

/** "discussions with Vandelay Industries", "Registering Pawnee Parks Department", "met Bluth Company". */
function customerNameFromPhrases(body: string): string | undefined {
  const re =
    /\b(?:end[- ]customer|customer|client|prospect|endkunde|kunde|client final|cliente)(?:\s+(?:is|ist|est|es))?\s+(\S.*)|\b(?:register(?:ing)?|registrar|enregistrer|anmelden)\s+(?:the\s+|an?\s+)?(?:(?:new\s+)?(?:deal|opportunity|oportunidad|opportunité)\s+(?:for|with|at|con|chez|avec|pour)\s+)?(\S.*)|\b(?:discussions?|working|talks|deal|opportunity|oportunidad|opportunité|projet|projekt)\s+(?:with|at|for|con|chez|avec|mit|bei)\s+(?:the\s+|la\s+|a\s+|der\s+|die\s+)?(\S.*)|\b(?:met|meeting with)\s+(\S.*)/gi;
  for (const m of body.matchAll(re)) {
    const rest = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').split(/\s+/);
    if (!rest[0] || !/^[A-ZÀ-Þ]/.test(rest[0]) || STOP_WORDS.test(rest[0].replace(/[,.;:]+$/, ''))) continue;
    // Connectors inside a name ("Cementos del Norte") are kept only when a capitalized word follows.
    const words: string[] = [];
    for (let i = 0; i < rest.length && words.length < 6; i++) {
      const w = rest[i]!;
      if (CONNECTORS.test(w) && rest[i + 1] && /^[A-ZÀ-Þ]/.test(rest[i + 1]!)) {
        words.push(w);
        continue;
      }
      if (!CAPITALIZED.test(w) && !LEGAL_FORMS.test(w.replace(/[,;:)]+$/, ''))) break;
      if (STOP_WORDS.test(w.replace(/[,.;:]+$/, '')) || /[(@]/.test(w)) break;
      words.push(w);
      if (/[,;:)]$/.test(w) || (/\.$/.test(w) && !LEGAL_FORMS.test(w))) break;
    }
    const name = clean(words.join(' ').replace(/[,;:)]+$/, ''));
    if (name.length >= 3) return name;
  }
  return undefined;
}

/** The person named closest before an email in the same sentence, with a title next to the name. */
function personNear(sentence: string, emailAt: number, emailDomain = ''): Person {
  const before = sentence.slice(0, emailAt);
  const domainKey = compact(emailDomain);
  const inDomain = (name: string): boolean =>
    name.split(/\s+/).filter((w) => compact(w).length > 2 && domainKey.includes(compact(w))).length >= 2;
  const re =
    /[A-ZÀ-Þ][\p{L}'’-]+(?:\s+(?:van|von|de|der|da|di|del|la|le|du|dos))?(?:\s+[A-ZÀ-Þ][\p{L}'’-]+){1,2}/gu;
  let best: RegExpExecArray | undefined;
  for (let m = re.exec(before); m !== null; m = re.exec(before))
    if (looksLikeName(m[0]) && !inDomain(m[0])) best = m;
  if (!best) return {};
  const p: Person = { name: best[0] };
  const after = before.slice(best.index + best[0].length);
  const paren = /^\s*\(([^)@]{2,60})\)/.exec(after);
  const comma = /^\s*,\s*([^,@]{2,60}?)\s*(?:,|-|–|\(|$)/.exec(after);
  const pre = /(?:^|[\s,.(])([\p{L} ]{2,40}?)\s+(?:is|ist|est|es)\s*$/u.exec(before.slice(0, best.index));
  for (const cand of [paren?.[1], comma?.[1], pre?.[1]]) {
    if (cand && TITLE_WORDS.test(cand) && cand.split(/\s+/).length <= 6) {
      p.title = clean(cand.replace(/^(?:the|our|their|der|die|la|le|el)\s+/i, ''));
      break;
    }
  }
  return p;
}

function refDateOf(receivedAt: string | Date | undefined): Date {
  if (receivedAt instanceof Date) return receivedAt;
  if (receivedAt) {
    const t = Date.parse(receivedAt);
    if (!Number.isNaN(t)) return new Date(t);
  }
  return new Date();
}

function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}

function pickCloseDate(
  messages: Message[],
  ref: Date,
  labelled: string | undefined
): { date: string; confidence: number } | undefined {
  const refIso = ref.toISOString().slice(0, 10);
  if (labelled) {
    const d = findDates(labelled, ref)[0];
    if (d) return { date: d.date, confidence: d.exact ? 0.9 : 0.8 };
  }
  for (const m of messages) {
    const body = m.lines
      .slice(0, m.sigStart)
      .filter((l) => {
        const s = splitLabel(l);
        return !s || s.key !== 'header';
      })
      .join('\n');
    const sentences = body.split(/(?<=[.!?;])\s+(?=[A-ZÀ-Þ][a-zà-ÿ])|\n/);
    for (const cues of [STRONG_CLOSE_CUES, CLOSE_CUES]) {
      for (const sentence of sentences) {
        if (!cues.test(sentence)) continue;
        const dates: DateMention[] = findDates(sentence, ref).filter((d) => d.date >= refIso);
        if (dates.length > 0) return { date: dates[0]!.date, confidence: dates[0]!.exact ? 0.75 : 0.65 };
      }
    }
  }
  return undefined;
}

function pickAmount(
  messages: Message[],
  labelled: string | undefined,
  labelledCurrency: string | undefined
): { amount: number; currency?: string; confidence: number } | undefined {
  const curFromLabel = labelledCurrency ? findCurrencyCode(labelledCurrency) : undefined;
  if (labelled) {
    const m = findMoney(labelled)[0] ?? bareNumber(labelled);
    if (m) return { amount: m.amount, currency: m.currency ?? curFromLabel, confidence: 0.9 };
  }
  const mentions: Array<MoneyMention & { cue: boolean }> = [];
  for (const msg of messages) {
    const body = msg.lines.slice(0, msg.sigStart).join('\n');
    for (const sentence of body.split(/(?<=[.!?])\s+(?=[A-ZÀ-Þ][a-zà-ÿ])|\n/)) {
      for (const m of findMoney(sentence)) mentions.push({ ...m, cue: AMOUNT_CUES.test(sentence) });
    }
  }
  if (mentions.length === 0) return undefined;
  const withCue = mentions.filter((m) => m.cue);
  const pool = withCue.length > 0 ? withCue : mentions;
  const best = pool.reduce((a, b) => (b.amount > a.amount ? b : a));
  const currency = best.currency ?? curFromLabel ?? mentions.find((m) => m.currency)?.currency;
  const distinct = new Set(mentions.map((m) => m.amount)).size;
  return {
    amount: best.amount,
    currency,
    confidence: distinct === 1 ? 0.8 : withCue.length > 0 ? 0.65 : 0.5
  };
}

function bareNumber(s: string): MoneyMention | undefined {
  const m = /\d[\d.,' ]*\d|\d/.exec(s);
  if (!m) return undefined;
  const money = findMoney(`${m[0]} USD`)[0];
  return money
    ? { index: m.index, text: m[0], amount: money.amount, currency: findCurrencyCode(s) }
    : undefined;
}

function findCurrencyCode(s: string): string | undefined {
  const money = findMoney(`1 ${s.trim()}`)[0] ?? findMoney(`${s.trim()} 1`)[0];
  return money?.currency;
}

function splitProducts(value: string): string[] {
  return value
    .split(/\s*(?:[,;/+|]|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*/i)
    .map((p) =>
      clean(p)
        .replace(/^\d+\s*x\s+/i, '')
        .replace(/\s*\(.*\)$/, '')
    )
    .filter((p) => p.length >= 2 && p.length <= 80 && !/^(?:tbd|n\/a|none|-)$/i.test(p));
}

function summarize(msg: Message | undefined): string | undefined {
  if (!msg) return undefined;
  const body = msg.lines
    .slice(0, msg.sigStart)
    .filter(
      (l) =>
        l.trim() &&
        !splitLabel(l) &&
        !/^(?:hi|hello|hey|dear|hallo|guten tag|bonjour|hola|ciao|hoi)\b/i.test(l.trim())
    )
    .filter((l) => !SIGN_OFF.test(l.trim()))
    .join(' ');
  const sentences = body
    .split(/(?<=[.!?])\s+/)
    .map(clean)
    .filter((s) => s.length > 15 && !EMAIL_TEST.test(s) && phonesIn(s).length === 0);
  if (sentences.length === 0) return undefined;
  let out = '';
  for (const s of sentences) {
    if (out && (out + ' ' + s).length > 300) break;
    out = out ? `${out} ${s}` : s;
    if (out.length > 160) break;
  }
  return out.length > 300 ? `${out.slice(0, 297)}...` : `${out}${/[.!?]$/.test(out) ? '' : '.'}`;
}

/** Extracts draft registration fields from a partner's free text. */
export function extract(rawText: string, receivedAt?: string | Date): Extraction {
  const text = normalize(rawText);
  const ref = refDateOf(receivedAt);
  const messages = splitMessages(text);
  const top = messages[0];
  const fields: ParseFields = {};
  const confidence: ParseConfidence = {};
  const set = <K extends keyof ParseFields>(key: K, value: ParseFields[K] | undefined, c: number): void => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    if (fields[key] !== undefined) return;
    fields[key] = value;
    confidence[key] = c;
  };

  // Partner identity: the top message's sender and its signature.
  const partnerSig = top ? parseSignature(top.lines.slice(top.sigStart)) : {};
  const partnerFrom = top?.headers.from ? parseAddress(top.headers.from) : {};
  const partnerEmails = new Set(
    [partnerSig.email, partnerFrom.email].filter(Boolean).map((e) => e!.toLowerCase())
  );
  const partnerDomains = new Set(
    [...partnerEmails].map((e) => domainOf(e)).filter((d): d is string => Boolean(d) && !isFreeMail(d))
  );
  const isPartner = (email: string | undefined): boolean => {
    if (!email) return false;
    const e = email.toLowerCase();
    return partnerEmails.has(e) || partnerDomains.has(domainOf(e) ?? '');
  };

  // Labelled lines, outside the partner's signature, top message first.
  const labels = new Map<LabelKey, string>();
  const productLines: string[] = [];
  for (const msg of messages) {
    const lines = msg === top ? msg.lines.slice(0, msg.sigStart) : msg.lines;
    for (let i = 0; i < lines.length; i++) {
      const s = splitLabel(lines[i]!);
      if (!s || s.key === 'header') continue;
      if (s.key === 'products' && s.value === '') {
        for (let j = i + 1; j < lines.length && /^\s*(?:[-*•·]|\d+[.)])\s+/.test(lines[j]!); j++) {
          productLines.push(lines[j]!.replace(/^\s*(?:[-*•·]|\d+[.)])\s+/, ''));
        }
        continue;
      }
      if (s.value && !labels.has(s.key)) labels.set(s.key, s.value);
    }
  }

  // Contact: labelled, then the forwarded customer message, then emails in the body.
  let contact: Person = {};
  const labelledContact = labels.get('contact');
  if (labelledContact) contact = parseContactValue(labelledContact);
  const lEmail = labels.get('contactEmail');
  if (lEmail && firstEmail(lEmail) && !isPartner(firstEmail(lEmail))) contact.email ??= firstEmail(lEmail);
  const lPhone = labels.get('contactPhone');
  if (lPhone) contact.phone ??= phonesIn(lPhone)[0];
  const lTitle = labels.get('contactTitle');
  if (lTitle) contact.title ??= clean(lTitle);
  let contactSource: 'label' | 'forward' | 'body' | undefined =
    labelledContact || lEmail ? 'label' : undefined;

  const customerMsg = messages.find(
    (m) =>
      m !== top &&
      m.headers.from &&
      parseAddress(m.headers.from).email &&
      !isPartner(parseAddress(m.headers.from).email)
  );
  if (customerMsg) {
    const from = parseAddress(customerMsg.headers.from!);
    const sig = parseSignature(customerMsg.lines.slice(customerMsg.sigStart));
    const sameAsLabel = !contact.email || contact.email.toLowerCase() === from.email?.toLowerCase();
    if (sameAsLabel) {
      contact.email ??= from.email;
      contact.name ??= from.name ?? sig.name;
      contact.title ??= sig.title;
      contact.phone ??= sig.phone;
      contact.company ??= sig.company;
      contactSource ??= 'forward';
    }
  }
  if (!contact.email) {
    const bodyText = messages
      .map((m) => (m === top ? m.lines.slice(0, m.sigStart) : m.lines).join('\n'))
      .join('\n');
    for (const m of bodyText.matchAll(EMAIL_IN_TEXT)) {
      const email = m[0].replace(/\.$/, '');
      if (isPartner(email)) continue;
      contact.email = email;
      contactSource ??= 'body';
      // The sentence it sits in often carries the name, title and phone.
      const lineStart = bodyText.lastIndexOf('\n', m.index) + 1;
      const lineEnd = bodyText.indexOf('\n', m.index);
      const line = bodyText.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
      const at = m.index - lineStart;
      const sentenceStart = Math.max(
        0,
        ...[...line.slice(0, at).matchAll(SENTENCE_END)].map((x) => x.index + x[0].length)
      );
      const rest = line.slice(sentenceStart);
      const nextEnd = rest.slice(at - sentenceStart).search(SENTENCE_END);
      const sentence = nextEnd < 0 ? rest : rest.slice(0, at - sentenceStart + nextEnd);
      const near = personNear(sentence, at - sentenceStart, domainOf(email));
      contact.name ??= near.name;
      contact.title ??= near.title;
      const afterEmail = sentence.slice(at - sentenceStart + email.length);
      contact.phone ??= phonesIn(afterEmail)[0];
      if (!contact.title) {
        const t = /^\W{0,3}\s*,?\s*\)?\s*,\s*([^,.@]{2,50})/.exec(afterEmail);
        if (t && TITLE_WORDS.test(t[1]!)) contact.title = clean(t[1]!);
      }
      break;
    }
  }
  let localPartName = false;
  if (contact.email && !contact.name) {
    // jane.doe@acme.com → "Jane Doe" (lower confidence unless the text spells that name).
    const local = contact.email
      .split('@')[0]!
      .split(/[._]/)
      .filter((w) => /^[a-z]{2,}$/i.test(w));
    if (local.length === 2 && contact.email.split('@')[0]!.split(/[._]/).length === 2) {
      contact.name = local.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
      localPartName = !new RegExp(`\\b${contact.name.replace(/ /g, '\\s+')}\\b`, 'i').test(text);
    }
  }
  if (!contact.name) {
    const m =
      /\b(?:contact(?: person)? (?:is|will be)|point of contact is|working with|speaking with|talking to|spoke with|met with|meeting with|ansprechpartner(?:in)? ist|interlocuteur est|contacto es)\s+([A-ZÀ-Þ][\p{L}'-]+(?: [A-ZÀ-Þ][\p{L}'-]+){1,2})(?:\s*\(([^)]+)\)|,\s*(?:their |the |our )?([^,.;\n]+?)(?: at| of| bei| chez| de)\b)?/u.exec(
        top ? top.lines.slice(0, top.sigStart).join('\n') : text
      );
    const dm =
      m ??
      /\b([A-ZÀ-Þ][\p{L}'-]+(?: [A-ZÀ-Þ][\p{L}'-]+){1,2})(?:\s*\(([^)]+)\))?,? (?:is|will be) (?:the|our|their) (?:decision[- ]maker|main contact|sponsor|champion|buyer)/u.exec(
        top ? top.lines.slice(0, top.sigStart).join('\n') : text
      );
    if (dm && !m && looksLikeName(dm[1]!)) {
      contact.name = dm[1];
      if (dm[2] && TITLE_WORDS.test(dm[2])) contact.title ??= clean(dm[2]);
      contactSource ??= 'body';
    }
    if (m && looksLikeName(m[1]!)) {
      contact.name = m[1];
      const t = m[2] ?? m[3];
      if (t && TITLE_WORDS.test(t)) contact.title ??= clean(t);
      contactSource ??= 'body';
    }
  }
  const cConf = contactSource === 'label' ? 0.9 : contactSource === 'forward' ? 0.8 : 0.6;
  set('contactName', contact.name ? clean(contact.name) : undefined, localPartName ? 0.45 : cConf);
  set('contactEmail', contact.email?.toLowerCase(), cConf);
  set('contactPhone', contact.phone, cConf - 0.05);
  set('contactTitle', contact.title ? clean(contact.title) : undefined, cConf - 0.1);

  // Customer domain: labelled website, else the contact's company domain, else a URL in the body.
  const site = labels.get('website');
  const contactDomain = domainOf(contact.email ?? '');
  if (site && domainOf(site)) set('customerDomain', domainOf(site), 0.9);
  else if (contactDomain && !isFreeMail(contactDomain) && !partnerDomains.has(contactDomain)) {
    set('customerDomain', contactDomain, 0.75);
  } else {
    const body = top ? top.lines.slice(0, top.sigStart).join('\n') : '';
    for (const m of body.matchAll(URL_IN_TEXT)) {
      if (body[m.index - 1] === '@' || body[m.index + m[0].length] === '@' || /@/.test(m[0])) continue;
      if (
        !/^(?:https?:|www\.)/i.test(m[0]) &&
        !/\.(?:com|net|org|io|co|de|fr|es|it|nl|uk|ch|at|se|no|dk|fi|pl|jp|in|au|ca|br|mx|gov|edu|ai|app|xyz)$/i.test(
          m[1]!
        )
      )
        continue;
      const d = domainOf(m[1]!);
      if (
        d &&
        !partnerDomains.has(d) &&
        !NON_CUSTOMER_DOMAINS.has(d) &&
        !isFreeMail(d) &&
        /\.[a-z]{2,}$/.test(d)
      ) {
        set('customerDomain', d, 0.55);
        break;
      }
    }
  }

  // Customer name: labelled, else phrases, else the contact's signature, else the domain.
  const subject = clean(
    (top?.headers.subject ?? messages.find((m) => m.headers.subject)?.headers.subject ?? '').replace(
      /^(?:(?:re|fw|fwd|wg|aw|tr|rv|sv|vs)\s*:\s*)+/i,
      ''
    )
  );
  const lCustomer = labels.get('customerName');
  const topBody = top ? top.lines.slice(0, top.sigStart).join('\n') : text;
  if (lCustomer) set('customerName', clean(lCustomer.replace(/\([^)]*\)/g, '').replace(/^[|]\s*/, '')), 0.9);
  if (!fields.customerName && fields.customerDomain) {
    const fromDomain = customerNameFromDomain(fields.customerDomain, text);
    if (fromDomain.found) set('customerName', fromDomain.name, 0.75);
  }
  if (!fields.customerName) set('customerName', customerNameFromPhrases(topBody), 0.6);
  if (!fields.customerName && contact.company) set('customerName', contact.company, 0.55);
  if (!fields.customerName && fields.customerDomain) {
    set('customerName', customerNameFromDomain(fields.customerDomain, text).name, 0.4);
  }

  // Opportunity name: labelled, else a registration-like subject line.
  const lOpp = labels.get('opportunityName');
  if (lOpp) set('opportunityName', clean(lOpp).slice(0, 120), 0.9);
  else if (subject && SUBJECT_CUES.test(subject)) {
    const stripped = clean(
      subject
        .replace(
          /^(?:new\s+)?(?:deal\s+reg(?:istration)?|registration|register|new deal|new opportunity|opportunity|deal|anmeldung|registrierung|registro(?: de oportunidad)?|enregistrement|inscription|oportunidad|opportunité|aanmelding)(?:\s+(?:request|for|für|pour|para|de|voor))?\s*[:\-–—|]?\s*/i,
          ''
        )
        .replace(/^(?:for|für|pour|para)\s+/i, '')
    );
    if (stripped.length >= 3) set('opportunityName', stripped.slice(0, 120), 0.6);
  }

  // Money and dates.
  const money = pickAmount(messages, labels.get('amount'), labels.get('currency'));
  if (money) {
    set('amount', money.amount, money.confidence);
    set('currency', money.currency, money.confidence);
  }
  const close = pickCloseDate(messages, ref, labels.get('closeDate'));
  if (close) set('closeDate', close.date, close.confidence);

  // Products: labelled line or bullet list.
  const productSource = [labels.get('products'), ...productLines].filter(Boolean).join(', ');
  if (productSource) {
    const products = [...new Set(splitProducts(productSource))].slice(0, 20);
    set('products', products, 0.85);
  }

  set('summary', summarize(top), 0.5);
  return { fields, confidence };
}
