/**
 * Runtime configuration from the environment, validated at start by env-schema. An invalid
 * value stops the process with a message naming the variable; nothing is silently defaulted
 * except the documented defaults below.
 */
import envSchema from 'env-schema';
import { Type, type Static } from '@sinclair/typebox';

export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8787 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DEAL_SCORING_API_KEYS: Type.String({ default: '' }),
  DEAL_SCORING_PRODUCTION: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' }
  ),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024, default: 1024 * 1024 }),
  REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 15_000 }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 6000 }),
  RATE_LIMIT_WINDOW: Type.String({ minLength: 1, default: '1 minute' })
});
type Env = Static<typeof EnvSchema>;

/** Minimum length of an API key: shorter keys are refused at start. */
export const MIN_KEY_LENGTH = 16;

export interface AppConfig {
  port: number;
  host: string;
  /** Accepted API keys (rotation: old and new side by side). Empty = local mode, no auth. */
  apiKeys: string[];
  production: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  rateLimitMax: number;
  rateLimitWindow: string | number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Defaults for tests and embedded use; overridden field by field. */
export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 8787,
    host: '127.0.0.1',
    apiKeys: [],
    production: false,
    logLevel: 'silent',
    bodyLimitBytes: 1024 * 1024,
    requestTimeoutMs: 15_000,
    rateLimitMax: 6000,
    rateLimitWindow: '1 minute',
    ...overrides
  };
}

/** Reads and validates the environment. Throws ConfigError naming the offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  let parsed: Env;
  try {
    parsed = envSchema<Env>({ schema: EnvSchema, data: { ...env }, env: false, dotenv: false });
  } catch (err) {
    throw new ConfigError(`Invalid environment: ${(err as Error).message}`);
  }
  const apiKeys = parsed.DEAL_SCORING_API_KEYS.split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  const short = apiKeys.findIndex((k) => k.length < MIN_KEY_LENGTH);
  if (short >= 0) {
    throw new ConfigError(
      `Invalid environment: DEAL_SCORING_API_KEYS entry #${short + 1} is shorter than ${MIN_KEY_LENGTH} characters`
    );
  }
  if (parsed.DEAL_SCORING_PRODUCTION && apiKeys.length === 0) {
    throw new ConfigError(
      'Refusing to start: DEAL_SCORING_PRODUCTION is set but DEAL_SCORING_API_KEYS is empty (set at least one key)'
    );
  }
  const window = /^\d+$/.test(parsed.RATE_LIMIT_WINDOW)
    ? Number(parsed.RATE_LIMIT_WINDOW)
    : parsed.RATE_LIMIT_WINDOW;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    apiKeys,
    production: parsed.DEAL_SCORING_PRODUCTION,
    logLevel: parsed.LOG_LEVEL,
    bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
    requestTimeoutMs: parsed.REQUEST_TIMEOUT_MS,
    rateLimitMax: parsed.RATE_LIMIT_MAX,
    rateLimitWindow: window
  };
}
