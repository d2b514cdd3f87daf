import { GENERIC_LOGIN_HOSTS } from '../engine/hosts';
import type { ScriptedResponse } from './scripted-responses';
import { tokenError } from './scripted-responses';
import { issueDemoToken, signTokenResponse } from './demo-org';
import type { EmulatorState } from './emulator-state';
import type { RecordedRequest } from './recorder';

const DEFAULT_INSTANCE_URL = 'https://demo.my.salesforce.com';

/**
 * Handles `POST /services/oauth2/token` for the demo org with Salesforce's success and error
 * shapes: the client-credentials and password grants, form-encoded.
 */
export function handleTokenRequest(
  request: RecordedRequest,
  state: EmulatorState,
): ScriptedResponse {
  if (request.method !== 'POST') {
    return methodNotAllowed(request.method);
  }
  const form = request.form ?? {};
  const grantType = form.grant_type;
  if (grantType !== 'client_credentials' && grantType !== 'password') {
    return tokenError('unsupported_grant_type', 'grant type not supported');
  }

  // Salesforce serves the client-credentials grant only on the org's My Domain host.
  if (grantType === 'client_credentials' && GENERIC_LOGIN_HOSTS.includes(request.host)) {
    return tokenError('invalid_grant', 'request not supported on this domain');
  }
  const { org } = state;
  if (form.client_id !== org.consumerKey) {
    return tokenError('invalid_client_id', 'client identifier invalid');
  }
  if (form.client_secret !== org.consumerSecret) {
    return tokenError('invalid_client', 'invalid client credentials');
  }
  if (
    grantType === 'password' &&
    (form.username !== org.username || form.password !== org.password)
  ) {
    return tokenError('invalid_grant', 'authentication failure');
  }
  return { status: 200, body: successBody(request, state, grantType) };
}

function successBody(request: RecordedRequest, state: EmulatorState, grantType: string) {
  const { org } = state;
  const instanceUrl = org.instanceUrl ?? instanceUrlFor(request.host);
  const now = Date.now();
  const issuedAt = String(now);
  const id = `https://login.salesforce.com/id/${org.organizationId}/${org.userId}`;

  return {
    access_token: issueDemoToken(org, instanceUrl, now),
    // The password grant returns no scope; the client-credentials grant returns the app's scopes.
    ...(grantType === 'client_credentials' ? { scope: 'api' } : {}),
    instance_url: instanceUrl,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
    signature: signTokenResponse(org.consumerSecret, id, issuedAt),
  };
}

function instanceUrlFor(host: string): string {
  return host === '' || GENERIC_LOGIN_HOSTS.includes(host)
    ? DEFAULT_INSTANCE_URL
    : `https://${host}`;
}

/** Handles `POST /services/oauth2/revoke`: 200 for a known token, 400 `invalid_token` otherwise. */
export function handleRevokeRequest(
  request: RecordedRequest,
  state: EmulatorState,
): ScriptedResponse {
  if (request.method !== 'POST') {
    return methodNotAllowed(request.method);
  }
  const token = request.form?.token ?? '';
  if (!state.isSessionValid(token)) {
    return tokenError('invalid_token', 'invalid token');
  }
  state.rejectedTokens.add(token);
  return { status: 200, body: '' };
}

export function methodNotAllowed(method: string): ScriptedResponse {
  return {
    status: 405,
    body: [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed.` }],
  };
}
