/** Ids of the commands that run the engine; they live in the bundle loaded on first use. */
export const FETCH_TOKEN_COMMAND = 'skyvva.fetchToken';
export const SEND_TEST_MESSAGE_COMMAND = 'skyvva.sendTestMessage';
export const CLEAR_SESSION_CACHE_COMMAND = 'skyvva.clearSessionCache';
export const STORE_SECRET_COMMAND = 'skyvva.storeSecret';
export const SHOW_AUDIT_LOG_COMMAND = 'skyvva.showAuditLog';

export const ENGINE_COMMANDS: readonly string[] = [
  FETCH_TOKEN_COMMAND,
  SEND_TEST_MESSAGE_COMMAND,
  CLEAR_SESSION_CACHE_COMMAND,
  STORE_SECRET_COMMAND,
  SHOW_AUDIT_LOG_COMMAND,
];
