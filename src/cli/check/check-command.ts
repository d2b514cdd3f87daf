import { Option } from 'commander';
import type { Command } from 'commander';

import { escapeControlCharacters } from '../../engine/control-characters';
import type { CliIo } from '../io';
import { EXIT } from '../io';
import { TOOL_VERSION } from '../version';
import { checkFiles, type FileResult } from './check-files';
import { collectFiles, displayPath } from './collect-files';
import { toJsonFindings } from './format-json';
import { buildSarifLog, type SarifFile } from './format-sarif';
import { formatEffectiveText, formatFindingsText } from './format-text';
import { CheckSummary } from './summary';

export type CheckFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  readonly format: CheckFormat;
  readonly verbose: boolean;
}

/** Collects per-file output in the chosen format; text streams, JSON and SARIF print at the end. */
class CheckReporter {
  readonly summary = new CheckSummary();
  private readonly jsonFiles: SarifFile[] = [];
  private readonly unreadable: { uri: string; reason: string }[] = [];

  constructor(
    private readonly io: CliIo,
    private readonly options: CheckOptions,
  ) {}

  report(result: FileResult): void {
    const path = displayPath(result.file, this.io.cwd);
    if ('readError' in result) {
      this.summary.filesUnreadable++;
      this.unreadable.push({ uri: path.split('\\').join('/'), reason: result.readError });
      this.io.stderr(`skyvva-channel: ${escapeControlCharacters(path)}: ${result.readError}\n`);
      return;
    }
    const { analysis, text } = result;
    this.summary.add(analysis.findings);
    if (this.options.format !== 'text') {
      const uri = path.split('\\').join('/');
      this.jsonFiles.push({ uri, findings: toJsonFindings(text, analysis.findings) });
      return;
    }
    this.io.stdout(formatFindingsText(path, text, analysis.findings));
    if (this.options.verbose && analysis.parsed) {
      this.io.stdout(formatEffectiveText(path, analysis.effective));
    }
  }

  finish(): void {
    if (this.options.format === 'text') {
      this.io.stdout(`${this.summary.describe()}\n`);
    } else if (this.options.format === 'json') {
      const files = this.jsonFiles.map((file) => ({ path: file.uri, findings: file.findings }));
      const { counts, filesChecked, filesUnreadable } = this.summary;
      const output = {
        version: TOOL_VERSION,
        files,
        summary: { ...counts, filesChecked, filesUnreadable },
      };
      this.io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      this.io.stdout(
        `${JSON.stringify(buildSarifLog(TOOL_VERSION, this.jsonFiles, this.unreadable), null, 2)}\n`,
      );
    }
  }
}

/**
 * Checks channel files and returns the exit code: 0 clean, 1 error findings, 2 an argument
 * that matched no file or a file that could not be read (2 wins over 1).
 */
export async function runCheck(
  paths: readonly string[],
  options: CheckOptions,
  io: CliIo,
): Promise<number> {
  const { files, unmatched } = await collectFiles(paths, io.cwd);
  for (const argument of unmatched) {
    io.stderr(
      `skyvva-channel: no channel files match '${argument}' (folders are searched for *.skyvva.json).\n`,
    );
  }
  const reporter = new CheckReporter(io, options);
  await checkFiles(files, (result) => reporter.report(result));
  reporter.finish();
  if (unmatched.length > 0 || reporter.summary.filesUnreadable > 0) {
    return EXIT.usage;
  }
  return reporter.summary.counts.error > 0 ? EXIT.failed : EXIT.ok;
}

export function registerCheck(program: Command, io: CliIo, setExitCode: (code: number) => void) {
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
    .action(async (paths: string[], options: CheckOptions) => {
      setExitCode(await runCheck(paths, options, io));
    });
}
