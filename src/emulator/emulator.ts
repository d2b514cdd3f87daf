import { writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

import type { LoopbackHostMap } from '../engine/http/loopback-host-map';
import type { Logger } from '../engine/logger';
import { nullLogger } from '../engine/logger';
import { createLoopbackHostMap, matchesHostPattern } from '../engine/http/loopback-host-map';
import type { ScriptedResponse } from './scripted-responses';
import { handleIntegrateRequest, handleQueryRequest } from './api-endpoints';
import {
  DEFAULT_SERVER_NAMES,
  createCertificateAuthority,
  issueServerCertificate,
} from './certificates';
import type { DemoOrg } from './demo-org';
import { DEFAULT_DEMO_ORG } from './demo-org';
import type { RetryBudgetValue } from './emulator-state';
import { EmulatorState } from './emulator-state';
import type { RecordedRequest, RouteName } from './recorder';
import { RequestLog } from './recorder';
import { writeScriptedResponse } from './respond';
import { ScriptQueue } from './script-queue';
import { handleRevokeRequest, handleTokenRequest } from './token-endpoint';

const LOOPBACK = '127.0.0.1';
const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;

export interface EmulatorOptions {
  /** Common name of the private CA created at start-up. */
  readonly caName?: string;
  /** Host names served besides the Salesforce wildcards, localhost and 127.0.0.1. */
  readonly extraHostNames?: readonly string[];
  /** Fields of the demo org that differ from DEFAULT_DEMO_ORG. */
  readonly demoOrg?: Partial<DemoOrg>;
  /** The retry budget of interfaces without their own; default 0. */
  readonly defaultRetryBudget?: RetryBudgetValue;
  /** Receives one debug line for each request that ends without a response. */
  readonly logger?: Logger;
}

/**
 * A Salesforce stand-in over real HTTPS on 127.0.0.1 with a private CA. It serves the token,
 * revoke, SKYVVA integrate and query endpoints for a demo org, takes scripted responses per
 * route, and records every request.
 */
export class SalesforceEmulator {
  private readonly log = new RequestLog();
  private readonly scripts = new ScriptQueue();
  private readonly sockets = new Set<Socket>();
  private readonly closing = new AbortController();

  private constructor(
    private readonly server: Server,
    private readonly state: EmulatorState,
    /** The CA certificate in PEM format, for NODE_EXTRA_CA_CERTS or the extra-CA setting. */
    readonly caPem: string,
    /** The host names the certificate covers and hostMap() sends here; wildcards allowed. */
    readonly hostNames: readonly string[],
    private readonly logger: Logger,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void this.handle(request, response);
    });
  }

  /** Creates the CA and server certificate and listens on a random port of 127.0.0.1. */
  static async start(options: EmulatorOptions = {}): Promise<SalesforceEmulator> {
    const authority = await createCertificateAuthority(
      options.caName ?? 'SKYVVA Emulator Test Root',
    );
    const hostNames = [...DEFAULT_SERVER_NAMES, ...(options.extraHostNames ?? [])];
    const certificate = await issueServerCertificate(authority, hostNames);

    const server = createServer({ key: certificate.keyPem, cert: certificate.chainPem });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, LOOPBACK, () => resolve());
    });
    const org = { ...DEFAULT_DEMO_ORG, ...options.demoOrg };
    const state = new EmulatorState(org, options.defaultRetryBudget ?? 0);
    const logger = options.logger ?? nullLogger;
    return new SalesforceEmulator(server, state, authority.certificatePem, hostNames, logger);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get org(): DemoOrg {
    return this.state.org;
  }

  /** Returns `https://127.0.0.1:<port>`, for clients without a host map. */
  get loopbackOrigin(): string {
    return `https://${LOOPBACK}:${this.port}`;
  }

  /** Returns a host-to-loopback map that sends every served host name, on any port, here. */
  hostMap(): LoopbackHostMap {
    return createLoopbackHostMap(this.hostNames, this.port, LOOPBACK);
  }

  /** Returns whether the emulator serves a host name. */
  servesHost(hostname: string): boolean {
    const host = hostname.toLowerCase();
    return this.hostNames.some((pattern) => matchesHostPattern(pattern.toLowerCase(), host));
  }

  /** Writes the CA certificate to a PEM file. */
  async writeCaFile(path: string): Promise<void> {
    await writeFile(path, this.caPem, { mode: 0o644 });
  }

  /** Queues scripted responses for a route, which take precedence over the default behaviour. */
  script(route: RouteName, ...responses: ScriptedResponse[]): void {
    this.scripts.add(route, responses);
  }

  /** Returns how many scripted responses are still unused. */
  pendingScripts(route?: RouteName): number {
    return this.scripts.pending(route);
  }

  /** Returns the recorded requests, optionally of one route. */
  requests(route?: RouteName): RecordedRequest[] {
    return this.log.list(route);
  }

  /** Returns how many requests a route, or all routes, received. */
  count(route?: RouteName): number {
    return this.log.count(route);
  }

  counts(): Record<RouteName, number> {
    return this.log.counts();
  }

  /** Forgets the recorded requests and unused scripted responses. */
  reset(): void {
    this.log.clear();
    this.scripts.clear();
  }

  /** Makes API calls with this token succeed, as for a token from a scripted response. */
  acceptToken(token: string): void {
    this.state.acceptedTokens.add(token);
  }

  /** Makes API calls with this token get INVALID_SESSION_ID, even for a signed demo token. */
  expireToken(token: string): void {
    this.state.rejectedTokens.add(token);
  }

  /** Sets the retry budget that the query returns for one interface. */
  setRetryBudget(integration: string, iface: string, value: RetryBudgetValue): void {
    this.state.setRetryBudget(integration, iface, value);
  }

  /** Stops listening and ends every connection and pending response. */
  async close(): Promise<void> {
    this.closing.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await closed;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const body = await readRequestBody(request);
      const received = describeRequest(request, body);
      const scripted = this.scripts.take(received);
      const recorded: RecordedRequest = {
        ...received,
        handledBy: scripted ? 'script' : 'default',
      };
      this.log.add(recorded);

      const planned = scripted ?? this.respondByDefault(recorded);
      if (scripted && received.route === 'token') {
        this.acceptScriptedToken(scripted);
      }
      await writeScriptedResponse(response, planned, this.closing.signal);
    } catch (error) {
      // The client went away or the emulator is closing, so no response can be sent.
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.debug(
        `Emulator: ${request.method} ${pathOf(request)} ended without a response: ${reason}`,
      );
      response.destroy();
    }
  }

  private respondByDefault(request: RecordedRequest): ScriptedResponse {
    switch (request.route) {
      case 'token':
        return handleTokenRequest(request, this.state);
      case 'revoke':
        return handleRevokeRequest(request, this.state);
      case 'integrate':
        return handleIntegrateRequest(request, this.state);
      case 'query':
        return handleQueryRequest(request, this.state);
      default:
        return {
          status: 404,
          body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
        };
    }
  }

  private acceptScriptedToken(scripted: ScriptedResponse): void {
    const token = (scripted.body as { access_token?: unknown } | undefined)?.access_token;
    if (typeof token === 'string') {
      this.state.acceptedTokens.add(token);
    }
  }
}

