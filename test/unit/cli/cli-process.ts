import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The bundled CLI that `node esbuild.mjs` builds. */
export const CLI_BUNDLE = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

/** The output and exit code of a finished CLI process. */
export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A started CLI process and the promise of its result. */
export interface RunningProcess {
  readonly child: ChildProcess;
  readonly result: Promise<ProcessResult>;
}

/**
 * Starts `node dist/cli.js` with only the given environment (and PATH), so no proxy or CA
 * setting of the machine running the tests reaches it.
 */
export function startCliProcess(
  argv: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string,
): RunningProcess {
  if (!existsSync(CLI_BUNDLE)) {
    throw new Error(`${CLI_BUNDLE} is missing; build it with 'node esbuild.mjs' first.`);
  }
  const child = spawn(process.execPath, [CLI_BUNDLE, ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const result = new Promise<ProcessResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, result };
}

/** Runs `node dist/cli.js` to its end. */
export function runCliProcess(
  argv: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string,
): Promise<ProcessResult> {
  return startCliProcess(argv, env, cwd).result;
}
