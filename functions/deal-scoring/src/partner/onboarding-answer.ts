// POST /v1/partner/onboarding-answer behind the route: a partner's question about the onboarding
// programme, answered only from the programme's own content that Apex sends (FAQ entries and the
// checklist steps of the partner's type). Retrieval is full-text (MiniSearch: BM25 ranking with
// prefix and fuzzy matching); without a model the answer is extractive (the sentences of the best
// entry that match the question), and when nothing matches well enough the answer says so
// (known: false). With a model, the question and the retrieved entries are masked and fenced as
// data, and the model's answer is used only when it cites retrieved entries and stays within
// their words; otherwise the extractive answer is returned with fallback: true.
import MiniSearch from 'minisearch';
import { LlmError, type JsonModel, type LlmUsage } from '../ai/llm-client';
import { mask, restore } from '../ai/masking';
import { DATA_RULES, fence } from '../ai/prompts';
import type { AssistLogger } from '../ai/parse-service';
import type { OnboardingAnswerRequest, OnboardingAnswerResponse, OnboardingArticle } from './schemas';

export const ONBOARDING_PROMPT_VERSION = 'onboarding-answer-2026.12.1';
export const NOT_KNOWN_ANSWER =
  "I could not find this in the programme's onboarding guide. Please ask your partner manager; they can answer it or add it to the guide.";
/** Share of the question's content words that the best entry must contain to count as an answer. */
export const MIN_TERM_COVERAGE = 0.5;

// Function words carry no topic; MiniSearch ships no stop-word list, so this short one is ours.
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can do does for from i if in is it me my of on or our should so the to ' +
    'we will with you your us am was were has have had this that these those ' +
    'there their them they get got need needs any about into than then'
  ).split(' ')
);
// Question words help ranking ("who is my partner manager" is the entry that starts with "Who"),
// but say nothing about whether the guide covers the topic: they do not count for coverage.
const QUESTION_WORDS = new Set('how what when where which who whom why'.split(' '));

function terms(text: string, keepQuestionWords: boolean): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((t) => t.length > 1 && !STOP_WORDS.has(t) && (keepQuestionWords || !QUESTION_WORDS.has(t)))
    )
  ];
}

/** The words of a text that name a topic (no function or question words), lower case, unique. */
export function contentTerms(text: string): string[] {
  return terms(text, false);
}

export interface Retrieved {
  article: OnboardingArticle;
  score: number;
  coverage: number;
}

function appliesTo(a: OnboardingArticle, partnerType: string | undefined): boolean {
  if (!a.partnerTypes || a.partnerTypes.length === 0 || !partnerType) return true;
  const want = partnerType.trim().toLowerCase();
  return a.partnerTypes.some((t) => t.trim().toLowerCase() === want);
}

/** The entries that answer the question best, best first (at most 3), with the share of question words they hold. */
export function retrieve(request: OnboardingAnswerRequest): Retrieved[] {
  const articles = request.articles.filter((a) => appliesTo(a, request.partnerType));
  // Personal data (an address or phone number in the question) is no topic: masked out before ranking.
  const question = mask(request.question).text.replace(/\[(?:EMAIL|PHONE|IBAN|CARD|TAXID)_\d+\]/g, ' ');
  const topic = contentTerms(question);
  if (articles.length === 0 || topic.length === 0) return [];
  const index = new MiniSearch<{ key: number; title: string; body: string }>({
    idField: 'key',
    fields: ['title', 'body'],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return t.length > 1 && !STOP_WORDS.has(t) ? t : null;
    },
    searchOptions: {
      boost: { title: 2 },
      prefix: (t) => t.length >= 4,
      fuzzy: (t) => (t.length >= 6 ? 0.2 : false)
    }
  });
  index.addAll(articles.map((a, key) => ({ key, title: a.title, body: a.body })));
  const hits = index.search(terms(question, true).join(' '), { combineWith: 'OR' });
  return hits.slice(0, 3).map((h) => ({
    article: articles[h.id as number] as OnboardingArticle,
    score: h.score,
    coverage: new Set(h.queryTerms.filter((t) => !QUESTION_WORDS.has(t))).size / topic.length
  }));
}

function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The sentences of an entry that hold question words (at most three, in the entry's order). */
export function extract(article: OnboardingArticle, question: string): string {
  const all = sentences(article.body);
  if (article.body.length <= 400 || all.length <= 3) return article.body.replace(/\s+/g, ' ').trim();
  const stems = contentTerms(question).map((t) => t.slice(0, 5));
  const scored = all.map((s, i) => {
    const words = contentTerms(s);
    return { i, s, n: stems.filter((st) => words.some((w) => w.startsWith(st))).length };
  });
  const best = scored
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, 3)
    .sort((a, b) => a.i - b.i);
  return (best.length > 0 ? best : scored.slice(0, 2)).map((x) => x.s).join(' ');
}

export interface BuiltinAnswer {
  known: boolean;
  answer: string;
  sources: Array<{ id: string; title: string }>;
  retrieved: Retrieved[];
}

