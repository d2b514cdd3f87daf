import { TOKEN_PATH } from '../catalogue';
import { rankCandidates } from '../did-you-mean';
import { makeFinding, type Finding, type Fix, type Severity } from '../findings';
import { makeFix, replaceValueEdit } from '../fixes';
import {
  isGenericLoginHost,
  isLightningHost,
  isLoopbackHost,
  isSalesforceHost,
  SALESFORCE_DOMAINS,
} from '../hosts';
import type { ParameterEntry } from '../parser';
import { MASK } from '../redact';
import { describeWhitespace, measureWhitespace } from './whitespace';
import type { RuleContext } from './context';

const MY_DOMAIN_EXAMPLE = `https://<your-domain>.my.salesforce.com${TOKEN_PATH}`;

/** Shows a URL in a message with its query string and fragment masked. */
function showUrl(value: string): string {
  return `'${value.replace(/[?#].*$/s, `?${MASK}`)}'`;
}

function urlError(
  entry: ParameterEntry,
  code: string,
  message: string,
  fixes: readonly Fix[] = [],
  severity: Severity = 'error',
): Finding {
  return makeFinding({
    code,
    severity,
    message,
    range: entry.valueRange,
    parameter: entry.name,
    fixes,
  });
}

function withPath(url: URL, path: string): string {
  return `${url.protocol}//${url.host}${path}`;
}

function syntaxFinding(entry: ParameterEntry, value: string): Finding | URL {
  const whitespace = measureWhitespace(value);
  if (whitespace !== undefined) {
    return urlError(
      entry,
      'invalid-url',
      `AuthorizationServerURL is not a valid https URL: it has ${describeWhitespace(whitespace)}.`,
      [
        makeFix('Trim whitespace', () => [replaceValueEdit(entry, value.trim())], {
          isPreferred: true,
          isSafe: true,
        }),
      ],
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return urlError(
      entry,
      'invalid-url',
      `AuthorizationServerURL ${showUrl(value)} is not a valid https URL, such as ${MY_DOMAIN_EXAMPLE}.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return urlError(
      entry,
      'invalid-url',
      `AuthorizationServerURL ${showUrl(value)} must use https.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    return urlError(
      entry,
      'invalid-url',
      'AuthorizationServerURL must not contain a user name or password; credentials go in ConsumerKey and ConsumerSecret.',
    );
  }
  return url;
}

function shapeFinding(entry: ParameterEntry, url: URL, context: RuleContext): Finding | undefined {
  const toTokenPath = (): Fix =>
    makeFix(
      `Change the path to ${TOKEN_PATH}`,
      () => [replaceValueEdit(entry, withPath(url, TOKEN_PATH))],
      { isPreferred: true },
    );
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    const https = `https://${url.host}${url.pathname}${url.search}${url.hash}`;
    return urlError(
      entry,
      'insecure-url',
      `AuthorizationServerURL uses plain http to ${url.hostname}; credentials would travel unencrypted. Use https.`,
      [makeFix('Change to https', () => [replaceValueEdit(entry, https)], { isPreferred: true })],
    );
  }
  if (url.search !== '' || url.hash !== '') {
    return urlError(
      entry,
      'url-query',
      `AuthorizationServerURL ${showUrl(url.href)} has a query string or fragment; the token request sends credentials only in its body. Remove it.`,
      [
        makeFix(
          'Remove the query string',
          () => [replaceValueEdit(entry, withPath(url, url.pathname))],
          {
            isPreferred: true,
          },
        ),
      ],
    );
  }
  if (/^\/services\/soap\//i.test(url.pathname)) {
    const severity: Severity = context.flow === 'Username-Password' ? 'warning' : 'error';
    return urlError(
      entry,
      'soap-login-url',
      `AuthorizationServerURL points at the SOAP login URL ${url.pathname}; the OAuth2 token endpoint is ${TOKEN_PATH}.`,
      [toTokenPath()],
      severity,
    );
  }
  if (url.pathname !== TOKEN_PATH) {
    return urlError(
      entry,
      'token-path',
      `AuthorizationServerURL has the path '${url.pathname}'; the OAuth2 token endpoint is ${TOKEN_PATH}.`,
      [toTokenPath()],
    );
  }
  return undefined;
}

function hostFinding(entry: ParameterEntry, url: URL, context: RuleContext): Finding | undefined {
  const host = url.hostname;
  if (isLightningHost(host)) {
    const myDomain = host.replace(/lightning\.force\.com$/i, 'my.salesforce.com');
    return urlError(
      entry,
      'lightning-host',
      `${host} is a Lightning UI host, not the token endpoint; use the org's My Domain host ${myDomain}.`,
      [
        makeFix(
          `Change the host to ${myDomain}`,
          () => [replaceValueEdit(entry, `https://${myDomain}${url.pathname}`)],
          { isPreferred: true },
        ),
      ],
      'warning',
    );
  }
  if (isGenericLoginHost(host) && context.flow === 'Client-Credentials') {
    return urlError(
      entry,
      'generic-login-host',
      `${host} does not serve the Client-Credentials grant; use the org's My Domain token URL, ${MY_DOMAIN_EXAMPLE} (sandbox: the org's sandbox.my.salesforce.com host).`,
      [],
      'warning',
    );
  }
  if (!isSalesforceHost(host) && !isLoopbackHost(host)) {
    return urlError(
      entry,
      'non-salesforce-host',
      `The host ${host} is not a Salesforce domain (${SALESFORCE_DOMAINS.join(', ')} expected). Credentials are sent to it only when you allow the host.`,
      domainTypoFixes(entry, url),
      'warning',
    );
  }
  return undefined;
}

/** Offers the Salesforce domain that a misspelled host most likely meant, such as salesfroce.com. */
function domainTypoFixes(entry: ParameterEntry, url: URL): Fix[] {
  const labels = url.hostname.split('.');
  const domain = labels.slice(-2).join('.');
  const [best] = rankCandidates(domain, SALESFORCE_DOMAINS, 2);
  if (best === undefined) {
    return [];
  }
  const host = [...labels.slice(0, -2), best.text].join('.');
  return [
    makeFix(
      `Change the host to ${host}`,
      () => [replaceValueEdit(entry, `https://${host}${url.pathname}`)],
      { isPreferred: true },
    ),
  ];
}

/** Checks AuthorizationServerURL: syntax, scheme, query, path, then the host. */
export function urlFinding(
  entry: ParameterEntry,
  value: string,
  context: RuleContext,
): Finding | undefined {
  const url = syntaxFinding(entry, value);
  if (!(url instanceof URL)) {
    return url;
  }
  return shapeFinding(entry, url, context) ?? hostFinding(entry, url, context);
}
