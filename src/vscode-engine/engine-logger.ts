import type * as vscode from 'vscode';
import type { Logger } from '../engine/logger';
import type { Redactor } from '../engine/redact';

/**
 * Adapts the extension's LogOutputChannel to the engine's Logger. Every message passes the
 * redactor, so text written here by the extension itself is masked like the engine's.
 */
export function createChannelLogger(log: vscode.LogOutputChannel, redactor: Redactor): Logger {
  return {
    trace: (message) => log.trace(redactor.redact(message)),
    debug: (message) => log.debug(redactor.redact(message)),
    info: (message) => log.info(redactor.redact(message)),
    warn: (message) => log.warn(redactor.redact(message)),
    error: (message) => log.error(redactor.redact(message)),
  };
}
