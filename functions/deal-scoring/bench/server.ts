/**
 * A server process for the HTTP benchmark (run in a child process so the load generator does not
 * share its event loop). BENCH_MODE=app: the scoring function; BENCH_MODE=bare: a bare Fastify
 * route that parses the same JSON body and returns a constant.
 */
import os from 'node:os';
import { buildApp } from '../src/app';
import { defaultConfig, loadConfig } from '../src/config';
import { bareApp } from './bare';

export const BENCH_KEY = 'bench-key-0123456789abcdef';

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE ?? 'app';
  let app;
  if (mode === 'bare') {
    app = bareApp();
  } else {
    // BENCH_WORKERS: worker threads (default one per CPU, as in production; 0 = everything inline).
    // BENCH_INLINE_MAX_COST / BENCH_RAW_MIN_BYTES: the offload rule (default: the production defaults).
    const base = loadConfig({});
    const numberOr = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
    app = await buildApp(
      defaultConfig({
        workerInlineMaxCost: numberOr(process.env.BENCH_INLINE_MAX_COST, base.workerInlineMaxCost),
        workerRawMinBytes: numberOr(process.env.BENCH_RAW_MIN_BYTES, base.workerRawMinBytes),
        apiKeys: [BENCH_KEY],
        logLevel: 'silent',
        rateLimitMax: 100_000_000,
        workerThreads: Number(process.env.BENCH_WORKERS ?? os.availableParallelism()),
        workerQueueMax: 1000
      })
    );
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(JSON.stringify({ port }) + '\n');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
