// The one place that talks to a language model: the `openai` SDK against any OpenAI-compatible
// chat-completions endpoint, JSON-schema structured output, the SDK's own timeout and retry with
// backoff (it honours Retry-After), and a circuit breaker in front. Every call reports the model,
// the prompt-template version, tokens and latency; every failure is an LlmError the callers turn
// into the built-in path.
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError, RateLimitError } from 'openai';
import { CircuitBreaker } from './circuit-breaker';

export interface LlmSettings {
  apiKey: string;
  /** Any OpenAI-compatible endpoint; the SDK default (api.openai.com) when absent. */
  baseURL?: string;
  model: string;
  /** Per attempt, in milliseconds. */
  timeoutMs: number;
  /** Retries after the first attempt (429, 5xx, connection errors, timeouts), with backoff. */
  maxRetries: number;
  /**
   * Budget for one call including every retry, in milliseconds. Kept below the Salesforce callout
   * timeout (10 s by default) so that a slow model still leaves time to answer with the built-in path.
   */
  deadlineMs: number;
  breakerFailureThreshold: number;
  breakerResetMs: number;
}

export const DEFAULT_LLM_SETTINGS: Omit<LlmSettings, 'apiKey'> = {
  model: 'gpt-4o-mini',
  timeoutMs: 4000,
  maxRetries: 2,
  deadlineMs: 7000,
  breakerFailureThreshold: 5,
  breakerResetMs: 30000
};

/** What Apex writes to AI_Audit_Log__c for each model call. */
export interface LlmUsage {
  model: string;
  promptVersion: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
}

export type LlmFailureKind =
  | 'circuit_open'
  | 'timeout'
  | 'rate_limited'
  | 'http'
  | 'connection'
  | 'malformed'
  | 'refused'
  | 'invalid';

export class LlmError extends Error {
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    /** Model, version and latency of the failed attempt (tokens when the endpoint reported them). */
    readonly usage: LlmUsage
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface JsonCompletionRequest {
  promptVersion: string;
  system: string;
  user: string;
  schemaName: string;
  /** A JSON schema in the strict structured-output subset (every property required, no extras). */
  schema: Record<string, unknown>;
  maxTokens?: number;
  /** A tighter budget than the client's deadline for this call (e.g. what is left of a request's). */
  deadlineMs?: number;
}

export interface JsonCompletion {
  value: unknown;
  usage: LlmUsage;
}

/** The interface the assist services depend on; tests may supply their own. */
export interface JsonModel {
  readonly model: string;
  completeJson(request: JsonCompletionRequest): Promise<JsonCompletion>;
}

export class LlmClient implements JsonModel {
  readonly model: string;
  readonly breaker: CircuitBreaker;
  private readonly client: OpenAI;

  constructor(
    private readonly settings: LlmSettings,
    options: { now?: () => number } = {}
  ) {
    this.model = settings.model;
    this.client = new OpenAI({
      apiKey: settings.apiKey,
      baseURL: settings.baseURL,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries
    });
    this.breaker = new CircuitBreaker({
      failureThreshold: settings.breakerFailureThreshold,
      resetAfterMs: settings.breakerResetMs,
      now: options.now
    });
  }

  async completeJson(request: JsonCompletionRequest): Promise<JsonCompletion> {
    const started = performance.now();
    const usage = (promptTokens = 0, completionTokens = 0, model = this.model): LlmUsage => ({
      model,
      promptVersion: request.promptVersion,
      promptTokens,
      completionTokens,
      latencyMs: Math.round(performance.now() - started)
    });
    if (!this.breaker.tryAcquire()) {
      throw new LlmError('circuit_open', 'language model circuit is open', usage());
    }
    const deadline = Math.max(
      1,
      Math.floor(Math.min(this.settings.deadlineMs, request.deadlineMs ?? Infinity))
    );
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(
        {
          model: this.model,
          temperature: 0,
          max_tokens: request.maxTokens ?? 800,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user }
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name: request.schemaName, schema: request.schema, strict: true }
          }
        },
        // The SDK times out each attempt and retries with backoff; the signal bounds the whole call.
        { signal: AbortSignal.timeout(deadline) }
      );
    } catch (err) {
      this.breaker.recordFailure();
      const failed = usage();
      // Some runtimes surface the SDK's abort as a plain connection error; the clock tells.
      const kind = classify(err);
      throw new LlmError(
        kind === 'connection' && failed.latencyMs >= Math.min(this.settings.timeoutMs, deadline)
          ? 'timeout'
          : kind,
        describe(err),
        failed
      );
    }
    const reported = usage(
      completion.usage?.prompt_tokens ?? 0,
      completion.usage?.completion_tokens ?? 0,
      completion.model || this.model
    );
    const message = completion.choices?.[0]?.message;
    if (!message || message.refusal) {
      this.breaker.recordFailure();
      throw new LlmError('refused', 'the model refused or returned no message', reported);
    }
    let value: unknown;
    try {
      value = JSON.parse(message.content ?? '');
    } catch {
      this.breaker.recordFailure();
      throw new LlmError('malformed', 'the model returned content that is not JSON', reported);
    }
    this.breaker.recordSuccess();
    return { value, usage: reported };
  }
}

function classify(err: unknown): LlmFailureKind {
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) return 'timeout';
  if (err instanceof RateLimitError) return 'rate_limited';
  if (err instanceof APIError && err.status !== undefined) return 'http';
  return 'connection';
}

function describe(err: unknown): string {
  // Status and class only: SDK messages can echo request content, which may hold personal data.
  if (err instanceof APIError) return `${err.constructor.name}${err.status ? ` (${err.status})` : ''}`;
  return err instanceof Error ? err.name : 'unknown error';
}
