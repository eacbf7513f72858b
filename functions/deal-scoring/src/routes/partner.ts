import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { JsonModel } from '../ai/llm-client';
import { defineTask } from '../worker/task';
import { textCost, type Offloader } from '../worker/pool';
import {
  OnboardingAnswerRequestSchema,
  OnboardingAnswerResponseSchema,
  TierReviewRequestSchema,
  TierReviewResponseSchema,
  type OnboardingAnswerRequest,
  type TierReviewRequest
} from '../partner/schemas';
import { reviewTiers } from '../partner/tier';
import { answerOnboarding, builtinAnswer } from '../partner/onboarding-answer';
import { ERROR_RESPONSES } from './errorResponses';

export interface PartnerRouteOptions {
  /** The language model; null or absent = extractive answers only. */
  model?: JsonModel | null;
  offload: Offloader;
}

/** Tier reasoning for up to 200 partners. */
export const tierReviewTask = defineTask(__filename, 'tierReview', (input: TierReviewRequest) =>
  reviewTiers(input)
);
/** Indexing and ranking of the onboarding content (up to 300 entries of 8,000 characters). */
export const onboardingRetrieveTask = defineTask(
  __filename,
  'onboardingRetrieve',
  (input: OnboardingAnswerRequest) => builtinAnswer(input)
);

/** POST /v1/partner/tier-review and POST /v1/partner/onboarding-answer (paths relative to /v1). */
export const partnerRoutes: FastifyPluginAsyncTypebox<PartnerRouteOptions> = async (app, opts) => {
  const model = opts.model ?? null;

  app.post(
    '/partner/tier-review',
    {
      schema: {
        operationId: 'reviewPartnerTiers',
        summary: "Recommend each partner's tier (promote, keep, at risk, demote) from their last 12 months",
        description:
          'Deterministic. evidence[] is for channel managers; standing is the partner-safe view (the approved tier and ' +
          'what would move the partner up), which never reveals the recommendation.',
        tags: ['partner'],
        security: [{ bearerAuth: [] }],
        body: TierReviewRequestSchema,
        response: {
          200: { ...TierReviewResponseSchema, description: 'One result per partner, in request order' },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => opts.offload.run(tierReviewTask, request.body, request.body.partners.length)
  );

  app.post(
    '/partner/onboarding-answer',
    {
      schema: {
        operationId: 'answerOnboardingQuestion',
        summary: "Answer a partner's onboarding question from the programme's own onboarding content",
        description:
          'Full-text retrieval over the entries sent; an extractive answer without a model. known: false when the ' +
          'content does not answer the question. A model answer is used only when it cites the retrieved entries and ' +
          'stays within their words; otherwise fallback: true.',
        tags: ['partner'],
        security: [{ bearerAuth: [] }],
        body: OnboardingAnswerRequestSchema,
        response: {
          200: {
            ...OnboardingAnswerResponseSchema,
            description: 'An answer with its sources, or known: false'
          },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => {
      const cost =
        textCost(request.body.question) + request.body.articles.reduce((n, a) => n + textCost(a.body) + 1, 0);
      const builtin = await opts.offload.run(onboardingRetrieveTask, request.body, cost);
      return answerOnboarding(request.body, builtin, { model, logger: request.log });
    }
  );
};
