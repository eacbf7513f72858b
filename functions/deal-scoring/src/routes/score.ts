import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ScoreRequest, ScoreResponse } from '../schemas';
import { scoreRequest } from '../engine/score';
import type { Narrator } from '../engine/narrative';
import { ERROR_RESPONSES } from './errorResponses';

/** POST /v1/score: a batch of deals, each with its own candidates. */
export const scoreRoutes: FastifyPluginAsyncTypebox<{ narrator?: Narrator }> = async (app, opts) => {
  app.post(
    '/score',
    {
      schema: {
        operationId: 'scoreDeals',
        summary: 'Score and triage a batch of deal registrations',
        tags: ['scoring'],
        security: [{ bearerAuth: [] }],
        body: ScoreRequest,
        response: {
          200: { ...ScoreResponse, description: 'One result per deal, in request order' },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => scoreRequest(request.body, { narrator: opts.narrator })
  );
};
