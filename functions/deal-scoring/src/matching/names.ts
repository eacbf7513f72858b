/**
 * Company-name similarity on normalized names (normalize.ts). Calibrated so that the shipped
 * conflict threshold (0.82) separates the labelled fixture (test/fixtures/company-pairs.json);
 * see test/matcher-quality.test.ts for the measured precision and recall.
 *
 * Signals, strongest first: same key after normalization, same letters ignoring spacing, an
 * acronym of the other name, weighted token overlap (distinctive words count fully, industry
 * words like "bank" or "air" less, "group"/"holding" hardly), and an edit-distance ratio on the
 * whole name for typos that break words apart.
 */
import { boundedDistance, editSimilarity, histogramBound, withinOneEdit } from './distance';
import { letterMask, normalizeName, type NormalizedName } from './normalize';

export type NameSignal =
  | 'identical'
  | 'legal-form'
  | 'region'
  | 'spacing'
  | 'acronym'
  | 'short-form'
  | 'trade-name'
  | 'tokens'
  | 'typo'
  | 'none';

export interface NameComparison {
  similarity: number;
  signal: NameSignal;
}

const NONE: NameComparison = { similarity: 0, signal: 'none' };

/** Similarity credit for a pair of tokens (1 exact, less for typos, 0 for different words). */
function tokenCredit(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = a.length < b.length ? a.length : b.length;
  const longer = a.length < b.length ? b.length : a.length;
  if (shorter < 4 || longer - shorter > 2) return 0;
  if (shorter >= 8) {
    // More than four letters on one side only: at least three edits apart (no DP needed).
    if (bitCount(letterMask(a) ^ letterMask(b)) > 4) return 0;
    if (longer - shorter <= 1 && withinOneEdit(a, b)) return 0.92;
    return boundedDistance(a, b, 2) === 2 ? 0.82 : 0;
  }
  if (shorter >= 5 || (shorter === 4 && longer === 5)) return withinOneEdit(a, b) ? 0.88 : 0;
  return 0;
}

/** Weighted soft-Dice overlap of the two token lists (order-free, duplicates kept). */
export function tokenSimilarity(a: NormalizedName, b: NormalizedName): number {
  const total = a.weight + b.weight;
  if (total === 0) return 0;
  // Used tokens of b as a bit set (names have far fewer than 31 words; longer ones use an array).
  const many = b.tokens.length > 30;
  const usedArr = many ? new Uint8Array(b.tokens.length) : undefined;
  let usedBits = 0;
  let matched = 0;
  for (let i = 0; i < a.tokens.length; i++) {
    const ta = a.tokens[i] as string;
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < b.tokens.length; j++) {
      if (usedArr ? usedArr[j] : usedBits & (1 << j)) continue;
      const c = tokenCredit(ta, b.tokens[j] as string);
      if (c > best) {
        best = c;
        bestJ = j;
        if (c === 1) break;
      }
    }
    if (bestJ >= 0) {
      if (usedArr) usedArr[bestJ] = 1;
      else usedBits |= 1 << bestJ;
      matched += best * ((a.weights[i] as number) + (b.weights[bestJ] as number));
    }
  }
  return matched / total;
}

function isAcronymOf(short: NormalizedName, long: NormalizedName): boolean {
  if (short.tokens.length > 2 || long.tokens.length < 2 || long.initials.length !== short.joined.length)
    return false;
  const acr = short.joined;
  if (acr.length < 2 || acr.length > 6) return false;
  // The long form is made of words ("BNP Paribas" is not an expansion of "BP").
  if ((long.tokens[0] as string).length < 4 || long.tokens.some((t) => t.length < 3)) return false;
  return long.initials === acr;
}

/** Longest word taken as a short form of other words ("singtel", "fedex"). */
const SHORT_FORM_MAX = 8;

