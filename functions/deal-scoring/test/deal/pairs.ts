/** Loads test/fixtures/deal-pairs.json as labelled pairs (every two records of one customer). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogEntry } from '../../src/deal/products';
import type { DealSide } from '../../src/deal/similarity';

type Row = [string, string | null, string | null, number | null, string | null, string | null];

interface File {
  catalog: CatalogEntry[];
  customers: { customer: string; split: 'tuning' | 'heldout'; projects: Record<string, Row[]> }[];
}

export interface DealRecord {
  customer: string;
  project: string;
  side: DealSide;
}

export interface DealPair {
  customer: string;
  split: 'tuning' | 'heldout';
  a: DealSide;
  b: DealSide;
  same: boolean;
}

const file = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'deal-pairs.json'), 'utf8')) as File;

export const DEAL_CATALOG: CatalogEntry[] = file.catalog;

function side(row: Row): DealSide {
  const [name, description, products, amount, closeDate, country] = row;
  return {
    opportunityName: name,
    ...(description ? { description } : {}),
    ...(products ? { products: products.split(';').map((p) => p.trim()) } : {}),
    ...(amount !== null ? { amount } : {}),
    ...(closeDate ? { closeDate } : {}),
    ...(country ? { country } : {})
  };
}

export function dealPairs(split?: 'tuning' | 'heldout'): DealPair[] {
  const out: DealPair[] = [];
  for (const c of file.customers) {
    if (split && c.split !== split) continue;
    const records = Object.entries(c.projects).flatMap(([project, rows]) =>
      rows.map((r) => ({ project, side: side(r) }))
    );
    for (let i = 0; i < records.length; i++)
      for (let j = i + 1; j < records.length; j++) {
        const a = records[i]!;
        const b = records[j]!;
        out.push({
          customer: c.customer,
          split: c.split,
          a: a.side,
          b: b.side,
          same: a.project === b.project
        });
      }
  }
  return out;
}
