/**
 * Error and audit-log texts of the SKYVVA SAP PI/PO connector module v2.3.6, word for word
 * from the vendor's article "How to use the OAuth2 client-credential flow?". The product
 * reproduces them exactly so that its output reads like the module's. This is the only file
 * that contains copied text, and every other message is our own.
 */

/** The module version whose behaviour the engine follows. */
export const MODULE_VERSION = '2.3.6';

export function missingParametersMessage(flow: string, names: readonly string[]): string {
  return `OAuth2Flow=${flow} requires the following channel parameters but they are missing or blank: ${names.join(', ')}`;
}

export function unsupportedFlowMessage(value: string): string {
  return `Unsupported OAuth2Flow value '${value}'. Expected 'Username-Password' or 'Client-Credentials'.`;
}

export function tokenErrorMessage(flow: string, error: string, description: string): string {
  return `Salesforce OAuth2 ${flow} error: ${error} - ${description}`;
}

export function missingAccessTokenMessage(flow: string): string {
  return `Salesforce OAuth2 ${flow} response missing access_token`;
}

export const SESSION_RENEWAL =
  'INVALID_SESSION_ID detected. Renewing Salesforce session and retrying the API call once.';

export const SESSION_INVALID_AFTER_RENEWAL = 'Session invalid even after renewal';

export const IGNORED_USERNAME_PASSWORD =
  'OAuth2Flow=Client-Credentials: SforceUsername and pwdSforceLoginPassword are ignored. ' +
  "Configure the Run-As user in the Connected App's OAuth Policies instead.";

export const BEGIN_SESSION_HANDLING = 'Begin session handling (SKYVVA version 2.3.6)';
export const END_SESSION_HANDLING = 'End session handling';
export const BEGIN_TRANSFORMATION = 'Begin transformation';
export const END_TRANSFORMATION = 'End transformation';

export const PARAMETER_DUMP_HEADER = '[INFO] SAP-PO channel parameters:';

export const CHECK_DEADLOCK = '(getNewSalesforceContainerPooling) check deadlock';
export const NEW_SESSION_FROM_SALESFORCE =
  '(getNewSalesforceContainerPooling) Pick up new session id from Salesforce';

export function userHomeCacheLine(location: string): string {
  return `(getNewSalesforceContainerPooling) determine user home cache : ${location}`;
}

export function cacheFileLine(location: string): string {
  return `(getNewSalesforceContainerPooling) from ${location}`;
}

/** Formats the cache-hit line. The article prints the session id there, the engine a fingerprint. */
export function sessionFromCacheLine(sessionFingerprint: string): string {
  return `(getNewSalesforceContainerPooling) Session Id from Cache ${sessionFingerprint}`;
}

/**
 * Audit-log components as the article prints them. It shortens the package of two of them to
 * "...", and the engine keeps that spelling because the full names are not published.
 */
export const COMPONENT = {
  restIntegration: '...RestIntegrationV3',
  parameterDump: 'DisplaySAPChannelParams',
  transLogic: '...RestIntegrationV3TransLogic',
  transHandler: 'com.skyvva.xml.RestIntegrationV3TransHandler',
} as const;
