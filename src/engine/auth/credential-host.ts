import { EngineError } from '../engine-error';
import { isLoopbackHost, isSalesforceHost } from '../hosts';

/**
 * Decides whether credentials may go to a host outside Salesforce's domains and loopback.
 * The CLI answers from its `--allow-host` list; VS Code asks the user once per host.
 */
export type HostApproval = (host: string) => boolean | Promise<boolean>;

/** Creates an approval that allows exactly the listed hosts, compared case-insensitively. */
export function createHostAllowList(hosts: readonly string[]): HostApproval {
  const allowed = new Set(hosts.map((host) => host.trim().toLowerCase()));
  return (host) => allowed.has(host.toLowerCase());
}

/**
 * Raises AUTH_HOST_NOT_ALLOWED unless the token URL's host is a Salesforce host, a loopback
 * host, or approved. Runs before any request, so a refused host receives nothing.
 */
export async function checkCredentialHost(
  tokenUrl: URL,
  approve: HostApproval | undefined,
): Promise<void> {
  const host = tokenUrl.hostname;
  if (isSalesforceHost(host) || isLoopbackHost(host)) {
    return;
  }
  if (approve !== undefined && (await approve(host))) {
    return;
  }
  throw new EngineError(
    'AUTH_HOST_NOT_ALLOWED',
    `No credentials were sent to ${host}: AuthorizationServerURL names a host outside ` +
      "Salesforce's domains. Check the URL for a typo. If the host is right, allow it " +
      `explicitly (CLI: --allow-host ${host}).`,
    { hint: `Allow ${host} only if it is your organization's token endpoint or proxy.` },
  );
}
