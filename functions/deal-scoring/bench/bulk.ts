/**
 * Bulk conflict detection in a process of its own (so its peak memory is its own):
 * `tsx bench/bulk.ts N` prints the BulkBench result as JSON. Used by run.ts.
 */
import { bulkBench } from './lib';

process.stdout.write(JSON.stringify(bulkBench(Number(process.argv[2] ?? 100_000))) + '\n');
