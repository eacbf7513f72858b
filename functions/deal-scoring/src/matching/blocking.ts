/**
 * Conflict detection across a large set of registrations without comparing every pair:
 * records are grouped into blocks by cheap keys and only records sharing a block are compared
 * with similarityPrepared(). Used for bulk calibration runs (bench/run.ts --bulk=N measures it;
 * docs/conflicts.md "Bulk detection" describes the keys).
 *
 * Keys of one record (each a 32-bit hash; a collision only adds a pair to compare, never loses one):
 *   - the compact name (same letters ignoring spacing and legal forms);
 *   - each distinctive word of three or more letters (names sharing a word);
 *   - the name key (its words, normalized) and, when it has a distinctive word, the key with one
 *     letter deleted, tagged with the deleted position: two keys one edit apart (insertion,
 *     deletion, substitution, swap of neighbours: a typo in one word, the rest equal, which is
 *     what tokenCredit's 0.88-0.92 needs to reach the threshold) always share such a key. A pair
 *     sharing only a deletion key is compared only when the positions say one edit (same or
 *     neighbouring position, or one side the whole key); keys of eight or more letters may be two
 *     edits apart (tokenCredit 0.82 for long words), so any positions are compared there;
 *   - initials of names of three or more words, paired only with one-word names of two to six
 *     letters (the acronym rule; two long names with the same initials are not compared for it);
 *   - each web domain that is not free mail.
 * Word-level typo keys (each word's deletions) were measured and dropped: at 1,000,000 generated
 * registrations they left 77 M pairs to compare, for 0.7 points of recall of planted
 * re-registrations at 100,000 (bench/RESULTS.md).
 * Blocks larger than MAX_BLOCK are too common to be informative and skipped.
 */
import { prepareCandidateUncached, similarityAtLeast, type MatchSubject } from './match';

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
  /** CPU seconds of this thread per phase (prepare, keys and index, enumerate and compare). */
  cpuSeconds: { prepare: number; index: number; compare: number };
}

/** Blocks larger than this are too common to be informative ("bank", "acme.com" spam) and skipped. */
export const MAX_BLOCK = 1000;

// Key kinds (the hash seed) and tags.
const COMPACT = 0x01000193;
const WORD = 0x0200a3b1;
const EDIT = 0x05bd1e99;
const INITIALS = 0x0a1b2c3d;
const DOMAIN = 0x1f3d5b79;
/** Tag of an INITIALS key: the record is the long name (initials) or the short one (acronym). */
const TAG_LONG = 1;
const TAG_SHORT = 2;
/** Tag of an EDIT key: 0 the whole word; else (deleted position + 1) | (word length << 6). */
const TAG_WHOLE = 0;
/** Longer name keys get no deletion keys (the tag holds six bits of length and position). */
const MAX_EDIT_KEY = 63;

/** FNV-1a of `s` without the character at `skip` (-1: none), seeded by the key kind. */
function hashOf(kind: number, s: string, skip = -1): number {
  let h = kind ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  }
  // The length ends the key, so "ab" + "c" and "a" + "bc" in different kinds stay apart.
  return Math.imul(h ^ (s.length - (skip >= 0 ? 1 : 0)), 16777619) >>> 0;
}

/** Growable parallel arrays of (key hash, record, tag): one row per key of a record. */
class Memberships {
  hash: Uint32Array;
  rec: Int32Array;
  tag: Uint16Array;
  length = 0;
  constructor(capacity: number) {
    this.hash = new Uint32Array(capacity);
    this.rec = new Int32Array(capacity);
    this.tag = new Uint16Array(capacity);
  }
  push(hash: number, rec: number, tag: number): void {
    if (this.length === this.hash.length) {
      const grow = <T extends Uint32Array | Int32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
        const b = make(Math.ceil(a.length * 1.5) + 16);
        b.set(a);
        return b;
      };
      this.hash = grow(this.hash, (n) => new Uint32Array(n));
      this.rec = grow(this.rec, (n) => new Int32Array(n));
      this.tag = grow(this.tag, (n) => new Uint16Array(n));
    }
    this.hash[this.length] = hash;
    this.rec[this.length] = rec;
    this.tag[this.length] = tag;
    this.length++;
  }
}

