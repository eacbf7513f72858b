// The partner's signals, derived from their own data only (the request carries nothing else):
// products and industries of their recent registrations, the topics their sent-back registrations
// point at, the competitors named in their deal descriptions, their certifications and vertical,
// and what they marked done or not relevant.
import { compileCatalog, findCatalogProducts } from '../ai/extract/products';
import type { ContentItem, RecommendRequest } from './schemas';
import { fold, topicsOf } from './topics';

/** Registrations in these statuses were sent back to the partner (reasons are read from them). */
export const SENT_BACK_STATUSES = new Set(['More Info Requested', 'Rejected']);

export interface Counted {
  /** The name as the partner's data (or the library) spells it. */
  name: string;
  count: number;
}

export interface PartnerProfile {
  registrations: number;
  /** Registrations sent back (More Info Requested or Rejected), whatever the reason. */
  sentBack: number;
  products: Map<string, Counted>;
  industries: Map<string, Counted>;
  vertical: string | undefined;
  language: string | undefined;
  topics: Map<string, number>;
  competitors: Map<string, Counted>;
  /** Folded product -> highest certified level (0 = certified, level unknown; 1..3 beginner..advanced). */
  certified: Map<string, number>;
  done: Set<string>;
  dismissed: Set<string>;
}

export const LEVEL_RANK: Record<string, number> = { BEGINNER: 1, INTERMEDIATE: 2, ADVANCED: 3 };

export const key = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function add(map: Map<string, Counted>, name: string): void {
  const k = key(name);
  if (!k) return;
  const hit = map.get(k);
  if (hit) hit.count += 1;
  else map.set(k, { name: name.trim(), count: 1 });
}

export function buildProfile(request: RecommendRequest, library: readonly ContentItem[]): PartnerProfile {
  const products = new Map<string, Counted>();
  const industries = new Map<string, Counted>();
  const topics = new Map<string, number>();
  const competitors = new Map<string, Counted>();
  let sentBack = 0;

  // Competitors worth detecting are the ones the library has battle cards or notes for.
  const competitorNames = [
    ...new Set(library.flatMap((i) => (i.competitor ? [i.competitor.trim()] : [])))
  ].sort();
  const patterns = competitorNames.length ? compileCatalog(competitorNames.map((name) => ({ name }))) : [];

  for (const reg of request.registrations) {
    for (const p of new Set((reg.products ?? []).map((x) => x.trim()))) add(products, p);
    if (reg.industry) add(industries, reg.industry);
    if (SENT_BACK_STATUSES.has(reg.status) || reg.sentBackReason) {
      sentBack += 1;
      for (const t of topicsOf(reg.sentBackReason, reg.missingFields))
        topics.set(t, (topics.get(t) ?? 0) + 1);
    }
    if (reg.description && patterns.length) {
      for (const m of findCatalogProducts(reg.description, patterns)) add(competitors, m.product);
    }
  }

  const certified = new Map<string, number>();
  const libraryProducts = [...new Set(library.flatMap((i) => i.products ?? []))];
  for (const c of request.partner.certifications) {
    const level = c.level ? LEVEL_RANK[c.level]! : 0;
    const targets = c.product
      ? [c.product]
      : libraryProducts.filter((p) => ` ${key(c.name)} `.includes(` ${key(p)} `));
    for (const p of targets) certified.set(key(p), Math.max(certified.get(key(p)) ?? 0, level));
  }

  const done = new Set<string>();
  const dismissed = new Set<string>();
  for (const f of request.feedback) (f.verdict === 'DONE' ? done : dismissed).add(f.contentId);

  return {
    registrations: request.registrations.length,
    sentBack,
    products,
    industries,
    vertical: request.partner.vertical?.trim(),
    language: request.partner.language?.slice(0, 2),
    topics,
    competitors,
    certified,
    done,
    dismissed
  };
}
