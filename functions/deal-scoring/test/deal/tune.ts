/**
 * Fits the deal-similarity model (src/deal/similarity.ts DEAL_MODEL) on the TUNING split of
 * test/fixtures/deal-pairs.json only: logistic regression by gradient descent with a small L2
 * penalty, then prints the weights to paste into DEAL_MODEL and the precision/recall at 0.5 on
 * both splits (the held-out figures are reported, never used to choose anything).
 *   npx tsx functions/deal-scoring/test/deal/tune.ts
 */
import { FEATURES, scoreFeatures, type DealFeatures, type DealModel } from '../../src/deal/similarity';
import { dealFeaturesOf, evaluate } from './evaluate';
import { dealPairs } from './pairs';

const tuning = dealPairs('tuning').map((p) => ({ f: dealFeaturesOf(p), y: p.same ? 1 : 0 }));
const x = (f: DealFeatures) => FEATURES.map((k) => (f[k] === undefined ? 0 : 2 * (f[k] as number) - 1));

let bias = 0;
const w = FEATURES.map(() => 0);
const rate = 0.1;
const l2 = 0.01;
// Positives are rarer than negatives: weight them so both classes count equally.
const pos = tuning.filter((t) => t.y === 1).length;
const classWeight = (y: number) =>
  y === 1 ? tuning.length / (2 * pos) : tuning.length / (2 * (tuning.length - pos));
for (let epoch = 0; epoch < 4000; epoch++) {
  let gb = 0;
  const gw = w.map(() => 0);
  for (const t of tuning) {
    const xs = x(t.f);
    const z = bias + xs.reduce((s, v, i) => s + v * (w[i] as number), 0);
    const p = 1 / (1 + Math.exp(-z));
    const e = (p - t.y) * classWeight(t.y);
    gb += e;
    xs.forEach((v, i) => (gw[i] = (gw[i] as number) + e * v));
  }
  bias -= (rate * gb) / tuning.length;
  w.forEach(
    (_, i) => (w[i] = (w[i] as number) - rate * ((gw[i] as number) / tuning.length + l2 * (w[i] as number)))
  );
}
const round2 = (n: number) => Math.round(n * 100) / 100;
const model: DealModel = {
  bias: round2(bias),
  weights: Object.fromEntries(FEATURES.map((k, i) => [k, round2(w[i] as number)])) as DealModel['weights'],
  threshold: 0.5
};
console.log(JSON.stringify(model));
for (const split of ['tuning', 'heldout'] as const) {
  const q = evaluate(dealPairs(split), (f) => scoreFeatures(f, model), model.threshold);
  console.log(split, JSON.stringify(q));
}