/** Returns the route of a request path. */
export function routeOf(path: string): RouteName {
  if (path === '/services/oauth2/token') {
    return 'token';
  }
  if (path === '/services/oauth2/revoke') {
    return 'revoke';
  }
  if (path === '/services/apexrest/skyvvasolutions/V4/integrate') {
    return 'integrate';
  }
  return /^\/services\/data\/v\d+\.\d+\/query\/?$/.test(path) ? 'query' : 'other';
}

function describeRequest(request: IncomingMessage, body: string): RecordedRequest {
  const url = new URL(request.url ?? '/', 'https://emulator.invalid');
  const contentType = request.headers['content-type'] ?? '';
  const authorization = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  const servername = (request.socket as TLSSocket).servername;

  return {
    route: routeOf(url.pathname),
    method: request.method ?? 'GET',
    host: hostWithoutPort(request.headers.host ?? ''),
    servername: typeof servername === 'string' ? servername : undefined,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    rawQuery: url.search.replace(/^\?/, ''),
    headers: request.headers,
    body,
    form: contentType.startsWith('application/x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(body))
      : undefined,
    bearer,
    time: Date.now(),
    handledBy: 'default',
  };
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'https://emulator.invalid').pathname;
}

function hostWithoutPort(host: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  return (bracketed ? bracketed[1] : host.replace(/:\d+$/, '')).toLowerCase();
}

async function readRequestBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += (chunk as Buffer).length;
    if (length > MAX_REQUEST_BODY_BYTES) {
      throw new Error(
        `The request body exceeds the emulator's limit of ${MAX_REQUEST_BODY_BYTES} bytes.`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