/**
 * True when `short` is made of the beginnings of `parts`, in order: each letter continues the
 * current part's beginning or starts a later part ("singtel": SINGapore TELecommunications,
 * "gsk": Glaxo Smith Kline, "bmo": Bank of MOntreal). Distinctive parts may not be skipped, generic
 * ones ("banking", "group") may; at least two parts give letters.
 */
export function isShortFormOf(short: string, parts: readonly string[], weights: readonly number[]): boolean {
  const n = parts.length;
  if (n < 2 || short.length < 2 || short.length > SHORT_FORM_MAX) return false;
  // The long form starts with a word, not with another acronym ("BNP Paribas" is no expansion of "BP").
  if ((parts[0] as string).length < 4 || short.charCodeAt(0) !== (parts[0] as string).charCodeAt(0))
    return false;
  // Depth-first over (letter i, part j, letters of part j used k); short forms are tiny.
  const go = (i: number, j: number, k: number, used: number): boolean => {
    if (i === short.length) {
      for (let r = j + 1; r < n; r++) if ((weights[r] as number) >= 1) return false;
      return used >= 2;
    }
    const c = short.charCodeAt(i);
    const part = parts[j] as string;
    if (k < part.length && part.charCodeAt(k) === c && go(i + 1, j, k + 1, used)) return true;
    for (let r = j + 1; r < n; r++) {
      if ((parts[r] as string).charCodeAt(0) === c && go(i + 1, r, 1, used + 1)) return true;
      if ((weights[r] as number) >= 1) break; // a distinctive part cannot be skipped
    }
    return false;
  };
  return go(1, 0, 1, 1);
}

/** Letters of `short` taken from `long`'s parts that `skip` does not name (the shared words). */
function shortFormOfParts(short: string, long: NormalizedName, skip: readonly string[]): boolean {
  if (short.length > SHORT_FORM_MAX || long.parts.length < 2) return false;
  // Cheap refusal before anything is built: the first part must start with the first letter.
  let first = 0;
  while (first < long.parts.length && skip.includes(long.parts[first] as string)) first++;
  const head = long.parts[first];
  if (head === undefined || head.charCodeAt(0) !== short.charCodeAt(0)) return false;
  const parts: string[] = [];
  const weights: number[] = [];
  for (let i = first; i < long.parts.length; i++) {
    const p = long.parts[i] as string;
    if (skip.includes(p)) continue;
    parts.push(p);
    weights.push(long.partWeights[i] as number);
  }
  return isShortFormOf(short, parts, weights);
}

/** A one-word name that is a short form of the other's words ("GSK", "Singtel", "TD" beside "Bank"). */
function isShortFormPair(a: NormalizedName, b: NormalizedName): boolean {
  // At most one word besides the short form, shared with the other name: "TD Bank" / "Toronto-Dominion Bank".
  const w = a.words;
  if (w.length === 1) return shortFormOfParts(w[0] as string, b, w);
  if (w.length !== 2) return false;
  const [x, y] = w as [string, string];
  if (b.words.includes(y) && !b.words.includes(x)) return shortFormOfParts(x, b, w);
  if (b.words.includes(x) && !b.words.includes(y)) return shortFormOfParts(y, b, w);
  return false;
}

/** The shared word is the other name's expansion ("ABB Asea Brown Boveri" / "ABB", "H&M Hennes & Mauritz"). */
function expandsSharedWord(long: NormalizedName, short: NormalizedName): boolean {
  if (short.words.length !== 1 || long.words.length < 3) return false;
  const word = short.words[0] as string;
  return long.words.includes(word) && shortFormOfParts(word, long, short.words);
}

/**
 * A short trade name at the end of a long legal name: "Porsche" / "Dr. Ing. h.c. F. Porsche",
 * "Lilly" / "Eli Lilly": the one distinctive word of the short name is the long name's last word
 * and every word before it is an initial or title of at most three letters.
 */
