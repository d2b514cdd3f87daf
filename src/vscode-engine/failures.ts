import * as vscode from 'vscode';
import { isEngineError } from '../engine/engine-error';
import { isNetworkError } from '../engine/http';
import type { Redactor } from '../engine/redact';

/** Returns whether a run ended by cancellation, which the commands do not report. */
export function isCancellation(error: unknown, signal: AbortSignal): boolean {
  return (
    isEngineError(error, 'CANCELLED') ||
    isNetworkError(error, 'NET_ABORTED') ||
    (signal.aborted && error instanceof Error && error.name === 'AbortError')
  );
}

/**
 * Turns a failure into the text of an error notification, passed through the redactor. The
 * engine's messages name the value and the fix already. Only a rejected token host gets its own
 * text, because the engine's message names the CLI option that allows the host.
 */
export function describeFailure(error: unknown, redactor: Redactor): string {
  if (isEngineError(error, 'AUTH_HOST_NOT_ALLOWED')) {
    return vscode.l10n.t(
      'no credentials were sent, because sending them to the host of AuthorizationServerURL was not allowed. Check the URL, then run the command again and choose "Send Credentials" if the host is right.',
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  return redactor.redact(text);
}
