import type { LogLevel, Logger } from '../engine/logger';
import type { Redactor } from '../engine/redact';
import type { CliIo } from './io';

/**
 * The levels printed without `--verbose`. Errors are left out because the command reports a
 * failed run once itself, as one message on stderr.
 */
const QUIET_LEVELS: ReadonlySet<LogLevel> = new Set(['warn']);

const VERBOSE_LEVELS: ReadonlySet<LogLevel> = new Set(['trace', 'debug', 'info', 'warn', 'error']);

/**
 * Creates the CLI's logger: one `skyvva-channel <level>: message` line on stderr per message,
 * passed through the run's redactor. Without `verbose` only warnings are printed.
 */
export function createStderrLogger(io: CliIo, redactor: Redactor, verbose: boolean): Logger {
  const levels = verbose ? VERBOSE_LEVELS : QUIET_LEVELS;
  const write = (level: LogLevel) => (message: string) => {
    if (levels.has(level)) {
      io.stderr(`skyvva-channel ${level}: ${redactor.redact(message)}\n`);
    }
  };
  return {
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}
