import { escapeControlCharacters } from '../engine/control-characters';
import { isEngineError } from '../engine/engine-error';
import type { EngineErrorCode } from '../engine/engine-error';
import { isNetworkError } from '../engine/http';
import type { NetworkErrorCode } from '../engine/http';
import type { Redactor } from '../engine/redact';
import { EXIT } from './io';
import type { CliIo } from './io';

/** A failure of the CLI itself, such as a missing file. Its message names the value and the fix. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Engine failures caused by the command's input or environment rather than by a request. */
const INPUT_ERRORS: ReadonlySet<EngineErrorCode> = new Set<EngineErrorCode>([
  'SECRET_NOT_FOUND',
  'SECRET_NO_TERMINAL',
  'PAYLOAD_INVALID',
  'SESSION_STORE_FAILED',
]);

/** Network settings that are wrong before any request is made. */
const SETTING_ERRORS: ReadonlySet<NetworkErrorCode> = new Set<NetworkErrorCode>([
  'NET_CA_FILE_INVALID',
  'NET_INVALID_PROXY_URL',
]);

/** Returns the exit code of a failed run: 2 for input and I/O errors, 130 after Ctrl-C, else 1. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CliError) {
    return error.exitCode;
  }
  if (isEngineError(error, 'CANCELLED') || isNetworkError(error, 'NET_ABORTED')) {
    return EXIT.interrupted;
  }
  if (isEngineError(error) && INPUT_ERRORS.has(error.code)) {
    return EXIT.usage;
  }
  if (isNetworkError(error) && SETTING_ERRORS.has(error.code)) {
    return EXIT.usage;
  }
  return EXIT.failed;
}

/**
 * Prints a failed run on stderr, without a stack trace, and returns its exit code. Errors other
 * than the CLI's, the engine's and the network layer's are raised again as internal errors.
 */
export function reportFailure(error: unknown, io: CliIo, redactor: Redactor): number {
  const code = exitCodeOf(error);
  if (code === EXIT.interrupted) {
    io.stderr('skyvva-channel: cancelled.\n');
    return code;
  }
  if (!(error instanceof CliError || isEngineError(error) || isNetworkError(error))) {
    throw error;
  }
  // Some engine messages already end with their hint; it is added only where it is missing.
  const hint = isEngineError(error) ? error.hint : undefined;
  const text =
    hint === undefined || error.message.includes(hint) ? error.message : `${error.message} ${hint}`;
  io.stderr(`skyvva-channel: ${escapeControlCharacters(redactor.redact(text))}\n`);
  return code;
}
