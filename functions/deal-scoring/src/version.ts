/** Version identifiers echoed in every result (audit: which code and which rules scored it). */
export const SERVICE_VERSION = '1.0.0';
export const MODEL_VERSION = 'deal-scoring-1.0.0';
/** Bump whenever a rule, weight, threshold default or matcher calibration changes. */
export const RULESET_VERSION = '2026.11.1';
