import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Offloader } from '../worker/pool';
import { closeOcr } from '../mdf/read';
import { CheckRequestSchema, CheckResponseSchema, MDF_LIMITS } from '../mdf/schemas';
import { checkMdfClaim } from '../mdf/service';
import { ERROR_RESPONSES } from './errorResponses';

export interface MdfRouteOptions {
  offload: Offloader;
}

/** POST /v1/mdf/check: an MDF claim, its fund request, the policy and the documents -> checked claim. */
export const mdfRoutes: FastifyPluginAsyncTypebox<MdfRouteOptions> = async (app, opts) => {
  // Documents read inline (no worker threads) leave an OCR worker on the main thread: stop it.
  app.addHook('onClose', async () => closeOcr());
  app.post(
    '/mdf/check',
    {
      bodyLimit: MDF_LIMITS.bodyLimitBytes,
      schema: {
        operationId: 'checkMdfClaim',
        summary:
          'Check a Market Development Fund claim against its fund request, the policy and its documents',
        description:
          'Reads each invoice and proof document (PDF text layer, OCR for scans and images), extracts vendor, ' +
          'invoice number, date, totals, currency and line items with confidence and source text, and runs ' +
          'deterministic checks. Documents are processed in memory only, never stored or logged.',
        tags: ['mdf'],
        security: [{ bearerAuth: [] }],
        body: CheckRequestSchema,
        response: {
          200: {
            ...CheckResponseSchema,
            description: 'Recommendation, factors with evidence, extracted fields'
          },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => checkMdfClaim(request.body, opts.offload)
  );
};
