import type { CacheKey, Session } from './session';

/** One cached session as `cache list` shows it; never the access token. */
export interface CacheEntry {
  readonly name: string;
  readonly location: string;
  readonly instanceUrl: string | undefined;
  readonly obtainedAt: number | undefined;
}

/**
 * Where sessions are cached: a directory of files in the CLI, VS Code's secret storage in the
 * extension. Reads never raise for a damaged entry: they report it once and return undefined.
 */
export interface SessionStore {
  /** The store as a whole, for the audit log: a directory path or "VS Code secret storage". */
  readonly location: string;
  /** Returns where the session of one key is stored, for the audit log. */
  locationOf(key: CacheKey): string;
  read(key: CacheKey): Promise<Session | undefined>;
  write(key: CacheKey, session: Session): Promise<void>;
  remove(key: CacheKey): Promise<void>;
  list(): Promise<CacheEntry[]>;
  /** Removes every cached session; returns how many were removed. */
  clear(): Promise<number>;
  /** Runs `action` while holding the key's lock, which other processes sharing the store respect. */
  withLock<T>(key: CacheKey, action: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** A store that keeps sessions in memory, with an in-process lock per key. */
export class MemorySessionStore implements SessionStore {
  readonly location: string;
  private readonly sessions = new Map<string, Session>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(location = 'memory') {
    this.location = location;
  }

  locationOf(key: CacheKey): string {
    return `${this.location} (${key.name})`;
  }

  async read(key: CacheKey): Promise<Session | undefined> {
    return this.sessions.get(key.hash);
  }

  async write(key: CacheKey, session: Session): Promise<void> {
    this.sessions.set(key.hash, session);
  }

  async remove(key: CacheKey): Promise<void> {
    this.sessions.delete(key.hash);
  }

  async list(): Promise<CacheEntry[]> {
    return [...this.sessions.entries()].map(([hash, session]) => ({
      name: hash.slice(0, 12),
      location: this.location,
      instanceUrl: session.instanceUrl,
      obtainedAt: session.obtainedAt,
    }));
  }

  async clear(): Promise<number> {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  async withLock<T>(key: CacheKey, action: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key.hash) ?? Promise.resolve();
    const current = previous.then(action, action);
    const settled = current.catch(() => undefined);
    this.locks.set(key.hash, settled);
    try {
      return await current;
    } finally {
      if (this.locks.get(key.hash) === settled) {
        this.locks.delete(key.hash);
      }
    }
  }
}
