import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ScoreRequest, ScoreResponse, type DealResult } from '../schemas';
import { scoreRequest } from '../engine/score';
import type { Assessment } from '../engine/assess';
import { isPartnerSafe, templateNarrator, templatePartnerMessage, type Narrator } from '../engine/narrative';
import { resolveSettings } from '../engine/settings';
import { defineTask } from '../worker/task';
import { scoreCost, type Offloader } from '../worker/pool';
import { DeferredBody, defineRawTask, rawInput, unwrapRaw } from '../worker/raw';
import { ERROR_RESPONSES } from './errorResponses';

export interface ScoreTaskInput {
  request: ScoreRequest;
  /** Also return each deal's assessment, for a narrator that runs on the main thread (an LLM). */
  withAssessments: boolean;
}

async function score(input: ScoreTaskInput) {
  if (!input.withAssessments) return { response: await scoreRequest(input.request) };
  const assessments: Assessment[] = [];
  const capture: Narrator = (n) => {
    assessments.push(n.assessment);
    return templateNarrator(n);
  };
  return { response: await scoreRequest(input.request, { narrator: capture }), assessments };
}

/** Scoring with the template narrator: the CPU-heavy part, on a worker thread for large batches. */
export const scoreTask = defineTask(__filename, 'score', score);

/**
 * The same for a large body left unparsed (src/worker/raw.ts): parse, validate and score on the
 * worker. The parsed request comes back only when a main-thread narrator (an LLM) needs it.
 */
export const scoreBytesTask = defineRawTask(
  __filename,
  'scoreBytes',
  ScoreRequest,
  async (request, withAssessments: boolean) => ({
    ...(await score({ request, withAssessments })),
    request: withAssessments ? request : undefined
  })
);

/**
 * Re-words each result with `narrator` (network-bound, so on the main thread), with the same
 * partner-safety check as scoreRequest(): a message that could leak another record is replaced by
 * the template.
 */
export async function narrate(
  request: ScoreRequest,
  results: DealResult[],
  assessments: Assessment[],
  asOf: string,
  narrator: Narrator
): Promise<void> {
  // One settings object per request: the LLM narrator keys its per-request budget by it.
  const settings = resolveSettings(request.settings, asOf);
  for (let i = 0; i < results.length; i += 1) {
    const deal = request.deals[i]!;
    const input = { deal, assessment: assessments[i]!, settings };
    let narrative = await narrator(input);
    if (!isPartnerSafe(narrative.partnerMessage, deal)) {
      narrative = {
        ...narrative,
        partnerMessage: templatePartnerMessage(input),
        explanation: { ...narrative.explanation, fallback: true }
      };
    }
    const r = results[i]!;
    r.rationale = narrative.rationale;
    r.partnerMessage = narrative.partnerMessage;
    r.explanation = narrative.explanation;
  }
}

/** POST /v1/score: a batch of deals, each with its own candidates. */
export const scoreRoutes: FastifyPluginAsyncTypebox<{ narrator?: Narrator; offload: Offloader }> = async (
  app,
  opts
) => {
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
      },
      // Large bodies are parsed and validated on a worker, not on the main thread (src/worker/raw.ts).
      config: { deferLargeBody: true }
    },
    async (request) => {
      const narrator = opts.narrator;
      const withAssessments = narrator !== undefined;
      const body = request.body as ScoreRequest | DeferredBody;
      let out: Awaited<ReturnType<typeof score>>;
      let parsed: ScoreRequest;
      if (body instanceof DeferredBody) {
        const raw = unwrapRaw(
          await opts.offload.run(scoreBytesTask, rawInput(body, withAssessments), Number.POSITIVE_INFINITY)
        );
        out = raw;
        parsed = raw.request!;
      } else {
        out = await opts.offload.run(scoreTask, { request: body, withAssessments }, scoreCost(body));
        parsed = body;
      }
      if (narrator && out.assessments) {
        await narrate(parsed, out.response.results, out.assessments, out.response.asOf, narrator);
      }
      return out.response;
    }
  );
};
