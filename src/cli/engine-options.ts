import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';

import { defaultCacheDirectory } from '../engine/session/cache-directory';
import type { CliIo } from './io';

/** The options of `token` and `send`, as commander parses them. */
export interface EngineCommandOptions {
  readonly cacheDir?: string;
  readonly retryBudget?: number;
  readonly renew: boolean;
  /** Undefined when `--allow-host` is not given. */
  readonly allowHost?: string[];
  readonly verbose: boolean;
  readonly emulator: boolean;
}

/** The options of `cache list` and `cache clear`. */
export interface CacheCommandOptions {
  readonly cacheDir?: string;
  readonly emulator: boolean;
}

/** The sub-folder of the default cache directory that contains the sessions of `--emulator` runs. */
const EMULATOR_CACHE_FOLDER = 'emulator';

function parseRetryBudget(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('The retry budget must be a whole number of 0 or more.');
  }
  return Number(value);
}

function collectHost(value: string, previous: string[] | undefined): string[] {
  const host = value.trim();
  if (host === '' || /[/:@\s]/.test(host)) {
    throw new InvalidArgumentError(
      'Give a bare host name such as auth.example.com, without scheme, port or path.',
    );
  }
  return [...(previous ?? []), host];
}

/**
 * Adds `--cache-dir` and `--emulator`, which every command that touches the cache takes. The
 * description of `--emulator` differs between the commands that run the engine and `cache`.
 */
export function addCacheOptions(command: Command, emulatorDescription: string): Command {
  return command
    .option(
      '--cache-dir <folder>',
      'session cache directory (default: the user cache folder, skyvva-channel)',
    )
    .option('--emulator', emulatorDescription, false);
}

/** Adds the options of the commands that run the engine: `token` and `send`. */
export function addEngineOptions(command: Command): Command {
  const emulatorDescription =
    'run against the Salesforce emulator started in this process, with its demo org';
  return addCacheOptions(command, emulatorDescription)
    .addOption(
      new Option(
        '--retry-budget <count>',
        'further attempts per request after transient failures; skips reading the budget ' +
          'from the SKYVVA Interface',
      ).argParser(parseRetryBudget),
    )
    .option('--renew', 'request a new session even when one is cached', false)
    .addOption(
      new Option(
        '--allow-host <host>',
        "send credentials to this token host outside Salesforce's domains (repeatable)",
      ).argParser(collectHost),
    )
    .option(
      '--verbose',
      'print the effective parameters (secrets masked) and debug logs to stderr',
      false,
    );
}

/**
 * Returns the session cache directory: `--cache-dir` relative to the working folder, or the
 * platform's user cache folder. Emulator runs default to a sub-folder of their own, so a demo
 * token is never sent to a real org and a real session never to the emulator.
 */
export function resolveCacheDirectory(options: CacheCommandOptions, io: CliIo): string {
  if (options.cacheDir !== undefined) {
    return resolve(io.cwd, options.cacheDir);
  }
  const base = defaultCacheDirectory({
    env: io.env,
    platform: process.platform,
    homeDirectory: homedir(),
  });
  return options.emulator ? join(base, EMULATOR_CACHE_FOLDER) : base;
}
