/**
 * Bearer-token authentication. Keys are compared in constant time: both sides are hashed with
 * SHA-256 first (equal-length digests, so timingSafeEqual never throws and the key length does
 * not leak), and every configured key is compared, so the position of a match does not leak
 * either. Several keys may be active at once for rotation.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export class ApiKeyVerifier {
  private readonly digests: Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  /** True when no key is configured (local mode). */
  get open(): boolean {
    return this.digests.length === 0;
  }

  /** Constant-time check of a presented key against every configured key. */
  verify(presented: string): boolean {
    return this.identify(presented) !== null;
  }

  /**
   * The id of the presented key when it is one of ours, else null: the first 12 hex characters of
   * its SHA-256 (a fingerprint, safe to log and to key rate limits by; it reveals nothing usable).
   * Every configured key is compared, so timing does not tell which one matched.
   */
  identify(presented: string): string | null {
    const candidate = digest(presented);
    let match: Buffer | null = null;
    for (const d of this.digests) {
      if (timingSafeEqual(candidate, d)) match = d;
    }
    return match ? match.toString('hex').slice(0, 12) : null;
  }

  /** Extracts the token from an `Authorization: Bearer <token>` header value. */
  static bearerToken(header: string | undefined): string | undefined {
    if (!header) return undefined;
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    return m?.[1];
  }
}

export class AuthError extends Error {
  readonly statusCode = 401;
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

/** What the identify hook found out about a request (set before rate limiting). */
export type AuthProblem = 'missing' | 'invalid';

/** Throws the 401 for a request the identify step could not authenticate. */
export function rejectUnauthenticated(problem: AuthProblem, reply: FastifyReply): never {
  if (problem === 'missing') {
    void reply.header('www-authenticate', 'Bearer');
    throw new AuthError('Missing Authorization: Bearer <key> header');
  }
  void reply.header('www-authenticate', 'Bearer error="invalid_token"');
  throw new AuthError('Invalid API key');
}

/**
 * Identifies the caller without rejecting anything: the key id when the bearer key verifies,
 * otherwise the problem. Runs before the rate limiter, which buckets by key id (every spelling of
 * "Bearer" is the same key) and limits requests without a valid key per client address.
 */
export function identify(
  verifier: ApiKeyVerifier,
  header: string | undefined
): { keyId: string | null; problem: AuthProblem | null } {
  if (verifier.open) return { keyId: 'local', problem: null };
  const token = ApiKeyVerifier.bearerToken(header);
  if (!token) return { keyId: null, problem: 'missing' };
  const keyId = verifier.identify(token);
  return keyId ? { keyId, problem: null } : { keyId: null, problem: 'invalid' };
}

/** A Fastify onRequest hook that rejects requests without a valid key (no-op in local mode). */
export function authHook(verifier: ApiKeyVerifier) {
  return async function requireApiKey(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { problem } = identify(verifier, request.headers.authorization);
    if (problem) rejectUnauthenticated(problem, reply);
  };
}
