/**
 * Starts the scoring function: validated environment, logger, listen, graceful shutdown.
 * `npm start` with no environment runs in local mode (no key) and says so loudly.
 */
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
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
  const app = await buildApp(config);
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
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.requestTimeoutMs + 1000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      }
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    app.log.error({ err }, 'could not start');
    process.exit(1);
  }
}

void main();
