// Ranks the enablement library for one partner: full-text retrieval (MiniSearch, BM25+) for each of
// the partner's signals, plus the structured fields the library records (products, industries, level,
// competitor), plus a popularity prior; optional semantic similarity from embeddings. Deterministic:
// the library is indexed in id order, scores are rounded, ties go to the smaller id.
//
// Every recommendation says why in one sentence built from the partner's own data (their registrations,
// certifications, vertical, feedback); counts are theirs; another partner's data never enters the request.
import MiniSearch, { type SearchResult } from 'minisearch';
import { ValidationError } from '../validation';
import { buildProfile, key, LEVEL_RANK, type PartnerProfile } from './profile';
import type { ContentItem, Recommendation, RecommendRequest, REASON_CODES } from './schemas';
import { SENT_BACK_TOPICS, fold } from './topics';

export const RANKER_VERSION = 'enablement-2026.12-1';
export const DEFAULT_LIMIT = 10;

type Code = (typeof REASON_CODES)[number];

/** Weight of each signal (tuned on the tuning split of the labelled set only; see docs/partner-lifecycle.md). */
export interface Weights {
  SENT_BACK: number;
  /** Registration basics for partners new to the programme or sent back repeatedly. */
  GETTING_STARTED: number;
  /** The registration basics for partners sent back at least twice (scaled by how often, up to 3). */
  REGISTRATION_BASICS: number;
  COMPETITOR: number;
  PRODUCT: number;
  INDUSTRY: number;
  VERTICAL: number;
  CERTIFICATION_GAP: number;
  NEXT_LEVEL: number;
  RELATED: number;
  POPULAR: number;
  /** Added for content at the level that suits the partner's experience (no sentence of its own). */
  LEVEL_FIT: number;
  /** Multiplier for training the partner's certification already covers. */
  ALREADY_KNOWN: number;
  /** Multiplier for items like one the partner marked not relevant (same competitor or topic). */
  DISMISSED_SIMILAR: number;
  /** Multiplier for items in another language than the partner's. */
  OTHER_LANGUAGE: number;
}

export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  SENT_BACK: 4,
  GETTING_STARTED: 1.5,
  REGISTRATION_BASICS: 2.5,
  COMPETITOR: 2.5,
  PRODUCT: 1.6,
  INDUSTRY: 1,
  VERTICAL: 0.7,
  CERTIFICATION_GAP: 1.2,
  NEXT_LEVEL: 1,
  RELATED: 1,
  POPULAR: 0.3,
  LEVEL_FIT: 0.3,
  ALREADY_KNOWN: 0.4,
  DISMISSED_SIMILAR: 0.6,
  OTHER_LANGUAGE: 0.5
};

export interface RankOptions {
  weights?: Weights;
  /** Content id -> cosine similarity (-1..1) of the item with the partner's signals (embeddings). */
  semantic?: Record<string, number>;
}

interface Contribution {
  value: number;
  sentence: string;
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from how in into is it of on or our the their this to with you your'.split(
    ' '
  )
);

const FIELDS = ['title', 'summary', 'topics', 'products', 'industries', 'competitor'] as const;

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** A 400 naming the field when two library items share an id (the index needs unique ids). */
export function requireUniqueIds(library: readonly ContentItem[]): void {
  const seen = new Map<string, number>();
  library.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      throw new ValidationError([
        { path: `/library/${i}/id`, message: `duplicates the id of /library/${first}/id` }
      ]);
    }
    seen.set(item.id, i);
  });
}

class Library {
  private readonly index: MiniSearch<ContentItem>;

  constructor(items: readonly ContentItem[]) {
    this.index = new MiniSearch<ContentItem>({
      idField: 'id',
      fields: [...FIELDS],
      extractField: (doc, field) => {
        const v = (doc as unknown as Record<string, unknown>)[field];
        return Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '';
      },
      processTerm: (term) => {
        const t = fold(term);
        return STOP_WORDS.has(t) ? null : t;
      }
    });
    this.index.addAll(items);
  }

