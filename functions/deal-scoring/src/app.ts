/**
 * buildApp(config): the Fastify application without a listening socket (tests use inject()).
 * Order: logging and request ids, caller identification, rate limit, security headers, OpenAPI,
 * body parsing, error handling, then routes. server.ts only starts the process and drains it.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Writable } from 'node:stream';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions
} from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import { ApiKeyVerifier, identify, rejectUnauthenticated, type AuthProblem } from './auth';
import type { AppConfig } from './config';
import { errorBody, errorHandler } from './errors';
import { parseJsonBody } from './body';
import { checkerFor, fieldErrors, isTypeBoxSchema, ValidationError } from './validation';
import { OPENAPI_INFO, normalizeOpenApi } from './openapi';
import type { Narrator } from './engine/narrative';
import { Metrics } from './metrics';
import { Offloader } from './worker/pool';
import { DeferredBody } from './worker/raw';
import { registerRulesets } from './engine/rulesets';
import { healthRoutes } from './routes/health';
import { scoreRoutes } from './routes/score';
import { precheckRoutes } from './routes/precheck';
import { rulesetRoutes } from './routes/rulesets';
import { aiFromConfig, assistRoutes } from './routes/assist';
import { mdfRoutes } from './routes/mdf';
import { forecastRoutes } from './routes/forecast';
import { partnerRoutes } from './routes/partner';
import { enablementRoutes } from './routes/enablement';
import { OpenAiEmbedder, type Embedder } from './enablement/embeddings';

export interface BuildOptions {
  /** Writes rationale/partnerMessage; defaults to the LLM narrator when a model is configured, else the templates. */
  narrator?: Narrator;
  /** Where logs go (tests capture them); defaults to stdout. */
  logStream?: Writable;
  /** Process-wide metrics (CPU, memory, event loop, GC) in /metrics; server.ts turns them on. */
  processMetrics?: boolean;
  /** Embeddings for the enablement feed; defaults to the configured endpoint (config.embeddings), else none. */
  embedder?: Embedder;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Fingerprint of the verified API key ('local' without keys); null when not authenticated. */
    apiKeyId: string | null;
    authProblem: AuthProblem | null;
  }
  interface FastifyContextConfig {
    /** Large bodies of this route reach the handler unparsed, for a worker (src/worker/raw.ts). */
    deferLargeBody?: boolean;
  }
  interface FastifyInstance {
    /** In-flight requests and the draining flag (server.ts drains before closing). */
    lifecycle: Lifecycle;
    offload: Offloader;
  }
}

export class Lifecycle {
  draining = false;
  ready = false;
  readonly inFlight = new Set<string>();
}

export type App = FastifyInstance & { withTypeProvider(): FastifyInstance };

