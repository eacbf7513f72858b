// POST /v1/parse behind the route: the built-in extractor always runs; with a model configured the
// masked text also goes to the model, whose answer is schema-checked, unmasked and grounded in the
// source text field by field, then merged over the built-in result. Any model failure returns the
// built-in result flagged `fallback: true`; this function never throws for a model problem.
import { Value } from '@sinclair/typebox/value';
import { documentTexts, type DocumentText } from './documents';
import { extract } from './extractor';
import { SourceText, looksLikeInstruction, normalizeForMatch } from './grounding';
import { LlmError, type JsonModel, type LlmUsage } from './llm-client';
import { mask, restoreDeep } from './masking';
import { PARSE_OUTPUT_SCHEMA, PROMPT_VERSIONS, parsePrompt } from './prompts';
import {
  PARSE_FIELD_NAMES,
  ParseFieldsSchema,
  type ParseConfidence,
  type ParseFieldName,
  type ParseFields,
  type ParseRequest,
  type ParseResponse
} from './schemas';

export interface AssistLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** The request as the built-in extractor sees it: documents already read as text. */
export type BuiltinRequest = Omit<ParseRequest, 'documents'> & { attachments?: DocumentText[] };

/** The CPU-heavy steps of parsing; inline by default, a worker pool in the app (src/worker/). */
export interface ParseCompute {
  builtin(request: BuiltinRequest, now: Date): Promise<ParseResponse>;
  ground(input: GroundingInput): Promise<GroundingResult>;
}

export interface ParseOptions {
  model?: JsonModel | null;
  logger?: AssistLogger;
  /** Reference time when the request has no receivedAt (tests pin it). */
  now?: () => Date;
  compute?: ParseCompute;
}

function fieldSchema(name: ParseFieldName) {
  return ParseFieldsSchema.properties[name];
}

/** Checks a model's JSON field by field; returns only well-typed, text-supported values. */
export function validateModelFields(
  raw: unknown,
  source: SourceText
): { fields: ParseFields; dropped: ParseFieldName[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TypeError('model output is not an object');
  }
  const input = raw as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  const dropped: ParseFieldName[] = [];
  for (const name of PARSE_FIELD_NAMES) {
    let value = input[name];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string') value = value.trim();
    if (name === 'customerDomain' && typeof value === 'string') {
      value = value
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/.*$/, '');
    }
    if (name === 'contactEmail' && typeof value === 'string') value = value.toLowerCase();
    if (name === 'currency' && typeof value === 'string') value = value.toUpperCase();
    if (name === 'products' && Array.isArray(value)) {
      value = value.filter((p) => typeof p === 'string' && source.supports('products', [p]));
      if ((value as unknown[]).length === 0) {
        dropped.push(name);
        continue;
      }
    }
    if (name === 'summary' && typeof value === 'string') value = groundSummary(value, source);
    if (!Value.Check(fieldSchema(name), value) || !source.supports(name, value)) {
      dropped.push(name);
      continue;
    }
    fields[name] = value;
  }
  return { fields: fields as ParseFields, dropped };
}

const EMAIL_OR_URL_RE =
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|de|fr|uk|eu|info|biz|co)\/\S*/gi;

/**
 * The model's summary, grounded: e-mail addresses and URLs are removed, sentences that read as
 * instructions are dropped, and what is left must be mostly words from the source text (at least
 * 60% of its words of four or more letters). Returns '' (dropped) otherwise.
 */
