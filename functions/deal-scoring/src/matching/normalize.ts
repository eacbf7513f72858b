import { transliterate } from 'transliteration';
import { withinOneEdit } from './distance';
import { VOCABULARY } from '../vocabulary';

/**
 * Company-name normalization: what two spellings of one company have in common.
 *
 * "The ACME Corp. (EMEA)" -> tokens ["acme"], with notes that a legal form and a region
 * qualifier were removed. Steps: Unicode folding (accents, ß, æ, ø), "&" -> "and", dotted
 * initials joined ("I.B.M." -> "ibm"), punctuation to spaces, leading "The", trailing legal forms
 * in many languages, trailing or parenthesized country/region qualifiers (subsidiaries written
 * "X Germany" or "X (EMEA)"), stop words, abbreviations and plural endings.
 */

/** Legal-form tokens (after folding; dotted forms like "S.p.A." arrive joined as "spa"). */
const LEGAL_FORMS: ReadonlySet<string> = new Set(VOCABULARY.legalForms.tokens);
/** Multi-token legal forms, matched at the end of the name. */
const LEGAL_PHRASES: string[][] = VOCABULARY.legalForms.phrases.map((p) => [...p]);

/** Country and region words: a trailing qualifier that names a subsidiary of the same group. */
const REGION_WORDS = new Set(
  (
    'emea apac latam amer america americas na nam noram europe european eu asia pacific asiapac anz mena dach ' +
    'benelux nordics nordic scandinavia global worldwide ' +
    'germany deutschland france uk britain england scotland ireland usa us canada mexico ' +
    'brasil brazil argentina chile colombia peru spain espana italy italia portugal netherlands nederland ' +
    'belgium belgie belgique switzerland schweiz suisse svizzera austria osterreich poland polska ' +
    'sweden sverige norway norge denmark danmark finland suomi czech czechia hungary romania greece turkey ' +
    'israel uae dubai saudi arabia egypt africa nigeria kenya india china japan nippon korea singapore ' +
    'malaysia indonesia thailand vietnam philippines australia zealand nz hongkong taiwan'
  ).split(' ')
);
/** Two-letter country codes: a region only inside parentheses ("Acme (DE)"), never as a last word. */
const COUNTRY_CODES = new Set(
  'de fr gb es it nl ch at ca jp cn in au nz br mx se no dk fi pl ie be pt sg hk kr za ae'.split(' ')
);

/** Two-word regions, matched at the end ("north america", "hong kong"). */
const REGION_PHRASES: string[][] = [
  ['north', 'america'],
  ['south', 'america'],
  ['latin', 'america'],
  ['united', 'kingdom'],
  ['united', 'states'],
  ['hong', 'kong'],
  ['new', 'zealand'],
  ['south', 'africa'],
  ['middle', 'east'],
  ['asia', 'pacific'],
  ['great', 'britain']
];

const ABBREVIATIONS: Record<string, string> = {
  intl: 'international',
  int: 'international',
  mfg: 'manufacturing',
  svcs: 'services',
  svc: 'services',
  natl: 'national',
  assn: 'association',
  assoc: 'associates',
  bros: 'brothers',
  univ: 'university',
  hosp: 'hospital',
  ctr: 'center',
  centre: 'center',
  tech: 'technology',
  techs: 'technologies',
  technologies: 'technology',
  sys: 'systems',
  labs: 'laboratories',
  lab: 'laboratories',
  mgmt: 'management',
  grp: 'group',
  hldgs: 'holdings',
  ind: 'industries',
  inds: 'industries',
  st: 'saint',
  mt: 'mount',
  ft: 'fort',
  fin: 'financial',
  ins: 'insurance'
};

/** Singular, unabbreviated form: "Technologies" / "Tech" -> "technology", "Systems" -> "system". */
function stem(token: string): string {
  const expanded = ABBREVIATIONS[token] ?? token;
  if (expanded.length > 5 && expanded.endsWith('ies')) return expanded.slice(0, -3) + 'y';
  // Plural endings; keep short words and "-ss" / "-us" / "-is" endings.
  if (expanded.length > 4 && expanded.endsWith('s') && !/(ss|us|is)$/.test(expanded))
    return expanded.slice(0, -1);
  return expanded;
}

