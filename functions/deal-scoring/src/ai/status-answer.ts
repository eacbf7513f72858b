// POST /v1/status-answer behind the route: a partner's question about one of their own
// registrations, answered from the partner-safe facts Apex sends (status, dates, partner message,
// history). Without a model the answer comes from templates per status; with one, the model
// phrases it, and its answer is checked (no status the record never had, no addresses or
// identifiers that were not in the facts, length limits) before it is used.
import { LlmError, type JsonModel, type LlmUsage } from './llm-client';
import { mask, restore } from './masking';
import { PROMPT_VERSIONS, STATUS_ANSWER_OUTPUT_SCHEMA, statusAnswerPrompt } from './prompts';
import type { AssistLogger } from './parse-service';
import type { StatusAnswerRequest, StatusAnswerResponse } from './schemas';

export interface StatusAnswerOptions {
  model?: JsonModel | null;
  logger?: AssistLogger;
}

type Registration = StatusAnswerRequest['registration'];

function day(iso: string | undefined): string | undefined {
  return iso ? iso.slice(0, 10) : undefined;
}

/** The deterministic answer: what the status means and what the partner can do. */
export function templateAnswer(r: Registration): { answer: string; nextStep: string } {
  const c = r.customerName;
  const msg = r.partnerMessage?.trim();
  const reason = msg ? ` ${msg}` : '';
  switch (r.status) {
    case 'Draft':
      return {
        answer: `Your registration for ${c} is still a draft and has not been submitted.`,
        nextStep: 'Complete the required fields and submit the registration.'
      };
    case 'Submitted':
    case 'Scoring':
      return {
        answer: `Your registration for ${c} was submitted${day(r.submittedAt) ? ` on ${day(r.submittedAt)}` : ''} and is being checked automatically.`,
        nextStep: 'No action is needed; you will be notified when it has been reviewed.'
      };
    case 'In Review':
    case 'Conflict Review':
      return {
        answer: `Your registration for ${c} is being reviewed by the channel team.${reason}`,
        nextStep: 'No action is needed right now; we will contact you if we need more details.'
      };
    case 'More Info Requested':
      return {
        answer: `The channel team needs more information about your registration for ${c}.${reason}`,
        nextStep: 'Open the registration, add the requested details and send your response.'
      };
    case 'Approved':
      return {
        answer: `Your registration for ${c} was approved${day(r.decidedAt) ? ` on ${day(r.decidedAt)}` : ''}.${
          r.protectionExpiresOn ? ` It is protected until ${day(r.protectionExpiresOn)}.` : ''
        }${reason}`,
        nextStep: r.protectionExpiresOn
          ? 'Work the opportunity; request an extension before the protection period ends if you need more time.'
          : 'Work the opportunity with your channel manager.'
      };
    case 'Rejected':
      return {
        answer: `Your registration for ${c} was not approved${day(r.decidedAt) ? ` on ${day(r.decidedAt)}` : ''}.${reason}`,
        nextStep: 'If you have new information, contact your channel manager or submit a new registration.'
      };
    case 'Expired':
      return {
        answer: `The protection period of your registration for ${c} has ended${
          r.protectionExpiresOn ? ` (${day(r.protectionExpiresOn)})` : ''
        }.${reason}`,
        nextStep: 'If the opportunity is still active, submit a new registration.'
      };
    case 'Withdrawn':
    default:
      return {
        answer: `Your registration for ${c} was withdrawn.${reason}`,
        nextStep: 'Submit a new registration if the opportunity becomes active again.'
      };
  }
}

const STATUS_WORDS: Array<[RegExp, string[]]> = [
  [/\bapproved\b|\bgenehmigt\b|\bapprouvée?\b|\baprobad[oa]\b/i, ['Approved']],
  [/\brejected\b|\bdeclined\b|\babgelehnt\b|\brejetée?\b|\brechazad[oa]\b/i, ['Rejected']],
  [/\bexpired\b|\babgelaufen\b|\bexpirée?\b|\bexpirad[oa]\b/i, ['Expired']],
  [/\bwithdrawn\b|\bzurückgezogen\b|\bretirée?\b/i, ['Withdrawn']]
];

