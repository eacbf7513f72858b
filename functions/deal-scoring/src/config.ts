/**
 * Runtime configuration from the environment: ONE schema (EnvSchema), validated at start by
 * env-schema. Every setting the process reads, the language-model ones included, is declared
 * here; nothing else reads process.env. An invalid value stops the process with a message naming
 * the variable; nothing is silently defaulted except the documented defaults below.
 */
import os from 'node:os';
import envSchema from 'env-schema';
import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_LLM_SETTINGS, type LlmSettings } from './ai/llm-client';
import { loadRulesetFolder, RulesetError } from './engine/rulesets';
import type { Ruleset } from './ruleset/schema';
import type { EmbeddingSettings } from './enablement/embeddings';

const Int = (minimum: number, maximum: number, def?: number, description?: string) =>
  Type.Integer({ minimum, maximum, ...(def === undefined ? {} : { default: def }), description });

export const EnvSchema = Type.Object({
  PORT: Int(0, 65535, 8787, 'listen port'),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'listen address' }),
  DEAL_SCORING_API_KEYS: Type.String({ default: '', description: 'comma-separated bearer keys' }),
  DEAL_SCORING_PRODUCTION: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' }
  ),
  BODY_LIMIT_BYTES: Int(1024, 50 * 1024 * 1024, 1024 * 1024),
  REQUEST_TIMEOUT_MS: Int(100, 600_000, 15_000),
  RATE_LIMIT_MAX: Int(1, 10_000_000, 6000, 'per verified key per window'),
  RATE_LIMIT_UNAUTHENTICATED_MAX: Int(1, 10_000_000, 120, 'per client address per window, no valid key'),
  RATE_LIMIT_WINDOW: Type.String({ minLength: 1, default: '1 minute' }),
  /** 0 = run everything on the main thread (tests, CLI); default: one per CPU. */
  WORKER_THREADS: Type.Optional(Int(0, 256)),
  WORKER_QUEUE_MAX: Int(1, 100_000, 32, 'tasks waiting for a worker; beyond: 503 + Retry-After'),
  WORKER_INLINE_MAX_COST: Int(
    0,
    1_000_000,
    1000,
    'requests at most this costly (deals + candidates: about 5 ms of CPU) run on the main thread'
  ),
  WORKER_RAW_MIN_BYTES: Int(
    0,
    1024 * 1024 * 1024,
    128 * 1024,
    'score/precheck bodies at least this large are parsed and validated on a worker'
  ),
  SHUTDOWN_GRACE_MS: Int(0, 600_000, 20_000, 'time in-flight requests get to finish on SIGTERM'),
  RULESETS_DIR: Type.String({
    default: '',
    description: 'folder of extra ruleset JSON files (learned candidates); validated at start'
  }),
  METRICS_ENABLED: Type.Boolean({ default: true }),
  METRICS_KEYS: Type.String({ default: '', description: 'scrape-only keys for /metrics' }),
  OPENAI_API_KEY: Type.String({ default: '' }),
  OPENAI_BASE_URL: Type.String({ default: '' }),
  OPENAI_MODEL: Type.String({ default: DEFAULT_LLM_SETTINGS.model }),
  OPENAI_TIMEOUT_MS: Int(1, 600_000, DEFAULT_LLM_SETTINGS.timeoutMs),
  OPENAI_MAX_RETRIES: Int(0, 10, DEFAULT_LLM_SETTINGS.maxRetries),
  OPENAI_DEADLINE_MS: Int(1, 600_000, DEFAULT_LLM_SETTINGS.deadlineMs),
  OPENAI_BREAKER_FAILURES: Int(1, 1000, DEFAULT_LLM_SETTINGS.breakerFailureThreshold),
  OPENAI_BREAKER_RESET_MS: Int(0, 3_600_000, DEFAULT_LLM_SETTINGS.breakerResetMs),
  OPENAI_EMBEDDING_MODEL: Type.String({
    default: '',
    description: 'embeddings model for the enablement feed; empty = full text and signals only'
  })
});
type Env = Static<typeof EnvSchema>;

/** The environment variable names the process reads (documented in the README, checked by a test). */
export const ENV_NAMES = Object.keys(EnvSchema.properties);

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
  /** Requests without a valid key, per client address and window. */
  rateLimitUnauthenticatedMax: number;
  rateLimitWindow: string | number;
  /** Worker threads for heavy requests; 0 runs every request on the main thread. */
  workerThreads: number;
  /** Tasks that may wait for a worker; one more gets 503 + Retry-After. */
  workerQueueMax: number;
  /** Requests whose cost (deals + candidates, see src/worker/cost.ts) is at most this run inline. */
  workerInlineMaxCost: number;
  /** /v1/score and /v1/precheck bodies of at least this many bytes are parsed on a worker (pool on). */
  workerRawMinBytes: number;
  shutdownGraceMs: number;
  metricsEnabled: boolean;
  /** Keys accepted by /metrics only; empty = the API keys. */
  metricsKeys: string[];
  /** The language model; null = templates and the built-in extractor only. */
  llm: LlmSettings | null;
  /** Rulesets besides the shipped default (RULESETS_DIR), validated; a request names one by version. */
  rulesets: Ruleset[];
  /** Where they were read from, for the start-up log; null when RULESETS_DIR is not set. */
  rulesetsDir: string | null;
  /** Embeddings for the enablement feed (needs OPENAI_API_KEY and OPENAI_EMBEDDING_MODEL); null = none. */
  embeddings: EmbeddingSettings | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Defaults for tests and embedded use (no worker threads, no model); overridden field by field. */
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
    rateLimitUnauthenticatedMax: 120,
    rateLimitWindow: '1 minute',
    workerThreads: 0,
    workerQueueMax: 32,
    workerInlineMaxCost: 1000,
    workerRawMinBytes: 128 * 1024,
    shutdownGraceMs: 20_000,
    metricsEnabled: true,
    metricsKeys: [],
    llm: null,
    rulesets: [],
    rulesetsDir: null,
    embeddings: null,
    ...overrides
  };
}

