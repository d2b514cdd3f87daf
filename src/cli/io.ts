/** What a CLI command reads and writes, so tests can run it in process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether standard input is a terminal, so the CLI may ask for a secret. */
  readonly isInteractive: boolean;
}

/** Exit codes: success, findings or a failed request, usage or I/O error, partial failure. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

/** The IO of the running process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isInteractive: process.stdin.isTTY === true,
  };
}
