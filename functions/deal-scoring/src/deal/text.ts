/**
 * How alike two deals' texts (opportunity name and description) are: the mean of two cosines,
 * over words (folded, function words and the customer's own name left out, each cut to its first
 * six letters, a cheap stem that also works for German, French or Spanish) and over character
 * trigrams of those words (compounds and inflections: "Lager-Dashboards" / "dashboards").
 *
 * Hand-written on purpose, after measuring a library: MiniSearch's BM25 (normalized by each text's
 * score against itself) gave same-deal pairs of test/fixtures/deal-pairs.json a mean of 0.06 against
 * 0.005 for different deals, because inverse document frequency from the only texts at hand (one
 * customer's few records) weighs down exactly the words two records share. Raw term frequencies
 * with a square-root damping need no corpus and separate the pairs (see docs/conflicts.md).
 */

const STOP = new Set(
  (
    'a an the and or of for to in on at by with from as is are be will this that these those it its our their ' +
    'we they he she you your his her them us incl including plus per via all new first then after before ' +
    'project deal opportunity customer phase ' +
    'der die das und fur mit von den des ein eine le la les et pour avec du de des un une el los las y para ' +
    'con del en por och med til og af het een voor van'
  ).split(' ')
);

export interface TextVector {
  words: Map<string, number>;
  /** Character trigrams, each packed into one number (three UTF-16 codes). */
  grams: Map<number, number>;
  wordNorm: number;
  gramNorm: number;
}

function add<K>(m: Map<K, number>, k: K): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function norm<K>(m: Map<K, number>): number {
  let s = 0;
  for (const [k, v] of m) {
    const d = Math.sqrt(v);
    m.set(k, d);
    s += d * d;
  }
  return Math.sqrt(s);
}

/** The vector of one text; `ignored` words (the customer's name) are left out. */
export function textVector(text: string, ignored: ReadonlySet<string>): TextVector | undefined {
  const words = new Map<string, number>();
  const grams = new Map<number, number>();
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  for (const w of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 2 || STOP.has(w) || ignored.has(w) || /^\d+$/.test(w)) continue;
    add(words, w.slice(0, 6));
    // Trigrams of " word ", packed as numbers (no substring per trigram).
    let a = 32;
    let b = w.charCodeAt(0);
    for (let i = 1; i <= w.length; i++) {
      const c = i < w.length ? w.charCodeAt(i) : 32;
      add(grams, a * 4294967296 + b * 65536 + c);
      a = b;
      b = c;
    }
  }
  if (words.size === 0) return undefined;
  return { words, grams, wordNorm: norm(words), gramNorm: norm(grams) };
}

function cosine<K>(a: Map<K, number>, an: number, b: Map<K, number>, bn: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) dot += v * w;
  }
  return dot / (an * bn);
}

/** 0-1 similarity of two text vectors. */
export function textSimilarity(a: TextVector, b: TextVector): number {
  const s =
    (cosine(a.words, a.wordNorm, b.words, b.wordNorm) + cosine(a.grams, a.gramNorm, b.grams, b.gramNorm)) / 2;
  return s > 1 ? 1 : s;
}
