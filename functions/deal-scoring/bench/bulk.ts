/**
 * Bulk conflict detection in a process of its own (so its peak memory is its own):
 * `tsx bench/bulk.ts N [SEED]` prints the BulkBench result as JSON (bench/data.ts registrations
 * of that seed; 7 is the seed the blocking was tuned on). Used by run.ts.
 */
import { bulkBench } from './lib';

process.stdout.write(
  JSON.stringify(bulkBench(Number(process.argv[2] ?? 100_000), 0.82, Number(process.argv[3] ?? 7))) + '\n'
);
