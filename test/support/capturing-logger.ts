import type { LogLevel, Logger } from '../../src/engine/logger';

/** One captured log line. */
export interface CapturedLine {
  readonly level: LogLevel;
  readonly message: string;
}

/** A logger that keeps every line at every level, for tests that search all output. */
export interface CapturingLogger extends Logger {
  readonly lines: CapturedLine[];
  /** Returns all captured messages joined by newlines. */
  text(): string;
}

/** Creates a logger that captures everything, trace level included. */
export function createCapturingLogger(): CapturingLogger {
  const lines: CapturedLine[] = [];
  const capture = (level: LogLevel) => (message: string) => {
    lines.push({ level, message });
  };
  return {
    lines,
    trace: capture('trace'),
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
    text: () => lines.map((line) => line.message).join('\n'),
  };
}
