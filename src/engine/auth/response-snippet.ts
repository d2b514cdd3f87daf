import type { Redactor } from '../redact';

/** Maximum number of body characters that an error message quotes. */
export const SNIPPET_LENGTH = 200;

// C0 and C1 control characters, DEL included.
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;

/**
 * Returns at most 200 characters of a response body for an error message. Each run of control
 * characters becomes one space, and secrets are masked before the text is cut, so a cut never
 * leaves part of a secret visible.
 */
export function responseSnippet(body: string, redactor: Redactor): string {
  const cleaned = body.replace(CONTROL_CHARACTERS, ' ').trim();
  if (cleaned === '') {
    return '(empty body)';
  }
  const redacted = redactor.redact(cleaned);
  return redacted.length > SNIPPET_LENGTH ? `${redacted.slice(0, SNIPPET_LENGTH)}…` : redacted;
}

/** Parses a body as JSON; undefined when it is not JSON, never a parser error. */
export function parseJsonBody(body: string): unknown {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return undefined;
  }
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}
