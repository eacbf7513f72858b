// Amount, currency and close date: the newest message that states one wins (a reply saying
// "€60k instead of the €90k" overrides the quoted original), a labelled line before prose within a
// message, and a figure struck by a correction ("instead of", "statt", "et non") never counts.
import { findDates, type DateMention } from '../dates';
import { findMoney, type MoneyMention } from '../money';
import { body, splitLabel, type Message } from './structure';
import { sentencesOf } from './text';
import { AMOUNT_CUES, CLOSE_CUES, CORRECTION_CUES, STRONG_CLOSE_CUES, THIS_YEAR } from './vocabulary';

export interface Picked<T> {
  value: T;
  confidence: number;
}

function labelled(
  msg: Message,
  key: 'amount' | 'currency' | 'closeDate',
  lines: string[]
): string | undefined {
  for (const l of lines) {
    const s = splitLabel(l);
    if (s && s.key === key && s.value) return s.value;
  }
  void msg;
  return undefined;
}

/** Currency named by a word or code alone ("DKK", "(kr)") in a sentence or, failing that, the domain's country. */
const CODE_ALONE = /\b(USD|EUR|GBP|CHF|CAD|AUD|NZD|JPY|CNY|INR|BRL|MXN|SEK|NOK|DKK|PLN|CZK|HUF|ZAR)\b/;
const TLD_CURRENCY: Record<string, string> = {
  dk: 'DKK',
  se: 'SEK',
  no: 'NOK',
  pl: 'PLN',
  cz: 'CZK',
  ch: 'CHF'
};

export function currencyHint(text: string, domain: string | undefined): string | undefined {
  const m = CODE_ALONE.exec(text.slice(0, 20000));
  if (m) return m[1];
  const tld = domain?.split('.').pop();
  return tld ? TLD_CURRENCY[tld] : undefined;
}

function bareNumber(s: string): MoneyMention | undefined {
  const m = /\d[\d.,' ]{0,30}\d|\d/.exec(s);
  if (!m) return undefined;
  const money = findMoney(`${m[0]} USD`)[0];
  return money ? { index: m.index, text: m[0], amount: money.amount, currency: currencyCode(s) } : undefined;
}

export function currencyCode(s: string): string | undefined {
  const t = s.trim().slice(0, 40);
  const money = findMoney(`1 ${t}`)[0] ?? findMoney(`${t} 1`)[0];
  return money?.currency ?? CODE_ALONE.exec(t.toUpperCase())?.[1];
}

/** Money mentions of a sentence that a correction does not strike out. */
function liveMoney(sentence: string): MoneyMention[] {
  const all = findMoney(sentence);
  return all.filter(
    (m) =>
      !CORRECTION_CUES.test(
        sentence
          .slice(Math.max(0, m.index - 30), m.index)
          .replace(/\b(?:the|der|die|le|la|el|de|il|l')\s*$/i, '')
      )
  );
}

export function pickAmount(
  messages: Message[]
): { amount: number; currency?: string; confidence: number } | undefined {
  for (const msg of messages) {
    const lines = body(msg);
    const label = labelled(msg, 'amount', lines);
    const labelCurrency = labelled(msg, 'currency', lines);
    if (label) {
      const m = findMoney(label)[0] ?? bareNumber(label);
      if (m)
        return {
          amount: m.amount,
          currency: m.currency ?? (labelCurrency ? currencyCode(labelCurrency) : undefined),
          confidence: 0.9
        };
    }
    const mentions: Array<MoneyMention & { cue: boolean }> = [];
    for (const sentence of sentencesOf(lines.join('\n'))) {
      const live = liveMoney(sentence);
      if (live.length === 0) continue;
      const cue = AMOUNT_CUES.test(sentence);
      for (const m of live) mentions.push({ ...m, cue });
    }
    if (mentions.length === 0) continue;
    const withCue = mentions.filter((m) => m.cue);
    const pool = withCue.length > 0 ? withCue : mentions;
    const best = pool.reduce((a, b) => (b.amount > a.amount ? b : a));
    const currency = best.currency ?? mentions.find((m) => m.currency)?.currency;
    const distinct = new Set(mentions.map((m) => m.amount)).size;
    return {
      amount: best.amount,
      currency,
      confidence: distinct === 1 ? 0.8 : withCue.length > 0 ? 0.65 : 0.5
    };
  }
  return undefined;
}

/** The currency stated anywhere when the chosen amount named none ("300.000 kr (DKK)"). */
export function pickCurrency(messages: Message[]): string | undefined {
  for (const msg of messages) {
    const c = labelled(msg, 'currency', body(msg));
    if (c) return currencyCode(c);
  }
  return undefined;
}

export function pickCloseDate(messages: Message[], ref: Date): Picked<string> | undefined {
  const refIso = ref.toISOString().slice(0, 10);
  for (const msg of messages) {
    const lines = body(msg).filter((l) => {
      const s = splitLabel(l);
      return !s || s.key !== 'header';
    });
    const label = labelled(msg, 'closeDate', lines);
    if (label) {
      const d = findDates(label, ref)[0];
      if (d) return { value: d.date, confidence: d.exact ? 0.9 : 0.8 };
    }
    const sentences = sentencesOf(lines.join('\n')).filter((s) => s.length <= 2000);
    for (const cues of [STRONG_CLOSE_CUES, CLOSE_CUES]) {
      for (const sentence of sentences) {
        if (!cues.test(sentence)) continue;
        const dates: DateMention[] = findDates(sentence, ref).filter((d) => d.date >= refIso);
        const live = dates.filter(
          (d) => !CORRECTION_CUES.test(sentence.slice(Math.max(0, d.index - 30), d.index))
        );
        if (live.length > 0) return { value: live[0]!.date, confidence: live[0]!.exact ? 0.75 : 0.65 };
      }
    }
    for (const sentence of sentences) {
      if (THIS_YEAR.test(sentence) && CLOSE_CUES.test(sentence)) {
        return { value: `${ref.getUTCFullYear()}-12-31`, confidence: 0.55 };
      }
    }
  }
  return undefined;
}
