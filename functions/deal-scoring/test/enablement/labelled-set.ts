// The labelled set of the enablement feed (labelled-profiles.json) and the library it is labelled
// against (the sample data plan's Enablement_Content__c records, read by the preview's data module
// preview/data/enablement-content.ts, which the preview org serves too), as requests for the ranker, plus
// nDCG@k and the popularity baseline. Used by the evaluation script and its test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentItem, RecommendRequest } from '../../src/enablement/schemas';
import { contentItem, contentRecords } from '../../../../preview/data/enablement-content';

export { contentItem, contentRecords, type ContentRecord } from '../../../../preview/data/enablement-content';

interface LabelledRegistration {
  p: string[];
  i?: string;
  s: string;
  d?: string;
  r?: string;
  m?: string[];
}

export interface LabelledProfile {
  id: string;
  split: 'tuning' | 'heldout';
  note: string;
  partner: Omit<RecommendRequest['partner'], 'id'>;
  registrations: LabelledRegistration[];
  feedback: { ref: string; verdict: 'DONE' | 'NOT_RELEVANT' }[];
  relevance: Record<string, number>;
}

export interface LabelledSet {
  popularity: Record<string, number>;
  profiles: LabelledProfile[];
  /** Active library items with their programme-wide popularity. */
  library: ContentItem[];
}

export function loadLabelledSet(): LabelledSet {
  const doc = JSON.parse(readFileSync(join(__dirname, 'labelled-profiles.json'), 'utf8')) as Omit<
    LabelledSet,
    'library'
  >;
  const library = contentRecords()
    .filter((r) => r.Active__c)
    .map((r) => contentItem(r, r.attributes.referenceId, doc.popularity[r.attributes.referenceId] ?? 0));
  return { ...doc, library };
}

export function requestFor(profile: LabelledProfile, library: ContentItem[]): RecommendRequest {
  return {
    requestId: profile.id,
    partner: { ...profile.partner, id: profile.id },
    registrations: profile.registrations.map((r, i) => ({
      id: `${profile.id}-R${i + 1}`,
      status: r.s,
      products: r.p,
      ...(r.i ? { industry: r.i } : {}),
      ...(r.d ? { description: r.d } : {}),
      ...(r.r ? { sentBackReason: r.r } : {}),
      ...(r.m ? { missingFields: r.m } : {})
    })),
    feedback: profile.feedback.map((f) => ({ contentId: f.ref, verdict: f.verdict })),
    library,
    maxResults: 10
  };
}

/** nDCG@k with graded gains 2^rel - 1; items the partner already completed or dismissed count 0. */
export function ndcgAt(
  k: number,
  ranked: string[],
  relevance: Record<string, number>,
  exclude: Set<string>
): number {
  const gain = (id: string) => (exclude.has(id) ? 0 : 2 ** (relevance[id] ?? 0) - 1);
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + gain(id) / Math.log2(i + 2), 0);
  const ideal = Object.keys(relevance)
    .filter((id) => !exclude.has(id))
    .map(gain)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** The baseline: most completed first (ties by id), leaving out what the partner completed or dismissed. */
export function popularityRanking(request: RecommendRequest): string[] {
  const seen = new Set(request.feedback.map((f) => f.contentId));
  return request.library
    .filter((i) => !seen.has(i.id))
    .sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0) || (a.id < b.id ? -1 : 1))
    .map((i) => i.id);
}
