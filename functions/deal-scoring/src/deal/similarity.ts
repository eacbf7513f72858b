/**
 * "Same deal?" for two records of the same customer: the submission and a candidate registration
 * or opportunity. Five comparisons, each 0-1 or absent when a side does not give it:
 *   text       word and character-trigram cosine of opportunity name + description (text.ts)
 *   products   shared products / products of the shorter list, catalogue aliases resolved (products.ts)
 *   amount     smaller / larger value
 *   closeDate  1 - days apart / 180 (0 from half a year)
 *   territory  same country 1, same region 0.5, else 0
 * combined by a logistic model into a calibrated probability-like score. The weights were fitted on
 * the tuning half of test/fixtures/deal-pairs.json (test/deal/tune.ts); the held-out half was never
 * used to choose them or the threshold. An absent comparison contributes nothing either way.
 */
import { epochDay } from '../engine/dates';
import { canonicalProducts, productOverlap, type CompiledCatalog } from './products';
import { textSimilarity, textVector } from './text';

export interface DealSide {
  opportunityName?: string;
  description?: string;
  products?: readonly string[];
  amount?: number;
  closeDate?: string;
  region?: string;
  country?: string;
}

export interface DealFeatures {
  text?: number;
  products?: number;
  amount?: number;
  closeDate?: number;
  territory?: number;
}

export const FEATURES = ['text', 'products', 'amount', 'closeDate', 'territory'] as const;
export type FeatureName = (typeof FEATURES)[number];

/** Logistic model: z = bias + sum(weight * (2 * value - 1)) over the comparisons present. */
export interface DealModel {
  bias: number;
  weights: Record<FeatureName, number>;
  /** Score at or above which two records are reported as the same deal. */
  threshold: number;
}

/** Fitted on the tuning split of test/fixtures/deal-pairs.json by test/deal/tune.ts. */
export const DEAL_MODEL: DealModel = {
  bias: -1.63,
  weights: { text: 1.11, products: 1.56, amount: 1.6, closeDate: 2.3, territory: 0.44 },
  threshold: 0.5
};

export interface DealComparison {
  /** 0-1, rounded to 3 decimals. */
  score: number;
  sameDeal: boolean;
  features: DealFeatures;
  /** Products both records name (catalogue names where the catalogue knows them). */
  sharedProducts: string[];
  /** Why, in words ("same products: Analytics Cloud", "close dates 12 days apart"). */
  reasons: string[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const HALF_YEAR = 180;

export function scoreFeatures(f: DealFeatures, model: DealModel = DEAL_MODEL): number {
  let z = model.bias;
  for (const k of FEATURES) {
    const v = f[k];
    if (v !== undefined) z += model.weights[k] * (2 * v - 1);
  }
  return 1 / (1 + Math.exp(-z));
}

function territory(a: DealSide, b: DealSide): number | undefined {
  const ca = a.country?.trim().toLowerCase();
  const cb = b.country?.trim().toLowerCase();
  if (ca && cb && ca === cb) return 1;
  const ra = a.region?.trim().toLowerCase();
  const rb = b.region?.trim().toLowerCase();
  if (ra && rb) return ra === rb ? (ca && cb ? 0.5 : 1) : 0;
  if (ca && cb) return 0;
  return undefined;
}

function fmtAmount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const textOf = (s: DealSide) => [s.opportunityName, s.description].filter(Boolean).join('. ');

/**
 * Compares one subject deal with candidates of the same customer. `ignoredWords` are left out of
 * the texts (the customer's name words: every record of one customer names it).
 */
export function compareDeals(
  subject: DealSide,
  candidates: readonly DealSide[],
  catalog: CompiledCatalog,
  ignoredWords: ReadonlySet<string> = new Set(),
  model: DealModel = DEAL_MODEL
): DealComparison[] {
  const subjectText = textVector(textOf(subject), ignoredWords);
  const subjectProducts = canonicalProducts(subject.products, catalog);
  return candidates.map((c) => {
    const features: DealFeatures = {};
    const reasons: string[] = [];
    const candidateText = subjectText ? textVector(textOf(c), ignoredWords) : undefined;
    if (subjectText && candidateText) features.text = round3(textSimilarity(subjectText, candidateText));
    const overlap = productOverlap(subjectProducts, canonicalProducts(c.products, catalog));
    if (overlap) features.products = round3(overlap.score);
    if (subject.amount !== undefined && c.amount !== undefined && subject.amount > 0 && c.amount > 0)
      features.amount = round3(Math.min(subject.amount, c.amount) / Math.max(subject.amount, c.amount));
    let days: number | undefined;
    if (subject.closeDate && c.closeDate) {
      days = Math.abs(epochDay(subject.closeDate) - epochDay(c.closeDate));
      features.closeDate = round3(Math.max(0, 1 - days / HALF_YEAR));
    }
    const t = territory(subject, c);
    if (t !== undefined) features.territory = t;
    const score = round3(scoreFeatures(features, model));

    if (overlap && overlap.shared.length > 0) reasons.push(`same products: ${overlap.shared.join(', ')}`);
    else if (overlap) reasons.push('different products');
    if (features.text !== undefined) reasons.push(`descriptions ${features.text.toFixed(2)} similar`);
    if (days !== undefined) reasons.push(days === 0 ? 'same close date' : `close dates ${days} days apart`);
    if (features.amount !== undefined && subject.amount !== undefined && c.amount !== undefined)
      reasons.push(
        features.amount >= 0.999
          ? `same value ${fmtAmount(c.amount)}`
          : `values ${fmtAmount(subject.amount)} and ${fmtAmount(c.amount)}`
      );
    if (t === 0) reasons.push('different territory');
    else if (t !== undefined) reasons.push(t === 1 ? 'same territory' : 'same region, other country');
    return {
      score,
      sameDeal: score >= model.threshold,
      features,
      sharedProducts: overlap?.shared ?? [],
      reasons
    };
  });
}