/** Adds the blocking keys of record `i` (deduplicated per record by hash). */
function addKeys(s: MatchSubject, i: number, out: Memberships): void {
  const start = out.length;
  const add = (hash: number, tag: number) => {
    for (let m = start; m < out.length; m++) if (out.hash[m] === hash && out.tag[m] === tag) return;
    out.push(hash, i, tag);
  };
  const n = s.name;
  if (n.compact.length > 0) add(hashOf(COMPACT, n.compact), 0);
  let distinctive = false;
  for (let k = 0; k < n.tokens.length; k++) {
    const t = n.tokens[k] as string;
    if ((n.weights[k] as number) < 1 || t.length < 3) continue;
    distinctive = true;
    add(hashOf(WORD, t), 0);
  }
  // The whole name key and its one-letter deletions: names one edit apart share one.
  const key = n.key;
  if (distinctive && key.length >= 5 && key.length <= MAX_EDIT_KEY) {
    add(hashOf(EDIT, key), TAG_WHOLE);
    for (let p = 0; p < key.length; p++) add(hashOf(EDIT, key, p), (p + 1) | (key.length << 6));
  }
  if (n.tokens.length >= 3) add(hashOf(INITIALS, n.initials), TAG_LONG);
  else if (n.tokens.length === 1 && n.compact.length >= 2 && n.compact.length <= 6)
    add(hashOf(INITIALS, n.compact), TAG_SHORT);
  for (const d of s.webDomains) if (!d.freeMail) add(hashOf(DOMAIN, d.domain), 0);
}

/** Mean number of keys of the first (up to) 2,000 records. */
function keysPerRecord(prepared: readonly MatchSubject[]): number {
  const n = Math.min(prepared.length, 2000);
  const scratch = new Memberships(1 << 12);
  let total = 0;
  for (let i = 0; i < n; i++) {
    scratch.length = 0;
    addKeys(prepared[i] as MatchSubject, i, scratch);
    total += scratch.length;
  }
  return n > 0 ? total / n : 0;
}

/** Whether two members of one block are worth comparing, from their tags (see the file comment). */
function tagsAllow(x: number, y: number): boolean {
  if (x === y) return x !== TAG_LONG; // same tag: same key role; two long names only share initials
  if (x <= TAG_SHORT && y <= TAG_SHORT) return true; // whole word (EDIT 0) or initials long/short
  if (x < 64 || y < 64) return true; // a whole word against a deletion of a longer word: one edit
  const lx = x >> 6;
  const ly = y >> 6;
  if (lx !== ly) return false; // deletions of words of different lengths: more than one edit
  const px = x & 63;
  const py = y & 63;
  return px - py <= 1 && py - px <= 1 ? true : lx >= 8;
}

