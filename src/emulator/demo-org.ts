import { createHmac, timingSafeEqual } from 'node:crypto';

/** The credentials and identity of the emulator's demo org. */
export interface DemoOrg {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly username: string;
  /** The password as the password grant sends it, security token appended. */
  readonly password: string;
  /**
   * The `instance_url` of issued tokens. When unset, it is `https://` plus the host the token
   * request was sent to, or `https://demo.my.salesforce.com` for the generic login hosts.
   */
  readonly instanceUrl?: string;
  readonly organizationId: string;
  readonly userId: string;
  /** The HMAC key of demo tokens. Emulators with the same key accept each other's tokens. */
  readonly tokenKey: string;
  /** How long a demo token stays valid, in milliseconds. */
  readonly sessionLifetimeMs: number;
}

/** The demo org that the emulator serves unless the caller overrides fields. */
export const DEFAULT_DEMO_ORG: DemoOrg = {
  consumerKey: 'DEMO-CONSUMER-KEY',
  consumerSecret: 'DEMO-CONSUMER-SECRET',
  username: 'integration.user@demo.example.invalid',
  password: 'DEMO-PASSWORD',
  organizationId: '00DDEMO00000001',
  userId: '005DEMO00000001',
  tokenKey: 'skyvva-channel-tools-demo',
  sessionLifetimeMs: 2 * 60 * 60 * 1000,
};

/** The result of checking a bearer token against the demo org. */
export type DemoTokenStatus = 'valid' | 'expired' | 'invalid';

interface DemoTokenClaims {
  /** Issue time, epoch milliseconds. */
  readonly iat: number;
  /** Expiry time, epoch milliseconds. */
  readonly exp: number;
  /** The instance URL the token was issued for. */
  readonly ins: string;
}

/**
 * Issues a stateless demo token: the org id, `!`, the claims and their HMAC-SHA256 under the
 * demo org's token key. No emulator needs to remember it to accept it later.
 */
export function issueDemoToken(org: DemoOrg, instanceUrl: string, now = Date.now()): string {
  const claims: DemoTokenClaims = { iat: now, exp: now + org.sessionLifetimeMs, ins: instanceUrl };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${org.organizationId}!${payload}.${sign(org.tokenKey, payload)}`;
}

/** Checks a demo token's signature and expiry. */
export function verifyDemoToken(org: DemoOrg, token: string, now = Date.now()): DemoTokenStatus {
  const match = /^([^!]+)!([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match || match[1] !== org.organizationId) {
    return 'invalid';
  }
  const expected = Buffer.from(sign(org.tokenKey, match[2]));
  const actual = Buffer.from(match[3]);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return 'invalid';
  }

  let claims: DemoTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(match[2], 'base64url').toString('utf8')) as DemoTokenClaims;
  } catch {
    return 'invalid';
  }
  return typeof claims.exp === 'number' && claims.exp > now ? 'valid' : 'expired';
}

/**
 * Computes the token response's `signature`: Base64 HMAC-SHA256 over `id` and `issued_at`
 * under the consumer secret.
 * NOTE: this composition follows secondary descriptions of Salesforce's format and was not
 * checked against a real org; no client should verify it.
 */
export function signTokenResponse(consumerSecret: string, id: string, issuedAt: string): string {
  return createHmac('sha256', consumerSecret)
    .update(id + issuedAt)
    .digest('base64');
}

function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}
