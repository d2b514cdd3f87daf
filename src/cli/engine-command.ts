import type { Purpose } from '../engine/catalogue';
import type { RunConfig } from '../engine/config';
import { formatEffectiveListing } from '../engine/effective-listing';
import { Redactor } from '../engine/redact';
import { loadChannelConfig, readChannel } from './channel-input';
import type { ChannelInput } from './channel-input';
import type { EngineCommandOptions } from './engine-options';
import { startEngineRun } from './engine-run';
import type { EngineRun } from './engine-run';
import { reportFailure } from './failure';
import type { CliIo } from './io';
import { createStderrLogger } from './stderr-logger';

export interface EngineCommand<Prepared> {
  readonly file: string;
  readonly purpose: Purpose;
  readonly options: EngineCommandOptions;
  readonly io: CliIo;
  /** Reads further input, such as the payload, before any secret is requested. */
  readonly prepare: (channel: ChannelInput) => Promise<Prepared>;
  /** Runs the engine and returns the exit code. */
  readonly execute: (run: EngineRun, config: RunConfig, prepared: Prepared) => Promise<number>;
}

/**
 * Runs `token` or `send`: reads the channel file, prepares the command's input, loads the run
 * configuration (no request happens before it passes), then runs the engine and closes it.
 * Every failure ends as one message on stderr and an exit code.
 */
export async function runEngineCommand<Prepared>(
  command: EngineCommand<Prepared>,
): Promise<number> {
  const { io, options } = command;
  const redactor = new Redactor();
  const logger = createStderrLogger(io, redactor, options.verbose);
  try {
    const channel = await readChannel(command.file, io);
    if (options.verbose) {
      io.stderr(redactor.redact(formatEffectiveListing(channel.shownPath, channel.analysis)));
    }
    const prepared = await command.prepare(channel);
    const config = await loadChannelConfig(channel, command.purpose, io, redactor);
    const run = await startEngineRun({ config, options, io, redactor, logger });
    try {
      return await command.execute(run, config, prepared);
    } finally {
      await run.close();
    }
  } catch (error) {
    return reportFailure(error, io, redactor);
  }
}
