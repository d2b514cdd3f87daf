/**
 * Error and audit-log texts of the SKYVVA SAP PI/PO connector module v2.3.6, word for word
 * from the vendor's article "How to use the OAuth2 client-credential flow?". The product
 * reproduces them exactly so that its output reads like the module's.
 */

/** The module version whose behaviour the engine follows. */
export const MODULE_VERSION = '2.3.6';

export function missingParametersMessage(flow: string, names: readonly string[]): string {
  return `OAuth2Flow=${flow} requires the following channel parameters but they are missing or blank: ${names.join(', ')}`;
}

export function unsupportedFlowMessage(value: string): string {
  return `Unsupported OAuth2Flow value '${value}'. Expected 'Username-Password' or 'Client-Credentials'.`;
}
