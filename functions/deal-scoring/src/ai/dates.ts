// Dates in partner emails: chrono-node in several locales, plus one chrono parser of our own for the
// period expressions chrono has no notion of ("end of Q3", "Q1 2027", "EOY", "Ende März",
// "fin mars", "a finales de junio", "H2"). A month without a day means the month's last day, the
// usual reading of a close date ("closing in March").
import * as chrono from 'chrono-node';

export interface DateMention {
  /** Offset in the text passed in. */
  index: number;
  text: string;
  /** YYYY-MM-DD */
  date: string;
  /** True when the text named a day (or a period end, which is a definite day). */
  exact: boolean;
}

const MONTHS: Record<string, number> = {};
const monthNames: string[][] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'januari', 'janeiro'],
  [
    'february',
    'feb',
    'februar',
    'février',
    'fevrier',
    'févr',
    'febrero',
    'febbraio',
    'februari',
    'fevereiro'
  ],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'maart', 'março', 'marco'],
  ['april', 'apr', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mei', 'maio'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'outubro'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro']
];
monthNames.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const END =
  "(?:(?:by |at |until |before )?(?:the )?(?:end of(?: the)?|eo)|ende(?: des| der)?|(?:à |a )?(?:la )?fin(?: de| du| d')?|(?:a )?(?:finales|fines|final) de(?:l)?|(?:até o |no )?fim de|eind|(?:alla )?fine(?: di)?)";
// A two-digit year only after an apostrophe, a slash or "FY" ("Q3/27", "Q1 '27"), never a bare number.
const YEAR = "(?:\\s*(?:'|fy|/)?(\\d{4}|(?<=['/yY])\\d{2}))?";
const PERIOD_RE = new RegExp(
  [
    '(?<![\\w])(?:',
    `(?:(${END})\\s*)?`,
    '(?:',
    `(?:q|quarter\\s*|quartal\\s*|trimestre\\s*|t)([1-4])(?:\\s*[/-]?${YEAR.slice(3)}`,
    `|([1-4])(?:st|nd|rd|th|\\.)?\\s*(?:quarter|quartal|trimestre)${YEAR}`,
    `|h([12])${YEAR}`,
    `|(${MONTH_ALT})\\.?${YEAR}`,
    '|(this month|the month|month|monats|du mois|del mes|mês)',
    '|(next month|nächsten monats|naechsten monats|du mois prochain|del (?:próximo|proximo) mes|(?:do )?próximo mês)',
    '|(this quarter|the quarter|quarter|quartals|du trimestre|del trimestre)',
    '|(next quarter|nächsten quartals|du trimestre prochain|del próximo trimestre)',
    "|(this year|the year|year|jahres|de l'année|de l'annee|del año|de año|do ano)",
    ')',
    "|(eom|eoq|eoy|year[- ]end|jahresende|fin d'année)",
    ')(?![\\w])'
  ].join(''),
  'i'
);

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(raw: string | undefined, fallback: number): number {
  if (!raw) return fallback;
  const n = Number(raw);
  return raw.length === 2 ? 2000 + n : n;
}

/** The next period end on or after the reference when no year is given. */
function upcoming(ref: Date, month: number, yearRaw: string | undefined): { year: number; month: number } {
  const refYear = ref.getUTCFullYear();
  if (yearRaw) return { year: fullYear(yearRaw, refYear), month };
  const endThisYear = Date.UTC(refYear, month - 1, lastDay(refYear, month));
  const refDay = Date.UTC(refYear, ref.getUTCMonth(), ref.getUTCDate());
  return { year: endThisYear >= refDay ? refYear : refYear + 1, month };
}

