import { Command, CommanderError, Option } from 'commander';
import { runCheck, type CheckFormat } from './check/check-command';
import { EXIT, type CliIo } from './io';
import { TOOL_VERSION } from './version';

/** Registers a subcommand; each sets `exitCode` through the returned promise. */
export type CommandRegistrar = (
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
) => void;

function registerCheck(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('check')
    .description('Check channel files (*.skyvva.json) and report findings.')
    .argument('<paths...>', 'files, folders (searched for *.skyvva.json) or globs')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif'])
        .default('text'),
    )
    .option('--verbose', 'also print the effective parameters of each file, secrets masked', false)
    .action(async (paths: string[], options: { format: CheckFormat; verbose: boolean }) => {
      setExitCode(await runCheck(paths, options, io));
    });
}

/** The subcommands besides `check`; the engine commands add themselves here. */
export const extraCommands: CommandRegistrar[] = [];

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
  for (const register of extraCommands) {
    register(program, io, setExitCode);
  }
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
