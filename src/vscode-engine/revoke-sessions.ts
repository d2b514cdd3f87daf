import type { HttpClient } from '../engine/http';
import type { Logger } from '../engine/logger';
import type { Session } from '../engine/session/session';

/**
 * Revokes cached sessions at Salesforce: `POST <instance_url>/services/oauth2/revoke` with the
 * access token in the form body (RFC 7009). Returns how many Salesforce confirmed. A failure
 * is logged with the cache key name and does not stop the others.
 */
export async function revokeSessions(
  sessions: readonly { name: string; session: Session }[],
  client: HttpClient,
  logger: Logger,
  signal: AbortSignal,
): Promise<number> {
  let revoked = 0;
  for (const { name, session } of sessions) {
    signal.throwIfAborted();
    try {
      const response = await client.request({
        method: 'POST',
        url: new URL('/services/oauth2/revoke', session.instanceUrl),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: session.accessToken }).toString(),
        signal,
      });
      if (response.status === 200) {
        revoked += 1;
        logger.info(`Revoked the cached session ${name}.`);
      } else {
        logger.warn(`Revoking the cached session ${name} failed with HTTP ${response.status}.`);
      }
    } catch (error) {
      if (signal.aborted) {
        throw error;
      }
      logger.warn(`Revoking the cached session ${name} failed: ${(error as Error).message}`);
    }
  }
  return revoked;
}
