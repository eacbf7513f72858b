import type { Exclusivity, Settings } from '../schemas';
import type { CompiledCatalog } from '../deal/products';
import { VOCABULARY } from '../vocabulary';
import { ValidationError } from '../validation';
import { availableRulesets, DEFAULT_RULESET, findRuleset, type LoadedRuleset } from './rulesets';

/** Settings with every default applied (the defaults of Deal_Scoring_Setting__mdt, from the vocabulary). */
export interface ResolvedSettings {
  reviewThreshold: number;
  conflictThreshold: number;
  highValueAmount: number;
  protectionDays: number;
  asOf: string;
  /** The ruleset that scores: `settings.rulesetVersion` or the default. */
  ruleset: LoadedRuleset;
  /**
   * Programme exclusivity as sent. Undefined when the request names none: customer exclusivity
   * without deal comparisons, exactly as before the setting existed.
   */
  exclusivity?: Exclusivity;
  /** The request's product catalogue, compiled (empty when none was sent). */
  catalog?: CompiledCatalog;
}

const { settings } = VOCABULARY;
export const DEFAULT_SETTINGS = {
  reviewThreshold: settings.reviewThreshold.default,
  conflictThreshold: settings.conflictThreshold.default,
  highValueAmount: settings.highValueAmount.default,
  protectionDays: settings.protectionDays.default
} as const;

/** Similarity from which a non-conflicting candidate is still mentioned as a possible match. */
export const NEAR_MISS_FLOOR = DEFAULT_RULESET.data.limits.nearMissFloor;

/** The ruleset a request names, or the default; an unknown version is a 400 naming the field. */
export function resolveRuleset(
  version: string | undefined,
  path = '/settings/rulesetVersion'
): LoadedRuleset {
  if (version === undefined) return DEFAULT_RULESET;
  const found = findRuleset(version);
  if (found) return found;
  const known = availableRulesets()
    .map((r) => r.rulesetVersion)
    .join(', ');
  throw new ValidationError([{ path, message: `unknown ruleset "${version}"; available: ${known}` }]);
}

export function resolveSettings(s: Settings | undefined, today: string): ResolvedSettings {
  return {
    reviewThreshold: s?.reviewThreshold ?? DEFAULT_SETTINGS.reviewThreshold,
    conflictThreshold: s?.conflictThreshold ?? DEFAULT_SETTINGS.conflictThreshold,
    highValueAmount: s?.highValueAmount ?? DEFAULT_SETTINGS.highValueAmount,
    protectionDays: s?.protectionDays ?? DEFAULT_SETTINGS.protectionDays,
    asOf: s?.asOf ?? today,
    ruleset: resolveRuleset(s?.rulesetVersion),
    ...(s?.exclusivity ? { exclusivity: s.exclusivity } : {})
  };
}
