/**
 * buildApp(config): the Fastify application without a listening socket (tests use inject()).
 * Order: security headers, rate limit, OpenAPI, body parsing, error handling, then routes.
 * server.ts only starts the process.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import { ApiKeyVerifier, authHook } from './auth';
import type { AppConfig } from './config';
import { errorBody, errorHandler } from './errors';
import { checkerFor, fieldErrors, isTypeBoxSchema, ValidationError } from './validation';
import { OPENAPI_INFO, normalizeOpenApi } from './openapi';
import type { Narrator } from './engine/narrative';
import { healthRoutes } from './routes/health';
import { scoreRoutes } from './routes/score';
import { precheckRoutes } from './routes/precheck';
import { rulesetRoutes } from './routes/rulesets';
import { aiFromEnvironment, assistRoutes } from './routes/assist';

export interface BuildOptions {
  /** Writes rationale/partnerMessage; defaults to the deterministic templates. */
  narrator?: Narrator;
  /** Where logs go (tests capture them); defaults to stdout. */
  logStream?: Writable;
}

export type App = FastifyInstance & { withTypeProvider(): FastifyInstance };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export async function buildApp(config: AppConfig, options: BuildOptions = {}) {
  const logger: FastifyServerOptions['logger'] = {
    level: config.logLevel,
    // Request logs carry method, url and request id only; the key never appears even if a
    // future serializer adds headers.
    redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
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
    requestIdHeader: 'x-request-id',
    requestIdLogLabel: 'requestId',
    return503OnClosing: true,
    forceCloseConnections: 'idle'
  }).withTypeProvider<TypeBoxTypeProvider>();

  // One validator everywhere (routes, CLI, tests): TypeBox compiler, JSON-pointer paths.
  app.setValidatorCompiler(({ schema }) => {
    if (!isTypeBoxSchema(schema)) throw new Error('route schemas must be TypeBox schemas');
    const check = checkerFor(schema as TSchema);
    return (data: unknown) => {
      if (check.Check(data)) return { value: data };
      return { error: new ValidationError(fieldErrors(schema as TSchema, data)) };
    };
  });
  // Results are built in a fixed key order by the engine: plain JSON.stringify keeps the bytes
  // identical run to run (the response schema documents the shape; tests check it).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // JSON bodies must be valid UTF-8: decode strictly instead of replacing bad bytes with U+FFFD.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  // JSON only: text/plain and the other default parsers are removed (415 for anything else).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(
        new ValidationError([{ path: '', message: 'must be valid UTF-8' }], 'Request body is not valid UTF-8')
      );
      return;
    }
    try {
      defaultJson(request, text, done);
    } catch {
      done(
        new ValidationError([{ path: '', message: 'must be valid JSON' }], 'Request body is not valid JSON')
      );
    }
  });

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(errorBody(404, `Route ${request.method} ${request.url.split('?')[0]} not found`));
  });

  await app.register(helmet, { global: true });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindow,
    // Salesforce calls from a few shared IPs: count per API key when one is presented.
    keyGenerator: (request) => {
      const auth = request.headers.authorization;
      return auth ? 'k:' + createHash('sha256').update(auth).digest('hex').slice(0, 32) : 'ip:' + request.ip;
    },
    errorResponseBuilder: (_request, context) => ({
      ...errorBody(429, `Rate limit exceeded: ${context.max} requests per ${context.after}`),
      statusCode: 429
    })
  });
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

  const verifier = new ApiKeyVerifier(config.apiKeys);

  // Unauthenticated: liveness and the API description.
  await app.register(healthRoutes, { authMode: verifier.open ? 'none' : 'api-key' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => normalizeOpenApi(app.swagger()));

  // Authenticated API. Route plugins for /v1 are registered here, one line each
  // (paths inside a plugin are relative to /v1, e.g. '/parse').
  // AI assist: a language model only when OPENAI_API_KEY is set; otherwise templates and built-ins.
  const ai = aiFromEnvironment(process.env);
  await app.register(
    async (v1) => {
      v1.addHook('onRequest', authHook(verifier));
      await v1.register(scoreRoutes, { narrator: options.narrator ?? ai.narrator });
      await v1.register(precheckRoutes);
      await v1.register(rulesetRoutes);
      await v1.register(assistRoutes, { model: ai.model });
    },
    { prefix: '/v1' }
  );

  return app;
}
