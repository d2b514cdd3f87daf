import { performance } from 'node:perf_hooks';

import type { Logger } from '../logger';
import { nullLogger } from '../logger';
import { Redactor } from '../redact';
import { classifyError } from './classify-error';
import type { DispatcherOptions, NetworkDispatcher } from './dispatcher';
import { createDispatcher } from './dispatcher';
import { NetworkError } from './errors';
import { MAX_BODY_BYTES, readLimitedBody } from './read-body';

/** One HTTP request. Redirects are never followed. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string | URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Cancels the request at any point, connecting and reading the body included. */
  readonly signal?: AbortSignal;
}

/** A response of any status, 3xx and errors included. The caller decides what it means. */
export interface HttpResponse {
  readonly status: number;
  /** Headers by lower-case name, with repeated headers joined by `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `Content-Type` header, or an empty string when there is none. */
  readonly contentType: string;
  /** The body decoded as UTF-8, at most 1 MiB of it. */
  readonly body: string;
  /** Whether the body was longer than 1 MiB and only its first 1 MiB is in `body`. */
  readonly truncated: boolean;
}

export interface HttpClientOptions {
  /** Receives one trace line per request: method, origin and path, status, milliseconds. */
  readonly logger?: Logger;
  /** Masks secrets in error messages and log lines. createHttpClient shares it with the dispatcher. */
  readonly redactor?: Redactor;
  /** Body limit in bytes, 1 MiB by default. */
  readonly maxBodyBytes?: number;
}

/**
 * An HTTP client on one NetworkDispatcher. It returns every status to the caller, never follows
 * redirects, cuts bodies off at 1 MiB, and throws only NetworkError.
 */
export class HttpClient {
  private readonly logger: Logger;
  private readonly redactor: Redactor;
  private readonly maxBodyBytes: number;

  constructor(
    readonly dispatcher: NetworkDispatcher,
    options: HttpClientOptions = {},
  ) {
    this.logger = options.logger ?? nullLogger;
    this.redactor = options.redactor ?? new Redactor();
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  }

  /** Sends one request and returns its response, or throws a NetworkError. */
  async request(request: HttpRequest): Promise<HttpResponse> {
    const url = parseHttpUrl(request.url);
    const started = performance.now();
    const where = `${request.method} ${url.origin}${url.pathname}`;

    try {
      const response = await this.send(url, request);
      this.logger.trace(this.redactor.redact(`${where} ${response.status} ${since(started)} ms`));
      return response;
    } catch (error) {
      const failure = this.toNetworkError(error, url, request);
      const line = `${where} failed with ${failure.code} after ${since(started)} ms`;
      this.logger.trace(this.redactor.redact(line));
      throw failure;
    }
  }

  /** Closes the dispatcher after the running requests end. */
  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private async send(url: URL, request: HttpRequest): Promise<HttpResponse> {
    request.signal?.throwIfAborted();

    const response = await this.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method as 'GET',
      headers: request.headers ? { ...request.headers } : undefined,
      body: request.body,
      signal: request.signal,
    });
    const body = await readLimitedBody(response.body, this.maxBodyBytes);
    const headers = normalizeHeaders(response.headers);

    return {
      status: response.statusCode,
      headers,
      contentType: headers['content-type'] ?? '',
      // NOTE: bodies are decoded as UTF-8 whatever charset the Content-Type names, because
      // Salesforce sends UTF-8. Invalid bytes become U+FFFD.
      body: new TextDecoder('utf-8').decode(body.bytes),
      truncated: body.truncated,
    };
  }

  private toNetworkError(error: unknown, url: URL, request: HttpRequest): NetworkError {
    const { settings } = this.dispatcher;
    const failure = classifyError(error, {
      method: request.method,
      url,
      proxy: this.dispatcher.proxyFor(url),
      signal: request.signal,
      connectTimeoutMs: settings.connectTimeoutMs,
      responseTimeoutMs: settings.responseTimeoutMs,
    });
    const message = this.redactor.redact(failure.message);
    return message === failure.message
      ? failure
      : new NetworkError(failure.code, message, { cause: failure.cause });
  }
}

/**
 * Creates a dispatcher and an HTTP client on it. The client and the dispatcher share one
 * redactor, so the proxy password is masked in every message.
 */
export async function createHttpClient(
  options: DispatcherOptions & HttpClientOptions,
): Promise<HttpClient> {
  const redactor = options.redactor ?? new Redactor();
  const dispatcher = await createDispatcher({ ...options, redactor });
  return new HttpClient(dispatcher, { ...options, redactor });
}

function parseHttpUrl(value: string | URL): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new NetworkError(
      'NET_INVALID_URL',
      'The request URL is not a valid http or https URL. Use https://host/path.',
    );
  }
  return url;
}

function normalizeHeaders(
  raw: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return headers;
}

function since(started: number): number {
  return Math.round(performance.now() - started);
}
