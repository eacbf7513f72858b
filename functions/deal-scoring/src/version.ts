import { DEFAULT_RULESET } from './engine/rulesets';

/** Version identifiers echoed in every result (audit: which code and which rules scored it). */
export const SERVICE_VERSION = '1.0.0';
export const MODEL_VERSION = 'deal-scoring-1.0.0';
/**
 * The default ruleset's version (src/ruleset/default.json). Bump it there whenever a rule, weight,
 * threshold default or matcher calibration changes; the golden-output test enforces it.
 */
export const RULESET_VERSION = DEFAULT_RULESET.rulesetVersion;
