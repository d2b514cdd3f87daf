import { createHash } from 'node:crypto';

import type { TokenCredentials } from '../auth/token-request';
import type { TokenResult } from '../auth/token-response';

/** A Salesforce session as the engine caches it. */
export interface Session {
  readonly accessToken: string;
  readonly instanceUrl: string;
  readonly issuedAt: string | undefined;
  readonly identityUrl: string | undefined;
  /** When the engine received the session, in epoch milliseconds. */
  readonly obtainedAt: number;
}

/** The cache slot of one set of credentials. */
export interface CacheKey {
  /** SHA-256 over flow, token URL, consumer key, username and password, in hex. */
  readonly hash: string;
  /** `CC_` or `UP_` and the first 12 hex digits of the hash; safe to show and to use in file names. */
  readonly name: string;
}

/**
 * Computes the cache slot of the credentials. The token URL is part of the key, so two orgs
 * with the same consumer key never share a session. The key contains no secret in clear.
 */
export function computeCacheKey(credentials: TokenCredentials): CacheKey {
  const material = JSON.stringify([
    credentials.flow,
    credentials.tokenUrl,
    credentials.consumerKey,
    credentials.username ?? '',
    credentials.password ?? '',
  ]);
  const hash = createHash('sha256').update(material).digest('hex');
  const tag = credentials.flow === 'Client-Credentials' ? 'CC' : 'UP';
  return { hash, name: `${tag}_${hash.slice(0, 12)}` };
}

/** Builds the cached form of a token response. */
export function sessionFromToken(token: TokenResult, obtainedAt: number): Session {
  return {
    accessToken: token.accessToken,
    instanceUrl: token.instanceUrl,
    issuedAt: token.issuedAt,
    identityUrl: token.identityUrl,
    obtainedAt,
  };
}
