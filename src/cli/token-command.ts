import type { Command } from 'commander';

import type { TokenRunResult } from '../engine/channel-engine';
import { runEngineCommand } from './engine-command';
import { addEngineOptions } from './engine-options';
import type { EngineCommandOptions } from './engine-options';
import { EXIT } from './io';
import type { CliIo } from './io';

/** Formats Salesforce's `issued_at` (epoch milliseconds as text) as an ISO 8601 time. */
export function formatIssuedAt(issuedAt: string | undefined): string {
  if (issuedAt === undefined) {
    return 'not reported';
  }
  const milliseconds = Number(issuedAt);
  if (!/^\d+$/.test(issuedAt) || !Number.isSafeInteger(milliseconds)) {
    return issuedAt;
  }
  return new Date(milliseconds).toISOString();
}

/** Describes a session without its access token. */
function formatTokenResult(result: TokenRunResult): string {
  const origin = result.origin === 'cache' ? 'from the cache' : 'new from Salesforce';
  return [
    `Flow:                ${result.flow}`,
    `Instance URL:        ${result.instanceUrl}`,
    `Issued at:           ${formatIssuedAt(result.issuedAt)}`,
    `Session fingerprint: ${result.sessionFingerprint} (${origin})`,
  ]
    .map((line) => `${line}\n`)
    .join('');
}

/** Gets a session for a channel file, prints it and returns the exit code. */
export function runToken(file: string, options: EngineCommandOptions, io: CliIo): Promise<number> {
  return runEngineCommand({
    file,
    purpose: 'token',
    options,
    io,
    prepare: async () => undefined,
    execute: async (run, config) => {
      const result = await run.engine.fetchToken(config, run.runOptions);
      io.stdout(formatTokenResult(result));
      return EXIT.ok;
    },
  });
}

export function registerToken(program: Command, io: CliIo, setExitCode: (code: number) => void) {
  const command = program
    .command('token')
    .description(
      'Get a Salesforce session for a channel file and print its flow, instance URL, issue ' +
        'time and fingerprint (never the token). A cached session is reused.',
    )
    .argument('<file>', 'channel file (*.skyvva.json)');
  addEngineOptions(command).action(async (file: string, options: EngineCommandOptions) => {
    setExitCode(await runToken(file, options, io));
  });
}
