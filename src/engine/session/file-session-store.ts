import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

import lockfile from 'proper-lockfile';
import { z } from 'zod';

import { EngineError } from '../engine-error';
import type { Logger } from '../logger';
import { realTiming } from '../timing';
import type { Timing } from '../timing';
import type { CacheKey, Session } from './session';
import type { CacheEntry, SessionStore } from './session-store';

const FILE_PREFIX = 'SKYVVA_SalesforceContainer_';
const FILE_SUFFIX = '.json';
const LOCK_SUFFIX = '.lock';
const TEMP_SUFFIX = '.tmp';
const FORMAT_VERSION = 1;

/**
 * A lock counts as abandoned when its holder has not renewed it for this long. A live holder
 * renews it every `LOCK_STALE_MS / 4`, so the lock outlasts any token request, however long,
 * while a process killed with the lock frees it after this time.
 */
export const LOCK_STALE_MS = 10_000;

/** Maximum wait for another process's lock, longer than a token request with its timeouts. */
export const LOCK_WAIT_MS = 60_000;

const LOCK_POLL_MS = 50;
/** Milliseconds a run waits for the lock before it logs why it waits. */
const LOCK_WAIT_NOTICE_MS = 2000;

const cacheFileSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  key: z.string().regex(/^[0-9a-f]{64}$/),
  session: z.object({
    accessToken: z.string().min(1),
    instanceUrl: z.string().min(1),
    issuedAt: z.string().optional(),
    identityUrl: z.string().optional(),
    obtainedAt: z.number(),
  }),
});

export interface FileSessionStoreOptions {
  readonly directory: string;
  readonly logger: Logger;
  /** At least 2000 ms, the minimum of proper-lockfile. */
  readonly lockStaleMs?: number;
  readonly lockWaitMs?: number;
  readonly timing?: Timing;
}

/**
 * Caches each session in its own JSON file, readable by the owner only (0600, directory 0700).
 * Writes go to a temporary file that is renamed over the old one, so readers never see half a
 * file. A lock directory beside the file serializes token requests across processes.
 */
export class FileSessionStore implements SessionStore {
  readonly location: string;
  private readonly logger: Logger;
  private readonly lockStaleMs: number;
  private readonly lockWaitMs: number;
  private readonly timing: Timing;
  /** Files already reported as unreadable, so each gets one warning. */
  private readonly reportedFiles = new Set<string>();

  constructor(options: FileSessionStoreOptions) {
    this.location = options.directory;
    this.logger = options.logger;
    this.lockStaleMs = Math.max(2000, options.lockStaleMs ?? LOCK_STALE_MS);
    this.lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
    this.timing = options.timing ?? realTiming;
  }

  locationOf(key: CacheKey): string {
    return join(this.location, `${FILE_PREFIX}${key.name}${FILE_SUFFIX}`);
  }