function isTradeNameAtEnd(short: NormalizedName, long: NormalizedName): boolean {
  if (short.tokens.length !== 1 || long.tokens.length < 2) return false;
  const t = short.tokens[0] as string;
  if (t.length < 5 || long.tokens[long.tokens.length - 1] !== t) return false;
  for (let i = 0; i < long.tokens.length - 1; i++) if ((long.tokens[i] as string).length > 3) return false;
  return true;
}

/** The distinctive words joined are equal but split differently ("Wal-Mart Stores" / "Walmart"). */
function sameDistinctiveLetters(a: NormalizedName, b: NormalizedName): boolean {
  return (
    a.distinctiveCount !== b.distinctiveCount &&
    a.distinctiveJoined.length >= 6 &&
    a.distinctiveJoined === b.distinctiveJoined
  );
}

/** Only names with at most two words can be a short form, trade name or other split of the other. */
function mayBeShortForm(a: NormalizedName, b: NormalizedName): boolean {
  return a.words.length <= 2 || b.words.length <= 2;
}

// The fixed results, allocated once (compareNormalized runs millions of times in bulk runs).
const REGION: NameComparison = { similarity: 0.94, signal: 'region' };
const LEGAL_FORM: NameComparison = { similarity: 0.98, signal: 'legal-form' };
const IDENTICAL: NameComparison = { similarity: 1, signal: 'identical' };
const SPACING: NameComparison = { similarity: 0.96, signal: 'spacing' };
const ACRONYM: NameComparison = { similarity: 0.9, signal: 'acronym' };
const SAME_LETTERS: NameComparison = { similarity: 0.9, signal: 'spacing' };
const SHORT_FORM: NameComparison = { similarity: 0.86, signal: 'short-form' };
const TRADE_NAME: NameComparison = { similarity: 0.84, signal: 'trade-name' };

/** The signal of the last gradedSimilarity() (module state: one comparison at a time per thread). */
let lastSignal: NameSignal = 'none';

/** Compares two normalized names. */
export function compareNormalized(a: NormalizedName, b: NormalizedName): NameComparison {
  const fixed = fixedComparison(a, b);
  if (fixed) return fixed;
  const similarity = gradedSimilarity(a, b);
  return similarity > 0 ? { similarity, signal: lastSignal } : NONE;
}

/**
 * compareNormalized(a, b).similarity without building a result object (bulk matching). With a
 * `floor`, the result is exact whenever it is at least `floor`; below it, it is only known to be
 * below (checks that cannot reach the floor are skipped).
 */
export function nameSimilarity(a: NormalizedName, b: NormalizedName, floor = 0): number {
  const fixed = fixedComparison(a, b);
  return fixed ? fixed.similarity : gradedSimilarity(a, b, floor);
}

/** The results that do not depend on a graded score (same key, spacing, acronym, short forms). */
function fixedComparison(a: NormalizedName, b: NormalizedName): NameComparison | undefined {
  if (a.compact.length === 0 || b.compact.length === 0) return NONE;
  if (a.key === b.key) {
    if (a.region !== b.region) return REGION;
    if (a.legalRemoved || b.legalRemoved) return LEGAL_FORM;
    return IDENTICAL;
  }
  if (a.compact === b.compact || a.fullCompact === b.fullCompact) return SPACING;
  if (isAcronymOf(a, b) || isAcronymOf(b, a)) return ACRONYM;
  return undefined;
}

/** Fixed scores below this many are all below (the short-form family scores 0.84-0.9). */
const SHORT_FAMILY_MAX = 0.9;

/**
 * Token overlap, short forms and whole-name typos; sets lastSignal. With floor > 0, see
 * nameSimilarity: checks whose best result stays below the floor are skipped, and when the
 * result reaches the floor after the short-form family was skipped, it is computed again in full.
 */
