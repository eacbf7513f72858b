// The built-in extractor: a partner's email or notes → registration draft fields, with no model.
//
// structure.ts turns the mail into messages (newest first) with headers, bodies and signatures;
// the field parts read them: contact.ts, customer.ts, money-date.ts, products.ts; vocabulary.ts
// holds every cue word. The partner (the newest sender, their signature and domain, and any quoted
// message of theirs) is never taken for the customer. A field is left out when nothing in the text
// supports it; an opportunity name made up from customer and product is marked as proposed.
import type { ParseConfidence, ParseFields } from '../schemas';
import { cleanTitle, namedContact, parseContactValue, personNear } from './contact';
import { capitalizedRun, nameCandidates, nameFromDomain } from './customer';
import { currencyHint, pickAmount, pickCloseDate, pickCurrency } from './money-date';
import { compileCatalog, findCatalogProducts, splitProducts, type CatalogEntry } from './products';
import {
  body,
  parsePersonLines,
  signature,
  splitLabel,
  splitMessages,
  toPlainText,
  type Message,
  type Person
} from './structure';
import {
  clean,
  compact,
  domainOf,
  EMAIL_IN_TEXT,
  firstEmail,
  isFreeMail,
  looksLikeName,
  phonesIn,
  sentencesOf,
  stripDot,
  titleCase,
  URL_IN_TEXT
} from './text';
import {
  CONTACT_HEADING,
  NON_CUSTOMER_DOMAINS,
  ONLY_CUES,
  REMOVAL_CUES,
  ROLE_MAILBOX,
  SIGN_OFF,
  SUBJECT_CUES,
  SUBJECT_PREFIX,
  type LabelKey
} from './vocabulary';

export type { CatalogEntry } from './products';
export { FREE_MAIL_DOMAINS } from './vocabulary';

export interface Extraction {
  fields: ParseFields;
  confidence: ParseConfidence;
  /** Fields the extractor made up rather than read (today: an opportunity name "<Customer> – <product>"). */
  proposed: Array<keyof ParseFields>;
}

export interface ExtractOptions {
  /** The org's products (active Product2 names or picklist values) with aliases, found in prose. */
  catalog?: CatalogEntry[];
  /** Text of attachments (a PDF deal form): read after the message chain, as older messages. */
  attachments?: Array<{ name: string; text: string }>;
}

/** Longest text the extractor reads; the route allows less, documents add to it. */
export const MAX_EXTRACT_CHARS = 200_000;

function refDateOf(receivedAt: string | Date | undefined): Date {
  if (receivedAt instanceof Date) return receivedAt;
  if (receivedAt) {
    const t = Date.parse(receivedAt);
    if (!Number.isNaN(t)) return new Date(t);
  }
  return new Date();
}

interface Labels {
  values: Map<LabelKey, string>;
  productLines: string[];
  contactBlock?: Person;
}

function readLabels(messages: Message[], partnerMessage: (m: Message) => boolean): Labels {
  const values = new Map<LabelKey, string>();
  const productLines: string[] = [];
  let contactBlock: Person | undefined;
  for (const msg of messages) {
    const lines = partnerMessage(msg) || msg.depth === 0 ? body(msg) : msg.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const s = splitLabel(line);
      const heading = line.trim().replace(/[:：]\s*$/, '');
      if ((!s || !s.value) && CONTACT_HEADING.test(heading) && !contactBlock) {
        const block: string[] = [];
        for (let j = i + 1; j < lines.length && block.length < 6; j++) {
          const t = lines[j]!.trim();
          if (t === '' && block.length > 0) break;
          if (t === '' || SIGN_OFF.test(t)) {
            if (SIGN_OFF.test(t)) break;
            continue;
          }
          block.push(lines[j]!);
        }
        const p = parsePersonLines(block);
        if (p.name || p.email) contactBlock = p;
        continue;
      }
      if (!s || s.key === 'header') continue;
      if (s.key === 'products' && s.value === '') {
        for (let j = i + 1; j < lines.length && /^\s*(?:[-*•·]|\d+[.)])\s+/.test(lines[j]!); j++) {
          productLines.push(lines[j]!.replace(/^\s*(?:[-*•·]|\d+[.)])\s+/, ''));
        }
        continue;
      }
      if (s.value && !values.has(s.key)) values.set(s.key, s.value);
    }
  }
  return { values, productLines, contactBlock };
}