  async read(key: CacheKey): Promise<Session | undefined> {
    const path = this.locationOf(key);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return undefined;
      }
      this.reportUnreadable(path, errorCode(error) ?? 'read error');
      return undefined;
    }
    const parsed = cacheFileSchema.safeParse(parseJson(text));
    if (!parsed.success) {
      this.reportUnreadable(path, 'not a session cache file of this version');
      return undefined;
    }
    if (parsed.data.key !== key.hash) {
      // Another key with the same 12-digit prefix: treat the slot as empty and overwrite it.
      return undefined;
    }
    const session = parsed.data.session;
    return { ...session, issuedAt: session.issuedAt, identityUrl: session.identityUrl };
  }

  async write(key: CacheKey, session: Session): Promise<void> {
    await this.ensureDirectory();
    const path = this.locationOf(key);
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
    const content = JSON.stringify({ version: FORMAT_VERSION, key: key.hash, session }, null, 2);
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new EngineError(
        'SESSION_STORE_FAILED',
        `Writing the session cache file ${path} failed: ${errorCode(error) ?? String(error)}`,
        { cause: error },
      );
    }
    this.reportedFiles.delete(path);
    this.logger.debug(`Session cache file written: ${path}`);
  }

  async remove(key: CacheKey): Promise<void> {
    await rm(this.locationOf(key), { force: true });
  }

  async list(): Promise<CacheEntry[]> {
    const names = await this.cacheFileNames();
    const entries: CacheEntry[] = [];
    for (const name of names) {
      const path = join(this.location, name);
      const parsed = cacheFileSchema.safeParse(
        parseJson(await readFile(path, 'utf8').catch(() => '')),
      );
      entries.push({
        name: name.slice(FILE_PREFIX.length, -FILE_SUFFIX.length),
        location: path,
        instanceUrl: parsed.success ? parsed.data.session.instanceUrl : undefined,
        obtainedAt: parsed.success ? parsed.data.session.obtainedAt : undefined,
      });
    }
    return entries;
  }

  async clear(): Promise<number> {
    const names = await this.cacheFileNames();
    for (const name of names) {
      await rm(join(this.location, name), { force: true });
    }
    return names.length;
  }

  async withLock<T>(key: CacheKey, action: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.ensureDirectory();
    const path = this.locationOf(key);
    const release = await this.acquireLock(path, signal);
    try {
      await this.removeLeftoverTemporaryFiles(path);
      return await action();
    } finally {
      await release().catch((error: unknown) => {
        this.logger.warn(
          `Releasing the session cache lock ${path}${LOCK_SUFFIX} failed: ${errorCode(error) ?? String(error)}`,
        );
      });
    }
  }

  private async acquireLock(path: string, signal?: AbortSignal): Promise<() => Promise<void>> {
    const started = this.timing.now();
    const deadline = started + this.lockWaitMs;
    let hasLoggedWait = false;
    let hasWarnedWait = false;
    for (;;) {
      try {
        return await lockfile.lock(path, {
          realpath: false,
          lockfilePath: `${path}${LOCK_SUFFIX}`,
          stale: this.lockStaleMs,
          update: Math.floor(this.lockStaleMs / 4),
          retries: 0,
          onCompromised: (error) => {
            this.logger.warn(
              `The session cache lock ${path}${LOCK_SUFFIX} was taken over: ${error.message}`,
            );
          },
        });
      } catch (error) {
        if (errorCode(error) !== 'ELOCKED') {
          throw new EngineError(
            'SESSION_STORE_FAILED',
            `Locking the session cache file ${path} failed: ${errorCode(error) ?? String(error)}`,
            { cause: error },
          );
        }
      }
      if (this.timing.now() >= deadline) {
        throw new EngineError(
          'SESSION_STORE_FAILED',
          `Timed out after ${this.lockWaitMs} ms waiting for the session cache lock ${path}${LOCK_SUFFIX}, ` +
            'held by another process.',
        );
      }
      if (!hasLoggedWait) {
        this.logger.debug(`Waiting for the session cache lock ${path}${LOCK_SUFFIX}`);
        hasLoggedWait = true;
      }
      if (!hasWarnedWait && this.timing.now() - started >= LOCK_WAIT_NOTICE_MS) {
        this.logger.warn(
          `Still waiting for the session cache lock ${path}${LOCK_SUFFIX}: another run holds it, ` +
            `or a stopped run left it, which is taken over ${this.lockStaleMs / 1000} s after ` +
            'its last update.',
        );
        hasWarnedWait = true;
      }
      await this.timing.sleep(LOCK_POLL_MS, signal);
    }
  }

  /** Deletes temporary files of this key; only a writer that died under the lock leaves them. */
  private async removeLeftoverTemporaryFiles(path: string): Promise<void> {
    const prefix = `${path.slice(this.location.length + 1)}.`;
    const names = await readdir(this.location).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) {
        await rm(join(this.location, name), { force: true });
      }
    }
  }

  private async cacheFileNames(): Promise<string[]> {
    const names = await readdir(this.location).catch(() => [] as string[]);
    return names.filter((name) => name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX));
  }

  /** Creates the directory owner-only. An existing directory keeps its permissions. */
  private async ensureDirectory(): Promise<void> {
    const exists = await stat(this.location).then(
      () => true,
      () => false,
    );
    if (exists) {
      return;
    }
    try {
      await mkdir(this.location, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new EngineError(
        'SESSION_STORE_FAILED',
        `Creating the session cache directory ${this.location} failed: ` +
          `${errorCode(error) ?? String(error)}. Choose another directory with --cache-dir.`,
        { cause: error },
      );
    }
  }

  private reportUnreadable(path: string, reason: string): void {
    if (this.reportedFiles.has(path)) {
      return;
    }
    this.reportedFiles.add(path);
    this.logger.warn(
      `The session cache file ${path} is unreadable (${reason}) and will be replaced.`,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
