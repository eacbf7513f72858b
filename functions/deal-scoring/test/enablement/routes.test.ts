// POST /v1/enablement/recommend over app.inject(): auth, JSON-pointer 400s, the response schema,
// optional embeddings with fallback, and the embeddings client against a local OpenAI-compatible server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app';
import { ConfigError, defaultConfig, loadConfig } from '../../src/config';
import { OpenAiEmbedder, type Embedder } from '../../src/enablement/embeddings';
import { RecommendResponseSchema, type RecommendRequest } from '../../src/enablement/schemas';
import { fieldErrors } from '../../src/validation';
import { loadLabelledSet, requestFor } from './labelled-set';

const KEY = 'enablement-test-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
const set = loadLabelledSet();
const body: RecommendRequest = requestFor(set.profiles.find((p) => p.id === 'P01')!, set.library);

async function app(embedder?: Embedder) {
  const a = await buildApp(defaultConfig({ apiKeys: [KEY] }), embedder ? { embedder } : {});
  await a.ready();
  return a;
}

const post = (a: Awaited<ReturnType<typeof app>>, payload: unknown, headers: Record<string, string> = auth) =>
  a.inject({ method: 'POST', url: '/v1/enablement/recommend', headers, payload: payload as object });

describe('POST /v1/enablement/recommend', () => {
  it('ranks the library with reasons, full text only without a model', async () => {
    const a = await app();
    const res = await post(a, body);
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(fieldErrors(RecommendResponseSchema, out)).toEqual([]);
    expect(out.engine).toBe('lexical');
    expect(out.fallback).toBe(false);
    expect(out.recommendations).toHaveLength(10);
    expect(out.recommendations.map((r: { contentId: string }) => r.contentId)).toContain('EC01');
    for (const r of out.recommendations) expect(r.because).toMatch(/^Because /);
    await a.close();
  });

  it('requires the API key', async () => {
    const a = await app();
    expect((await post(a, body, {})).statusCode).toBe(401);
    await a.close();
  });

  it.each([
    [{ ...body, library: [] }, '/library'],
    [{ ...body, feedback: [{ contentId: 'EC01', verdict: 'MAYBE' }] }, '/feedback/0/verdict'],
    [{ ...body, library: [{ ...body.library[0]!, type: 'VIDEO' }] }, '/library/0/type'],
    [{ ...body, partner: { id: 'p', certifications: [], language: 'english' } }, '/partner/language'],
    [{ ...body, maxResults: 51 }, '/maxResults'],
    [{ ...body, library: [body.library[0], body.library[0]] }, '/library/1/id']
  ])('answers 400 naming the field (%#)', async (payload, path) => {
    const a = await app();
    const res = await post(a, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    await a.close();
  });

  it('adds semantic similarity when an embedder is configured', async () => {
    const texts: string[][] = [];
    const embedder: Embedder = {
      model: 'fake',
      embed: async (input) => {
        texts.push(input);
        // The partner query is [1,0]; only the co-selling module points the same way.
        return input.map((t, i) => (i === 0 ? [1, 0] : t.startsWith('Co-selling') ? [1, 0.1] : [0, 1]));
      }
    };
    const a = await app(embedder);
    const out = (await post(a, { ...body, maxResults: 50 })).json();
    expect(out.engine).toBe('embedding');
    expect(out.fallback).toBe(false);
    const ec40 = out.recommendations.find((r: { contentId: string }) => r.contentId === 'EC40');
    expect(ec40.reasons).toContain('RELATED');
    // What left for the model: signal names and library texts, not the partner's messages.
    expect(texts[0]![0]).toContain('Analytics Cloud');
    expect(texts.flat().join(' ')).not.toContain('IT lead or architect');
    await a.close();
  });

  it('falls back to the same full-text ranking when the embedder fails', async () => {
    const failing: Embedder = {
      model: 'fake',
      embed: async () => {
        throw new Error('boom');
      }
    };
    const a = await app(failing);
    const b = await app();
    const withFailure = (await post(a, body)).json();
    const plain = (await post(b, body)).json();
    expect(withFailure.fallback).toBe(true);
    expect(withFailure.engine).toBe('lexical');
    expect(withFailure.recommendations).toEqual(plain.recommendations);
    await a.close();
    await b.close();
  });
});

describe('on a worker thread', () => {
  it('ranks the same as inline and keeps the 400 for duplicate ids', async () => {
    const pooled = await buildApp(
      defaultConfig({ apiKeys: [KEY], workerThreads: 1, workerInlineMaxCost: 0, workerQueueMax: 8 })
    );
    await pooled.ready();
    const inline = await app();
    const a = (await post(pooled, body)).json();
    const b = (await post(inline, body)).json();
    expect(a.recommendations).toEqual(b.recommendations);
    const dup = await post(pooled, { ...body, library: [body.library[0], body.library[0]] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0].path).toBe('/library/1/id');
    await pooled.close();
    await inline.close();
    // Starts a worker thread, which loads the function's sources itself: seconds on a loaded machine
    // (as in worker-pool.test.ts).
  }, 60_000);
});

describe('embeddings configuration and client', () => {
  it('reads OPENAI_EMBEDDING_MODEL only with a key', () => {
    expect(
      loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small' }).embeddings
    ).toEqual(expect.objectContaining({ model: 'text-embedding-3-small', apiKey: 'sk-test' }));
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test' }).embeddings).toBeNull();
    expect(() => loadConfig({ OPENAI_EMBEDDING_MODEL: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ OPENAI_EMBEDDING_MODEL: 'x' })).toThrow(/OPENAI_EMBEDDING_MODEL/);
  });

  let server: Server;
  let calls = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        calls += 1;
        const input = (JSON.parse(raw) as { input: string[] }).input;
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            object: 'list',
            model: 'fake',
            data: input.map((t, index) => ({ object: 'embedding', index, embedding: [t.length, 1] })),
            usage: { prompt_tokens: 1, total_tokens: 1 }
          })
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('calls the endpoint once per new text and caches', async () => {
    const port = (server.address() as AddressInfo).port;
    const e = new OpenAiEmbedder({
      apiKey: 'k',
      baseURL: `http://127.0.0.1:${port}/v1`,
      model: 'fake',
      timeoutMs: 2000,
      maxRetries: 0
    });
    expect(await e.embed(['ab', 'abc'])).toEqual([
      [2, 1],
      [3, 1]
    ]);
    const before = calls;
    expect(await e.embed(['abc'])).toEqual([[3, 1]]);
    expect(calls).toBe(before);
  });
});
