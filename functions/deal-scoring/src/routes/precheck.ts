import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PrecheckRequest, PrecheckResponse } from '../schemas';
import { precheck } from '../engine/precheck';
import { defineTask } from '../worker/task';
import { precheckCost, type Offloader } from '../worker/pool';
import { ERROR_RESPONSES } from './errorResponses';

export const precheckTask = defineTask(__filename, 'precheck', (input: PrecheckRequest) => precheck(input));

/** POST /v1/precheck: one draft while the partner types (missing fields, duplicates, hints). */
export const precheckRoutes: FastifyPluginAsyncTypebox<{ offload: Offloader }> = async (app, opts) => {
  app.post(
    '/precheck',
    {
      schema: {
        operationId: 'precheckDraft',
        summary: 'Check a draft registration: completeness, missing fields, likely duplicates',
        tags: ['scoring'],
        security: [{ bearerAuth: [] }],
        body: PrecheckRequest,
        response: {
          200: { ...PrecheckResponse, description: 'Completeness and partner-safe hints' },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => opts.offload.run(precheckTask, request.body, precheckCost(request.body))
  );
};
