import type { Session } from '../session/session';
import type { HttpRequest } from '../salesforce/transport';
import type { PayloadFormat } from './payload';

export const INTEGRATE_PATH = '/services/apexrest/skyvvasolutions/V4/integrate';

/** SKYVVA's processing mode for the channel's Operation. */
export function modeForOperation(operation: string): string {
  if (operation === 'integrate') {
    return 'Asynchronous';
  }
  if (operation === 'integrateSynchronous') {
    return 'Synchronous';
  }
  return operation;
}

export interface IntegrateTarget {
  readonly integration: string;
  readonly inteface: string;
  readonly operation: string;
  readonly format: PayloadFormat;
  /** The same for every attempt of one package, so that SKYVVA can recognize a repeat. */
  readonly transferId: string;
}

/** Builds the URL of SKYVVA's V4 integrate service on an instance. */
export function buildIntegrateUrl(instanceUrl: string, target: IntegrateTarget): string {
  const query: Array<[string, string]> = [
    ['integration', target.integration],
    ['interface', target.inteface],
    ['mode', modeForOperation(target.operation)],
    ['request-format', target.format],
    ['response-format', 'JSON'],
    ['transferId', target.transferId],
  ];
  // encodeURIComponent writes spaces as %20, which Apex REST decodes in every parameter.
  const encoded = query.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return `${instanceUrl}${INTEGRATE_PATH}?${encoded}`;
}

/** Builds the request that sends one package with the session's access token. */
export function buildIntegrateRequest(
  session: Session,
  target: IntegrateTarget,
  body: string,
): HttpRequest {
  const contentType = target.format === 'XML' ? 'application/xml' : 'application/json';
  return {
    method: 'POST',
    url: buildIntegrateUrl(session.instanceUrl, target),
    headers: {
      authorization: `Bearer ${session.accessToken}`,
      'content-type': `${contentType};charset=UTF-8`,
      accept: 'application/json',
    },
    body,
  };
}
