/**
 * The real scoring function, in-process: the Fastify app the Named Credential reaches in
 * production, answered through inject() (no socket). The preview org calls it exactly where the
 * Apex classes call out: precheck, parse, score, status answer.
 */
import { buildApp } from '../../functions/deal-scoring/src/app';
import { defaultConfig } from '../../functions/deal-scoring/src/config';

type App = Awaited<ReturnType<typeof buildApp>>;

export class ScoringUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringUnavailable';
  }
}

export class ScoringFunction {
  private app: App | undefined;
  /** Set to false to see what the portal and console show when the function is unreachable. */
  reachable = true;

  async start(): Promise<void> {
    this.app = await buildApp(defaultConfig({ logLevel: 'silent' }));
    await this.app.ready();
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }

  /** POSTs a JSON body; any non-200 answer is ScoringUnavailable (the Apex client's view of it). */
  async post<T>(path: string, body: unknown): Promise<T> {
    if (!this.app) throw new Error('scoring function not started');
    if (!this.reachable) throw new ScoringUnavailable(`${path}: the scoring function is switched off`);
    const res = await this.app.inject({ method: 'POST', url: path, payload: body as object });
    if (res.statusCode !== 200) {
      throw new ScoringUnavailable(`${path} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    }
    return res.json() as T;
  }
}