  /**
   * Items that match `query` in one of `required` fields, with a relevance of 0..1: the BM25 score
   * relative to the best hit, times the share of the query's terms the item matched.
   */
  search(query: string, required: readonly string[], boost: Record<string, number>): Map<string, number> {
    const results: SearchResult[] = this.index.search(query, {
      boost,
      combineWith: 'OR',
      fuzzy: (term) => (term.length >= 6 ? 1 : false),
      prefix: (term) => term.length >= 5
    });
    const out = new Map<string, number>();
    const best = results[0]?.score ?? 0;
    if (best <= 0) return out;
    const queryTerms = new Set(
      query
        .split(/[^\p{L}\p{N}]+/u)
        .map((t) => fold(t))
        .filter((t) => t && !STOP_WORDS.has(t))
    );
    for (const r of results) {
      const fields = new Set(Object.values(r.match).flat());
      if (!required.some((f) => fields.has(f))) continue;
      const coverage = queryTerms.size ? Math.min(1, new Set(r.queryTerms).size / queryTerms.size) : 1;
      out.set(String(r.id), (r.score / best) * coverage);
    }
    return out;
  }
}

const has = (values: readonly string[] | undefined, k: string) => (values ?? []).some((v) => key(v) === k);

/** Ranks `request.library` for `request.partner`; returns at most `limit` recommendations. */
export function recommend(request: RecommendRequest, options: RankOptions = {}): Recommendation[] {
  requireUniqueIds(request.library);
  const w = options.weights ?? DEFAULT_WEIGHTS;
  const library = [...request.library].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const profile = buildProfile(request, library);
  const eligible = library.filter((item) => !profile.done.has(item.id) && !profile.dismissed.has(item.id));
  if (eligible.length === 0) return [];
  const index = new Library(eligible);
  const contributions = new Map<string, Map<Code, Contribution>>(eligible.map((i) => [i.id, new Map()]));
  const put = (id: string, code: Code, value: number, sentence: string) => {
    if (value <= 0) return;
    const byCode = contributions.get(id)!;
    const current = byCode.get(code);
    if (!current || value > current.value) byCode.set(code, { value, sentence });
  };

  signalSentBack(profile, index, w, put);
  signalGettingStarted(profile, index, w, put);
  signalCompetitors(profile, eligible, index, w, put);
  signalProducts(profile, eligible, index, w, put);
  signalIndustries(profile, eligible, w, put);
  signalCertifications(profile, eligible, w, put);

  const maxPopularity = Math.max(0, ...eligible.map((i) => i.popularity ?? 0));
  const experienced = profile.registrations >= 8 || profile.certified.size >= 2;
  const newcomer = profile.registrations < 3 && profile.certified.size === 0;
  const dismissedItems = library.filter((i) => profile.dismissed.has(i.id));

  const scored = eligible.map((item) => {
    const byCode = contributions.get(item.id)!;
    const semantic = options.semantic?.[item.id];
    if (semantic !== undefined && semantic > 0.2) {
      put(item.id, 'RELATED', (w.RELATED * (semantic - 0.2)) / 0.8, relatedSentence(profile));
    }
    const popularity =
      maxPopularity > 0 ? (w.POPULAR * Math.log1p(item.popularity ?? 0)) / Math.log1p(maxPopularity) : 0;
    if (popularity > 0) byCode.set('POPULAR', { value: popularity, sentence: POPULAR_SENTENCE });
    let score = [...byCode.values()].reduce((sum, c) => sum + c.value, 0);
    const level = item.level ? LEVEL_RANK[item.level]! : 0;
    if ((newcomer && level === 1) || (experienced && level === 3)) score += w.LEVEL_FIT;
    if (alreadyKnown(profile, item)) score *= w.ALREADY_KNOWN;
    if (dismissedItems.some((d) => similar(d, item))) score *= w.DISMISSED_SIMILAR;
    if (profile.language && item.language && item.language.slice(0, 2) !== profile.language) {
      score *= w.OTHER_LANGUAGE;
    }
    return { item, score: Math.round(score * 10_000) / 10_000, byCode };
  });
  scored.sort((a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : 1));

  return scored.slice(0, request.maxResults ?? DEFAULT_LIMIT).map((s, i) => {
    const ordered = [...s.byCode.entries()].sort((a, b) => b[1].value - a[1].value || (a[0] < b[0] ? -1 : 1));
    // POPULAR explains an item only when nothing about the partner does.
    const personal = ordered.filter(([code]) => code !== 'POPULAR');
    // The sentence names the most specific strong reason (a sent-back pattern says more than a product).
    const strong = personal.filter(([, c]) => c.value >= 0.5);
    strong.sort((a, b) => SPECIFICITY.indexOf(a[0]) - SPECIFICITY.indexOf(b[0]));
    const top = strong[0] ?? personal[0] ?? ordered[0];
    return {
      contentId: s.item.id,
      rank: i + 1,
      score: s.score,
      reasons: ordered.filter(([, c]) => c.value >= 0.05).map(([code]) => code),
      because: top ? top[1].sentence : GENERAL_SENTENCE
    };
  });
}

