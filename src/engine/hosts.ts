/** Salesforce's own domains; a host is inside them when it equals one or is a subdomain. */
export const SALESFORCE_DOMAINS: readonly string[] = [
  'salesforce.com',
  'force.com',
  'site.com',
  'salesforce.mil',
];

/** The generic login hosts, which serve Username-Password but not Client-Credentials. */
export const GENERIC_LOGIN_HOSTS: readonly string[] = [
  'login.salesforce.com',
  'test.salesforce.com',
];

/** Lower-cases a host and drops a trailing dot and IPv6 brackets; most hosts need none of it. */
function normalize(host: string): string {
  if (/^[a-z0-9.-]*[a-z0-9-]$/.test(host)) {
    return host;
  }
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[|\]$/g, '');
}

/** Checks whether a host name is one of Salesforce's domains or a subdomain of one. */
export function isSalesforceHost(host: string): boolean {
  const name = normalize(host);
  return SALESFORCE_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

/** Checks whether a host is this machine: `localhost`, 127.0.0.0/8 or `::1`. */
export function isLoopbackHost(host: string): boolean {
  const name = normalize(host);
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(name) ||
    name === '::1'
  );
}

/** Checks whether a host is a Lightning UI host (`*.lightning.force.com`), which serves no OAuth. */
export function isLightningHost(host: string): boolean {
  return normalize(host).endsWith('.lightning.force.com');
}

/** Checks whether a host is `login.salesforce.com` or `test.salesforce.com`. */
export function isGenericLoginHost(host: string): boolean {
  return GENERIC_LOGIN_HOSTS.includes(normalize(host));
}
