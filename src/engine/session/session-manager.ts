import type { TokenCredentials } from '../auth/token-request';
import type { TokenResult } from '../auth/token-response';
import { abortable } from '../timing';
import type { Timing } from '../timing';
import { computeCacheKey, sessionFromToken } from './session';
import type { CacheKey, Session } from './session';
import type { SessionStore } from './session-store';

/** The source of a caller's session: the cache, or a token request. */
export type SessionOrigin = 'cache' | 'new';

export interface AcquiredSession {
  readonly key: CacheKey;
  readonly session: Session;
  readonly origin: SessionOrigin;
}

export interface AcquireOptions {
  /** `SessionPooling.Active = X`: reuse and cache sessions. */
  readonly isPoolingActive: boolean;
  /** Request a new session even when one is cached. */
  readonly renew?: boolean;
  readonly signal?: AbortSignal;
}

/** Sends one token request; the manager calls it at most once per shared login. */
export type Login = (credentials: TokenCredentials) => Promise<TokenResult>;

/**
 * Hands out sessions. With pooling, callers in one process share one token request per key,
 * and processes sharing the store coordinate through its lock. The process that gets the lock
 * second finds the session of the first one in the store and sends no token request.
 */
export class SessionManager {
  private readonly inFlight = new Map<string, Promise<Session>>();
  /**
   * The last session seen per key. A process reuses it without reading the store again until
   * Salesforce rejects it. Renewal then reads the store, because another process may have put a
   * newer session there.
   */
  private readonly remembered = new Map<string, Session>();

  constructor(
    private readonly store: SessionStore,
    private readonly login: Login,
    private readonly timing: Timing,
  ) {}

  get storeLocation(): string {
    return this.store.location;
  }

  locationOf(key: CacheKey): string {
    return this.store.locationOf(key);
  }

  /** Returns a cached session when pooling allows it, else the result of a token request. */
  async acquire(credentials: TokenCredentials, options: AcquireOptions): Promise<AcquiredSession> {
    const key = computeCacheKey(credentials);
    if (!options.isPoolingActive) {
      return { key, session: await this.loginNow(credentials), origin: 'new' };
    }

    const running = this.inFlight.get(key.hash);
    if (running !== undefined && options.renew !== true) {
      return { key, session: await abortable(running, options.signal), origin: 'cache' };
    }
    if (options.renew !== true) {
      const cached = this.remembered.get(key.hash) ?? (await this.store.read(key));
      if (cached !== undefined) {
        this.remembered.set(key.hash, cached);
        return { key, session: cached, origin: 'cache' };
      }
    }

    let isOwnLogin = false;
    const shared = this.shareLogin(key, async () => {
      if (options.renew !== true) {
        const stored = await this.store.read(key);
        if (stored !== undefined) {
          return stored;
        }
      }
      isOwnLogin = true;
      return this.loginAndStore(key, credentials);
    });
    const session = await abortable(shared, options.signal);
    return { key, session, origin: isOwnLogin ? 'new' : 'cache' };
  }

  /** Drops the sessions kept in memory, as after the store was cleared. */
  forget(): void {
    this.remembered.clear();
  }

  /**
   * Replaces a session that Salesforce rejected. Concurrent callers with the same rejected
   * session share one token request, and a session that someone else already stored in its
   * place is used as it is.
   */
  async renew(
    credentials: TokenCredentials,
    rejected: Session,
    options: AcquireOptions,
  ): Promise<Session> {
    const key = computeCacheKey(credentials);
    if (!options.isPoolingActive) {
      return this.loginNow(credentials);
    }
    const running = this.inFlight.get(key.hash);
    if (running !== undefined) {
      return abortable(running, options.signal);
    }
    if (this.remembered.get(key.hash)?.accessToken === rejected.accessToken) {
      this.remembered.delete(key.hash);
    }
    const current = await this.store.read(key);
    if (current !== undefined && current.accessToken !== rejected.accessToken) {
      this.remembered.set(key.hash, current);
      return current;
    }
    const shared = this.shareLogin(key, async () => {
      const stored = await this.store.read(key);
      if (stored !== undefined && stored.accessToken !== rejected.accessToken) {
        return stored;
      }
      return this.loginAndStore(key, credentials);
    });
    return abortable(shared, options.signal);
  }

  /**
   * Runs `action` under the store lock, once for all callers that arrive while it runs. No
   * single caller's signal cancels it, because the other callers still wait for it.
   */
  private shareLogin(key: CacheKey, action: () => Promise<Session>): Promise<Session> {
    const running = this.inFlight.get(key.hash);
    if (running !== undefined) {
      return running;
    }
    const shared = this.store
      .withLock(key, action)
      .then((session) => {
        this.remembered.set(key.hash, session);
        return session;
      })
      .finally(() => {
        this.inFlight.delete(key.hash);
      });
    this.inFlight.set(key.hash, shared);
    return shared;
  }

  private async loginAndStore(key: CacheKey, credentials: TokenCredentials): Promise<Session> {
    const session = await this.loginNow(credentials);
    await this.store.write(key, session);
    return session;
  }

  private async loginNow(credentials: TokenCredentials): Promise<Session> {
    const token = await this.login(credentials);
    return sessionFromToken(token, this.timing.now());
  }
}
