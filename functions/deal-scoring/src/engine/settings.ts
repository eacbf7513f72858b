import type { Settings } from '../schemas';
import { VOCABULARY } from '../vocabulary';

/** Settings with every default applied (the defaults of Deal_Scoring_Setting__mdt, from the vocabulary). */
export interface ResolvedSettings {
  reviewThreshold: number;
  conflictThreshold: number;
  highValueAmount: number;
  protectionDays: number;
  asOf: string;
}

const { settings } = VOCABULARY;
export const DEFAULT_SETTINGS = {
  reviewThreshold: settings.reviewThreshold.default,
  conflictThreshold: settings.conflictThreshold.default,
  highValueAmount: settings.highValueAmount.default,
  protectionDays: settings.protectionDays.default
} as const;

/** Similarity from which a non-conflicting candidate is still mentioned as a possible match. */
export const NEAR_MISS_FLOOR = 0.65;

export function resolveSettings(s: Settings | undefined, today: string): ResolvedSettings {
  return {
    reviewThreshold: s?.reviewThreshold ?? DEFAULT_SETTINGS.reviewThreshold,
    conflictThreshold: s?.conflictThreshold ?? DEFAULT_SETTINGS.conflictThreshold,
    highValueAmount: s?.highValueAmount ?? DEFAULT_SETTINGS.highValueAmount,
    protectionDays: s?.protectionDays ?? DEFAULT_SETTINGS.protectionDays,
    asOf: s?.asOf ?? today
  };
}
