// Money in partner emails: "$1.2M", "120k", "EUR 80.000", "1.250.000,00 €", "CHF 1'200'000",
// "£45,000", "2,5 Mio. EUR", "USD 300K". A number counts as money only with a currency or a
// magnitude suffix, so phone numbers, dates and quantities are left alone.

export interface MoneyMention {
  index: number;
  text: string;
  amount: number;
  /** ISO 4217, when the text names one. */
  currency?: string;
}

const SYMBOLS: Record<string, string> = {
  us$: 'USD',
  usd: 'USD',
  $: 'USD',
  ca$: 'CAD',
  c$: 'CAD',
  au$: 'AUD',
  a$: 'AUD',
  r$: 'BRL',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  'fr.': 'CHF',
  euro: 'EUR',
  euros: 'EUR',
  dollar: 'USD',
  dollars: 'USD',
  pounds: 'GBP',
  franken: 'CHF',
  francs: 'CHF'
};
const CODES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'CNY',
  'HKD',
  'SGD',
  'INR',
  'BRL',
  'MXN',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'ZAR',
  'AED',
  'SAR',
  'ILS',
  'TRY',
  'KRW'
];
const CUR = `(?:US\\$|CA\\$|AU\\$|C\\$|A\\$|R\\$|\\$|€|£|¥|₹|Fr\\.|${CODES.join('|')})`;
const CUR_WORD = `(?:${CODES.join('|')}|€|\\$|£|euros?|Euro|dollars?|pounds|Franken|francs|kr\\.?|kroner|kronor)`;
const NUM = "\\d{1,3}(?:[.,' \\u00a0]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?";
const SUFFIX =
  '(?:k|K|m|M|mn|MM|bn|B|million|millions|Million|Millionen|Mio\\.?|Mrd\\.?|billion|thousand|Tsd\\.?|mil|millones|mille)';

const PREFIX_RE = new RegExp(`(?<![\\w$€£¥])(${CUR})\\s?(${NUM})(?:\\s?(${SUFFIX}))?(?![\\w])`, 'g');
const POSTFIX_RE = new RegExp(`(?<![\\w.,])(${NUM})(?:\\s?(${SUFFIX}))?\\s?(${CUR_WORD})(?![\\w])`, 'gi');
const BARE_RE = new RegExp(`(?<![\\w.,$€£])(${NUM})\\s?(k|K|M|mn|MM|Mio\\.?|million|Million)(?![\\w])`, 'g');

const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(?:k|thousand|tsd\.?|mil|mille)$/i, 1e3],
  [/^(?:m|mn|mm|million|millions|millionen|mio\.?|millones)$/i, 1e6],
  [/^(?:bn|b|billion|mrd\.?)$/i, 1e9]
];

/** Parses "1.200.000,50", "1,200,000.50", "80.000", "1.2", "1'200" into a number. */
export function parseNumber(raw: string, hasSuffix: boolean): number {
  let s = raw.replace(/[' \u00a0]/g, '');
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots && commas) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (dots + commas > 0) {
    const sep = dots ? '.' : ',';
    const count = dots || commas;
    const after = s.length - s.lastIndexOf(sep) - 1;
    if (count > 1 || (after === 3 && !hasSuffix)) s = s.split(sep).join('');
    else s = s.replace(sep, '.');
  }
  return Number(s);
}

function multiplier(suffix: string | undefined): number {
  if (!suffix) return 1;
  for (const [re, m] of MULTIPLIERS) if (re.test(suffix)) return m;
  return 1;
}

function currencyOf(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const upper = token.toUpperCase();
  if (CODES.includes(upper)) return upper;
  return SYMBOLS[token.toLowerCase()];
}

/** Every money mention in `text`, in text order, overlaps removed (the longer mention wins). */
export function findMoney(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  const add = (
    index: number,
    matched: string,
    num: string,
    suffix: string | undefined,
    cur: string | undefined
  ) => {
    const value = parseNumber(num, Boolean(suffix)) * multiplier(suffix);
    if (!Number.isFinite(value) || value <= 0) return;
    const end = index + matched.length;
    const clash = out.findIndex((m) => index < m.index + m.text.length && m.index < end);
    if (clash >= 0) {
      if (out[clash]!.text.length >= matched.length) return;
      out.splice(clash, 1);
    }
    out.push({ index, text: matched, amount: Math.round(value * 100) / 100, currency: currencyOf(cur) });
  };
  for (const m of text.matchAll(PREFIX_RE)) add(m.index, m[0], m[2]!, m[3], m[1]);
  for (const m of text.matchAll(POSTFIX_RE)) add(m.index, m[0], m[1]!, m[2], m[3]);
  for (const m of text.matchAll(BARE_RE)) add(m.index, m[0], m[1]!, m[2], undefined);
  return out.sort((a, b) => a.index - b.index);
}