const periodParser: chrono.Parser = {
  pattern: () => PERIOD_RE,
  extract: (context, match) => {
    const ref = context.refDate;
    const g = (i: number): string | undefined => match[i] ?? undefined;
    const hasEnd = Boolean(g(1));
    const refMonth = ref.getUTCMonth() + 1;
    let ym: { year: number; month: number } | null = null;
    if (g(2) || g(4)) {
      const q = Number(g(2) ?? g(4));
      ym = upcoming(ref, q * 3, g(3) ?? g(5));
    } else if (g(6)) {
      ym = upcoming(ref, Number(g(6)) * 6, g(7));
    } else if (g(8)) {
      // A bare month name is chrono's job; only "end of <month>" is ours.
      if (!hasEnd) return null;
      const month = MONTHS[g(8)!.toLowerCase()];
      if (!month) return null;
      ym = upcoming(ref, month, g(9));
    } else if (g(10) && hasEnd) {
      ym = { year: ref.getUTCFullYear(), month: refMonth };
    } else if (g(11)) {
      const d = new Date(Date.UTC(ref.getUTCFullYear(), refMonth, 1));
      ym = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
    } else if (g(12) && hasEnd) {
      ym = { year: ref.getUTCFullYear(), month: Math.ceil(refMonth / 3) * 3 };
    } else if (g(13)) {
      const m = Math.ceil(refMonth / 3) * 3 + 3;
      ym = { year: ref.getUTCFullYear() + (m > 12 ? 1 : 0), month: m > 12 ? m - 12 : m };
    } else if (g(14) && hasEnd) {
      ym = { year: ref.getUTCFullYear(), month: 12 };
    } else if (g(15)) {
      const word = g(15)!.toLowerCase();
      const m = word === 'eom' ? refMonth : word === 'eoq' ? Math.ceil(refMonth / 3) * 3 : 12;
      ym = { year: ref.getUTCFullYear(), month: m };
    }
    if (!ym) return null;
    return { year: ym.year, month: ym.month, day: lastDay(ym.year, ym.month) };
  }
};

const english = chrono.casual.clone();
english.parsers.unshift(periodParser);
const others = [
  chrono.de.casual,
  chrono.fr.casual,
  chrono.es.casual,
  chrono.it.casual,
  chrono.nl.casual,
  chrono.pt.casual
];

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every date mentioned in `text`, resolved against `ref`, in text order, overlaps removed. */
export function findDates(text: string, ref: Date): DateMention[] {
  const found: DateMention[] = [];
  const add = (results: chrono.ParsedResult[]): void => {
    for (const r of results) {
      const year = r.start.get('year');
      const month = r.start.get('month');
      if (!year || !month) continue;
      const dayKnown = r.start.isCertain('day');
      // A time alone ("1.2M" read as a clock time by some locales) is not a date.
      if (
        !dayKnown &&
        !r.start.isCertain('month') &&
        !r.start.isCertain('year') &&
        !r.start.isCertain('weekday')
      ) {
        continue;
      }
      // "next week", "in two weeks" carry an implied weekday; treat them as exact days.
      const exact = dayKnown || (r.start.isCertain('month') && /week|woche|semaine|semana/i.test(r.text));
      const day = exact ? (r.start.get('day') ?? 1) : lastDay(year, month);
      const start = r.index;
      const end = r.index + r.text.length;
      const overlap = found.findIndex((f) => start < f.index + f.text.length && f.index < end);
      if (overlap >= 0) {
        if (found[overlap]!.text.length >= r.text.length) continue;
        found.splice(overlap, 1);
      }
      found.push({ index: start, text: r.text, date: iso(year, month, day), exact });
    }
  };
  add(english.parse(text, ref, { forwardDate: true }));
  for (const c of others) add(c.parse(text, ref, { forwardDate: true }));
  return found
    .filter((f) => {
      const t = f.text.trim();
      if (/^\d{1,4}$/.test(t)) return false;
      if (t.replace(/[^\p{L}\d]/gu, '').length < 4 && !/^(?:eom|eoq|eoy|h[12]|q[1-4]|t[1-4])$/i.test(t))
        return false;
      // Money ("1.2M") and bare durations ("three years" with no "in"/"next") are not dates.
      if (/^\d+(?:[.,]\d+)?\s*[MKk]\b/.test(t)) return false;
      return !/^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few)\s+(?:years?|months?|weeks?|days?)$/i.test(
        t
      );
    })
    .sort((a, b) => a.index - b.index);
}
