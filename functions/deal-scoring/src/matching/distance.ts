import { distance as levenshtein } from 'fastest-levenshtein';

/**
 * Edit distances for the matcher.
 *
 * - boundedDistance: Levenshtein distance (fastest-levenshtein), reported as `max + 1` when the
 *   lengths alone rule a match out. A hand-written bounded optimal-string-alignment DP was tried
 *   and measured: no better on the fixture or the typo set and slower than the library, so the
 *   library is used.
 * - withinOneEdit: hand-written on purpose. It counts a swap of two adjacent letters as one edit
 *   ("Oracel", "Salesfroce", "Nordstorm" in the fixture), which Levenshtein counts as two, and it
 *   is a single linear scan. bench/matcher-compare.ts reports how many labelled pairs need it.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const diff = a.length > b.length ? a.length - b.length : b.length - a.length;
  if (diff > max) return max + 1;
  const d = levenshtein(a, b);
  return d > max ? max + 1 : d;
}

/** 1 - distance / longer length, or 0 when the distance exceeds `maxRatioLoss` of the length. */
export function editSimilarity(a: string, b: string, minSimilarity: number): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  const max = Math.floor((1 - minSimilarity) * len);
  const d = boundedDistance(a, b, max);
  if (d > max) return 0;
  return 1 - d / len;
}

/**
 * True when a and b are at most one edit apart (insert, delete, substitute, or swap of two
 * adjacent letters). Linear time; the fast path for the common "is this a typo" question.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === la) return true;
    // substitution at i, or transposition of i and i+1
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameFrom(a, i + 2, b, i + 2)
    );
  }
  if (la - lb !== 1 && lb - la !== 1) return false;
  const s = la < lb ? a : b;
  const t = la < lb ? b : a;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === t.charCodeAt(i)) i++;
  return sameFrom(s, i, t, i + 1);
}

/** a.slice(i) === b.slice(j), without building the slices (the matcher's hot path). */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** Histogram bucket of a character code (36 letters and digits; other characters share one). */
const bucket = (c: number): number => (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36);
const histA = new Int32Array(37);
const histB = new Int32Array(37);

/**
 * A lower bound of the edit distance of two normalized strings from their letter/digit
 * histograms (each edit changes at most two counts; counts capped at 255). Computed on the fly
 * into two scratch arrays, so prepared names carry no histogram.
 */
export function histogramBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) {
    const k = bucket(a.charCodeAt(i));
    histA[k] = (histA[k] as number) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const k = bucket(b.charCodeAt(i));
    histB[k] = (histB[k] as number) + 1;
  }
  let diff = 0;
  for (let k = 0; k < 37; k++) {
    const x = histA[k] as number;
    const y = histB[k] as number;
    const d = (x > 255 ? 255 : x) - (y > 255 ? 255 : y);
    diff += d < 0 ? -d : d;
    histA[k] = 0;
    histB[k] = 0;
  }
  return Math.ceil(diff / 2);
}
