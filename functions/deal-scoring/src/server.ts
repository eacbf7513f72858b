/**
 * Starts the scoring function: validated environment, logger, listen, graceful shutdown.
 * `npm start` with no environment runs in local mode (no key) and says so loudly.
 *
 * Shutdown (SIGTERM/SIGINT) drains before it closes: /ready turns 503 so the load balancer stops
 * sending, responses carry `Connection: close`, and the listener stays open so requests already
 * written (even those still in the kernel's accept queue while the CPU is saturated) are read and
 * answered. Once no request has been in flight for DRAIN_QUIET_MS, or after SHUTDOWN_GRACE_MS, the
 * server closes and the worker threads stop.
 */
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { availableRulesets } from './engine/rulesets';

/** How long the process must be idle before it closes during a drain. */
const DRAIN_QUIET_MS = 500;

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`deal-scoring: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config, { processMetrics: true });
  if (config.apiKeys.length === 0) {
    const line = '!'.repeat(78);
    app.log.warn(
      `\n${line}\n  LOCAL MODE: DEAL_SCORING_API_KEYS is not set, so every request is accepted without a key.\n` +
        `  Set DEAL_SCORING_API_KEYS (and DEAL_SCORING_PRODUCTION=true) before exposing this service.\n${line}`
    );
  } else {
    app.log.info({ keys: config.apiKeys.length }, 'API key authentication enabled');
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    const lifecycle = app.lifecycle;
    lifecycle.draining = true;
    app.log.info({ signal, inFlight: lifecycle.inFlight.size }, 'shutting down: draining in-flight requests');
    const deadline = performance.now() + config.shutdownGraceMs;
    const force = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 5000);
    force.unref();
    let idleSince = lifecycle.inFlight.size === 0 ? performance.now() : Infinity;
    const poll = setInterval(() => {
      const now = performance.now();
      if (lifecycle.inFlight.size > 0) idleSince = Infinity;
      else if (idleSince === Infinity) idleSince = now;
      if (now - idleSince < DRAIN_QUIET_MS && now < deadline) return;
      clearInterval(poll);
      app.log.info({ inFlight: lifecycle.inFlight.size }, 'drained; closing');
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'error during shutdown');
          process.exit(1);
        }
      );
    }, 50);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    app.log.error({ err }, 'could not start');
    process.exit(1);
  }
  const memory = process.memoryUsage();
  app.log.info(
    {
      startupMs: Math.round(performance.now() - startedAt),
      processUptimeMs: Math.round(process.uptime() * 1000),
      rssMiB: Math.round(memory.rss / 2 ** 20),
      heapUsedMiB: Math.round(memory.heapUsed / 2 ** 20),
      workerThreads: config.workerThreads,
      rulesets: availableRulesets().map((r) => r.rulesetVersion),
      rulesetsDir: config.rulesetsDir
    },
    'ready'
  );
}

void main();