/** Which reason the "because…" sentence names first, among the strong ones. */
const SPECIFICITY: readonly Code[] = [
  'SENT_BACK',
  'COMPETITOR',
  'NEXT_LEVEL',
  'CERTIFICATION_GAP',
  'GETTING_STARTED',
  'PRODUCT',
  'INDUSTRY',
  'VERTICAL',
  'RELATED',
  'POPULAR'
];

const POPULAR_SENTENCE = 'Because it is one of the most completed items in the partner programme.';
const GENERAL_SENTENCE = 'Because it is part of the programme\u2019s core enablement.';

type Put = (id: string, code: Code, value: number, sentence: string) => void;

function signalSentBack(profile: PartnerProfile, index: Library, w: Weights, put: Put): void {
  for (const topic of SENT_BACK_TOPICS) {
    const n = profile.topics.get(topic.id) ?? 0;
    if (n === 0) continue;
    const strength = n >= 2 ? 1 : 0.6;
    const sentence = `Because ${n} of your registrations ${plural(n, 'was', 'were')} sent back for ${topic.label}.`;
    const hits = index.search(topic.query, ['topics', 'title'], { topics: 3, title: 2, summary: 1 });
    for (const [id, relevance] of hits) {
      if (relevance >= 0.3) put(id, 'SENT_BACK', w.SENT_BACK * strength * relevance, sentence);
    }
  }
}

/** What a partner new to the programme (under 3 registrations, no certification) or often sent back needs first. */
function signalGettingStarted(profile: PartnerProfile, index: Library, w: Weights, put: Put): void {
  const newcomer = profile.registrations < 3 && profile.certified.size === 0;
  if (newcomer) {
    const sentence =
      profile.registrations === 0
        ? 'Because you have not registered a deal yet: this is where new partners start.'
        : 'Because you are new to the programme: this is where new partners start.';
    for (const [id, relevance] of index.search(GETTING_STARTED_QUERY, ['topics'], { topics: 3, title: 1 })) {
      if (relevance >= 0.3) put(id, 'GETTING_STARTED', w.GETTING_STARTED * relevance, sentence);
    }
  }
  if (profile.sentBack >= 2) {
    const sentence = `Because ${profile.sentBack} of your registrations were sent back: these are the basics reviewers check.`;
    for (const [id, relevance] of index.search(REGISTRATION_QUALITY_QUERY, ['topics'], {
      topics: 3,
      title: 1
    })) {
      if (relevance >= 0.3) {
        put(
          id,
          'GETTING_STARTED',
          w.REGISTRATION_BASICS * Math.min(1, profile.sentBack / 3) * relevance,
          sentence
        );
      }
    }
  }
}

const GETTING_STARTED_QUERY = 'partner programme deal registration portal';
const REGISTRATION_QUALITY_QUERY = 'deal registration data quality';

function signalCompetitors(
  profile: PartnerProfile,
  items: readonly ContentItem[],
  index: Library,
  w: Weights,
  put: Put
): void {
  for (const [k, c] of profile.competitors) {
    const strength = Math.min(1, 0.5 + 0.25 * c.count);
    const sentence = `Because ${c.name} came up in ${c.count === 1 ? 'one' : c.count} of your deals.`;
    for (const item of items) {
      if (item.competitor && key(item.competitor) === k)
        put(item.id, 'COMPETITOR', w.COMPETITOR * strength, sentence);
    }
    for (const [id, relevance] of index.search(c.name, ['title', 'summary'], { title: 2, summary: 1 })) {
      if (relevance >= 0.5) put(id, 'COMPETITOR', w.COMPETITOR * strength * 0.5 * relevance, sentence);
    }
  }
}

function share(profile: PartnerProfile, count: number): number {
  return profile.registrations > 0 ? count / profile.registrations : 0;
}

