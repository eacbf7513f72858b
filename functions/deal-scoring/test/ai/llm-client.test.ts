import { CircuitBreaker } from '../../src/ai/circuit-breaker';
import { LlmClient, LlmError, type LlmSettings } from '../../src/ai/llm-client';
import { loadConfig } from '../../src/config';
import { PARSE_OUTPUT_SCHEMA } from '../../src/ai/prompts';
import { FakeOpenAi, completion, rateLimited } from './fake-openai-server';

const server = new FakeOpenAi();
beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => server.reset());

function client(overrides: Partial<LlmSettings> = {}, now?: () => number): LlmClient {
  return new LlmClient(
    {
      apiKey: 'sk-test-key',
      baseURL: server.baseURL,
      model: 'gpt-4o-mini',
      timeoutMs: 2000,
      maxRetries: 0,
      deadlineMs: 5000,
      breakerFailureThreshold: 3,
      breakerResetMs: 1000,
      ...overrides
    },
    { now }
  );
}

const request = {
  promptVersion: 'parse-test-1',
  system: 'system text',
  user: 'user text',
  schemaName: 'deal_registration_fields',
  schema: PARSE_OUTPUT_SCHEMA
};

async function failureOf(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LlmError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('LlmClient against a local OpenAI-compatible server', () => {
  it('sends a strict JSON-schema structured-output request and reports model, version, tokens, latency', async () => {
    server.reply(completion('{"customerName":"Acme GmbH"}', { prompt_tokens: 400, completion_tokens: 20 }));
    const result = await client().completeJson(request);
    expect(result.value).toEqual({ customerName: 'Acme GmbH' });
    expect(result.usage).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      promptVersion: 'parse-test-1',
      promptTokens: 400,
      completionTokens: 20,
      latencyMs: expect.any(Number)
    });
    const sent = server.requests[0]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sk-test-key');
    expect(sent.body.model).toBe('gpt-4o-mini');
    expect(sent.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'deal_registration_fields', strict: true, schema: PARSE_OUTPUT_SCHEMA }
    });
    expect(sent.body.messages?.map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('turns content that is not JSON into a "malformed" failure with usage', async () => {
    server.reply(completion('{"customerName": "Acme', { prompt_tokens: 10, completion_tokens: 3 }));
    const err = await failureOf(client().completeJson(request));
    expect(err.kind).toBe('malformed');
    expect(err.usage.promptTokens).toBe(10);
  });

  it('times out a slow endpoint', async () => {
    server.reply({ ...completion('{}'), delayMs: 1500 });
    const err = await failureOf(client({ timeoutMs: 200 }).completeJson(request));
    expect(err.kind).toBe('timeout');
    expect(err.usage.latencyMs).toBeGreaterThanOrEqual(150);
  });

  it('bounds the whole call, retries included, by the deadline', async () => {
    server.always({ ...completion('{}'), delayMs: 1000 });
    const started = Date.now();
    const err = await failureOf(
      client({ timeoutMs: 400, maxRetries: 3, deadlineMs: 600 }).completeJson(request)
    );
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(950);
  });

  it('retries a 429 with backoff and succeeds', async () => {
    server.reply(rateLimited(5), rateLimited(5), completion('{"ok":true}'));
    const result = await client({ maxRetries: 2 }).completeJson(request);
    expect(result.value).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the retry budget on repeated 429s', async () => {
    server.always(rateLimited(5));
    const err = await failureOf(client({ maxRetries: 1 }).completeJson(request));
    expect(err.kind).toBe('rate_limited');
    expect(server.requests).toHaveLength(2);
  });

  it('reports a 5xx as an http failure and a refusal as refused', async () => {
    server.reply({ status: 400, body: { error: { message: 'bad schema' } } });
    expect((await failureOf(client().completeJson(request))).kind).toBe('http');
    server.reply({
      status: 200,
      body: {
        id: 'x',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: null, refusal: 'I cannot help' },
            finish_reason: 'stop'
          }
        ]
      }
    });
    expect((await failureOf(client().completeJson(request))).kind).toBe('refused');
  });

  it('opens the circuit after consecutive failures, refuses without calling, then half-opens', async () => {
    let now = 0;
    const c = client({ breakerFailureThreshold: 3, breakerResetMs: 1000 }, () => now);
    server.always({ status: 500, body: { error: { message: 'down' } } });
    for (let i = 0; i < 3; i++) expect((await failureOf(c.completeJson(request))).kind).toBe('http');
    expect(c.breaker.current).toBe('open');
    const callsBefore = server.requests.length;
    expect((await failureOf(c.completeJson(request))).kind).toBe('circuit_open');
    expect(server.requests).toHaveLength(callsBefore);
    now = 1000;
    server.reset();
    server.reply(completion('{"ok":1}'));
    expect((await c.completeJson(request)).value).toEqual({ ok: 1 });
    expect(c.breaker.current).toBe('closed');
  });
});

describe('CircuitBreaker', () => {
  it('lets exactly one trial through when half-open and re-opens on its failure', () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, resetAfterMs: 50, now: () => now });
    b.recordFailure();
    expect(b.tryAcquire()).toBe(false);
    now = 50;
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.recordFailure();
    expect(b.current).toBe('open');
  });

  it('rejects nonsensical settings', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0, resetAfterMs: 1 })).toThrow(/failureThreshold/);
  });
});

describe('language-model settings come from the one configuration schema', () => {
  it('are null without OPENAI_API_KEY and read the optional variables', () => {
    expect(loadConfig({}).llm).toBeNull();
    expect(loadConfig({ OPENAI_API_KEY: '  ' }).llm).toBeNull();
    const s = loadConfig({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://x/v1', OPENAI_MODEL: 'm' }).llm;
    expect(s).toMatchObject({ apiKey: 'k', baseURL: 'http://x/v1', model: 'm', timeoutMs: 4000 });
  });

  it('names the variable when a value is invalid', () => {
    expect(() => loadConfig({ OPENAI_API_KEY: 'k', OPENAI_TIMEOUT_MS: 'soon' })).toThrow(/OPENAI_TIMEOUT_MS/);
    expect(() => loadConfig({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'ftp://x' })).toThrow(/OPENAI_BASE_URL/);
  });
});
