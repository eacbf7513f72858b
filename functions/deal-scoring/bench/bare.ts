/**
 * The bare Fastify route every /v1/score figure is compared with: it parses the same JSON body and
 * returns a constant (bench/server.ts serves it over HTTP, bench/breakdown.ts in-process).
 */
import Fastify from 'fastify';

export function bareApp() {
  const bare = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  bare.post('/bare', async () => ({ ok: true }));
  return bare;
}