/** LSD radix sort of `order` (indices) by `keys[order[i]]`, two 16-bit passes. */
function sortByHash(keys: Uint32Array, count: number, first: Int32Array, second: Int32Array): Int32Array {
  let order = first;
  for (let i = 0; i < count; i++) order[i] = i;
  let tmp = second;
  for (let shift = 0; shift < 32; shift += 16) {
    const counts = new Int32Array(65537);
    for (let i = 0; i < count; i++) {
      const b = (((keys[order[i] as number] as number) >>> shift) & 0xffff) + 1;
      counts[b] = (counts[b] as number) + 1;
    }
    for (let b = 0; b < 65536; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
    for (let i = 0; i < count; i++) {
      const m = order[i] as number;
      const b = ((keys[m] as number) >>> shift) & 0xffff;
      const at = counts[b] as number;
      tmp[at] = m;
      counts[b] = at + 1;
    }
    [order, tmp] = [tmp, order];
  }
  return order;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export function findConflictingPairs(records: readonly BulkInput[], threshold: number): BulkResult {
  const t0 = cpuNow();
  const prepared = records.map((r) => prepareCandidateUncached({ name: r.name, domain: r.domain }));
  const t1 = cpuNow();
  // Sized from a sample of records (growing by copying would hold two copies at the peak).
  const mem = new Memberships(1024 + Math.ceil(records.length * keysPerRecord(prepared) * 1.1));
  const firstKey = new Int32Array(records.length + 1);
  prepared.forEach((s, i) => {
    firstKey[i] = mem.length;
    addKeys(s, i, mem);
  });
  firstKey[records.length] = mem.length;
  // Blocks: runs of equal hash in sorted order; each membership knows its run.
  // One allocation for the per-membership arrays: each large buffer allocated separately can
  // set off a full collection of the (large) heap of prepared records.
  const count = mem.length;
  const size = count + 1;
  const work = new ArrayBuffer(size * 18);
  const view32 = (k: number) => new Int32Array(work, k * 4 * size, size);
  const spare = view32(1);
  const order = sortByHash(mem.hash, count, view32(0), spare);
  const sortedRec = view32(2);
  // Block b holds sorted positions blockStart[b] .. blockStart[b + 1] - 1 (in the sort's spare array).
  const blockStart = order === spare ? view32(0) : spare;
  const blockOf = view32(3);
  const sortedTag = new Uint16Array(work, 16 * size, size);
  let blocks = 0;
  let skippedBlocks = 0;
  for (let s = 0; s < mem.length; ) {
    const h = mem.hash[order[s] as number];
    let e = s + 1;
    while (e < mem.length && mem.hash[order[e] as number] === h) e++;
    blockStart[blocks] = s;
    blocks++;
    if (e - s > MAX_BLOCK) skippedBlocks++;
    for (let q = s; q < e; q++) {
      const m = order[q] as number;
      sortedRec[q] = mem.rec[m] as number;
      sortedTag[q] = mem.tag[m] as number;
      blockOf[m] = blocks - 1;
    }
    s = e;
  }
  blockStart[blocks] = count;
  // Only the tags are read from here on.
  mem.hash = new Uint32Array(0);
  mem.rec = new Int32Array(0);
  const t2 = cpuNow();

  // Partners as small integers in one array (-1: none): read for every candidate pair.
  const partnerIds = new Map<string | number, number>();
  const partnerOf = new Int32Array(records.length);
  records.forEach((r, i) => {
    if (r.partner === undefined) partnerOf[i] = -1;
    else {
      let id = partnerIds.get(r.partner);
      if (id === undefined) partnerIds.set(r.partner, (id = partnerIds.size));
      partnerOf[i] = id;
    }
  });
  const stamp = new Int32Array(records.length).fill(-1);
  const pairs: BulkPair[] = [];
  let comparisons = 0;
  for (let i = 0; i < records.length; i++) {
    const pi = prepared[i] as MatchSubject;
    const partner = partnerOf[i] as number;
    for (let m = firstKey[i] as number; m < (firstKey[i + 1] as number); m++) {
      const b = blockOf[m] as number;
      const s = blockStart[b] as number;
      const e = blockStart[b + 1] as number;
      if (e - s > MAX_BLOCK) continue;
      const tag = mem.tag[m] as number;
      for (let q = s; q < e; q++) {
        const j = sortedRec[q] as number;
        if (j <= i || stamp[j] === i || !tagsAllow(tag, sortedTag[q] as number)) continue;
        stamp[j] = i;
        if (partner >= 0 && partnerOf[j] === partner) continue;
        comparisons++;
        const similarity = similarityAtLeast(pi, prepared[j] as MatchSubject, threshold);
        if (similarity >= threshold) pairs.push({ a: i, b: j, similarity });
      }
    }
  }
  const t3 = cpuNow();
  return {
    pairs,
    comparisons,
    blocks,
    skippedBlocks,
    cpuSeconds: { prepare: t1 - t0, index: t2 - t1, compare: t3 - t2 }
  };
}
