import type { Flow } from '../catalogue';
import { isGenericLoginHost } from '../hosts';

export interface TokenErrorFacts {
  readonly flow: Flow;
  readonly tokenUrl: URL;
  readonly consumerSecret: string;
  readonly error: string;
  readonly description: string;
}

const MY_DOMAIN_TOKEN_URL = 'https://<your-domain>.my.salesforce.com/services/oauth2/token';

/** Returns advice for the token errors whose cause is known, one sentence each. */
export function tokenErrorHints(facts: TokenErrorFacts): string[] {
  const hints: string[] = [];
  const description = facts.description.toLowerCase();

  if (facts.flow === 'Client-Credentials' && isGenericLoginHost(facts.tokenUrl.hostname)) {
    hints.push(
      `${facts.tokenUrl.hostname} does not serve the Client-Credentials grant. Set ` +
        `AuthorizationServerURL to your My Domain token URL, ${MY_DOMAIN_TOKEN_URL} ` +
        "(sandboxes: the org's sandbox.my.salesforce.com host).",
    );
  }

  const whitespace = countEdgeWhitespace(facts.consumerSecret);
  if (whitespace.trailing > 0 || whitespace.leading > 0) {
    hints.push(
      `ConsumerSecret ${describeWhitespace(whitespace)}; Salesforce compares the secret ` +
        'exactly, so remove the whitespace from the value.',
    );
  }

  if (description.includes('login rate exceeded')) {
    hints.push(
      "Salesforce's login rate limit for this user is exceeded; wait before the next " +
        'attempt, and set SessionPooling.Active to X so that messages reuse one session.',
    );
  }

  if (facts.flow === 'Username-Password' && isUsernamePasswordBlocked(facts.error, description)) {
    hints.push(
      'If the credentials are right, the org may block the Username-Password flow (orgs ' +
        "created since Summer '23 block it by default). Switch the channel to " +
        'Client-Credentials with an External Client App.',
    );
  }
  return hints;
}

function isUsernamePasswordBlocked(error: string, description: string): boolean {
  return (
    error === 'unsupported_grant_type' ||
    (error === 'invalid_grant' && description.includes('authentication failure'))
  );
}

function countEdgeWhitespace(value: string): { leading: number; trailing: number } {
  const leading = value.length - value.trimStart().length;
  const trailing = value.trim() === '' ? 0 : value.length - value.trimEnd().length;
  return { leading, trailing };
}

function describeWhitespace(counts: { leading: number; trailing: number }): string {
  const parts: string[] = [];
  if (counts.leading > 0) {
    parts.push(
      `starts with ${counts.leading} whitespace character${counts.leading === 1 ? '' : 's'}`,
    );
  }
  if (counts.trailing > 0) {
    parts.push(
      `ends with ${counts.trailing} whitespace character${counts.trailing === 1 ? '' : 's'}`,
    );
  }
  return parts.join(' and ');
}
