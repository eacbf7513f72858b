// The LLM narrator: wraps the template narrator (src/engine/narrative.ts). The score, triage,
// action and factors are computed before the narrator runs and are not its to change; the model
// only re-words the rationale and the partner message from the deterministic facts. Its text is
// used only when it passes every check below; on any doubt the template text is returned with
// `explanation.fallback: true`.
import type { Narrative, NarrativeInput, Narrator } from '../engine/narrative';
import { templateNarrator } from '../engine/narrative';
import { LlmError, type JsonModel, type LlmUsage } from './llm-client';
import { looksLikeInstruction } from './grounding';
import { mask, restore } from './masking';
import { NARRATIVE_OUTPUT_SCHEMA, PROMPT_VERSIONS, narrativePrompt } from './prompts';
import type { AssistLogger } from './parse-service';

export interface LlmNarratorOptions {
  /** The narrator whose facts and fallback text are used; the template narrator by default. */
  base?: Narrator;
  logger?: AssistLogger;
  /**
   * At most this many model calls per score request (a request is one settings object); the rest
   * of a large batch gets the template text, so a 200-deal batch never waits on 200 model calls.
   */
  maxCallsPerRequest?: number;
  /**
   * Time for all model calls of one score request together (ms). Apex waits 10 s for /v1/score by
   * default; once this budget is spent the remaining deals get the template text.
   */
  budgetMsPerRequest?: number;
  /** Clock (tests). */
  now?: () => number;
}

/** Below this many milliseconds of budget a model call is not worth starting. */
const MIN_CALL_MS = 250;

function factsOf(input: NarrativeInput, template: Narrative): string {
  const a = input.assessment;
  const lines = [
    `customer: ${input.deal.customer.name}`,
    `score: ${a.confidenceScore} of 100 (review threshold ${input.settings.reviewThreshold})`,
    `triage: ${a.triageStatus}; confidence: ${a.confidence}; recommended action: ${a.recommendedAction}`,
    ...a.factors.map((f) => `factor ${f.code} (${f.points > 0 ? '+' : ''}${f.points}): ${f.label}`),
    a.conflicts.length > 0 ? `possible conflicts: ${a.conflicts.length} (details are for managers only)` : '',
    a.missingLabels.length > 0 ? `missing for the partner to add: ${a.missingLabels.join(', ')}` : '',
    a.partnerNotes.length > 0 ? `notes for the partner: ${a.partnerNotes.join('; ')}` : '',
    a.highValue ? 'high-value deal: a human decides' : '',
    `template rationale: ${template.rationale}`,
    `template partner message: ${template.partnerMessage}`
  ];
  return lines.filter(Boolean).join('\n');
}

function numbersIn(s: string): string[] {
  return [...s.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => m[0].replace(',', '.'));
}

// A negated mention ("has not been approved yet") claims nothing; it is removed before the
// affirmative checks below.
const NEGATED =
  /\b(?:not|n't|never|no|nor|without|cannot|can't|unless|until|before|pending|awaiting)\s+(?:yet\s+|been\s+|yet\s+been\s+|be\s+|any\s+|a\s+|an\s+)*[\p{L}-]+/giu;
const CLAIMS_APPROVAL = /\b(?:approved|accepted|confirmed|granted|auto-approved|is approved)\b/i;
const CLAIMS_REJECTION = /\b(?:rejected|declined|denied|refused)\b/i;
const CLAIMS_REVIEW =
  /\b(?:flagged|under review|manual review|needs? (?:a )?review|sent (?:to|for) (?:a )?(?:channel manager|review)|will review)\b/i;
const DENIES_CONFLICT =
  /\bno (?:other|competing|conflicting|overlapping)\b|\bno (?:conflicts?|overlaps?|duplicates?)\b|\bconflict[- ]free\b|\b(?:nobody|no one|no-one) else\b|\b(?:not|never) (?:been )?registered by (?:any|another|other)\b|\bwithout (?:any )?(?:conflicts?|overlap)\b/i;
const CLAIMS_CONFLICT =
  /\b(?:another|other|a different|competing) partners?\b|\bconflict(?:s|ing|ed)?\b|\boverlap(?:s|ping|ped)?\b/i;
const SCORE_NUMBER = /\bscored?\b(?:\s+(?:of|is|was|at|=|:))?\s*(\d{1,3})\b/gi;

/**
 * Reasons (stable kind codes, no text from the model) the model's text cannot be used; empty
 * when it can. Beyond length, numbers, codes and identifiers, the text must not contradict the
 * deterministic result: no approval, rejection or review claim the triage does not make, no
 * "no other partner" for a conflict and no conflict claim without one, no score other than the
 * computed one, and nothing that reads as an instruction.
 */