const stemmedSet = (words: string): Set<string> => new Set(words.split(' ').flatMap((w) => [w, stem(w)]));

const STOP_WORDS = new Set([
  'the',
  'and',
  'of',
  'de',
  'la',
  'le',
  'les',
  'du',
  'des',
  'der',
  'die',
  'das',
  'und',
  'et',
  'for',
  'fur',
  'von',
  'van',
  'den',
  'del',
  'di',
  'da'
]);

/**
 * Words that say what kind of business, not which one. They count less when deciding whether two
 * names are the same company ("Delta Air Lines" vs "Delta Faucet" turns on "faucet", not "air").
 */
const INDUSTRY_WORDS = stemmedSet(
  'bank banc banco banque bancorp air airline airlines airways lines aviation systems system solutions ' +
    'solution services service technologies technology tech software hardware consulting consultants ' +
    'consultancy management capital financial finance insurance assurance investments investment ' +
    'partners associates enterprises enterprise industries industry manufacturing engineering ' +
    'construction logistics transport transportation shipping motor motors automotive auto foods food ' +
    'beverages pharma pharmaceuticals pharmaceutical labs laboratories laboratory networks network ' +
    'communications telecom telecommunications media digital data energy power electric electrical ' +
    'electronics health healthcare medical hospital hospitals clinic university college school trust ' +
    'national american british french german swiss dutch canadian australian japanese chinese indian ' +
    'deutsche deutscher first united general new north south east west central pacific atlantic ' +
    'resources products retail stores store home chemical chemicals steel oil gas petroleum mining ' +
    'realty properties property real estate hotels hotel resorts entertainment studios games security ' +
    'securities life mutual credit union federal royal standard consolidated allied advanced applied ' +
    'integrated innovative creative smart cloud analytics research design marketing sales trading ' +
    'supply supplies equipment machines machinery instruments devices controls sciences science bio ' +
    'biotech therapeutics diagnostics foundation institute agency studio works werke partner center ' +
    'centre mobile wireless express airlines cargo freight bancshares bankshares savings loan homes ' +
    'business international scientific computing operations koninklijke royal'
);
/** Corporate-structure words: almost as empty as a legal form ("Quitzon Group" = "Quitzon"). */
const STRUCTURE_WORDS = stemmedSet(
  'group grp gruppe groupe gruppo grupo groep holding holdings company companies co intl international global worldwide'
);

export const GENERIC_WEIGHT = 0.4;
export const STRUCTURE_WEIGHT = 0.15;

export interface NormalizedName {
  /** Core tokens: legal forms, region qualifiers and stop words removed, abbreviations expanded. */
  tokens: string[];
  /** Token weights (1 distinctive, less for industry and structure words). */
  weights: number[];
  /** Sum of weights. */
  weight: number;
  /** tokens.join(' '): equal keys = same name. */
  key: string;
  /** The words as written (not expanded or stemmed), joined: equal = same name up to spacing. */
  compact: string;
  /** Initials of the core tokens ("International Business Machines" -> "ibm"). */
  initials: string;
  /** Every word before legal forms were removed, joined ("Pepsi Co" and "PepsiCo" -> "pepsico"). */
  fullCompact: string;
  /** tokens.join('') (the acronym candidate for short names). */
  joined: string;
  /**
   * Which letters occur in `compact`: bit k for letter k, bits 26-29 for digits (two digits may
   * share a bit). Each bit set on one side only is one unit of histogram difference, so half the
   * bits of (a.letters ^ b.letters) is a lower bound of the edit distance of the compact names.
   */
  letters: number;
  /** True when a legal form (Inc, GmbH, S.p.A. ...) was removed. */
  legalRemoved: boolean;
  /** Region qualifier removed, as written ("germany", "emea"); empty when none. */
  region: string;
  /**
   * The words as written, also split at inner capitals ("GlaxoSmithKline" -> glaxo smith kline,
   * "SingTel" -> sing tel), lower case, legal forms and stop words left out: what a short form is
   * made of.
   */
  parts: string[];
  /** Weight of each part (tokenWeight of its stem): generic parts may be skipped by a short form. */
  partWeights: number[];
  /** Core words as written (not expanded or stemmed), one per token: the short-form candidates. */
  words: string[];
  /** The distinctive words (weight 1) joined, and how many there are ("wal mart" -> "walmart", 2). */
  distinctiveJoined: string;
  distinctiveCount: number;
}