export function groundSummary(summary: string, source: SourceText): string {
  const sentences = summary
    .replace(EMAIL_OR_URL_RE, ' ')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((x) => x.replace(/\s+/g, ' ').trim())
    .filter((x) => x.length > 0 && !looksLikeInstruction(x));
  const kept = sentences
    .join(' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
  const words = normalizeForMatch(kept)
    .split(' ')
    .filter((w) => w.length >= 4 && !/^\d+$/.test(w));
  if (words.length === 0) return '';
  const found = words.filter((w) => source.containsPhrase(w)).length;
  return found / words.length >= 0.6 ? kept : '';
}

/** What the grounding step needs: the text, the reference time, the built-in result, the model's answer. */
export interface GroundingInput {
  text: string;
  /** ISO date-time of the reference (receivedAt or now). */
  ref: string;
  builtin: Pick<ParseResponse, 'fields' | 'confidence'>;
  /** The model's JSON with placeholders already restored. */
  modelValue: unknown;
}

export interface GroundingResult {
  fields: ParseFields;
  confidence: ParseConfidence;
  dropped: ParseFieldName[];
  /** How many model fields survived grounding. */
  kept: number;
}

/** Checks the model's fields against the text and merges them over the built-in result. */
export function groundModelFields(input: GroundingInput): GroundingResult {
  const source = new SourceText(input.text, new Date(input.ref), input.builtin.fields);
  const { fields: modelFields, dropped } = validateModelFields(input.modelValue, source);
  const fields: ParseFields = {};
  const confidence: ParseConfidence = {};
  let kept = 0;
  for (const name of PARSE_FIELD_NAMES) {
    const m = modelFields[name];
    const b = input.builtin.fields[name];
    if (m !== undefined) {
      kept += 1;
      (fields as Record<string, unknown>)[name] = m;
      const agrees = b !== undefined && JSON.stringify(b) === JSON.stringify(m);
      confidence[name] = name === 'summary' ? 0.7 : agrees ? 0.95 : 0.8;
    } else if (b !== undefined) {
      (fields as Record<string, unknown>)[name] = b;
      confidence[name] = input.builtin.confidence[name] ?? 0.5;
    }
  }
  return { fields, confidence, dropped, kept };
}

/** The built-in extractor's answer (no model). */
export function builtinParse(request: BuiltinRequest, now: Date): ParseResponse {
  const ref = request.receivedAt ? new Date(request.receivedAt) : now;
  const builtin = extract(request.text, ref, { catalog: request.catalog, attachments: request.attachments });
  return {
    fields: builtin.fields,
    confidence: builtin.confidence,
    engine: 'builtin',
    fallback: false,
    ...(builtin.proposed.length > 0 ? { proposed: builtin.proposed } : {})
  };
}

const INLINE: ParseCompute = {
  builtin: async (request, now) => builtinParse(request, now),
  ground: async (input) => groundModelFields(input)
};

export async function parseText(request: ParseRequest, options: ParseOptions = {}): Promise<ParseResponse> {
  const compute = options.compute ?? INLINE;
  const now = (options.now ?? (() => new Date()))();
  const ref = request.receivedAt ? new Date(request.receivedAt) : now;
  // Attachments are read first (PDF text in its own worker); the extractor gets their text, not their bytes.
  const { documents, ...rest } = request;
  const attachments = await documentTexts(documents);
  const input: BuiltinRequest = attachments.length > 0 ? { ...rest, attachments } : rest;
  if (!options.model) return compute.builtin(input, now);
  // The model reads the message and the attachments' text, masked; its answer is grounded in both.
  const fullText = [request.text, ...attachments.map((a) => `Attachment ${a.name}:\n${a.text}`)].join('\n\n');
  const masked = mask(fullText);
  const prompt = parsePrompt(masked.text, request.receivedAt);
  // The model call and the built-in extractor run side by side.
  const builtinPromise = compute.builtin(input, now);
  builtinPromise.catch(() => undefined);
  let usage: LlmUsage | undefined;
  try {
    const completion = await options.model.completeJson({
      promptVersion: PROMPT_VERSIONS.parse,
      system: prompt.system,
      user: prompt.user,
      schemaName: 'deal_registration_fields',
      schema: PARSE_OUTPUT_SCHEMA
    });
    usage = completion.usage;
    const modelValue = restoreDeep(completion.value, masked.map);
    if (modelValue === null || typeof modelValue !== 'object' || Array.isArray(modelValue)) {
      throw new LlmError('malformed', 'model output is not an object', usage);
    }
    const builtin = await builtinPromise;
    const grounded = await compute.ground({
      text: fullText,
      ref: ref.toISOString(),
      builtin: { fields: builtin.fields, confidence: builtin.confidence },
      modelValue
    });
    if (grounded.dropped.length > 0) {
      // Field names only, never values.
      options.logger?.warn(
        { dropped: grounded.dropped, promptVersion: usage.promptVersion },
        'parse: model fields not supported by the text were dropped'
      );
    }
    // Every field the model proposed was dropped: the answer is the built-in one.
    const fallback = grounded.kept === 0 && grounded.dropped.length > 0;
    if (fallback) {
      options.logger?.warn(
        { kind: 'all_fields_dropped', promptVersion: usage.promptVersion },
        'parse: no model field survived grounding, using the built-in extractor'
      );
      return { ...builtin, fallback, usage };
    }
    // A proposed value stays marked only when the model did not state that field itself.
    const proposed = (builtin.proposed ?? []).filter(
      (f) =>
        JSON.stringify(grounded.fields[f as ParseFieldName]) ===
        JSON.stringify(builtin.fields[f as ParseFieldName])
    );
    return {
      fields: grounded.fields,
      confidence: grounded.confidence,
      engine: 'llm',
      fallback,
      usage,
      ...(proposed.length > 0 ? { proposed } : {})
    };
  } catch (err) {
    const failure = err instanceof LlmError ? err : undefined;
    options.logger?.warn(
      { kind: failure?.kind ?? 'invalid', promptVersion: PROMPT_VERSIONS.parse },
      'parse: model unavailable or invalid, using the built-in extractor'
    );
    const builtin = await builtinPromise;
    return { ...builtin, engine: 'builtin', fallback: true, usage: failure?.usage ?? usage };
  }
}
