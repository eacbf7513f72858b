import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse, ReadyResponse } from '../schemas';
import { MODEL_VERSION, RULESET_VERSION, SERVICE_VERSION } from '../version';

export interface HealthOptions {
  authMode: 'api-key' | 'none';
  /** True once the worker threads answer and while the process is not draining. */
  isReady: () => boolean;
}

/**
 * GET /health: liveness (the process answers; restart it when this fails).
 * GET /ready: readiness (send traffic only while this is 200: the workers are up and the process is
 * not draining for shutdown). Neither needs a key nor returns data; neither is rate-limited.
 */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthOptions> = async (app, opts) => {
  app.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        operationId: 'health',
        summary: 'Liveness and version',
        tags: ['health'],
        security: [],
        response: { 200: { ...HealthResponse, description: 'The service is up' } }
      }
    },
    async () => ({
      status: 'ok' as const,
      version: SERVICE_VERSION,
      modelVersion: MODEL_VERSION,
      rulesetVersion: RULESET_VERSION,
      auth: opts.authMode
    })
  );
  app.get(
    '/ready',
    {
      config: { rateLimit: false },
      schema: {
        operationId: 'ready',
        summary: 'Readiness: whether to send traffic to this instance',
        tags: ['health'],
        security: [],
        response: {
          200: { ...ReadyResponse, description: 'Ready for traffic' },
          503: { ...ReadyResponse, description: 'Starting or draining: send traffic elsewhere' }
        }
      }
    },
    async (_request, reply) => {
      const ready = opts.isReady();
      void reply.code(ready ? 200 : 503);
      return { status: ready ? ('ready' as const) : ('unavailable' as const) };
    }
  );
};