/** A client's x-request-id is kept only when it looks like an id, not like data (no @, no long digit runs). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export function acceptRequestId(value: unknown): string | undefined {
  if (typeof value !== 'string' || !SAFE_REQUEST_ID.test(value)) return undefined;
  if ((value.match(/\d/g)?.length ?? 0) >= 7 && !/[A-Za-z]/.test(value)) return undefined;
  return value;
}

/** The path of a URL for logs: no query string (it may carry a key or an address), at most 200 characters. */
export function logSafeUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  const bounded = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  return q >= 0 ? `${bounded}?[query redacted]` : bounded;
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}) {
  const logger: FastifyServerOptions['logger'] = {
    level: config.logLevel,
    // Request logs carry method, path (no query) and the request id only; never bodies, headers or
    // the key, even if a future serializer adds headers.
    redact: { paths: ['req.headers', 'headers.authorization'], censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        url: logSafeUrl(req.url ?? '')
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode })
    },
    ...(options.logStream ? { stream: options.logStream } : {})
  };
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimitBytes,
    // The Node server enforces the timeout (408 for a client that never finishes its request); the
    // check interval is shortened so short timeouts are honoured promptly.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: config.requestTimeoutMs,
          headersTimeout: config.requestTimeoutMs,
          connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.requestTimeoutMs / 2)))
        },
        handler
      ),
    requestIdHeader: false,
    genReqId: (req) => acceptRequestId(req.headers['x-request-id']) ?? randomUUID(),
    requestIdLogLabel: 'requestId',
    return503OnClosing: true,
    // onReady warms the worker threads; on a loaded host that can take longer than Fastify's 10 s.
    pluginTimeout: 60_000,
    forceCloseConnections: 'idle'
  }).withTypeProvider<TypeBoxTypeProvider>();

  const lifecycle = new Lifecycle();
  // The deployment's rulesets (RULESETS_DIR): here for inline work, in workerData for the pool.
  const unregisterRulesets = registerRulesets(config.rulesets);
  const offload = new Offloader({
    threads: config.workerThreads,
    queueMax: config.workerQueueMax,
    inlineMaxCost: config.workerInlineMaxCost,
    rulesets: config.rulesets
  });
  const metrics = new Metrics(offload, { processMetrics: options.processMetrics ?? false });
  app.decorate('lifecycle', lifecycle);
  app.decorate('offload', offload);
  app.decorateRequest('apiKeyId', null);
  app.decorateRequest('authProblem', null);
  app.addHook('onClose', async () => {
    await offload.close();
    unregisterRulesets();
  });

  // One validator everywhere (routes, CLI, tests): TypeBox compiler, JSON-pointer paths.
  app.setValidatorCompiler(({ schema }) => {
    if (!isTypeBoxSchema(schema)) throw new Error('route schemas must be TypeBox schemas');
    const check = checkerFor(schema as TSchema);
    return (data: unknown) => {
      // A deferred body is validated by the worker that parses it (src/worker/raw.ts).
      if (data instanceof DeferredBody || check.Check(data)) return { value: data };
      return { error: new ValidationError(fieldErrors(schema as TSchema, data)) };
    };
  });
  // Results are built in a fixed key order by the engine: plain JSON.stringify keeps the bytes
  // identical run to run (the response schema documents the shape; tests check it).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // JSON only (415 for anything else), UTF-8 only, no compressed bodies; see body.ts.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (
      offload.pooled &&
      bytes.length >= config.workerRawMinBytes &&
      request.routeOptions.config.deferLargeBody
    ) {
      done(null, new DeferredBody(bytes, request.headers['content-type']));
      return;
    }
    try {
      done(null, parseJsonBody(body as Buffer, request.headers['content-type']));
    } catch (err) {
      done(err as Error);
    }
  });

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    void reply
      .status(404)
      .send(
        errorBody(
          404,
          `Route ${request.method} ${path.length > 200 ? path.slice(0, 200) + '…' : path} not found`
        )
      );
  });

  const verifier = new ApiKeyVerifier(config.apiKeys);

  // Before anything else: in-flight tracking, compressed bodies, and who is calling.
  app.addHook('onRequest', async (request, reply) => {
    lifecycle.inFlight.add(request.id);
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      void reply.code(415);
      throw Object.assign(new Error('Content-Encoding is not supported: send the JSON body uncompressed'), {
        statusCode: 415
      });
    }
    const who = identify(verifier, request.headers.authorization);
    request.apiKeyId = who.keyId;
    request.authProblem = who.problem;
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    void reply.header('x-request-id', request.id);
    if (lifecycle.draining) void reply.header('connection', 'close');
  });
  const finished = (request: FastifyRequest, reply: FastifyReply) => {
    lifecycle.inFlight.delete(request.id);
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    metrics.keys.inc({ key_id: request.apiKeyId ?? 'none' });
  };
  app.addHook('onResponse', async (request, reply) => finished(request, reply));
  app.addHook('onRequestAbort', async (request) => {
    lifecycle.inFlight.delete(request.id);
  });

  await app.register(rateLimit, {
    global: true,
    max: (_request, key) => (key.startsWith('k:') ? config.rateLimitMax : config.rateLimitUnauthenticatedMax),
    timeWindow: config.rateLimitWindow,
    // Per verified key (Salesforce calls from a few shared addresses); per address without one.
    keyGenerator: (request) => (request.apiKeyId ? `k:${request.apiKeyId}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) => ({
      ...errorBody(429, `Rate limit exceeded: ${context.max} requests per ${context.after}`),
      statusCode: 429
    })
  });
  await app.register(helmet, { global: true });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: OPENAPI_INFO,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'DEAL_SCORING_API_KEYS' }
        }
      }
    }
  });

  // Unauthenticated: liveness, readiness and the API description.
  await app.register(healthRoutes, {
    authMode: verifier.open ? 'none' : 'api-key',
    isReady: () => lifecycle.ready && !lifecycle.draining
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => normalizeOpenApi(app.swagger()));

  // Prometheus metrics: scrape-only keys (METRICS_KEYS) when set, otherwise the API keys.
  if (config.metricsEnabled) {
    const metricsVerifier = config.metricsKeys.length > 0 ? new ApiKeyVerifier(config.metricsKeys) : verifier;
    app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (request, reply) => {
      const who = identify(metricsVerifier, request.headers.authorization);
      if (who.problem) rejectUnauthenticated(who.problem, reply);
      void reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  }

  // Authenticated API. Route plugins for /v1 are registered here, one line each
  // (paths inside a plugin are relative to /v1, e.g. '/parse').
  // AI assist: a language model only when OPENAI_API_KEY is configured; otherwise templates and built-ins.
  const ai = aiFromConfig(config.llm, app.log.child({ component: 'ai' }));
  const narrator = options.narrator ?? ai.narrator;
  await app.register(
    async (v1) => {
      // After the rate limiter (a route-level onRequest hook), before the body is read.
      v1.addHook('preParsing', async (request, reply, payload) => {
        if (request.authProblem) rejectUnauthenticated(request.authProblem, reply);
        return payload;
      });
      // LLM fallbacks per feature, counted from the answers (the narrator marks each deal).
      v1.addHook('onSend', async (request, _reply, payload) => {
        if (!config.llm && !options.narrator) return payload;
        countFallbacks(metrics, request.routeOptions.url ?? '', payload);
        return payload;
      });
      await v1.register(scoreRoutes, { narrator, offload });
      await v1.register(precheckRoutes, { offload });
      await v1.register(rulesetRoutes);
      await v1.register(assistRoutes, { model: ai.model, offload });
      await v1.register(mdfRoutes, { offload });
      await v1.register(forecastRoutes, { offload });
      await v1.register(partnerRoutes, { model: ai.model, offload });
      await v1.register(enablementRoutes, {
        offload,
        embedder: options.embedder ?? (config.embeddings && new OpenAiEmbedder(config.embeddings))
      });
    },
    { prefix: '/v1' }
  );

  app.addHook('onReady', async () => {
    await offload.warm();
    lifecycle.ready = true;
  });

  return app;
}

function countFallbacks(metrics: Metrics, route: string, payload: unknown): void {
  if (typeof payload !== 'string' || !payload.includes('"fallback":true')) return;
  if (route.endsWith('/score')) {
    const n = payload.split('"fallback":true').length - 1;
    metrics.llmFallbacks.inc({ feature: 'narrator' }, n);
  } else if (route.endsWith('/parse')) metrics.llmFallbacks.inc({ feature: 'parse' });
  else if (route.endsWith('/status-answer')) metrics.llmFallbacks.inc({ feature: 'status-answer' });
  else if (route.endsWith('/onboarding-answer')) metrics.llmFallbacks.inc({ feature: 'onboarding-answer' });
}
