import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Narrator } from '../engine/narrative';
import { ValidationError } from '../validation';
import { LlmClient, llmSettingsFromEnv, type JsonModel } from '../ai/llm-client';
import { createLlmNarrator } from '../ai/narrator';
import { parseText } from '../ai/parse-service';
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
}

/** The AI parts of the app, configured from the environment: a model only when OPENAI_API_KEY is set. */
export interface AiSetup {
  model: JsonModel | null;
  /** The LLM narrator for /v1/score, or undefined to keep the template narrator. */
  narrator: Narrator | undefined;
}

export function aiFromEnvironment(env: Record<string, string | undefined>): AiSetup {
  const settings = llmSettingsFromEnv(env);
  if (!settings) return { model: null, narrator: undefined };
  const model = new LlmClient(settings);
  return { model, narrator: createLlmNarrator(model) };
}

function checkDate(value: string | undefined, path: string): void {
  if (value !== undefined && Number.isNaN(Date.parse(value))) {
    throw new ValidationError([{ path, message: 'must be a valid ISO 8601 date or date-time' }]);
  }
}

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
      checkDate(request.body.receivedAt, '/receivedAt');
      if (request.body.text.trim() === '') {
        throw new ValidationError([{ path: '/text', message: 'must contain some text' }]);
      }
      return parseText(request.body, { model, logger: request.log });
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
    async (request) => {
      const r = request.body.registration;
      checkDate(r.submittedAt, '/registration/submittedAt');
      checkDate(r.decidedAt, '/registration/decidedAt');
      checkDate(r.protectionExpiresOn, '/registration/protectionExpiresOn');
      (r.history ?? []).forEach((h, i) => checkDate(h.at, `/registration/history/${i}/at`));
      if (request.body.question.trim() === '') {
        throw new ValidationError([{ path: '/question', message: 'must contain some text' }]);
      }
      return answerStatus(request.body, { model, logger: request.log });
    }
  );
};