const COMBINING = /[\u0300-\u036f]/g;
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i'
};
const FOLD_RE = /[ßæœøłđðþı]/g;

/**
 * Lower-case ASCII-ish folding: "Société Générale" -> "societe generale", "Börse" -> "borse"; names
 * in other scripts are transliterated (the transliteration package: "Газпром" -> "gazprom",
 * "华为" -> "hua wei").
 */
const ASCII = /^[\x20-\x7e]*$/;
export function foldText(raw: string): string {
  return foldCase(raw).toLowerCase();
}

/** foldText without lower-casing (inner capitals mark the parts of a stylised name). */
function foldCase(raw: string): string {
  if (ASCII.test(raw)) return raw;
  const folded = raw
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .replace(/[ÆŒØŁĐÐÞ]/g, (c) => (FOLD[c.toLowerCase()] ?? c).toUpperCase());
  // Other scripts (Cyrillic, Greek, Han, kana...) to Latin letters.
  return /[^\x00-\x7f]/.test(folded) ? transliterate(folded) : folded;
}

function tokenWeight(token: string): number {
  if (STRUCTURE_WORDS.has(token)) return STRUCTURE_WEIGHT;
  if (INDUSTRY_WORDS.has(token)) return GENERIC_WEIGHT;
  return 1;
}

function endsWithPhrase(tokens: string[], phrase: string[]): boolean {
  if (tokens.length < phrase.length) return false;
  const off = tokens.length - phrase.length;
  for (let i = 0; i < phrase.length; i++) if (tokens[off + i] !== phrase[i]) return false;
  return true;
}

function hasDistinctive(tokens: string[]): boolean {
  return tokens.some((t) => !STOP_WORDS.has(t) && tokenWeight(t) === 1 && !LEGAL_FORMS.has(t));
}

