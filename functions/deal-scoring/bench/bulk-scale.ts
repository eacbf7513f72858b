/**
 * What limits bulk conflict detection at 1,000,000 registrations, measured in phases (own
 * process, so the peak memory is its own): `tsx bench/bulk-scale.ts N [--sample P]`.
 *   1. prepare: prepareCandidate() for every record (normalization, domains);
 *   2. block: the blocking keys (blockingKeys() of src/matching/blocking.ts) and the index;
 *   3. enumerate: the candidate pairs findConflictingPairs() would compare (same loop, same
 *      stamp rule, same MAX_BLOCK skip), counted but not compared;
 *   4. compare: similarityPrepared() on a sample of P of those pairs, timed, to give comparisons
 *      per CPU-second on this population.
 * Prints JSON: CPU seconds per phase, peak RSS, pairs to compare, and the projected CPU time of
 * the full comparison (pairs / measured rate), i.e. the least wall time on one core, and half of
 * it on two. Nothing here changes what the matcher computes.
 */
import { blockingKeys, MAX_BLOCK } from '../src/matching/blocking';
import { prepareCandidate, similarityPrepared, type MatchSubject } from '../src/matching/match';
import { bulkRegistrations } from './data';

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Measures the phases for n registrations (bench/data.ts bulkRegistrations), timing `sample` comparisons. */
export function bulkScale(n: number, sample = 300_000) {
  const records = bulkRegistrations(n);
  const t0 = cpu();
  const prepared: MatchSubject[] = records.map((r) => prepareCandidate({ name: r.name, domain: r.domain }));
  const t1 = cpu();
  const rssPrepared = process.memoryUsage().rss / 2 ** 20;
  const keysOf = prepared.map(blockingKeys);
  const index = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(i);
    }
  });
  let skipped = 0;
  let skippedMembers = 0;
  for (const list of index.values())
    if (list.length > MAX_BLOCK) {
      skipped++;
      skippedMembers += list.length;
    }
  const t2 = cpu();
  const rssIndexed = process.memoryUsage().rss / 2 ** 20;
  // The same enumeration as findConflictingPairs, without the comparison; a reservoir of pairs.
  const stamp = new Int32Array(n).fill(-1);
  let pairs = 0;
  const sa = new Int32Array(sample);
  const sb = new Int32Array(sample);
  let seed = 12345;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < n; i++) {
    const partner = records[i]!.partner;
    for (const k of keysOf[i]!) {
      const list = index.get(k)!;
      if (list.length > MAX_BLOCK) continue;
      for (const j of list) {
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        if (records[j]!.partner === partner) continue;
        if (pairs < sample) {
          sa[pairs] = i;
          sb[pairs] = j;
        } else {
          const r = Math.floor(rand() * (pairs + 1));
          if (r < sample) {
            sa[r] = i;
            sb[r] = j;
          }
        }
        pairs++;
      }
    }
  }
  const t3 = cpu();
  const m = Math.min(sample, pairs);
  let sink = 0;
  for (let s = 0; s < m; s++) sink += similarityPrepared(prepared[sa[s]!]!, prepared[sb[s]!]!);
  const t4 = cpu();
  if (Number.isNaN(sink)) throw new Error('unreachable');
  const perSecond = m / Math.max(1e-9, t4 - t3);
  const compareCpu = pairs / perSecond;
  return {
    records: n,
    cpuSeconds: {
      prepare: +(t1 - t0).toFixed(1),
      block: +(t2 - t1).toFixed(1),
      enumerate: +(t3 - t2).toFixed(1),
      compareProjected: +compareCpu.toFixed(1)
    },
    pairsToCompare: pairs,
    blocks: index.size,
    blocksSkipped: skipped,
    recordsInSkippedBlocks: skippedMembers,
    comparisonsPerCpuSecond: Math.round(perSecond),
    sampled: m,
    rssMiB: { afterPrepare: Math.round(rssPrepared), afterIndex: Math.round(rssIndexed) },
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    projectedCpuSeconds: +(t3 - t0 + compareCpu).toFixed(1),
    projectedWallSecondsTwoCores: +((t1 - t0 + compareCpu) / 2 + (t2 - t1) + (t3 - t2) / 2).toFixed(1)
  };
}

if (require.main === module) {
  const sampleArg = process.argv.indexOf('--sample');
  const result = bulkScale(
    Number(process.argv[2] ?? 100_000),
    sampleArg > 0 ? Number(process.argv[sampleArg + 1]) : undefined
  );
  process.stdout.write(JSON.stringify(result) + '\n');
}
