import type { Command } from 'commander';

import type { SendRunResult } from '../engine/channel-engine';
import { readChannelPayload } from './channel-input';
import { runEngineCommand } from './engine-command';
import { addEngineOptions } from './engine-options';
import type { EngineCommandOptions } from './engine-options';
import { EXIT } from './io';
import type { CliIo } from './io';

interface SendOptions extends EngineCommandOptions {
  readonly payload?: string;
}

/** Prints the outcome of a test message and returns its exit code: 0, 1 or 3. */
function reportSendResult(result: SendRunResult, io: CliIo): number {
  const total = result.packages.length;
  const failed = result.packages.filter((pkg) => pkg.status !== 'success');
  if (result.status === 'success') {
    io.stdout(`Test message sent: ${total} of ${total} package(s) accepted.\n`);
    return EXIT.ok;
  }
  const first = failed[0];
  const detail = first === undefined ? '' : ` Package ${first.index}: ${first.summary}`;
  if (result.status === 'partial') {
    io.stderr(
      `skyvva-channel: the test message partly failed: ${failed.length} of ${total} ` +
        `package(s) were not fully accepted.${detail}\n`,
    );
    return EXIT.partial;
  }
  io.stderr(`skyvva-channel: the test message failed in every package.${detail}\n`);
  return EXIT.failed;
}

/** Sends a test message for a channel file and returns the exit code. */
export function runSend(file: string, options: SendOptions, io: CliIo): Promise<number> {
  return runEngineCommand({
    file,
    purpose: 'send',
    options,
    io,
    prepare: (channel) => readChannelPayload(channel, options.payload, io),
    execute: async (run, config, payload) => {
      const result = await run.engine.sendTestMessage(config, payload, run.runOptions);
      return reportSendResult(result, io);
    },
  });
}

export function registerSend(program: Command, io: CliIo, setExitCode: (code: number) => void) {
  const command = program
    .command('send')
    .description(
      "Send a test message to the channel's SKYVVA interface and print the audit log. A " +
        'cached session is reused.',
    )
    .argument('<file>', 'channel file (*.skyvva.json)')
    .option(
      '--payload <file>',
      'JSON or XML payload (default: <name>.payload.json or <name>.payload.xml beside ' +
        '<name>.skyvva.json)',
    );
  addEngineOptions(command).action(async (file: string, options: SendOptions) => {
    setExitCode(await runSend(file, options, io));
  });
}
