import { createTerminalPrompt } from '../engine/hidden-prompt';
import type { HiddenPrompt } from '../engine/secrets';

/** What a CLI command reads and writes, so tests can run it in process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether standard input is a terminal, so the CLI may ask for a secret. */
  readonly isInteractive: boolean;
  /** Reads a secret on the terminal without echo. The CLI calls it only when `isInteractive` is true. */
  readonly prompt?: HiddenPrompt;
  /** Aborts a running token request or test message, as Ctrl-C does. */
  readonly signal?: AbortSignal;
}

/**
 * Exit codes: success, findings or a failed request, usage or I/O error, partial failure, and
 * 130 after Ctrl-C, the code that shells report for a process ended by SIGINT.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3, interrupted: 130 } as const;

/** Creates the IO of the running process. `signal` aborts on the first SIGINT. */
export function processIo(signal?: AbortSignal): CliIo {
  const prompt = createTerminalPrompt(process.stdin, process.stderr);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isInteractive: prompt !== undefined,
    prompt,
    signal,
  };
}
