import type { Command } from 'commander';

import { nullLogger } from '../engine/logger';
import { FileSessionStore } from '../engine/session/file-session-store';
import type { CacheEntry } from '../engine/session/session-store';
import { addCacheOptions, resolveCacheDirectory } from './engine-options';
import type { CacheCommandOptions } from './engine-options';
import { EXIT } from './io';
import type { CliIo } from './io';

const FLOWS: Readonly<Record<string, string>> = {
  CC: 'Client-Credentials',
  UP: 'Username-Password',
};

/** Formats an age in milliseconds as seconds, minutes, hours or days. */
export function formatAge(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min`;
  }
  if (seconds < 86_400) {
    return `${Math.floor(seconds / 3600)} h`;
  }
  return `${Math.floor(seconds / 86_400)} d`;
}

function describeEntry(entry: CacheEntry, now: number): string[] {
  const flow = FLOWS[entry.name.slice(0, 2)] ?? 'unknown';
  if (entry.instanceUrl === undefined || entry.obtainedAt === undefined) {
    return [entry.name, flow, '(unreadable; replaced on the next run)', ''];
  }
  return [entry.name, flow, entry.instanceUrl, formatAge(now - entry.obtainedAt)];
}

/** Formats rows as columns separated by two spaces, the last column unpadded. */
function formatTable(rows: readonly string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** Lists the cached sessions: key name, flow, instance URL and age, never a token. */
export async function runCacheList(options: CacheCommandOptions, io: CliIo): Promise<number> {
  const directory = resolveCacheDirectory(options, io);
  const entries = await new FileSessionStore({ directory, logger: nullLogger }).list();
  if (entries.length === 0) {
    io.stdout(`No cached sessions in ${directory}.\n`);
    return EXIT.ok;
  }
  const now = Date.now();
  const rows = [
    ['KEY', 'FLOW', 'INSTANCE URL', 'AGE'],
    ...entries.map((e) => describeEntry(e, now)),
  ];
  io.stdout(`Cached sessions in ${directory}:\n${formatTable(rows)}`);
  return EXIT.ok;
}

/** Removes every cached session of the cache directory. */
export async function runCacheClear(options: CacheCommandOptions, io: CliIo): Promise<number> {
  const directory = resolveCacheDirectory(options, io);
  let removed: number;
  try {
    removed = await new FileSessionStore({ directory, logger: nullLogger }).clear();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    io.stderr(
      `skyvva-channel: removing the cached sessions from ${directory} failed (${code}); ` +
        'check the permissions of the directory.\n',
    );
    return EXIT.usage;
  }
  io.stdout(`Removed ${removed} cached session(s) from ${directory}.\n`);
  return EXIT.ok;
}

const EMULATOR_CACHE_DESCRIPTION =
  'use the cache of --emulator runs, the emulator sub-folder of the default cache directory';

export function registerCache(program: Command, io: CliIo, setExitCode: (code: number) => void) {
  const cache = program.command('cache').description('List or clear the cached sessions.');
  addCacheOptions(
    cache
      .command('list')
      .description('List the cached sessions: key, flow, instance URL and age (never a token).'),
    EMULATOR_CACHE_DESCRIPTION,
  ).action(async (options: CacheCommandOptions) => {
    setExitCode(await runCacheList(options, io));
  });
  addCacheOptions(
    cache.command('clear').description('Remove every cached session of the cache directory.'),
    EMULATOR_CACHE_DESCRIPTION,
  ).action(async (options: CacheCommandOptions) => {
    setExitCode(await runCacheClear(options, io));
  });
}
