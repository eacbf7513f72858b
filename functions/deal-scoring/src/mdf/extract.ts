// Invoice and receipt fields from a document's text (text layer or OCR): vendor, invoice number,
// invoice date, net / tax / gross totals, currency and line items, each with a confidence and
// the line it was read from. Labels in English, German and French; amounts in 1,234.56 /
// 1.234,56 / 1 234,56 / 1'234.56 forms. Deterministic: the same text gives the same fields.
import { parseNumber } from '../ai/money';
import type { ExtractedAmount, ExtractedLineItem, ExtractedText, MdfExtractedFields } from './schemas';

const CODES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'CAD',
  'AUD',
  'JPY',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'INR',
  'SGD',
  'NZD',
  'CNY',
  'BRL',
  'MXN'
];
const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  US$: 'USD',
  $: 'USD'
};

/** An amount: thousands groups with , . ' space or narrow space, two decimals; or a bare integer group. */
const AMOUNT =
  /(?<![\w.,-])-?(\d{1,3}(?:[.,'’\u00a0\u202f ]\d{3})+(?:[.,]\d{2})?|\d+[.,]\d{2}|\d{1,9})(?![\d%]|[.,]\d)/g;
// Labels tolerate what OCR does to them: a stray character glued in front ("2Zwischensumme"), a
// letter doubled or misread inside ("MwsSt.", "Gesamthetrag").
const NET =
  /(?<![A-Za-z])(sub-?\s?total|net\s*(?:total|amount)|total\s*net|netto\w*|zwischen\w*|total\s*h\.?t\.?|montant\s*ht)(?![A-Za-z])/i;
const TAX = /(?<![A-Za-z])(vat|tax|sales\s*tax|gst|mw\w{0,2}st\.?|ust\.?|tva|iva)(?![A-Za-z])/i;
const GROSS =
  /(?<![A-Za-z])(grand\s*total|total\s*due|amount\s*due|balance\s*due|total\s*amount|invoice\s*total|total\s*ttc|montant\s*ttc|gesamt\w*|rechnungsbetrag|brutto\w*|total)(?![A-Za-z])/i;
const DOC_TITLE = /^\s*(tax\s+)?(invoice|receipt|rechnung|quittung|facture|re[cç]u|bill)\b\s*$/i;
const LABEL_LINE =
  /\b(invoice|receipt|rechnung|facture|date|datum|bill\s*to|ship\s*to|customer|kunde|client|page|seite|tel|phone|e-?mail|www\.|iban|vat\s*(id|no|reg)|ust-?id|qty|description|beschreibung|amount|betrag)\b/i;

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januar: 1,
  janvier: 1,
  feb: 2,
  february: 2,
  februar: 2,
  fevrier: 2,
  février: 2,
  mar: 3,
  march: 3,
  märz: 3,
  maerz: 3,
  mars: 3,
  apr: 4,
  april: 4,
  avril: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  juin: 6,
  jul: 7,
  july: 7,
  juli: 7,
  juillet: 7,
  aug: 8,
  august: 8,
  août: 8,
  aout: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  octobre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
  décembre: 12,
  decembre: 12
};

export interface Line {
  text: string;
  index: number;
}

const source = (s: string) => s.trim().replace(/\s+/g, ' ').slice(0, 200);

/** Amounts on a line, in order, with their text. */
export function amountsOn(line: string): { value: number; text: string }[] {
  const out: { value: number; text: string }[] = [];
  for (const m of line.matchAll(AMOUNT)) {
    const raw = m[1]!;
    const normalized = raw.replace(/[’\u202f]/g, "'").replace(/'/g, "'");
    const value = parseNumber(normalized.replace(/'/g, ''), false);
    if (Number.isFinite(value)) out.push({ value: m[0].startsWith('-') ? -value : value, text: raw });
  }
  return out;
}

/** The last amount on a line that is not a percentage or a year-like bare number next to a label. */
function lastMoney(line: string): { value: number; text: string } | undefined {
  const found = amountsOn(line).filter(
    (a) => /[.,]\d{2}$/.test(a.text) || a.value >= 1000 || /[.,'\s]/.test(a.text)
  );
  return (
    found.at(-1) ??
    amountsOn(line)
      .filter((a) => !/^(19|20)\d\d$/.test(a.text))
      .at(-1)
  );
}

function dateFrom(y: number, m: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The first date on a line (ISO); `monthFirst` decides 03/04/2026 when both readings are valid. */
export function dateOn(line: string, monthFirst: boolean): { value: string; text: string } | undefined {
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(line);
  if (iso) {
    const v = dateFrom(+iso[1]!, +iso[2]!, +iso[3]!);
    if (v) return { value: v, text: iso[0] };
  }
  const num = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/.exec(line);
  if (num) {
    const a = +num[1]!;
    const b = +num[3]!;
    const y = num[4]!.length === 2 ? 2000 + +num[4]! : +num[4]!;
    const mdy = num[2] === '/' && a <= 12 && (b > 12 || monthFirst);
    const v = mdy ? dateFrom(y, a, b) : dateFrom(y, b, a);
    if (v) return { value: v, text: num[0] };
  }
  const words = /\b(\d{1,2})\.?\s+([A-Za-zéûä]{3,10})\.?,?\s+(\d{4})\b/.exec(line);
  if (words && MONTHS[words[2]!.toLowerCase()]) {
    const v = dateFrom(+words[3]!, MONTHS[words[2]!.toLowerCase()]!, +words[1]!);
    if (v) return { value: v, text: words[0] };
  }
  const us = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(line);
  if (us && MONTHS[us[1]!.toLowerCase()]) {
    const v = dateFrom(+us[3]!, MONTHS[us[1]!.toLowerCase()]!, +us[2]!);
    if (v) return { value: v, text: us[0] };
  }
  return undefined;
}

function currencyOf(text: string, grossLine: string | undefined): ExtractedText | undefined {
  const codeRe = new RegExp(`\\b(${CODES.join('|')})\\b`, 'g');
  const pick = (line: string): string | undefined => {
    const code = [...line.matchAll(codeRe)][0]?.[1];
    if (code) return code;
    for (const [sym, iso] of Object.entries(SYMBOLS)) if (line.includes(sym)) return iso;
    return undefined;
  };
  if (grossLine) {
    const c = pick(grossLine);
    if (c) return { value: c, confidence: 0.95, sourceText: source(grossLine) };
  }
  const counts = new Map<string, { n: number; line: string }>();
  for (const line of text.split('\n')) {
    const c = pick(line);
    if (c) counts.set(c, { n: (counts.get(c)?.n ?? 0) + 1, line: counts.get(c)?.line ?? line });
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  if (!best) return undefined;
  return { value: best[0], confidence: counts.size === 1 ? 0.85 : 0.6, sourceText: source(best[1].line) };
}

interface Found {
  value: number;
  text: string;
  /** Set when a lost decimal separator was put back (OCR). */
  repaired?: boolean;
}

/**
 * OCR sometimes loses a decimal separator ("1 091,44" read as "109144"). When net + tax = gross
 * holds only with such a bare number divided by 100, that reading is taken (and marked repaired).
 * Nothing changes unless all three totals were found and exactly one reading adds up.
 */
function repairLostDecimals(net?: Found, tax?: Found, gross?: Found): void {
  if (!net || !tax || !gross) return;
  const options = (a: Found) => (/^\d{3,}$/.test(a.text) ? [a.value, a.value / 100] : [a.value]);
  if (Math.abs(net.value + tax.value - gross.value) <= 0.02) return;
  const fits: [number, number, number][] = [];
  for (const n of options(net))
    for (const t of options(tax))
      for (const g of options(gross)) if (Math.abs(n + t - g) <= 0.02) fits.push([n, t, g]);
  if (fits.length !== 1) return;
  const [n, t, g] = fits[0]!;
  for (const [a, v] of [
    [net, n],
    [tax, t],
    [gross, g]
  ] as const) {
    if (a.value !== v) {
      a.value = Math.round(v * 100) / 100;
      a.repaired = true;
    }
  }
}

/** The amount on a labelled line, or on the next line when the label stands alone. */
function labelled(
  lines: Line[],
  label: RegExp,
  exclude?: RegExp,
  fromEnd = false
): { line: Line; amount: Found } | undefined {
  const order = fromEnd ? [...lines].reverse() : lines;
  for (const line of order) {
    if (!label.test(line.text) || exclude?.test(line.text)) continue;
    const here = lastMoney(line.text.replace(label, ' '));
    if (here) return { line, amount: here };
    const next = lines[line.index + 1];
    // A label alone on its line may have its amount on the next line (OCR of columns), nothing else.
    const labelOnly = (line.text.replace(label, '').match(/[A-Za-zÀ-ÿ]/g)?.length ?? 0) < 6;
    const nextIsAmount = next !== undefined && (next.text.match(/[A-Za-zÀ-ÿ]/g)?.length ?? 0) <= 3;
    const there = labelOnly && nextIsAmount ? lastMoney(next.text) : undefined;
    if (there && next)
      return { line: { text: `${line.text} ${next.text}`, index: line.index }, amount: there };
  }
  return undefined;
}

/** Fields of one document. `quality` (0-1) scales every confidence (1 for a text layer, the OCR confidence otherwise). */
export function extractFields(text: string, quality = 1): MdfExtractedFields {
  const lines: Line[] = text
    .split('\n')
    .map((t) => t.replace(/\s+$/, ''))
    .filter((t) => t.trim() !== '')
    .map((t, index) => ({ text: t, index }));
  const conf = (c: number) => Math.round(Math.max(0, Math.min(1, c * (0.5 + quality / 2))) * 100) / 100;
  const fields: MdfExtractedFields = { lineItems: [] };

  // Totals: the gross total is the last "total" line that is not a net or tax line.
  // A "total incl. VAT" line is the gross total; any other line naming net or tax is not.
  const gross = labelled(
    lines,
    GROSS,
    new RegExp(`^(?!.*\\bincl).*(${NET.source}|${TAX.source})`, 'i'),
    true
  );
  const net = labelled(lines, NET);
  const tax = labelled(lines, TAX, /\b(vat\s*(id|no|reg|number)|ust-?id|tax\s*(id|invoice)|incl|excl)\b/i);
  if (quality < 1) repairLostDecimals(net?.amount, tax?.amount, gross?.amount);
  const amountField = (f: typeof gross, c: number): ExtractedAmount | undefined =>
    f
      ? {
          value: f.amount.value,
          confidence: conf(f.amount.repaired ? c * 0.8 : c),
          sourceText: source(f.line.text)
        }
      : undefined;
  const g = amountField(gross, 0.9);
  const n = amountField(net, 0.9);
  const t = amountField(tax, 0.85);
  if (g) fields.grossAmount = g;
  if (n) fields.netAmount = n;
  if (t) fields.taxAmount = t;

  const currency = currencyOf(text, gross?.line.text);
  if (currency) fields.currencyIsoCode = { ...currency, confidence: conf(currency.confidence) };
  const monthFirst = currency?.value === 'USD';

  // Invoice number: after an invoice/receipt label; must contain a digit and not be a date.
  const numberRe =
    /\b(?:invoice|receipt|rechnung(?:s)?|facture|bill|beleg|quittung)\s*(?:no\.?|number|nr\.?|#|n[°o]\.?|nummer|num[ée]ro)?\s*[:#.]?\s*([A-Z0-9][A-Z0-9\-/.]{2,30})/i;
  for (const line of lines) {
    const m = numberRe.exec(line.text);
    if (m && /\d/.test(m[1]!) && !dateOn(m[1]!, monthFirst)) {
      fields.invoiceNumber = {
        value: m[1]!.replace(/[.]$/, ''),
        confidence: conf(0.9),
        sourceText: source(line.text)
      };
      break;
    }
  }

  // Invoice date: a labelled date first, else the first date of the document.
  const dateLabel =
    /\b(invoice\s*date|date\s*of\s*issue|issue\s*date|issued|receipt\s*date|date|datum|rechnungsdatum|date\s*de\s*facture)\b/i;
  const notDue = /\b(due|f[äa]llig|[ée]ch[ée]ance|delivery|liefer|service\s*period|leistung|period)\b/i;
  for (const line of lines) {
    if (!dateLabel.test(line.text) || notDue.test(line.text)) continue;
    const d = dateOn(line.text, monthFirst);
    if (d) {
      fields.invoiceDate = { value: d.value, confidence: conf(0.9), sourceText: source(line.text) };
      break;
    }
  }
  if (!fields.invoiceDate) {
    for (const line of lines) {
      if (notDue.test(line.text)) continue;
      const d = dateOn(line.text, monthFirst);
      if (d) {
        fields.invoiceDate = { value: d.value, confidence: conf(0.6), sourceText: source(line.text) };
        break;
      }
    }
  }

  // Vendor: a labelled seller, else the first line that reads like a name.
  const vendorLabel =
    /^\s*(?:from|vendor|seller|supplier|issued\s*by|verk[äa]ufer|lieferant|fournisseur|[ée]metteur)\s*:\s*(.{2,120})$/i;
  for (const line of lines) {
    const m = vendorLabel.exec(line.text);
    if (m) {
      fields.vendorName = { value: m[1]!.trim(), confidence: conf(0.9), sourceText: source(line.text) };
      break;
    }
  }
  if (!fields.vendorName) {
    const first = lines
      .slice(0, 8)
      .find(
        (l) =>
          !DOC_TITLE.test(l.text) &&
          !LABEL_LINE.test(l.text) &&
          (l.text.match(/[A-Za-zÀ-ÿ]/g)?.length ?? 0) >= 3 &&
          (l.text.match(/\d/g)?.length ?? 0) <= 4 &&
          !dateOn(l.text, monthFirst)
      );
    if (first)
      fields.vendorName = {
        value: first.text.trim().replace(/\s{2,}/g, ' '),
        confidence: conf(0.65),
        sourceText: source(first.text)
      };
  }

  // Line items: lines before the first totals line that end in an amount and carry a description.
  const firstTotal = Math.min(
    ...[net, tax, gross].filter((x): x is NonNullable<typeof x> => x !== undefined).map((x) => x.line.index),
    lines.length
  );
  const items: ExtractedLineItem[] = [];
  for (const line of lines.slice(0, firstTotal)) {
    if (LABEL_LINE.test(line.text) || dateOn(line.text, monthFirst)) continue;
    const amounts = amountsOn(line.text).filter((a) => /[.,]\d{2}$/.test(a.text));
    const last = amounts.at(-1);
    if (!last) continue;
    const description = line.text
      .slice(0, line.text.indexOf(amounts[0]!.text))
      .replace(/[\s:x×*@-]+$/i, '')
      .replace(/\b\d+\s*$/, '')
      .trim();
    if ((description.match(/[A-Za-zÀ-ÿ]/g)?.length ?? 0) < 3) continue;
    items.push({
      description: description.slice(0, 200),
      amount: last.value,
      confidence: conf(0.75),
      sourceText: source(line.text)
    });
  }
  fields.lineItems = items.slice(0, 100);
  return fields;
}

/** A vendor name reduced to what identifies it (case, punctuation and legal forms dropped). */
export function vendorKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(
      /\b(gmbh|ag|ltd|limited|inc|llc|plc|sa|sarl|sas|bv|nv|co|corp|corporation|company|kg|ug|srl|oy|ab)\b\.?/g,
      ' '
    )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** An invoice number reduced to letters and digits, upper case (INV-2026/042 = inv2026042). */
export function invoiceNumberKey(n: string): string {
  return n.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The fingerprint stored for an invoice: vendor|number, both normalized. */
export function invoiceKey(vendor: string, number: string): string {
  return `${vendorKey(vendor)}|${invoiceNumberKey(number)}`;
}