/** Splits folded text into tokens, joining runs of single letters ("i b m" -> "ibm"). */
function tokenize(folded: string): string[] {
  // "AT&T", "P&G": an ampersand between one- or two-letter parts, without spaces, is part of an
  // acronym ("AG & Co." is not).
  const text = folded
    .replace(/\b([a-z0-9]{1,2})&([a-z0-9]{1,2})\b/g, '$1$2')
    .replace(/&|\+/g, ' and ')
    .replace(/[''`´]/g, '');
  const raw = text.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
  const out: string[] = [];
  let run = '';
  for (const t of raw) {
    if (t.length === 1 && /[a-z]/.test(t)) {
      run += t;
      continue;
    }
    if (run) {
      out.push(run);
      run = '';
    }
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

/** Legal forms written before the name: "PT Bank Mandiri", "Kabushiki Kaisha Toshiba", "OOO Yandex". */
const LEADING_LEGAL: ReadonlySet<string> = new Set(VOCABULARY.legalForms.leading);
function stripLeadingLegal(tokens: string[]): boolean {
  if (tokens.length > 2 && tokens[0] === 'kabushiki' && tokens[1] === 'kaisha') {
    tokens.splice(0, 2);
    return true;
  }
  if (tokens.length > 1 && LEADING_LEGAL.has(tokens[0] as string)) {
    tokens.shift();
    return true;
  }
  return false;
}

const TYPO_PRONE_LEGAL = ['inc', 'llc', 'ltd', 'plc', 'gmbh', 'corp'];
/** Real words one letter away from a legal form: never treated as a mistyped legal form. */
const NOT_LEGAL = new Set(
  'inn ind int inch lid led lte plo pla corn core cord card carp coup gmb lcd ltc inca'.split(' ')
);
function isMistypedLegal(token: string): boolean {
  if (token.length < 2 || token.length > 5 || NOT_LEGAL.has(token)) return false;
  for (const form of TYPO_PRONE_LEGAL) {
    if (withinOneEdit(form, token)) return true;
  }
  return false;
}

const GLUED_LEGAL = /^(.{3,}?)(plc|llc|ltd|gmbh)$/;

function stripTrailingLegal(tokens: string[]): boolean {
  let removed = false;
  let changed = true;
  while (changed && tokens.length > 1) {
    changed = false;
    for (const phrase of LEGAL_PHRASES) {
      if (tokens.length > phrase.length && endsWithPhrase(tokens, phrase)) {
        tokens.splice(tokens.length - phrase.length, phrase.length);
        removed = changed = true;
      }
    }
    const last = tokens[tokens.length - 1] as string;
    if (tokens.length > 1 && (LEGAL_FORMS.has(last) || STOP_WORDS.has(last))) {
      if (LEGAL_FORMS.has(last)) removed = true;
      tokens.pop();
      changed = true;
    }
  }
  // "Kling Inx", "Mayer LtZ": a mistyped legal form as the last word.
  const lastWord = tokens[tokens.length - 1];
  if (!removed && tokens.length > 1 && lastWord && isMistypedLegal(lastWord)) {
    tokens.pop();
    removed = true;
  }
  // "SchummPLC": a legal form glued to the last word.
  const last = tokens[tokens.length - 1];
  if (!removed && last) {
    const m = GLUED_LEGAL.exec(last);
    if (m) {
      tokens[tokens.length - 1] = m[1] as string;
      removed = true;
    }
  }
  return removed;
}

function stripTrailingRegion(tokens: string[]): string {
  const removed: string[] = [];
  let changed = true;
  while (changed && tokens.length > 1) {
    changed = false;
    for (const phrase of REGION_PHRASES) {
      if (tokens.length > phrase.length && endsWithPhrase(tokens, phrase)) {
        const rest = tokens.slice(0, tokens.length - phrase.length);
        if (!hasDistinctive(rest)) continue;
        removed.unshift(...phrase);
        tokens.length = rest.length;
        changed = true;
      }
    }
    const last = tokens[tokens.length - 1] as string;
    if (tokens.length > 1 && REGION_WORDS.has(last)) {
      const rest = tokens.slice(0, -1);
      // "Bank of America", "Air France": the region is the name, not a qualifier.
      if (hasDistinctive(rest)) {
        removed.unshift(last);
        tokens.pop();
        changed = true;
      }
    }
  }
  // "Microsoft Ireland Operations", "HSBC UK Bank": a region followed only by generic words.
  for (let i = tokens.length - 2; i >= 1 && removed.length === 0; i--) {
    const t = tokens[i] as string;
    if (!REGION_WORDS.has(t)) continue;
    const after = tokens.slice(i + 1);
    const before = tokens.slice(0, i);
    if (after.every((x) => tokenWeight(stem(x)) < 1) && hasDistinctive(before)) {
      tokens.splice(i, 1);
      removed.push(t);
    }
  }
  return removed.join(' ');
}

const CACHE_LIMIT = 20_000;
const cache = new Map<string, NormalizedName>();

/**
 * Normalizes one company name. Never throws; an empty or symbol-only name gives empty tokens.
 * Results are cached (the same candidate names arrive again and again); the returned object is
 * shared and must not be modified.
 */
export function normalizeName(raw: string): NormalizedName {
  const hit = cache.get(raw);
  if (hit) return hit;
  const n = computeNormalizedName(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, n);
  return n;
}

/** Normalization without the cache (benchmarks measure both). */
export function computeNormalizedName(raw: string): NormalizedName {
  const cased = foldCase(raw);
  const folded = cased.toLowerCase();
  // Parenthesized qualifiers: "(EMEA)", "(Deutschland) GmbH" are regions; other content is kept.
  let region = '';
  let parenLegal = false;
  const withoutParens = folded.replace(/\(([^()]*)\)/g, (_m, inner: string) => {
    const inside = tokenize(inner);
    const isRegion = (t: string) => REGION_WORDS.has(t) || COUNTRY_CODES.has(t);
    if (inside.length > 0 && inside.every((t) => isRegion(t) || LEGAL_FORMS.has(t))) {
      if (inside.some(isRegion)) region = region ? `${region} ${inner.trim()}` : inner.trim();
      else parenLegal = true;
      return ' ';
    }
    return ` ${inner} `;
  });
  const tokens = tokenize(withoutParens);
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  const fullCompact = tokens.join('');
  let legalRemoved = stripLeadingLegal(tokens) || parenLegal;
  legalRemoved = stripTrailingLegal(tokens) || legalRemoved;
  const trailingRegion = stripTrailingRegion(tokens);
  if (trailingRegion) {
    region = region ? `${trailingRegion} ${region}` : trailingRegion;
    // "Acme Deutschland GmbH": the legal form may sit before and after the region.
    legalRemoved = stripTrailingLegal(tokens) || legalRemoved;
  }
  const core: string[] = [];
  const words: string[] = [];
  for (const t of tokens) {
    if (STOP_WORDS.has(t) && tokens.length > 1) continue;
    core.push(stem(t));
    words.push(t);
  }
  // Flat strings, and one copy of equal strings and lists: bulk runs keep a million of these.
  const compact = tokens.join('');
  const parsed = shortFormParts(cased);
  const weights = core.map(tokenWeight);
  let distinctiveCount = 0;
  const distinctive: string[] = [];
  weights.forEach((w, i) => {
    if (w < 1) return;
    distinctive.push(words[i] as string);
    distinctiveCount++;
  });
  let weight = 0;
  for (const w of weights) weight += w;
  const key = core.join(' ');
  const joined = same(core.join(''), compact);
  const sharedWords = sameList(words, core);
  const parts = sameList(parsed, sharedWords);
  const partWeights = parts === core ? weights : parts.map((x) => tokenWeight(stem(x)));
  return {
    tokens: core,
    weights,
    weight,
    key,
    compact,
    fullCompact: same(fullCompact, compact),
    joined,
    initials: core.map((t) => t[0]).join(''),
    letters: letterMask(compact),
    legalRemoved,
    region,
    parts,
    partWeights,
    words: sharedWords,
    distinctiveJoined: same(same(distinctive.join(''), compact), joined),
    distinctiveCount
  };
}

/** The `letters` bit set of a normalized string (see NormalizedName.letters). */
export function letterMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) & 3));
  }
  return mask;
}

/** `b` when it equals `a` (one string kept instead of two). */
const same = (a: string, b: string): string => (a === b ? b : a);

/** `b` when the lists hold the same strings (one list kept instead of two). */
function sameList(a: string[], b: string[]): string[] {
  if (a.length !== b.length) return a;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a;
  return b;
}

/** The parts a short form is made of: words split at inner capitals, without legal forms and stop words. */
function shortFormParts(cased: string): string[] {
  const out: string[] = [];
  const text = cased.replace(/\b([A-Za-z0-9]{1,2})&([A-Za-z0-9]{1,2})\b/g, '$1$2');
  let part = '';
  let prevLower = false;
  const flush = () => {
    if (!part) return;
    const p = part.toLowerCase();
    if (!STOP_WORDS.has(p) && !LEGAL_FORMS.has(p) && !LEADING_LEGAL.has(p)) out.push(p);
    part = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (c === 39 || c === 96 || c === 180 || c === 8217) continue; // apostrophes join ("McDonald's")
    if (!upper && !lower && !digit) {
      flush();
      prevLower = false;
      continue;
    }
    if (upper && prevLower) flush(); // "GlaxoSmith" -> "Glaxo" | "Smith"
    part += text[i];
    prevLower = lower;
  }
  flush();
  return out;
}

/** The blocking / storage key (what `CompanyNameKey.of` computes in Apex): the compact key. */
export function nameKey(raw: string): string {
  return normalizeName(raw).compact;
}

export const __test = { LEGAL_FORMS, REGION_WORDS, INDUSTRY_WORDS, STRUCTURE_WORDS, tokenWeight };
