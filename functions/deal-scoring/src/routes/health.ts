import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse } from '../schemas';
import { MODEL_VERSION, RULESET_VERSION, SERVICE_VERSION } from '../version';

/** GET /health: liveness and versions. No authentication (no data is returned). */
export const healthRoutes: FastifyPluginAsyncTypebox<{ authMode: 'api-key' | 'none' }> = async (
  app,
  opts
) => {
  app.get(
    '/health',
    {
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
};
