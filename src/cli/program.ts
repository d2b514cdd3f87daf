import { Command, CommanderError } from 'commander';

import { registerCache } from './cache-command';
import { registerCheck } from './check/check-command';
import { EXIT } from './io';
import type { CliIo } from './io';
import { registerSend } from './send-command';
import { registerToken } from './token-command';
import { TOOL_VERSION } from './version';

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('skyvva-channel')
    .description('Check SKYVVA channel files, fetch Salesforce tokens and send test messages.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerCheck(program, io, setExitCode);
  registerToken(program, io, setExitCode);
  registerSend(program, io, setExitCode);
  registerCache(program, io, setExitCode);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end through an error with exit code 0; usage errors get code 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