function gradedSimilarity(a: NormalizedName, b: NormalizedName, floor = 0): number {
  const tokens = tokenSimilarity(a, b);
  const shortFamily = tokens < 0.82 && mayBeShortForm(a, b);
  const skipShortFamily = shortFamily && floor > SHORT_FAMILY_MAX;
  if (shortFamily && !skipShortFamily) {
    if (sameDistinctiveLetters(a, b)) return graded(SAME_LETTERS);
    // A short form starts with the other name's first letter: most pairs stop at this comparison.
    const sameStart = a.compact.charCodeAt(0) === b.compact.charCodeAt(0);
    if (
      sameStart &&
      (isShortFormPair(a, b) || isShortFormPair(b, a) || expandsSharedWord(a, b) || expandsSharedWord(b, a))
    )
      return graded(SHORT_FORM);
    if (isTradeNameAtEnd(a, b) || isTradeNameAtEnd(b, a)) return graded(TRADE_NAME);
  }
  let chars = 0;
  // Whole-name edit distance only when noise broke the words apart (different token counts) or
  // the name is long enough that one typo cannot change which company it is; for short names
  // with the same number of words the token comparison is the better judge
  // ("Dell Technologies" / "Bell Technologies" differ in their one distinctive word).
  const brokenApart = a.tokens.length !== b.tokens.length || a.tokens.length >= 3;
  const la = a.compact.length;
  const lb = b.compact.length;
  if (brokenApart && la >= 5 && lb >= 5) {
    const len = la > lb ? la : lb;
    // Cheap bounds first: most pairs are far apart and never reach the DP. The lengths alone
    // (editSimilarity's own limit), then the letter counts; and no DP when even one edit
    // (the compact names differ) leaves the edit score at most the token score.
    // With a floor: the edit score is at most 1 - (a lower bound of the distance) / len.
    const diff = la > lb ? la - lb : lb - la;
    if (
      diff <= Math.floor((1 - 0.8) * len) &&
      bitCount(a.letters ^ b.letters) <= 2 * Math.floor(0.2 * len) &&
      tokens < 1 - 1 / len &&
      1 - (diff > 1 ? diff : 1) / len >= floor
    ) {
      const bound = histogramBound(a.compact, b.compact);
      if (bound <= Math.floor(0.2 * len) && 1 - bound / len >= floor)
        chars = editSimilarity(a.compact, b.compact, 0.8);
    }
  }
  const result = tokens >= chars ? tokens : chars;
  if (skipShortFamily && result >= floor) return gradedSimilarity(a, b, 0);
  lastSignal = tokens >= chars ? 'tokens' : 'typo';
  return result;
}

/** Number of bits set in a 32-bit integer. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** A fixed score reached inside gradedSimilarity, with its signal. */
function graded(c: NameComparison): number {
  lastSignal = c.signal;
  return c.similarity;
}

/** Convenience: normalize both names and compare. */
export function compareNames(a: string, b: string): NameComparison {
  return compareNormalized(normalizeName(a), normalizeName(b));
}

/** A short human reason for a name comparison at or above `minimum`, else undefined. */
export function describeNameMatch(
  cmp: NameComparison,
  a: NormalizedName,
  b: NormalizedName,
  minimum = 0.5
): string | undefined {
  if (cmp.similarity < minimum) return undefined;
  switch (cmp.signal) {
    case 'identical':
      return 'names identical';
    case 'legal-form':
      return 'names match after removing legal form';
    case 'region': {
      const region = a.region || b.region;
      return `names match after removing region qualifier "${region}"`;
    }
    case 'spacing':
      return 'names match ignoring spacing and punctuation';
    case 'acronym': {
      const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
      return `acronym ${short.compact.toUpperCase()} matches "${long.key}"`;
    }
    case 'short-form': {
      const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
      return `short form ${short.compact.toUpperCase()} matches "${long.key}"`;
    }
    case 'trade-name':
      return 'trade name matches the end of the legal name';
    case 'tokens':
      return `names share significant words (${cmp.similarity.toFixed(2)})`;
    case 'typo':
      return `names match allowing for typos (${cmp.similarity.toFixed(2)})`;
    default:
      return undefined;
  }
}
