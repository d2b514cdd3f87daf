import type { Flow } from '../catalogue';
import { TOKEN_PATH } from '../catalogue';
import { EngineError } from '../engine-error';

/** The values a token request sends. */
export interface TokenCredentials {
  readonly flow: Flow;
  readonly tokenUrl: string;
  readonly consumerKey: string;
  readonly consumerSecret: string;
  /** Sent only under Username-Password. */
  readonly username: string | undefined;
  /** The password with the security token appended, sent only under Username-Password. */
  readonly password: string | undefined;
}

/**
 * Builds the form body of a token request (RFC 6749 sections 4.3 and 4.4). The grant type
 * follows the flow alone: Client-Credentials never sends a username or password, even when
 * they are set.
 */
export function buildTokenRequestBody(credentials: TokenCredentials): string {
  const form = new URLSearchParams();
  if (credentials.flow === 'Client-Credentials') {
    form.set('grant_type', 'client_credentials');
    form.set('client_id', credentials.consumerKey);
    form.set('client_secret', credentials.consumerSecret);
    return form.toString();
  }
  form.set('grant_type', 'password');
  form.set('client_id', credentials.consumerKey);
  form.set('client_secret', credentials.consumerSecret);
  form.set('username', credentials.username ?? '');
  form.set('password', credentials.password ?? '');
  return form.toString();
}

/** Parses the token URL; the request target never carries a query string or fragment. */
export function parseTokenUrl(tokenUrl: string): URL {
  let url: URL;
  try {
    url = new URL(tokenUrl);
  } catch {
    throw new EngineError(
      'CONFIG_ERROR_FINDINGS',
      `AuthorizationServerURL is not a valid URL. Use https://<your-domain>.my.salesforce.com${TOKEN_PATH}.`,
    );
  }
  url.search = '';
  url.hash = '';
  return url;
}
