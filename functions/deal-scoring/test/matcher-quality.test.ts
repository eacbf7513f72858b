/**
 * Matcher quality at the shipped conflict threshold, on our labelled real-world pairs and on the
 * shared typo pairs. The minimums below are what the matcher must keep; the measured values are
 * printed (and reported in bench/RESULTS.md by `npm run bench`).
 */
import { compareNames } from '../src/matching/names';
import { DEFAULT_SETTINGS } from '../src/engine/settings';
import { loadCompanyPairs, loadTypoPairs, quality } from './support/datasets';

const threshold = DEFAULT_SETTINGS.conflictThreshold;
const score = (a: string, b: string) => compareNames(a, b).similarity;

describe('conflict matcher quality at the shipped threshold', () => {
  it('has at least 300 labelled real-world pairs with both positives and hard negatives', () => {
    const pairs = loadCompanyPairs();
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    expect(pairs.filter((p) => !p.match).length).toBeGreaterThanOrEqual(100);
    expect(pairs.filter((p) => p.match).length).toBeGreaterThanOrEqual(150);
  });

  it('keeps precision, recall and F1 on the labelled pairs above the minimums', () => {
    const q = quality(loadCompanyPairs(), score, threshold);
    console.log(
      `fixture @${threshold}: precision ${q.precision.toFixed(3)} recall ${q.recall.toFixed(3)} F1 ${q.f1.toFixed(3)} (tp ${q.tp} fp ${q.fp} fn ${q.fn} tn ${q.tn})`
    );
    expect(q.precision).toBeGreaterThanOrEqual(0.97);
    expect(q.recall).toBeGreaterThanOrEqual(0.96);
    expect(q.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('finds most of the 500 shared typo pairs (all true matches)', () => {
    const pairs = loadTypoPairs();
    expect(pairs).toHaveLength(500);
    const q = quality(pairs, score, threshold);
    console.log(`typo pairs @${threshold}: recall ${q.recall.toFixed(3)} (${q.tp}/${pairs.length})`);
    expect(q.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the named hard negatives apart', () => {
    expect(score('Deutsche Bank AG', 'Deutsche Börse AG')).toBeLessThan(threshold);
    expect(score('Delta Air Lines', 'Delta Faucet')).toBeLessThan(threshold);
    expect(score('Dell Technologies', 'Bell Technologies')).toBeLessThan(threshold);
    expect(score('BP p.l.c.', 'BNP Paribas')).toBeLessThan(threshold);
  });
});