export function narrativeProblems(
  rationale: string,
  partnerMessage: string,
  input: NarrativeInput,
  template: Narrative,
  facts: string
): string[] {
  const problems = new Set<string>();
  const a = input.assessment;
  if (!rationale || rationale.length > 2000) problems.add('rationale_length');
  if (!partnerMessage || partnerMessage.length > 600) problems.add('partner_message_length');
  // Numbers: only those in the facts (score, threshold, points, dates, amounts).
  const known = new Set(numbersIn(facts));
  for (const n of numbersIn(rationale)) if (!known.has(n)) problems.add('rationale_number_not_in_facts');
  const partnerKnown = new Set(numbersIn(`${template.partnerMessage} ${input.deal.customer.name}`));
  for (const n of numbersIn(partnerMessage)) {
    if (!partnerKnown.has(n)) problems.add('partner_message_number_not_in_template');
  }
  const both = `${rationale}\n${partnerMessage}`;
  for (const m of both.matchAll(SCORE_NUMBER)) {
    if (Number(m[1]) !== a.confidenceScore) problems.add('wrong_score');
  }
  // Factor codes and enum values: only the real ones.
  const codes = new Set<string>([
    ...a.factors.map((f) => f.code),
    a.triageStatus,
    a.confidence,
    a.recommendedAction
  ]);
  for (const m of both.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g)) {
    if (!codes.has(m[0])) problems.add('unknown_code');
  }
  for (const m of partnerMessage.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g)) {
    if (!template.partnerMessage.includes(m[0])) problems.add('partner_message_internal_code');
  }
  // Claims that contradict the triage.
  const affirmative = both.replace(NEGATED, ' ');
  if (a.triageStatus !== 'AUTO_APPROVED' && CLAIMS_APPROVAL.test(affirmative))
    problems.add('claims_approval');
  if (CLAIMS_REJECTION.test(affirmative)) problems.add('claims_rejection');
  if (a.triageStatus === 'AUTO_APPROVED' && CLAIMS_REVIEW.test(affirmative)) problems.add('claims_review');
  const hasConflict = a.conflicts.length > 0 || a.triageStatus === 'FLAGGED_CONFLICT';
  if (hasConflict && DENIES_CONFLICT.test(both)) problems.add('denies_conflict');
  if (!hasConflict && CLAIMS_CONFLICT.test(affirmative)) problems.add('claims_conflict');
  if (looksLikeInstruction(both)) problems.add('instruction');
  // Identifiers of partners and candidates: only where the template already has them.
  const ids: string[] = [input.deal.partner.id];
  for (const c of input.deal.candidates ?? []) ids.push(c.id, c.name, ...(c.partnerId ? [c.partnerId] : []));
  const lowerR = rationale.toLowerCase();
  const lowerP = partnerMessage.toLowerCase();
  for (const id of ids) {
    const needle = id.trim().toLowerCase();
    if (needle.length < 3 || input.deal.customer.name.toLowerCase().includes(needle)) continue;
    if (lowerR.includes(needle) && !template.rationale.toLowerCase().includes(needle)) {
      problems.add('rationale_identifier');
    }
    if (lowerP.includes(needle) && !template.partnerMessage.toLowerCase().includes(needle)) {
      problems.add('partner_message_identifier');
    }
  }
  if (/\[(?:EMAIL|PHONE|IBAN|CARD|TAXID)_/.test(both)) problems.add('placeholder_left');
  return [...problems];
}

export function createLlmNarrator(model: JsonModel, options: LlmNarratorOptions = {}): Narrator {
  const base = options.base ?? templateNarrator;
  const maxCalls = options.maxCallsPerRequest ?? 10;
  const budget = options.budgetMsPerRequest ?? 4000;
  const now = options.now ?? (() => performance.now());
  const perRequest = new WeakMap<object, { calls: number; startedAt: number }>();
  return async (input) => {
    const template = await base(input);
    const fallback = (usage?: LlmUsage): Narrative => ({
      ...template,
      explanation: usage
        ? {
            engine: 'template',
            fallback: true,
            model: usage.model,
            promptVersion: usage.promptVersion,
            promptTokens: usage.promptTokens,
            completionTokens: usage.completionTokens,
            latencyMs: usage.latencyMs
          }
        : { engine: 'template', fallback: true }
    });
    // One settings object per score request: it keys the request's call count and time budget.
    let state = perRequest.get(input.settings);
    if (!state) {
      state = { calls: 0, startedAt: now() };
      perRequest.set(input.settings, state);
    }
    const remaining = budget - (now() - state.startedAt);
    if (state.calls >= maxCalls || remaining < MIN_CALL_MS) return fallback();
    state.calls += 1;

    const facts = factsOf(input, template);
    const masked = mask(facts);
    const prompt = narrativePrompt(masked.text);
    let usage: LlmUsage | undefined;
    try {
      const completion = await model.completeJson({
        promptVersion: PROMPT_VERSIONS.narrative,
        system: prompt.system,
        user: prompt.user,
        schemaName: 'deal_narrative',
        schema: NARRATIVE_OUTPUT_SCHEMA,
        maxTokens: 500,
        deadlineMs: remaining
      });
      usage = completion.usage;
      const v = completion.value as Record<string, unknown> | null;
      const rationale = typeof v?.rationale === 'string' ? restore(v.rationale.trim(), masked.map) : '';
      const partnerMessage =
        typeof v?.partnerMessage === 'string' ? restore(v.partnerMessage.trim(), masked.map) : '';
      const problems = narrativeProblems(rationale, partnerMessage, input, template, facts);
      if (problems.length > 0) {
        // Kind codes and the record id only: no model text, no personal data.
        options.logger?.warn(
          { dealId: input.deal.id, kind: 'rejected', problems },
          'narrative: model text contradicts or exceeds the facts; using the template'
        );
        return fallback(usage);
      }
      return {
        rationale,
        partnerMessage,
        explanation: {
          engine: 'llm',
          fallback: false,
          model: usage.model,
          promptVersion: usage.promptVersion,
          promptTokens: usage.promptTokens,
          completionTokens: usage.completionTokens,
          latencyMs: usage.latencyMs
        }
      };
    } catch (err) {
      const failure = err instanceof LlmError ? err : undefined;
      options.logger?.warn(
        { dealId: input.deal.id, kind: failure?.kind ?? 'invalid' },
        'narrative: model unavailable; using the template'
      );
      return fallback(failure?.usage ?? usage);
    }
  };
}
