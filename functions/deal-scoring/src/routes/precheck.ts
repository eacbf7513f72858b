import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PrecheckRequest, PrecheckResponse } from '../schemas';
import { precheck } from '../engine/precheck';
import { defineTask } from '../worker/task';
import { precheckCost, type Offloader } from '../worker/pool';
import { DeferredBody, defineRawTask, rawInput, unwrapRaw } from '../worker/raw';
import { ERROR_RESPONSES } from './errorResponses';

export const precheckTask = defineTask(__filename, 'precheck', (input: PrecheckRequest) => precheck(input));

/** The same for a large body left unparsed: parse, validate and check on the worker (src/worker/raw.ts). */
export const precheckBytesTask = defineRawTask(__filename, 'precheckBytes', PrecheckRequest, (input) =>
  precheck(input)
);

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
      },
      config: { deferLargeBody: true }
    },
    async (request) => {
      const body = request.body as PrecheckRequest | DeferredBody;
      if (body instanceof DeferredBody)
        return unwrapRaw(
          await opts.offload.run(precheckBytesTask, rawInput(body, null), Number.POSITIVE_INFINITY)
        );
      return opts.offload.run(precheckTask, body, precheckCost(body));
    }
  );
};
