import type * as vscode from 'vscode';
import type { Logger } from '../engine/logger';
import type { CacheKey, Session } from '../engine/session/session';
import type { CacheEntry, SessionStore } from '../engine/session/session-store';

const STORE_LOCATION = 'VS Code secret storage';
const SESSION_KEY_PREFIX = 'skyvva.session.';

/** The globalState entry that lists the cache key names in use; secret storage cannot list keys. */
const INDEX_STATE_KEY = 'skyvva.sessionKeyNames';

interface StoredSession {
  /** The full cache key hash, checked on read because the storage key holds only its start. */
  readonly hash: string;
  readonly session: Session;
}

/**
 * Caches sessions in VS Code's secret storage. Each entry is stored under the key's name
 * (`CC_` or `UP_` and 12 hex digits of the hash), which never contains a secret.
 * NOTE: the lock is per extension host. Two VS Code windows that fetch a token for the same
 * channel at the same moment may each send a token request, and the later write wins.
 */
export class SecretStorageSessionStore implements SessionStore {
  readonly location = STORE_LOCATION;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly reportedDamage = new Set<string>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly logger: Logger,
  ) {}

  locationOf(key: CacheKey): string {
    return `${STORE_LOCATION} (${key.name})`;
  }

  async read(key: CacheKey): Promise<Session | undefined> {
    const text = await this.secrets.get(SESSION_KEY_PREFIX + key.name);
    if (text === undefined) {
      return undefined;
    }
    const stored = this.parse(key.name, text);
    return stored?.hash === key.hash ? stored.session : undefined;
  }

  async write(key: CacheKey, session: Session): Promise<void> {
    const stored: StoredSession = { hash: key.hash, session };
    await this.secrets.store(SESSION_KEY_PREFIX + key.name, JSON.stringify(stored));
    this.reportedDamage.delete(key.name);
    await this.updateIndex((names) => names.add(key.name));
  }

  async remove(key: CacheKey): Promise<void> {
    await this.removeByName(key.name);
  }

  async list(): Promise<CacheEntry[]> {
    const entries: CacheEntry[] = [];
    for (const name of this.keyNames()) {
      const session = await this.readByName(name);
      entries.push({
        name,
        location: STORE_LOCATION,
        instanceUrl: session?.instanceUrl,
        obtainedAt: session?.obtainedAt,
      });
    }
    return entries;
  }

  async clear(): Promise<number> {
    const names = this.keyNames();
    for (const name of names) {
      await this.removeByName(name);
    }
    return names.length;
  }

  /** Returns the cached sessions with their key names, for revoking them before a clear. */
  async sessions(): Promise<{ name: string; session: Session }[]> {
    const result: { name: string; session: Session }[] = [];
    for (const name of this.keyNames()) {
      const session = await this.readByName(name);
      if (session !== undefined) {
        result.push({ name, session });
      }
    }
    return result;
  }

  async withLock<T>(key: CacheKey, action: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key.name) ?? Promise.resolve();
    const current = previous.then(action, action);
    const settled = current.catch(() => undefined);
    this.locks.set(key.name, settled);
    try {
      return await current;
    } finally {
      if (this.locks.get(key.name) === settled) {
        this.locks.delete(key.name);
      }
    }
  }

  private async readByName(name: string): Promise<Session | undefined> {
    const text = await this.secrets.get(SESSION_KEY_PREFIX + name);
    return text === undefined ? undefined : this.parse(name, text)?.session;
  }

  private async removeByName(name: string): Promise<void> {
    await this.secrets.delete(SESSION_KEY_PREFIX + name);
    this.reportedDamage.delete(name);
    await this.updateIndex((names) => names.delete(name));
  }

  private keyNames(): string[] {
    return [...this.state.get<string[]>(INDEX_STATE_KEY, [])];
  }

  private async updateIndex(change: (names: Set<string>) => unknown): Promise<void> {
    const names = new Set(this.keyNames());
    change(names);
    await this.state.update(INDEX_STATE_KEY, [...names].sort());
  }

  /** Parses a stored entry; a damaged one is reported once and treated as absent. */
  private parse(name: string, text: string): StoredSession | undefined {
    try {
      const value = JSON.parse(text) as Partial<StoredSession>;
      if (typeof value.hash === 'string' && isSession(value.session)) {
        return { hash: value.hash, session: value.session };
      }
    } catch {
      // Reported below like any other damaged entry.
    }
    if (!this.reportedDamage.has(name)) {
      this.reportedDamage.add(name);
      this.logger.warn(`The cached session ${name} in ${STORE_LOCATION} is damaged; ignoring it.`);
    }
    return undefined;
  }
}

function isSession(value: unknown): value is Session {
  const session = value as Partial<Session> | undefined;
  return (
    typeof session === 'object' &&
    session !== null &&
    typeof session.accessToken === 'string' &&
    typeof session.instanceUrl === 'string' &&
    typeof session.obtainedAt === 'number'
  );
}
