import { EngineError } from '../engine-error';
import { isLoopbackHost, isSalesforceHost } from '../hosts';

/**
 * Decides whether credentials may go to a host outside Salesforce's domains and loopback.
 * The CLI decides from its `--allow-host` list; VS Code asks the user once per host.
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

/**
 * Raises AUTH_INSTANCE_URL_REJECTED unless the instance_url of a token response is https (plain
 * http only to loopback) on a Salesforce host, a loopback host, the token host or an approved
 * host. The access token goes to that URL with every API call, so a response that names
 * another host must not receive it.
 */
export async function checkInstanceUrl(
  instanceUrl: string,
  tokenUrl: URL,
  approve: HostApproval | undefined,
): Promise<void> {
  const url = new URL(instanceUrl);
  const host = url.hostname;
  const isLoopback = isLoopbackHost(host);
  const isTrustedHost =
    isSalesforceHost(host) ||
    isLoopback ||
    host === tokenUrl.hostname ||
    (approve !== undefined && (await approve(host)));
  if (isTrustedHost && (url.protocol === 'https:' || isLoopback)) {
    return;
  }
  const reason =
    url.protocol === 'https:'
      ? "a host outside Salesforce's domains"
      : 'plain http, which would send the access token unencrypted';
  throw new EngineError(
    'AUTH_INSTANCE_URL_REJECTED',
    `The token response names instance_url ${url.origin}, which uses ${reason}. No API call ` +
      'was made, so the access token was not sent there. Check that AuthorizationServerURL ' +
      "is your org's My Domain token endpoint.",
  );
}
