/** Shared by the deal-similarity quality test and the tuning script. */
import { normalizeName } from '../../src/matching/normalize';
import { prepareCatalog } from '../../src/deal/products';
import { compareDeals, type DealFeatures } from '../../src/deal/similarity';
import { DEAL_CATALOG, type DealPair } from './pairs';

const catalog = prepareCatalog(DEAL_CATALOG);

export function customerWords(customer: string): Set<string> {
  const n = normalizeName(customer);
  return new Set([
    ...n.tokens,
    ...customer
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
  ]);
}

export function dealFeaturesOf(p: DealPair): DealFeatures {
  return (compareDeals(p.a, [p.b], catalog, customerWords(p.customer))[0] as { features: DealFeatures })
    .features;
}

export function dealScoreOf(p: DealPair): number {
  return (compareDeals(p.a, [p.b], catalog, customerWords(p.customer))[0] as { score: number }).score;
}

export interface Quality {
  pairs: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

export function evaluate(pairs: DealPair[], score: (f: DealFeatures) => number, threshold: number): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pairs) {
    const yes = score(dealFeaturesOf(p)) >= threshold;
    if (yes && p.same) tp++;
    else if (yes) fp++;
    else if (p.same) fn++;
    else tn++;
  }
  const r3 = (n: number) => Math.round(n * 1000) / 1000;
  return {
    pairs: pairs.length,
    tp,
    fp,
    fn,
    tn,
    precision: r3(tp / Math.max(1, tp + fp)),
    recall: r3(tp / Math.max(1, tp + fn))
  };
}
