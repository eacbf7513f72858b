/**
 * Bounded optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so
 * "Oracel" is one edit from "Oracle"). Returns `max + 1` as soon as the distance is known to
 * exceed `max`, which is what makes millions of comparisons per second possible: only a band of
 * width 2*max+1 is computed and rows that already exceed the bound stop the loop.
 *
 * Hand-written on purpose: the libraries at hand (fastest-levenshtein, leven) compute the full,
 * unbounded Levenshtein distance without transpositions; bench/matcher-compare.ts measures both.
 */

// Reused rows (the matcher is synchronous, so one set per process is safe).
let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let curr = new Int32Array(64);

function ensure(size: number): void {
  if (prev.length >= size) return;
  const n = Math.max(size, prev.length * 2);
  prev2 = new Int32Array(n);
  prev = new Int32Array(n);
  curr = new Int32Array(n);
}

export function boundedOsa(a: string, b: string, max: number): number {
  if (a === b) return 0;
  let s = a;
  let t = b;
  if (s.length > t.length) {
    s = b;
    t = a;
  }
  const n = s.length;
  const m = t.length;
  if (m - n > max) return max + 1;
  if (n === 0) return m;
  ensure(m + 1);
  const big = max + 1;
  for (let j = 0; j <= m; j++) {
    prev[j] = j <= max ? j : big;
    prev2[j] = big;
  }
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    curr[0] = i <= max ? i : big;
    if (lo > 1) curr[lo - 1] = big;
    let rowMin = curr[0] as number;
    const si = s.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const tj = t.charCodeAt(j - 1);
      const cost = si === tj ? 0 : 1;
      let v = (prev[j - 1] as number) + cost;
      const del = (prev[j] as number) + 1;
      if (del < v) v = del;
      const ins = (curr[j - 1] as number) + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && si === t.charCodeAt(j - 2) && s.charCodeAt(i - 2) === tj) {
        const tr = (prev2[j - 2] as number) + 1;
        if (tr < v) v = tr;
      }
      if (v > big) v = big;
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) curr[hi + 1] = big;
    if (rowMin > max) return big;
    const tmp = prev2;
    prev2 = prev;
    prev = curr;
    curr = tmp;
  }
  const d = prev[m] as number;
  return d > max ? big : d;
}

/** 1 - distance / longer length, or 0 when the distance exceeds `maxRatioLoss` of the length. */
export function editSimilarity(a: string, b: string, minSimilarity: number): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  const max = Math.floor((1 - minSimilarity) * len);
  const d = boundedOsa(a, b, max);
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
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      a.slice(i + 2) === b.slice(i + 2)
    );
  }
  if (Math.abs(la - lb) !== 1) return false;
  const [s, t] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === t.charCodeAt(i)) i++;
  return s.slice(i) === t.slice(i + 1);
}

/** Letter/digit histogram (36 buckets; other characters share one) of a normalized string. */
export function histogram(s: string): Uint8Array {
  const h = new Uint8Array(37);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36;
    if ((h[k] as number) < 255) h[k] = (h[k] as number) + 1;
  }
  return h;
}

/** A lower bound of the edit distance from two histograms (each edit changes at most two counts). */
export function histogramBound(a: Uint8Array, b: Uint8Array): number {
  let diff = 0;
  for (let i = 0; i < 37; i++) {
    const d = (a[i] as number) - (b[i] as number);
    diff += d < 0 ? -d : d;
  }
  return Math.ceil(diff / 2);
}
