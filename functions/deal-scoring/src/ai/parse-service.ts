// POST /v1/parse behind the route: the built-in extractor always runs; with a model configured the
// masked text also goes to the model, whose answer is schema-checked, unmasked and grounded in the
// source text field by field, then merged over the built-in result. Any model failure returns the
// built-in result flagged `fallback: true`; this function never throws for a model problem.
import { Value } from '@sinclair/typebox/value';
import { documentTexts } from './documents';
import { extract } from './extractor';
import { SourceText } from './grounding';
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

export interface ParseOptions {
  model?: JsonModel | null;
  logger?: AssistLogger;
  /** Reference time when the request has no receivedAt (tests pin it). */
  now?: () => Date;
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
    if (!Value.Check(fieldSchema(name), value) || !source.supports(name, value)) {
      dropped.push(name);
      continue;
    }
    fields[name] = value;
  }
  return { fields: fields as ParseFields, dropped };
}

export async function parseText(request: ParseRequest, options: ParseOptions = {}): Promise<ParseResponse> {
  const ref = request.receivedAt ? new Date(request.receivedAt) : (options.now ?? (() => new Date()))();
  const attachments = await documentTexts(request.documents);
  const builtin = extract(request.text, ref, { catalog: request.catalog, attachments });
  const proposed = builtin.proposed.length > 0 ? { proposed: builtin.proposed } : {};
  if (!options.model) {
    return {
      fields: builtin.fields,
      confidence: builtin.confidence,
      engine: 'builtin',
      fallback: false,
      ...proposed
    };
  }
  // The model reads the message and the attachments' text, masked; its answer is grounded in both.
  const fullText = [request.text, ...attachments.map((a) => `Attachment ${a.name}:\n${a.text}`)].join('\n\n');
  const masked = mask(fullText);
  const prompt = parsePrompt(masked.text, request.receivedAt);
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
    const restored = restoreDeep(completion.value, masked.map);
    const source = new SourceText(fullText, ref, builtin.fields);
    const { fields: modelFields, dropped } = validateModelFields(restored, source);
    if (dropped.length > 0) {
      options.logger?.warn(
        { dropped, promptVersion: usage.promptVersion },
        'parse: model fields not supported by the text were dropped'
      );
    }
    const fields: ParseFields = {};
    const confidence: ParseConfidence = {};
    for (const name of PARSE_FIELD_NAMES) {
      const m = modelFields[name];
      const b = builtin.fields[name];
      if (m !== undefined) {
        (fields as Record<string, unknown>)[name] = m;
        const agrees = b !== undefined && JSON.stringify(b) === JSON.stringify(m);
        confidence[name] = name === 'summary' ? 0.7 : agrees ? 0.95 : 0.8;
      } else if (b !== undefined) {
        (fields as Record<string, unknown>)[name] = b;
        confidence[name] = builtin.confidence[name] ?? 0.5;
      }
    }
    // A proposed value survives only when the model did not state that field itself.
    const stillProposed = builtin.proposed.filter((f) => modelFields[f] === undefined);
    return {
      fields,
      confidence,
      engine: 'llm',
      fallback: false,
      usage,
      ...(stillProposed.length > 0 ? { proposed: stillProposed } : {})
    };
  } catch (err) {
    const failure = err instanceof LlmError ? err : undefined;
    options.logger?.warn(
      { kind: failure?.kind ?? 'invalid', promptVersion: PROMPT_VERSIONS.parse },
      'parse: model unavailable or invalid, using the built-in extractor'
    );
    return {
      fields: builtin.fields,
      confidence: builtin.confidence,
      engine: 'builtin',
      fallback: true,
      usage: failure?.usage ?? usage,
      ...proposed
    };
  }
}
