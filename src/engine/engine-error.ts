/**
 * Stable codes of the errors that the engine's configuration, token, session and message code
 * throws. Front ends switch on the code, never on the message text.
 */
export type EngineErrorCode =
  | 'CONFIG_INVALID_FILE'
  | 'CONFIG_UNSUPPORTED_FLOW'
  | 'CONFIG_MISSING_PARAMETERS'
  | 'CONFIG_ERROR_FINDINGS'
  | 'SECRET_NOT_FOUND'
  | 'SECRET_NO_TERMINAL'
  | 'AUTH_HOST_NOT_ALLOWED'
  | 'AUTH_INSTANCE_URL_REJECTED'
  | 'AUTH_TOKEN_REJECTED'
  | 'AUTH_TOKEN_BUSY'
  | 'AUTH_REDIRECT'
  | 'AUTH_NON_JSON_RESPONSE'
  | 'AUTH_INVALID_RESPONSE'
  | 'AUTH_MISSING_ACCESS_TOKEN'
  | 'SESSION_INVALID_AFTER_RENEWAL'
  | 'SESSION_STORE_FAILED'
  | 'API_REQUEST_FAILED'
  | 'API_RESPONSE_TOO_LARGE'
  | 'PAYLOAD_INVALID'
  | 'CANCELLED';

export interface EngineErrorOptions {
  readonly cause?: unknown;
  /** What the user can do about it, as one sentence. */
  readonly hint?: string;
  /** HTTP status of the answer that caused the error, when there was one. */
  readonly status?: number;
}

/** An engine failure with a stable code; its message never contains a secret. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly hint: string | undefined;
  readonly status: number | undefined;

  constructor(code: EngineErrorCode, message: string, options: EngineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.code = code;
    this.hint = options.hint;
    this.status = options.status;
  }
}

/** Whether a value is an EngineError with the given code. */
export function isEngineError(value: unknown, code?: EngineErrorCode): value is EngineError {
  return value instanceof EngineError && (code === undefined || value.code === code);
}
