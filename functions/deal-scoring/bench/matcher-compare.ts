/**
 * Our matcher vs fuse.js and string-similarity on the same labelled pairs (our 423-pair fixture
 * and the 500 shared typo pairs). Each library is shown at the shipped threshold (0.82) and at
 * its own best-F1 threshold on the fixture, so nobody is judged on our scale. Also counts the labelled
 * pairs that need withinOneEdit's letter-swap rule. Run: `npx tsx functions/deal-scoring/bench/matcher-compare.ts`.
 */
import Fuse from 'fuse.js';
import { compareTwoStrings } from 'string-similarity';
import { distance as levenshtein } from 'fastest-levenshtein';
import { compareNames } from '../src/matching/names';
import { withinOneEdit } from '../src/matching/distance';
import { normalizeName } from '../src/matching/normalize';
import { loadCompanyPairs, loadTypoPairs, quality, type LabelledPair } from '../test/support/datasets';

type Scorer = (a: string, b: string) => number;

const fuseScore: Scorer = (a, b) => {
  const fuse = new Fuse([b], {
    includeScore: true,
    threshold: 1,
    ignoreLocation: true,
    isCaseSensitive: false
  });
  const hit = fuse.search(a)[0];
  return hit?.score === undefined ? 0 : 1 - hit.score;
};

export const SCORERS: Record<string, Scorer> = {
  'ours (compareNames)': (a, b) => compareNames(a, b).similarity,
  'string-similarity (Dice bigrams)': (a, b) => compareTwoStrings(a.toLowerCase(), b.toLowerCase()),
  'fuse.js (Bitap, 1 - score)': fuseScore
};

function bestThreshold(pairs: LabelledPair[], s: Scorer): { t: number; f1: number } {
  const scores = pairs.map((p) => ({ s: s(p.a, p.b), m: p.match }));
  let best = { t: 0.5, f1: -1 };
  for (let t = 0.05; t <= 0.99; t += 0.01) {
    const q = quality(
      scores.map((x, i) => ({ ...(pairs[i] as LabelledPair), x })),
      (a, b) => scores[pairs.findIndex((p) => p.a === a && p.b === b)]?.s ?? 0,
      t
    );
    if (q.f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1: q.f1 };
  }
  return best;
}

function perSecond(fn: () => void, ms = 700): number {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

const pct = (x: number) => (x * 100).toFixed(1) + '%';

/** Returns the comparison as a Markdown table (also printed when run directly). */
export function compareMatchers(): string {
  const fixture = loadCompanyPairs();
  const typos = loadTypoPairs();
  const lines = [
    '| matcher | threshold | fixture precision | fixture recall | fixture F1 | typo recall | pairs/s (strings in; ours caches normalized names) |',
    '| --- | --- | --- | --- | --- | --- | --- |'
  ];
  for (const [name, s] of Object.entries(SCORERS)) {
    const best = bestThreshold(fixture, s);
    const thresholds = name.startsWith('ours') ? [0.82] : [0.82, best.t];
    let k = 0;
    const speed = perSecond(() => {
      const p = fixture[k++ % fixture.length] as LabelledPair;
      s(p.a, p.b);
    });
    for (const t of thresholds) {
      const q = quality(fixture, s, t);
      const tq = quality(typos, s, t);
      const label = t === 0.82 ? '0.82 (shipped)' : `${t.toFixed(2)} (its best F1)`;
      lines.push(
        `| ${name} | ${label} | ${pct(q.precision)} | ${pct(q.recall)} | ${q.f1.toFixed(3)} | ${pct(tq.recall)} | ${Math.round(speed).toLocaleString('en-US')} |`
      );
    }
  }
  // Why withinOneEdit is hand-written: letter swaps. Labelled pairs that contain a word pair one
  // swap apart (one edit for withinOneEdit, two for Levenshtein).
  const swapped = (p: LabelledPair) => {
    const a = normalizeName(p.a).tokens;
    const b = normalizeName(p.b).tokens;
    return a.some((x) => b.some((y) => x !== y && withinOneEdit(x, y) && levenshtein(x, y) === 2));
  };
  const fixtureSwaps = fixture.filter((p) => p.match && swapped(p)).length;
  const typoSwaps = typos.filter(swapped).length;
  lines.push('');
  lines.push(
    `Word pairs one letter swap apart (withinOneEdit: 1 edit, Levenshtein: 2): ${fixtureSwaps} fixture positives, ` +
      `${typoSwaps} typo pairs. Longer distances use fastest-levenshtein.`
  );
  return lines.join('\n');
}

if (require.main === module) {
  process.stdout.write(compareMatchers() + '\n');
}