/** Extracts draft registration fields from a partner's free text. */
export function extract(
  rawText: string,
  receivedAt?: string | Date,
  options: ExtractOptions = {}
): Extraction {
  const text = toPlainText(
    rawText.length > MAX_EXTRACT_CHARS ? rawText.slice(0, MAX_EXTRACT_CHARS) : rawText
  );
  const ref = refDateOf(receivedAt);
  const messages = splitMessages(text);
  for (const a of options.attachments ?? []) {
    for (const m of splitMessages(toPlainText(a.text.slice(0, MAX_EXTRACT_CHARS)))) {
      messages.push({ ...m, depth: messages.length });
    }
  }
  const top = messages[0];
  const fields: ParseFields = {};
  const confidence: ParseConfidence = {};
  const proposed: Array<keyof ParseFields> = [];
  const set = <K extends keyof ParseFields>(key: K, value: ParseFields[K] | undefined, c: number): void => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
    if (fields[key] !== undefined) return;
    fields[key] = value;
    confidence[key] = Math.round(c * 100) / 100;
  };

  // The partner: the newest sender, their signature, and every later message from the same address or domain.
  const partnerSig = top ? parsePersonLines(signature(top)) : {};
  const topFrom = top?.headers.from ? parseAddress(top.headers.from) : {};
  const partnerEmails = new Set(
    [partnerSig.email, topFrom.email].filter(Boolean).map((e) => e!.toLowerCase())
  );
  for (const m of messages.slice(1)) {
    const from = m.headers.from ? parseAddress(m.headers.from) : {};
    if (from.email && !partnerEmails.has(from.email.toLowerCase())) {
      // A quoted message whose signature carries the partner's address is the partner's own.
      const sigEmail = parsePersonLines(signature(m)).email?.toLowerCase();
      if (sigEmail && partnerEmails.has(sigEmail)) partnerEmails.add(from.email.toLowerCase());
    }
  }
  // A quoted message signed with the first name the newest message is signed with is the partner's own.
  const topTail = top
    ? [...body(top), ...signature(top)]
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(-2)
    : [];
  const signedAs = topTail.map((l) => /^(\p{Lu}[\p{L}'-]+)$/u.exec(l)?.[1]).find(Boolean);
  if (signedAs) {
    for (const m of messages.slice(1)) {
      const from = m.headers.from ? parseAddress(m.headers.from) : {};
      if (from.email && from.name?.split(' ')[0] === signedAs) partnerEmails.add(from.email.toLowerCase());
    }
  }
  const partnerDomains = new Set(
    [...partnerEmails].map((e) => domainOf(e)).filter((d): d is string => Boolean(d) && !isFreeMail(d))
  );
  const isPartner = (email: string | undefined): boolean => {
    if (!email) return false;
    const e = email.toLowerCase();
    return partnerEmails.has(e) || partnerDomains.has(domainOf(e) ?? '');
  };
  const isRole = (email: string | undefined): boolean =>
    Boolean(email && ROLE_MAILBOX.test(email.split('@')[0]!));
  const partnerMessage = (m: Message): boolean => {
    const from = m.headers.from ? parseAddress(m.headers.from).email : undefined;
    return m.depth === 0 || isPartner(from) || isRole(from);
  };
  const partnerCompany = partnerSig.company;

  const labels = readLabels(messages, partnerMessage);
  const bodies = messages.map((m) => (partnerMessage(m) ? body(m) : m.lines).join('\n'));
  const allBodies = bodies.join('\n');

  // Contact: labelled line or block, then the customer's own message, then emails in the body.
  let contact: Person = {};
  let source: 'label' | 'forward' | 'body' | undefined;
  const lContact = labels.values.get('contact');
  if (lContact) contact = parseContactValue(lContact);
  if (labels.contactBlock) {
    const b = labels.contactBlock;
    if (!lContact || (!contact.name && !contact.email)) contact = { ...b };
  }
  const lEmail = labels.values.get('contactEmail');
  if (lEmail && firstEmail(lEmail) && !isPartner(firstEmail(lEmail))) contact.email ??= firstEmail(lEmail);
  const lPhone = labels.values.get('contactPhone');
  if (lPhone) contact.phone ??= phonesIn(lPhone)[0];
  const lTitle = labels.values.get('contactTitle');
  if (lTitle) contact.title ??= cleanTitle(lTitle) ?? clean(lTitle);
  if (contact.name || contact.email) source = 'label';
  if (contact.email && isPartner(contact.email)) contact = {};

  const customerMsg = messages.find((m) => {
    if (m.depth === 0 || !m.headers.from) return false;
    const from = parseAddress(m.headers.from).email;
    return Boolean(from) && !isPartner(from) && !isRole(from);
  });
  if (customerMsg) {
    const from = parseAddress(customerMsg.headers.from!);
    const sig = parsePersonLines(signature(customerMsg));
    const same = !contact.email || contact.email.toLowerCase() === from.email?.toLowerCase();
    if (same) {
      contact.email ??= from.email;
      contact.name ??= from.name ?? sig.name;
      contact.title ??= sig.title;
      contact.phone ??= sig.phone;
      contact.company ??= sig.company;
      source ??= 'forward';
    }
  }
  if (!contact.email) {
    for (const [mi, text] of bodies.entries()) {
      let found = false;
      for (const line of text.split('\n')) {
        if (line.length > 5000) continue;
        for (const m of line.matchAll(EMAIL_IN_TEXT)) {
          const email = stripDot(m[0]);
          if (isPartner(email) || isRole(email) || NON_CUSTOMER_DOMAINS.has(domainOf(email) ?? '')) continue;
          contact.email = email;
          source ??= 'body';
          const sentence = sentenceAround(line, m.index);
          const near = personNear(sentence.text, m.index - sentence.start, email);
          contact.name ??= near.name;
          contact.title ??= near.title;
          const after = sentence.text.slice(m.index - sentence.start + email.length);
          contact.phone ??= phonesIn(after.slice(0, 80))[0];
          if (!contact.title) {
            const t = /^\W{0,3}\s*,?\s*\)?\s*,\s*([^,.@]{2,50})/.exec(after);
            if (t) contact.title = cleanTitle(t[1]!);
          }
          found = true;
          break;
        }
        if (found) break;
      }
      if (found) break;
      void mi;
    }
  }
  if (!contact.name) {
    const named = namedContact(bodies.join('\n'));
    if (named.name) {
      contact.name = named.name;
      contact.title ??= named.title;
      contact.phone ??= named.phone;
      source ??= 'body';
    }
  }
  if (contact.email && !contact.name) {
    const spelled = nameSpelledByAddress(allBodies, contact.email);
    contact.name = spelled.name;
    contact.title ??= spelled.title;
  }
  let localPartName = false;
  if (contact.email && !contact.name) {
    // jane.doe@acme.com → "Jane Doe" (lower confidence unless the text spells that name).
    const parts = contact.email.split('@')[0]!.split(/[._]/);
    if (parts.length === 2 && parts.every((w) => /^[a-z]{2,}$/i.test(w))) {
      contact.name = titleCase(parts.join(' '));
      localPartName = !text.toLowerCase().includes(contact.name.toLowerCase());
    }
  }
  const cConf = source === 'label' ? 0.9 : source === 'forward' ? 0.8 : 0.6;
  set('contactName', contact.name ? clean(contact.name) : undefined, localPartName ? 0.45 : cConf);
  set('contactEmail', contact.email?.toLowerCase(), cConf);
  set('contactPhone', contact.phone, cConf - 0.05);
  set('contactTitle', contact.title ? clean(contact.title) : undefined, cConf - 0.1);

  // Customer domain: labelled website, else the contact's company domain, else a URL in the body.
  const site = labels.values.get('website');
  const contactDomain = domainOf(contact.email ?? '');
  if (site && domainOf(site)) set('customerDomain', domainOf(site), 0.9);
  else if (contactDomain && !isFreeMail(contactDomain) && !partnerDomains.has(contactDomain)) {
    set('customerDomain', contactDomain, 0.75);
  } else {
    const b = top ? body(top).join('\n') : '';
    for (const m of b.matchAll(URL_IN_TEXT)) {
      if (b[m.index - 1] === '@' || b[m.index + m[0].length] === '@' || m[0].includes('@')) continue;
      if (
        !/^(?:https?:|www\.)/i.test(m[0]) &&
        !/\.(?:com|net|org|io|co|de|fr|es|it|nl|uk|ch|at|se|no|dk|fi|pl|jp|in|au|ca|br|mx|be|ie|pt|edu|ai|app)$/i.test(
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

  // Customer name.
  const catalogPatterns = options.catalog?.length ? compileCatalog(options.catalog) : undefined;
  const productWords = new Set(
    (options.catalog ?? []).flatMap((c) => [c.name, ...(c.aliases ?? [])]).map((n) => compact(n))
  );
  const partnerKeys = [partnerCompany, ...[...partnerDomains].map((d) => d.split('.')[0])]
    .filter((x): x is string => Boolean(x))
    .map(compact)
    .filter((k) => k.length >= 3);
  const excludeName = (name: string): boolean => {
    const k = compact(name);
    if (productWords.has(k)) return true;
    if (partnerKeys.some((p) => k === p || k.startsWith(p) || p.startsWith(k))) return true;
    if (contact.name && k === compact(contact.name)) return true;
    return false;
  };
  const lCustomer = labels.values.get('customerName');
  if (lCustomer) {
    // The value ends where its sentence ends ("Customer: Orchard Health. They are ...").
    const end = /(?<!\b\p{L})[.;!?]\s+(?=\p{Lu})/u.exec(lCustomer);
    const value = end ? lCustomer.slice(0, end.index + 1) : lCustomer;
    let v = clean(value.replace(/\([^)]*\)/g, '').replace(/^[|]\s*/, ''));
    if (v === v.toUpperCase() && /\p{Lu}{3}/u.test(v))
      v = titleCase(v.toLowerCase()).replace(/\b(Ltd|Llc|Gmbh|Plc|Ag|Bv|Sa)\b/g, (x) => x);
    set('customerName', v, 0.9);
  }
  const domain = fields.customerDomain;
  if (!fields.customerName && domain) {
    const spelled = nameFromDomain(domain, allBodies);
    if (spelled && !excludeName(spelled)) set('customerName', spelled, 0.75);
  }
  if (!fields.customerName) {
    for (const b of bodies) {
      const cands = nameCandidates(b, excludeName);
      if (cands[0]) {
        set('customerName', cands[0].name, cands[0].score >= 0.7 ? 0.6 : 0.5);
        break;
      }
    }
  }
  if (!fields.customerName && contact.company && !excludeName(contact.company)) {
    set('customerName', contact.company, 0.55);
  }

  // Opportunity name: labelled, else a registration-like subject line, else proposed.
  const subjectRaw = top?.headers.subject ?? messages.find((m) => m.headers.subject)?.headers.subject ?? '';
  const subject = clean(subjectRaw.replace(/^(?:(?:re|fw|fwd|wg|aw|tr|rv|sv|vs|antw|doorst)\s*:\s*)+/i, ''));
  const lOpp = labels.values.get('opportunityName');
  if (lOpp) set('opportunityName', clean(lOpp).slice(0, 120), 0.9);
  else if (subject && SUBJECT_CUES.test(subject)) {
    const stripped = clean(subject.replace(SUBJECT_PREFIX, '').replace(/^(?:for|für|pour|para)\s+/i, ''));
    if (stripped.length >= 3) set('opportunityName', stripped.slice(0, 120), 0.6);
  }

  // Money and dates: the newest statement wins.
  const money = pickAmount(messages.map((m) => (partnerMessage(m) ? m : { ...m, sigStart: m.lines.length })));
  if (money) {
    set('amount', money.amount, money.confidence);
    set(
      'currency',
      money.currency ?? pickCurrency(messages) ?? currencyHint(allBodies, domain),
      money.confidence
    );
  }
  const close = pickCloseDate(messages, ref);
  if (close) set('closeDate', close.value, close.confidence);

  // Products: labelled lines, and catalogue products in the prose (newest message restricts and removes).
  const labelled = [labels.values.get('products'), ...labels.productLines].filter(Boolean).join(', ');
  const products: string[] = [];
  const add = (p: string): void => {
    if (!products.some((x) => compact(x) === compact(p))) products.push(p);
  };
  if (catalogPatterns) {
    const removed = new Set<string>();
    let restricted: string[] | undefined;
    for (const [i, b] of bodies.entries()) {
      for (const sentence of sentencesOf(b)) {
        if (sentence.length > 5000) continue;
        const found = findCatalogProducts(sentence, catalogPatterns).map((f) => f.product);
        if (found.length === 0) continue;
        if (REMOVAL_CUES.test(sentence)) {
          found.forEach((p) => removed.add(p));
          continue;
        }
        if (i === 0 && ONLY_CUES.test(sentence)) restricted = [...(restricted ?? []), ...found];
        for (const p of found) if (!removed.has(p)) add(p);
      }
    }
    if (restricted) {
      const keep = new Set(restricted);
      for (let k = products.length - 1; k >= 0; k--) if (!keep.has(products[k]!)) products.splice(k, 1);
    }
    if (labelled) {
      for (const item of splitProducts(labelled)) {
        if (findCatalogProducts(item, catalogPatterns).length === 0 && !removed.has(item)) add(item);
      }
    }
  } else if (labelled) {
    splitProducts(labelled).forEach(add);
  }
  set('products', products.slice(0, 20), labelled ? 0.85 : 0.7);

  if (!fields.opportunityName && fields.customerName && fields.products?.[0]) {
    set('opportunityName', `${fields.customerName} – ${fields.products[0]}`.slice(0, 120), 0.3);
    proposed.push('opportunityName');
  }

  set('summary', summarize(top), 0.5);
  return { fields, confidence, proposed };
}

/** "Prof. Diane Keller (CIO)" elsewhere in the text for dkeller@…: a name the address spells. */
function nameSpelledByAddress(text: string, email: string): Person {
  const local = compact(email.split('@')[0]!);
  if (local.length < 4) return {};
  const re =
    /\p{Lu}[\p{L}'’-]+(?: (?:van|von|de|der|den|da|di|del|la|le|du|dos))*(?: \p{Lu}[\p{L}'’-]+){1,2}/gu;
  for (const line of text.split('\n')) {
    if (line.length > 5000) continue;
    for (const m of line.matchAll(re)) {
      const name = m[0];
      if (!looksLikeName(name)) continue;
      const parts = name.split(' ').map(compact);
      const first = parts[0]!;
      const last = parts[parts.length - 1]!;
      const forms = [first + last, first[0]! + last, last + first, last, first + last[0]!];
      if (!forms.includes(local)) continue;
      const paren = /^\s*\(([^()@]{2,60})\)/.exec(line.slice(m.index + name.length));
      return { name, title: paren ? cleanTitle(paren[1]!) : undefined };
    }
  }
  return {};
}

function sentenceAround(line: string, at: number): { text: string; start: number } {
  const boundary = /[.!?](?=\s+[A-ZÀ-Þ(])\s+/g;
  let start = 0;
  let end = line.length;
  for (const m of line.matchAll(boundary)) {
    const after = m.index + m[0].length;
    if (after <= at) start = after;
    else if (m.index >= at) {
      end = m.index + 1;
      break;
    }
  }
  return { text: line.slice(start, end), start };
}

/** Splits "From: Jane Doe <jane@acme.com>" style values. */
export function parseAddress(value: string): Person {
  const email = firstEmail(value);
  let name = value
    .replace(/<[^>]{0,300}>|\[mailto:[^\]]{0,300}\]|\([^)]{0,300}@[^)]{0,300}\)/gi, '')
    .replace(EMAIL_IN_TEXT, '')
    .replace(/["']/g, '');
  name = clean(name);
  const comma = /^([\p{L}'-]+),\s*([\p{L}'-]+)$/u.exec(name);
  if (comma) name = `${comma[2]} ${comma[1]}`;
  const words = name.split(' ');
  const looks =
    words.length >= 2 && words.length <= 4 && words.every((w) => /^[A-ZÀ-Þ][\p{L}'’.-]*$/u.test(w));
  return {
    email,
    name:
      looks && !/^(?:Deal Desk|Partner Desk|Partner Team)$/i.test(name)
        ? name.replace(/^(?:Dr|Prof)\.?\s+/, '')
        : undefined
  };
}

function summarize(msg: Message | undefined): string | undefined {
  if (!msg) return undefined;
  const text = body(msg)
    .filter(
      (l) =>
        l.trim() &&
        !splitLabel(l) &&
        !/^(?:hi|hello|hey|dear|hallo|guten tag|bonjour|hola|ciao|hoi|hej|moin|servus|grüezi|salve|buongiorno|olá|oi)\b/i.test(
          l.trim()
        )
    )
    .filter((l) => !SIGN_OFF.test(l.trim()))
    .join(' ');
  const sentences = text
    .split(/(?<=[.!?])\s+/)
    .map(clean)
    .filter((s) => s.length > 15 && s.length < 600 && !/@/.test(s) && phonesIn(s).length === 0);
  if (sentences.length === 0) return undefined;
  let out = '';
  for (const s of sentences) {
    if (out && (out + ' ' + s).length > 300) break;
    out = out ? `${out} ${s}` : s;
    if (out.length > 160) break;
  }
  return out.length > 300 ? `${out.slice(0, 297)}...` : `${out}${/[.!?]$/.test(out) ? '' : '.'}`;
}

export { capitalizedRun };
