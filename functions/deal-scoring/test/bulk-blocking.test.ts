/** Bulk conflict detection (src/matching/blocking.ts): which pairs the blocking compares, and the threshold shortcut. */
import { bulkRegistrations } from '../bench/data';
import { findConflictingPairs } from '../src/matching/blocking';
import { prepareCandidate, similarityAtLeast, similarityPrepared } from '../src/matching/match';

/** Every single-letter typo of `word`: deletions, insertions, substitutions, swaps of neighbours. */
function typos(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    out.add(word.slice(0, i) + 'x' + word.slice(i));
    out.add(word.slice(0, i) + (word[i] === 'q' ? 'z' : 'q') + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  out.delete(word);
  return [...out];
}

describe('bulk blocking', () => {
  it('finds a one-letter typo of a one-word name at every position (the old 4-letter prefix/suffix keys missed the middle ones)', () => {
    for (const word of ['Dafimo', 'Tadano', 'Lorivena']) {
      const variants = typos(word);
      const records = [
        { name: `${word} GmbH`, partner: 0 },
        ...variants.map((v, k) => ({ name: v, partner: k + 1 }))
      ];
      const r = findConflictingPairs(records, 0.82);
      const withFirst = new Set(r.pairs.filter((p) => p.a === 0).map((p) => p.b));
      const missed = variants.filter(
        (v, k) =>
          !withFirst.has(k + 1) &&
          similarityPrepared(prepareCandidate({ name: `${word} GmbH` }), prepareCandidate({ name: v })) >=
            0.82
      );
      expect(missed).toEqual([]);
      expect(withFirst.size).toBeGreaterThan(variants.length / 2);
    }
  });

  it('does not compare two long names only because their initials agree, but pairs them with the acronym', () => {
    const r = findConflictingPairs(
      [
        { name: 'International Business Machines', partner: 1 },
        { name: 'Industrial Bolt Makers', partner: 2 },
        { name: 'IBM', partner: 3 }
      ],
      0.82
    );
    expect(r.comparisons).toBe(2);
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 2],
      [1, 2]
    ]);
  });

  it('finds every pair a full comparison flags among 1,500 registrations, except far fuzzy ones', () => {
    const records = bulkRegistrations(1500, 0.2, 99);
    const prepared = records.map((r) => prepareCandidate({ name: r.name, domain: r.domain }));
    const all = new Set<string>();
    for (let i = 0; i < records.length; i++)
      for (let j = i + 1; j < records.length; j++)
        if (
          records[i]!.partner !== records[j]!.partner &&
          similarityPrepared(prepared[i]!, prepared[j]!) >= 0.82
        )
          all.add(`${i}:${j}`);
    const r = findConflictingPairs(records, 0.82);
    const found = new Set(r.pairs.map((p) => `${p.a}:${p.b}`));
    for (const key of found) expect(all.has(key)).toBe(true);
    expect(found.size / all.size).toBeGreaterThan(0.97);
    expect(r.comparisons).toBeLessThan((1500 * 1499) / 2 / 100);
  });

  it('similarityAtLeast equals similarityPrepared at or above the threshold and stays below it otherwise', () => {
    const records = bulkRegistrations(3000, 0.3, 5);
    const prepared = records.map((r) => prepareCandidate({ name: r.name, domain: r.domain }));
    const order = prepared.map((p, i) => [p.name.compact, i] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1));
    let reached = 0;
    for (const t of [0.6, 0.82, 0.92]) {
      for (let s = 0; s + 3 < order.length; s++) {
        for (let w = 1; w <= 3; w++) {
          const a = prepared[order[s]![1]]!;
          const b = prepared[order[s + w]![1]]!;
          const exact = similarityPrepared(a, b);
          const fast = similarityAtLeast(a, b, t);
          if (exact >= t) {
            reached++;
            expect(fast).toBe(exact);
          } else expect(fast).toBeLessThan(t);
        }
      }
    }
    expect(reached).toBeGreaterThan(1000);
  });
});
