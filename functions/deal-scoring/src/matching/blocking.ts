/**
 * Conflict detection across a large set of registrations without comparing every pair:
 * records are grouped into blocks by cheap keys (the compact name, each distinctive word and its
 * first and last four letters, initials, the registrable domain) and only records sharing a block are
 * compared. Used for bulk calibration runs (bench/run.ts measures 100,000 registrations).
 */
import { prepareCandidate, similarityPrepared, type MatchSubject } from './match';

export interface BulkInput {
  name: string;
  domain?: string;
  /** Records of the same partner are never reported as conflicting with each other. */
  partner?: string | number;
}

export interface BulkPair {
  a: number;
  b: number;
  similarity: number;
}

export interface BulkResult {
  pairs: BulkPair[];
  comparisons: number;
  blocks: number;
  skippedBlocks: number;
}

/** Blocks larger than this are too common to be informative ("bank", "acme.com" spam) and skipped. */
export const MAX_BLOCK = 1000;

/** The blocking keys of one prepared record (exported for bench/bulk-scale.ts). */
export function blockingKeys(s: MatchSubject): string[] {
  const keys: string[] = [];
  const n = s.name;
  if (n.compact.length > 0) keys.push('c:' + n.compact);
  n.tokens.forEach((t, i) => {
    if ((n.weights[i] as number) < 1 || t.length < 3) return;
    keys.push('t:' + t);
    // A typo leaves the start or the end of a word intact.
    if (t.length >= 5) keys.push('p:' + t.slice(0, 4), 's:' + t.slice(-4));
  });
  if (n.tokens.length >= 3) keys.push('a:' + n.initials);
  else if (n.tokens.length === 1 && n.compact.length >= 2 && n.compact.length <= 6)
    keys.push('a:' + n.compact);
  for (const d of s.webDomains) if (!d.freeMail) keys.push('d:' + d.domain);
  return [...new Set(keys)];
}

export function findConflictingPairs(records: readonly BulkInput[], threshold: number): BulkResult {
  const prepared = records.map((r) => prepareCandidate({ name: r.name, domain: r.domain }));
  const keysOf = prepared.map(blockingKeys);
  const index = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(i);
    }
  });
  let skippedBlocks = 0;
  for (const list of index.values()) if (list.length > MAX_BLOCK) skippedBlocks++;

  const stamp = new Int32Array(records.length).fill(-1);
  const pairs: BulkPair[] = [];
  let comparisons = 0;
  for (let i = 0; i < records.length; i++) {
    const pi = prepared[i] as MatchSubject;
    const partner = records[i]?.partner;
    for (const k of keysOf[i] as string[]) {
      const list = index.get(k) as number[];
      if (list.length > MAX_BLOCK) continue;
      for (const j of list) {
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        if (partner !== undefined && records[j]?.partner === partner) continue;
        comparisons++;
        const similarity = similarityPrepared(pi, prepared[j] as MatchSubject);
        if (similarity >= threshold) pairs.push({ a: i, b: j, similarity });
      }
    }
  }
  return { pairs, comparisons, blocks: index.size, skippedBlocks };
}
