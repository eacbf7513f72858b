/**
 * Products of two deals in common, with the org's catalogue: "ANC", "analytics cloud licences" and
 * "Analytics Cloud" are one product when the catalogue lists "ANC" as an alias. The fuzzy
 * catalogue matching is the intake's (ai/extract/products.ts: aliases, plurals, one typo), so a
 * product is recognised the same way in a pasted email and in a conflict. Without a catalogue (or
 * for a product it does not list) names are compared after folding case, accents, punctuation and
 * plural endings.
 */
import { compileCatalog, findCatalogProducts, type CatalogEntry } from '../ai/extract/products';

export type { CatalogEntry };

export type CompiledCatalog = ReturnType<typeof compileCatalog>;

export function prepareCatalog(catalog: readonly CatalogEntry[] | undefined): CompiledCatalog {
  return compileCatalog(catalog ? [...catalog] : []);
}

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
    .map((t) => (t.length > 4 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t))
    .join(' ');
}

/** One product as a set of comparable labels: its catalogue products, or its folded name. */
export function canonicalProducts(
  products: readonly string[] | undefined,
  catalog: CompiledCatalog
): string[] {
  const out = new Set<string>();
  for (const p of products ?? []) {
    const found = catalog.length > 0 ? findCatalogProducts(p, catalog) : [];
    if (found.length > 0) for (const f of found) out.add(f.product);
    else {
      const f = fold(p);
      if (f) out.add(f);
    }
  }
  return [...out];
}

export interface ProductOverlap {
  /** Shared products / products of the side that lists fewer (0-1). */
  score: number;
  shared: string[];
}

/** Overlap of two canonical product lists; undefined when either side lists none. */
export function productOverlap(a: readonly string[], b: readonly string[]): ProductOverlap | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const set = new Set(b);
  const shared = a.filter((x) => set.has(x));
  return { score: shared.length / Math.min(a.length, b.length), shared };
}
