import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Narrator } from '../engine/narrative';
import { defineTask } from '../worker/task';
import { textCost, type Offloader } from '../worker/pool';
import { LlmClient, type JsonModel, type LlmSettings } from '../ai/llm-client';
import { createLlmNarrator } from '../ai/narrator';
import {
  builtinParse,
  groundModelFields,
  parseText,
  type AssistLogger,
  type BuiltinRequest,
  type GroundingInput,
  type ParseCompute
} from '../ai/parse-service';
import {
  ParseRequestSchema,
  ParseResponseSchema,
  StatusAnswerRequestSchema,
  StatusAnswerResponseSchema
} from '../ai/schemas';
import { answerStatus } from '../ai/status-answer';
import { ERROR_RESPONSES } from './errorResponses';

export interface AssistOptions {
  /** The language model; null or absent = built-in engines only. */
  model?: JsonModel | null;
  offload: Offloader;
}

/** The AI parts of the app: a model only when OPENAI_API_KEY is configured. */
export interface AiSetup {
  model: JsonModel | null;
  /** The LLM narrator for /v1/score, or undefined to keep the template narrator. */
  narrator: Narrator | undefined;
}

export function aiFromConfig(llm: LlmSettings | null, logger?: AssistLogger): AiSetup {
  if (!llm) return { model: null, narrator: undefined };
  const model = new LlmClient(llm);
  return { model, narrator: createLlmNarrator(model, { logger }) };
}

/** The built-in extractor (CPU-heavy: dates, money, names), on a worker thread. */
export const parseBuiltinTask = defineTask(
  __filename,
  'parseBuiltin',
  (input: { request: BuiltinRequest; now: string }) => builtinParse(input.request, new Date(input.now))
);

/** Grounding of a model's answer in the source text. */
export const parseGroundTask = defineTask(__filename, 'parseGround', (input: GroundingInput) =>
  groundModelFields(input)
);

/** POST /v1/parse and POST /v1/status-answer (paths relative to the /v1 prefix). */
export const assistRoutes: FastifyPluginAsyncTypebox<AssistOptions> = async (app, opts) => {
  const model = opts.model ?? null;

  app.post(
    '/parse',
    {
      schema: {
        operationId: 'parseRegistrationText',
        summary: "Turn a partner's email or notes into draft registration fields",
        description:
          'Built-in extraction always; a language model (masked input, schema-checked, grounded in the text) when one is configured. ' +
          'A field the text does not support is left out. A model failure returns the built-in result with fallback: true.',
        tags: ['assist'],
        security: [{ bearerAuth: [] }],
        body: ParseRequestSchema,
        response: {
          200: { ...ParseResponseSchema, description: 'Draft fields with per-field confidence' },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => {
      // Cost: the text the extractor reads (message and attachments) plus the catalog it matches.
      const builtinCost = (body: BuiltinRequest) =>
        textCost(body.text) +
        (body.attachments ?? []).reduce((n, a) => n + textCost(a.text), 0) +
        Math.ceil((body.catalog?.length ?? 0) / 10);
      const compute: ParseCompute = {
        builtin: (body, now) =>
          opts.offload.run(parseBuiltinTask, { request: body, now: now.toISOString() }, builtinCost(body)),
        ground: (input) => opts.offload.run(parseGroundTask, input, textCost(input.text))
      };
      return parseText(request.body, { model, logger: request.log, compute });
    }
  );

  app.post(
    '/status-answer',
    {
      schema: {
        operationId: 'answerStatusQuestion',
        summary: "Answer a partner's question about their own registration from partner-safe facts",
        tags: ['assist'],
        security: [{ bearerAuth: [] }],
        body: StatusAnswerRequestSchema,
        response: {
          200: { ...StatusAnswerResponseSchema, description: 'A short answer and the next step' },
          ...ERROR_RESPONSES
        }
      }
    },
    async (request) => answerStatus(request.body, { model, logger: request.log })
  );
};