function factsText(r: Registration): string {
  const lines = [
    `status: ${r.status}`,
    `customer: ${r.customerName}`,
    r.submittedAt ? `submitted: ${r.submittedAt}` : '',
    r.decidedAt ? `decided: ${r.decidedAt}` : '',
    r.protectionExpiresOn ? `protection expires: ${r.protectionExpiresOn}` : '',
    r.partnerMessage ? `message from the channel team: ${r.partnerMessage}` : '',
    ...(r.history ?? []).map((h) => `history: ${h.at} ${h.status}${h.message ? ` - ${h.message}` : ''}`)
  ];
  return lines.filter(Boolean).join('\n');
}

/** True when a model answer stays within the facts. */
export function answerIsConsistent(text: string, r: Registration, question: string): boolean {
  const known = new Set([r.status, ...(r.history ?? []).map((h) => h.status)]);
  // A status word may appear only if the registration has (had) that status; a negated mention
  // ("it has not been approved yet") says nothing false and is allowed.
  const affirmative = text.replace(
    /\b(?:not|n't|never|nicht|noch nicht|pas|no|aún no|todavía no)\s+(?:yet\s+|been\s+|yet\s+been\s+|encore\s+|été\s+|sido\s+)*\p{L}+/giu,
    ' '
  );
  for (const [re, statuses] of STATUS_WORDS) {
    if (re.test(affirmative) && !statuses.some((s) => known.has(s as Registration['status']))) return false;
  }
  const facts = `${factsText(r)}\n${question}`.toLowerCase();
  for (const m of text.matchAll(
    /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/\S+|\b(?=[a-zA-Z]*\d)(?=\d*[a-zA-Z])[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\b/g
  )) {
    if (!facts.includes(m[0].toLowerCase())) return false;
  }
  return !/\[(?:EMAIL|PHONE|IBAN|CARD|TAXID)_/.test(text);
}

export async function answerStatus(
  request: StatusAnswerRequest,
  options: StatusAnswerOptions = {}
): Promise<StatusAnswerResponse> {
  const template = templateAnswer(request.registration);
  if (!options.model) return { ...template, engine: 'builtin', fallback: false };
  // One masking over facts and question, so placeholders are numbered once across both.
  const separator = '\n\u241E\n';
  const masked = mask(`${factsText(request.registration)}${separator}${request.question}`);
  const cut = masked.text.lastIndexOf(separator);
  const map = masked.map;
  const prompt = statusAnswerPrompt(masked.text.slice(cut + separator.length), masked.text.slice(0, cut));
  let usage: LlmUsage | undefined;
  try {
    const completion = await options.model.completeJson({
      promptVersion: PROMPT_VERSIONS.statusAnswer,
      system: prompt.system,
      user: prompt.user,
      schemaName: 'status_answer',
      schema: STATUS_ANSWER_OUTPUT_SCHEMA,
      maxTokens: 300
    });
    usage = completion.usage;
    const v = completion.value as Record<string, unknown> | null;
    const answer = typeof v?.answer === 'string' ? restore(v.answer.trim(), map) : '';
    const nextStep = typeof v?.nextStep === 'string' ? restore(v.nextStep.trim(), map) : '';
    const ok =
      answer.length > 0 &&
      answer.length <= 1200 &&
      nextStep.length > 0 &&
      nextStep.length <= 600 &&
      answerIsConsistent(`${answer}\n${nextStep}`, request.registration, request.question);
    if (!ok) throw new LlmError('invalid', 'status answer failed validation', usage);
    return { answer, nextStep, engine: 'llm', fallback: false, usage };
  } catch (err) {
    const failure = err instanceof LlmError ? err : undefined;
    options.logger?.warn(
      { kind: failure?.kind ?? 'invalid', promptVersion: PROMPT_VERSIONS.statusAnswer },
      'status-answer: model unavailable or invalid, using the template answer'
    );
    return { ...template, engine: 'builtin', fallback: true, usage: failure?.usage ?? usage };
  }
}
