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
    const candidate = digest(presented);
    let ok = false;
    for (const d of this.digests) {
      // Non-short-circuit OR: always compare against every key.
      ok = timingSafeEqual(candidate, d) || ok;
    }
    return ok;
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

/** A Fastify onRequest hook that rejects requests without a valid key (no-op in local mode). */
export function authHook(verifier: ApiKeyVerifier) {
  return async function requireApiKey(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (verifier.open) return;
    const token = ApiKeyVerifier.bearerToken(request.headers.authorization);
    if (!token) {
      void reply.header('www-authenticate', 'Bearer');
      throw new AuthError('Missing Authorization: Bearer <key> header');
    }
    if (!verifier.verify(token)) {
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw new AuthError('Invalid API key');
    }
  };
}
