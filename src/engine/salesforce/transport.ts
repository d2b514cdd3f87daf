import type { HttpClient, HttpRequest, HttpResponse } from '../http';

export type { HttpRequest, HttpResponse } from '../http';

/**
 * Sends one request and returns the response of any status without following redirects.
 * Failures before a response reject with a NetworkError. The engine takes this function
 * instead of the client, so tests can record or script requests.
 */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** Creates the transport that sends through the engine's HTTP client. */
export function createHttpTransport(client: HttpClient): HttpTransport {
  return (request) => client.request(request);
}
