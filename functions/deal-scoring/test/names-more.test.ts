/**
 * The name cases issue 20 lists, on labelled pairs of their own (test/fixtures/company-pairs-2.json):
 * the tuning part was used while writing the rules, the held-out part was written before them and
 * never used to change them. Both figures are printed; the minimums keep what the rules reach.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareNames, isShortFormOf } from '../src/matching/names';
import { DEFAULT_SETTINGS } from '../src/engine/settings';
import { quality, type LabelledPair } from './support/datasets';

const threshold = DEFAULT_SETTINGS.conflictThreshold;
type Part = { positives: [string, string, string][]; negatives: [string, string, string][] };
const file = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'company-pairs-2.json'), 'utf8')) as Record<
  'tuning' | 'heldout',
  Part
>;

function pairs(part: Part): LabelledPair[] {
  return [
    ...part.positives.map(([a, b, note]) => ({ a, b, note, match: true })),
    ...part.negatives.map(([a, b, note]) => ({ a, b, note, match: false }))
  ];
}

const score = (a: string, b: string) => compareNames(a, b).similarity;

describe('names still missed (issue 20 classes)', () => {
  it.each(['tuning', 'heldout'] as const)(
    '%s pairs: precision and recall at the shipped threshold',
    (part) => {
      const labelled = pairs(file[part]);
      const q = quality(labelled, score, threshold);
      const misses = labelled
        .filter((p) => score(p.a, p.b) >= threshold !== p.match)
        .map(
          (p) => `${p.match ? 'missed' : 'wrongly matched'}: ${p.a} / ${p.b} (${score(p.a, p.b).toFixed(2)})`
        );
      console.log(
        `new name pairs (${part}) @${threshold}: precision ${q.precision.toFixed(3)} recall ${q.recall.toFixed(3)} (tp ${q.tp} fp ${q.fp} fn ${q.fn} tn ${q.tn})\n${misses.join('\n')}`
      );
      expect(labelled.length).toBeGreaterThanOrEqual(25);
      // Before the rules: tuning precision 0.750 recall 0.188, held-out precision 1.000 recall 0.400.
      expect(q.precision).toBeGreaterThanOrEqual(0.9);
      expect(q.recall).toBeGreaterThanOrEqual(part === 'tuning' ? 0.75 : 0.65);
    }
  );
});

describe('isShortFormOf', () => {
  it('takes letters from the beginnings of the parts, in order', () => {
    expect(isShortFormOf('singtel', ['singapore', 'telecommunications'], [1, 0.4])).toBe(true);
    expect(isShortFormOf('gsk', ['glaxo', 'smith', 'kline'], [1, 1, 1])).toBe(true);
    expect(isShortFormOf('bmo', ['bank', 'montreal'], [0.4, 1])).toBe(true);
  });

  it('never skips a distinctive part, never takes a letter from inside a part, needs two parts', () => {
    expect(isShortFormOf('gk', ['glaxo', 'smith', 'kline'], [1, 1, 1])).toBe(false);
    expect(isShortFormOf('gs', ['glaxo', 'smith', 'kline'], [1, 1, 1])).toBe(false);
    expect(isShortFormOf('gl', ['glaxo', 'smith'], [1, 0.4])).toBe(false);
    expect(isShortFormOf('gxs', ['glaxo', 'smith'], [1, 1])).toBe(false);
    expect(isShortFormOf('bp', ['bnp', 'paribas'], [1, 1])).toBe(false);
  });
});
