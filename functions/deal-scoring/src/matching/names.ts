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
import { normalizeName, type NormalizedName } from './normalize';

export type NameSignal =
  | 'identical'
  | 'legal-form'
  | 'region'
  | 'spacing'
  | 'acronym'
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

/** Compares two normalized names. */
export function compareNormalized(a: NormalizedName, b: NormalizedName): NameComparison {
  if (a.compact.length === 0 || b.compact.length === 0) return NONE;
  if (a.key === b.key) {
    if (a.region !== b.region) return { similarity: 0.94, signal: 'region' };
    if (a.legalRemoved || b.legalRemoved) return { similarity: 0.98, signal: 'legal-form' };
    return { similarity: 1, signal: 'identical' };
  }
  if (a.compact === b.compact || a.fullCompact === b.fullCompact)
    return { similarity: 0.96, signal: 'spacing' };
  if (isAcronymOf(a, b) || isAcronymOf(b, a)) return { similarity: 0.9, signal: 'acronym' };
  const tokens = tokenSimilarity(a, b);
  let chars = 0;
  // Whole-name edit distance only when noise broke the words apart (different token counts) or
  // the name is long enough that one typo cannot change which company it is; for short names
  // with the same number of words the token comparison is the better judge
  // ("Dell Technologies" / "Bell Technologies" differ in their one distinctive word).
  const brokenApart = a.tokens.length !== b.tokens.length || a.tokens.length >= 3;
  if (brokenApart && a.compact.length >= 5 && b.compact.length >= 5) {
    const len = a.compact.length > b.compact.length ? a.compact.length : b.compact.length;
    // Cheap lower bound first: most pairs are far apart and never reach the DP.
    if (histogramBound(a.hist, b.hist) <= Math.floor(0.2 * len))
      chars = editSimilarity(a.compact, b.compact, 0.8);
  }
  if (tokens >= chars) return tokens > 0 ? { similarity: tokens, signal: 'tokens' } : NONE;
  return { similarity: chars, signal: 'typo' };
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
    case 'tokens':
      return `names share significant words (${cmp.similarity.toFixed(2)})`;
    case 'typo':
      return `names match allowing for typos (${cmp.similarity.toFixed(2)})`;
    default:
      return undefined;
  }
}
