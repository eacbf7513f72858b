import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { defineTask } from '../worker/task';
import type { Offloader } from '../worker/pool';
import { semanticScores, type Embedder } from '../enablement/embeddings';
import { RANKER_VERSION, profileQuery, recommend, requireUniqueIds } from '../enablement/rank';
import {
  RecommendRequestSchema,
  RecommendResponseSchema,
  type RecommendRequest
} from '../enablement/schemas';
import { ERROR_RESPONSES } from './errorResponses';

export interface EnablementOptions {
  offload: Offloader;
  /** Embeddings for semantic matching; null or absent = full text and signals only. */
  embedder?: Embedder | null;
}

/** The ranking itself (index, signals, sort): on a worker thread for large libraries. */
export const recommendTask = defineTask(
  __filename,
  'enablementRecommend',
  (input: { request: RecommendRequest; semantic?: Record<string, number> }) =>
    recommend(input.request, { semantic: input.semantic })
);

/** Cost in the pool's units: library items and registrations, a tenth each. */
export function recommendCost(body: RecommendRequest): number {
  return Math.ceil((body.library.length + body.registrations.length) / 10);
}

/** POST /v1/enablement/recommend (path relative to the /v1 prefix). */
export const enablementRoutes: FastifyPluginAsyncTypebox<EnablementOptions> = async (app, opts) => {
  const embedder = opts.embedder ?? null;
  app.post(
    '/enablement/recommend',
    {
      schema: {
        operationId: 'recommendEnablement',
        summary: "Rank the enablement library for one partner, each item with a 'because…' sentence",
        description:
          'Full-text retrieval (MiniSearch, BM25+) for each of the partner\u2019s signals: products and industries of ' +
          'their recent registrations, why registrations were sent back, competitors named in their deals, ' +
          'certifications, vertical; items marked done or not relevant are left out. Embeddings only when ' +
          'OPENAI_EMBEDDING_MODEL is configured; a failure answers the same ranking with fallback: true.',
        tags: ['enablement'],
        security: [{ bearerAuth: [] }],
        body: RecommendRequestSchema,
        response: {
          200: { ...RecommendResponseSchema, description: 'Recommendations, best first' },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => {
      const body = request.body;
      // On the main thread, so the 400 keeps its field path whether or not the ranking runs on a worker.
      requireUniqueIds(body.library);
      let semantic: Record<string, number> | undefined;
      let fallback = false;
      if (embedder) {
        try {
          semantic = await semanticScores(embedder, profileQuery(body), body.library);
        } catch (err) {
          fallback = true;
          request.log.warn(
            { err: (err as Error).message },
            'enablement embeddings failed; full-text ranking only'
          );
        }
      }
      const recommendations = await opts.offload.run(
        recommendTask,
        { request: body, semantic },
        recommendCost(body)
      );
      return {
        requestId: body.requestId,
        recommendations,
        engine: semantic ? ('embedding' as const) : ('lexical' as const),
        fallback,
        rankerVersion: RANKER_VERSION
      };
    }
  );
};