export function builtinAnswer(request: OnboardingAnswerRequest): BuiltinAnswer {
  const retrieved = retrieve(request).filter((r) => r.coverage >= MIN_TERM_COVERAGE);
  const top = retrieved[0];
  if (!top) return { known: false, answer: NOT_KNOWN_ANSWER, sources: [], retrieved: [] };
  return {
    known: true,
    answer: extract(top.article, request.question).slice(0, 1500),
    sources: [{ id: top.article.id, title: top.article.title }],
    retrieved
  };
}

export const ONBOARDING_OUTPUT_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['known', 'answer', 'sourceIds'],
  properties: {
    known: { type: 'boolean' },
    answer: { type: 'string' },
    sourceIds: { type: 'array', items: { type: 'string' } }
  }
};

export function onboardingPrompt(
  maskedQuestion: string,
  maskedEntries: string
): { system: string; user: string } {
  const system = [
    "You answer a sales partner's question about the vendor's partner onboarding programme.",
    DATA_RULES,
    'Answer only from the guide entries given; each starts with its id in square brackets. If they do not',
    'answer the question, set known to false and say that the guide does not cover it. Never invent',
    'deadlines, amounts, links, people or promises, and never mention tiers, scores, reviews or other',
    'partners unless an entry does. Answer in at most four short sentences in the language of the',
    'question; list the ids of the entries you used in sourceIds.'
  ].join(' ');
  const user = [
    'Onboarding guide entries:',
    fence('guide', maskedEntries),
    'Partner question:',
    fence('question', maskedQuestion)
  ].join('\n');
  return { system, user };
}

/** True when a model answer stays within the cited entries: no new addresses or links, most words from them. */
export function groundedIn(answer: string, cited: OnboardingArticle[], question: string): boolean {
  const source = `${cited.map((a) => `${a.title}\n${a.body}`).join('\n')}\n${question}`.toLowerCase();
  for (const m of answer.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/\S+|www\.\S+|\b\d[\d,.]*\b/g)) {
    if (!source.includes(m[0].toLowerCase().replace(/[.,]$/, ''))) return false;
  }
  if (/\[(?:EMAIL|PHONE|IBAN|CARD|TAXID)_/.test(answer)) return false;
  const words = contentTerms(answer).filter((w) => w.length > 3);
  if (words.length === 0) return false;
  const known = new Set(contentTerms(source));
  const stems = [...known].map((w) => w.slice(0, 5));
  const inSource = words.filter((w) => known.has(w) || stems.includes(w.slice(0, 5))).length;
  return inSource / words.length >= 0.6;
}

export interface OnboardingAnswerOptions {
  model?: JsonModel | null;
  logger?: AssistLogger;
}

export async function answerOnboarding(
  request: OnboardingAnswerRequest,
  builtin: BuiltinAnswer,
  options: OnboardingAnswerOptions = {}
): Promise<OnboardingAnswerResponse> {
  const plain = { known: builtin.known, answer: builtin.answer, sources: builtin.sources };
  // Nothing retrieved: nothing for a model to ground on either.
  if (!options.model || !builtin.known) return { ...plain, engine: 'builtin', fallback: false };
  const articles = builtin.retrieved.map((r) => r.article);
  const separator = '\n\u241E\n';
  const entries = articles.map((a) => `[${a.id}] ${a.title}\n${a.body}`).join('\n\n');
  const masked = mask(`${entries}${separator}${request.question}`);
  const cut = masked.text.lastIndexOf(separator);
  const prompt = onboardingPrompt(masked.text.slice(cut + separator.length), masked.text.slice(0, cut));
  let usage: LlmUsage | undefined;
  try {
    const completion = await options.model.completeJson({
      promptVersion: ONBOARDING_PROMPT_VERSION,
      system: prompt.system,
      user: prompt.user,
      schemaName: 'onboarding_answer',
      schema: ONBOARDING_OUTPUT_SCHEMA,
      maxTokens: 350
    });
    usage = completion.usage;
    const v = completion.value as Record<string, unknown> | null;
    const answer = typeof v?.answer === 'string' ? restore(v.answer.trim(), masked.map) : '';
    const ids = Array.isArray(v?.sourceIds)
      ? v.sourceIds.filter((s): s is string => typeof s === 'string')
      : [];
    const cited = articles.filter((a) => ids.includes(a.id));
    if (v?.known === false) {
      return { known: false, answer: NOT_KNOWN_ANSWER, sources: [], engine: 'llm', fallback: false, usage };
    }
    const ok =
      v?.known === true &&
      answer.length > 0 &&
      answer.length <= 1500 &&
      cited.length > 0 &&
      cited.length === ids.length &&
      groundedIn(answer, cited, request.question);
    if (!ok) throw new LlmError('invalid', 'onboarding answer failed validation', usage);
    return {
      known: true,
      answer,
      sources: cited.slice(0, 3).map((a) => ({ id: a.id, title: a.title })),
      engine: 'llm',
      fallback: false,
      usage
    };
  } catch (err) {
    const failure = err instanceof LlmError ? err : undefined;
    options.logger?.warn(
      { kind: failure?.kind ?? 'invalid', promptVersion: ONBOARDING_PROMPT_VERSION },
      'onboarding-answer: model unavailable or invalid, using the extractive answer'
    );
    return { ...plain, engine: 'builtin', fallback: true, usage: failure?.usage ?? usage };
  }
}