function keyList(raw: string, name: string): string[] {
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  const short = keys.findIndex((k) => k.length < MIN_KEY_LENGTH);
  if (short >= 0) {
    throw new ConfigError(
      `Invalid environment: ${name} entry #${short + 1} is shorter than ${MIN_KEY_LENGTH} characters`
    );
  }
  return keys;
}

/** Reads and validates the environment. Throws ConfigError naming the offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Only the declared variables are handed to the validator (the rest of the environment is not ours).
  const data: Record<string, string> = {};
  for (const name of ENV_NAMES) {
    const value = env[name];
    if (value !== undefined && value !== '') data[name] = value;
  }
  let parsed: Env;
  try {
    parsed = envSchema<Env>({ schema: EnvSchema, data, env: false, dotenv: false });
  } catch (err) {
    throw new ConfigError(`Invalid environment: ${(err as Error).message}`);
  }
  const apiKeys = keyList(parsed.DEAL_SCORING_API_KEYS, 'DEAL_SCORING_API_KEYS');
  const metricsKeys = keyList(parsed.METRICS_KEYS, 'METRICS_KEYS');
  if (parsed.DEAL_SCORING_PRODUCTION && apiKeys.length === 0) {
    throw new ConfigError(
      'Refusing to start: DEAL_SCORING_PRODUCTION is set but DEAL_SCORING_API_KEYS is empty (set at least one key)'
    );
  }
  const window = /^\d+$/.test(parsed.RATE_LIMIT_WINDOW)
    ? Number(parsed.RATE_LIMIT_WINDOW)
    : parsed.RATE_LIMIT_WINDOW;
  let baseURL: string | undefined;
  if (parsed.OPENAI_BASE_URL.trim()) {
    baseURL = parsed.OPENAI_BASE_URL.trim();
    if (!URL.canParse(baseURL) || !/^https?:$/.test(new URL(baseURL).protocol)) {
      throw new ConfigError('Invalid environment: OPENAI_BASE_URL must be an http(s) URL');
    }
  }
  const apiKey = parsed.OPENAI_API_KEY.trim();
  const llm: LlmSettings | null = apiKey
    ? {
        apiKey,
        baseURL,
        model: parsed.OPENAI_MODEL.trim() || DEFAULT_LLM_SETTINGS.model,
        timeoutMs: parsed.OPENAI_TIMEOUT_MS,
        maxRetries: parsed.OPENAI_MAX_RETRIES,
        deadlineMs: parsed.OPENAI_DEADLINE_MS,
        breakerFailureThreshold: parsed.OPENAI_BREAKER_FAILURES,
        breakerResetMs: parsed.OPENAI_BREAKER_RESET_MS
      }
    : null;
  const rulesetsDir = parsed.RULESETS_DIR.trim() || null;
  let rulesets: Ruleset[] = [];
  if (rulesetsDir !== null) {
    try {
      rulesets = loadRulesetFolder(rulesetsDir);
    } catch (err) {
      if (err instanceof RulesetError) throw new ConfigError(`Invalid RULESETS_DIR: ${err.message}`);
      throw err;
    }
  }
  const embeddingModel = parsed.OPENAI_EMBEDDING_MODEL.trim();
  if (embeddingModel && !apiKey) {
    throw new ConfigError('Invalid environment: OPENAI_EMBEDDING_MODEL is set but OPENAI_API_KEY is empty');
  }
  const embeddings: EmbeddingSettings | null =
    apiKey && embeddingModel
      ? {
          apiKey,
          baseURL,
          model: embeddingModel,
          timeoutMs: parsed.OPENAI_TIMEOUT_MS,
          maxRetries: parsed.OPENAI_MAX_RETRIES
        }
      : null;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    apiKeys,
    production: parsed.DEAL_SCORING_PRODUCTION,
    logLevel: parsed.LOG_LEVEL,
    bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
    requestTimeoutMs: parsed.REQUEST_TIMEOUT_MS,
    rateLimitMax: parsed.RATE_LIMIT_MAX,
    rateLimitUnauthenticatedMax: parsed.RATE_LIMIT_UNAUTHENTICATED_MAX,
    rateLimitWindow: window,
    workerThreads: parsed.WORKER_THREADS ?? Math.max(1, os.availableParallelism()),
    workerQueueMax: parsed.WORKER_QUEUE_MAX,
    workerInlineMaxCost: parsed.WORKER_INLINE_MAX_COST,
    workerRawMinBytes: parsed.WORKER_RAW_MIN_BYTES,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    metricsEnabled: parsed.METRICS_ENABLED,
    metricsKeys,
    llm,
    rulesets,
    rulesetsDir,
    embeddings
  };
}
