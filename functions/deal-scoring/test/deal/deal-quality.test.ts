/**
 * "Same deal" quality at the shipped threshold on the labelled deal pairs
 * (test/fixtures/deal-pairs.json): the tuning split the model was fitted on and the held-out
 * split it never saw. Minimums below; the measured values are printed.
 */
import { DEAL_MODEL, FEATURES, scoreFeatures } from '../../src/deal/similarity';
import { evaluate } from './evaluate';
import { dealPairs } from './pairs';

describe('deal similarity quality', () => {
  it('has at least 200 labelled pairs, with a held-out part and both labels in each part', () => {
    const all = dealPairs();
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const split of ['tuning', 'heldout'] as const) {
      const part = dealPairs(split);
      expect(part.filter((p) => p.same).length).toBeGreaterThanOrEqual(20);
      expect(part.filter((p) => !p.same).length).toBeGreaterThanOrEqual(50);
    }
  });

  it.each(['tuning', 'heldout'] as const)('keeps precision and recall on the %s split', (split) => {
    const q = evaluate(dealPairs(split), (f) => scoreFeatures(f), DEAL_MODEL.threshold);
    console.log(`deal pairs (${split}) @${DEAL_MODEL.threshold}: ${JSON.stringify(q)}`);
    expect(q.precision).toBeGreaterThanOrEqual(0.9);
    expect(q.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every comparison a positive weight (more alike never lowers the score)', () => {
    for (const k of FEATURES) expect(DEAL_MODEL.weights[k]).toBeGreaterThan(0);
  });
});