function signalProducts(
  profile: PartnerProfile,
  items: readonly ContentItem[],
  index: Library,
  w: Weights,
  put: Put
): void {
  for (const [k, p] of profile.products) {
    const strength = 0.3 + 0.7 * share(profile, p.count);
    const sentence = `Because ${p.count} of your recent registrations ${plural(p.count, 'includes', 'include')} ${p.name}.`;
    for (const item of items) {
      if (has(item.products, k)) put(item.id, 'PRODUCT', w.PRODUCT * strength, sentence);
    }
    for (const [id, relevance] of index.search(p.name, ['title'], { title: 2, summary: 1 })) {
      if (relevance >= 0.5) put(id, 'PRODUCT', w.PRODUCT * strength * 0.6 * relevance, sentence);
    }
  }
}

function signalIndustries(
  profile: PartnerProfile,
  items: readonly ContentItem[],
  w: Weights,
  put: Put
): void {
  for (const [k, ind] of profile.industries) {
    const strength = 0.3 + 0.7 * share(profile, ind.count);
    const sentence = `Because ${ind.count} of your recent registrations ${plural(ind.count, 'is', 'are')} in ${ind.name}.`;
    for (const item of items) {
      if (has(item.industries, k)) put(item.id, 'INDUSTRY', w.INDUSTRY * strength, sentence);
    }
  }
  if (profile.vertical) {
    const k = key(profile.vertical);
    const sentence = `Because your company focuses on ${profile.vertical}.`;
    for (const item of items) {
      if (has(item.industries, k)) put(item.id, 'VERTICAL', w.VERTICAL, sentence);
    }
  }
}

function signalCertifications(
  profile: PartnerProfile,
  items: readonly ContentItem[],
  w: Weights,
  put: Put
): void {
  for (const [k, p] of profile.products) {
    const certified = profile.certified.get(k);
    const training = items.filter((i) => i.type === 'TRAINING' && has(i.products, k));
    if (certified === undefined) {
      if (p.count < 2 && share(profile, p.count) < 0.3) continue;
      const sentence = `Because you register ${p.name} deals but hold no ${p.name} certification yet.`;
      for (const item of training) {
        const level = item.level ? LEVEL_RANK[item.level]! : 1;
        if (level <= 2)
          put(item.id, 'CERTIFICATION_GAP', w.CERTIFICATION_GAP * (level === 1 ? 1 : 0.7), sentence);
      }
    }
  }
  for (const [k, level] of profile.certified) {
    const next = Math.max(1, level) + 1;
    for (const item of items) {
      if (item.type !== 'TRAINING' || !has(item.products, k) || !item.level) continue;
      if (LEVEL_RANK[item.level] === next) {
        const name = item.products!.find((p) => key(p) === k)!;
        put(
          item.id,
          'NEXT_LEVEL',
          w.NEXT_LEVEL,
          `Because you are certified on ${name} and this is the next level.`
        );
      }
    }
  }
}

/** Training at or below a level the partner is certified at, for that product. */
function alreadyKnown(profile: PartnerProfile, item: ContentItem): boolean {
  if (item.type !== 'TRAINING' || !item.level) return false;
  const level = LEVEL_RANK[item.level]!;
  return (item.products ?? []).some((p) => {
    const certified = profile.certified.get(key(p));
    return certified !== undefined && level <= Math.max(1, certified);
  });
}

/** Same competitor, or the same type and first topic: what "not relevant" on one item says about another. */
function similar(dismissed: ContentItem, item: ContentItem): boolean {
  if (dismissed.competitor && item.competitor && key(dismissed.competitor) === key(item.competitor))
    return true;
  const a = dismissed.topics?.[0];
  const b = item.topics?.[0];
  return dismissed.type === item.type && a !== undefined && b !== undefined && key(a) === key(b);
}

function relatedSentence(profile: PartnerProfile): string {
  const top = [...profile.products.values()].sort(
    (a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)
  )[0];
  return top
    ? `Because it is closely related to your recent ${top.name} registrations.`
    : 'Because it is closely related to your recent registrations.';
}

/**
 * The text that describes the partner's needs for semantic matching: signal names only (products,
 * industries, topics, competitors), never the partner's own free text.
 */
export function profileQuery(request: RecommendRequest): string {
  const profile = buildProfile(request, request.library);
  const byCount = (m: Map<string, { name: string; count: number }>) =>
    [...m.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)).map((c) => c.name);
  const topics = SENT_BACK_TOPICS.filter((t) => profile.topics.has(t.id)).map((t) => t.query);
  return [
    ...byCount(profile.products),
    ...byCount(profile.industries),
    ...(profile.vertical ? [profile.vertical] : []),
    ...topics,
    ...byCount(profile.competitors)
  ].join('; ');
}
