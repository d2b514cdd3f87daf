import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';

import type { LoopbackHostMap } from '../engine/http/loopback-host-map';

const LOOPBACK = '127.0.0.1';

export interface ConnectProxyOptions {
  /** Sends CONNECT targets to loopback servers, such as the emulator's `hostMap()`. */
  readonly hostMap: LoopbackHostMap;
  /** Basic credentials the proxy requires. Without them it accepts every client. */
  readonly credentials?: { readonly username: string; readonly password: string };
}

/** One CONNECT request as the proxy received it. */
export interface ConnectRecord {
  /** The request target as sent, such as `acme.my.salesforce.com:443`. */
  readonly target: string;
  readonly outcome: 'tunnel' | 'auth-required' | 'refused' | 'upstream-failed';
  /** Whether the request carried a Proxy-Authorization header. */
  readonly hadCredentials: boolean;
  /** Arrival time, epoch milliseconds. */
  readonly time: number;
}

/**
 * A CONNECT proxy on 127.0.0.1 for other processes. It tunnels `CONNECT host:port` to the
 * loopback target that the host map names and rejects every other host with 403. Wrong or
 * missing credentials get 407, and requests other than CONNECT get 405.
 */
export class ConnectProxy {
  private readonly records: ConnectRecord[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly options: ConnectProxyOptions,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
      this.handleConnect(request, socket, head);
    });
    server.on('request', (_request, response) => {
      response.writeHead(405, { 'content-type': 'text/plain', connection: 'close' });
      response.end('This proxy accepts only CONNECT requests.\n');
    });
  }

  /** Listens on a random port of 127.0.0.1. */
  static async start(options: ConnectProxyOptions): Promise<ConnectProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, LOOPBACK, () => resolve());
    });
    return new ConnectProxy(server, options);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Returns the proxy URL, with the configured credentials unless `withCredentials` is false. */
  url(withCredentials = true): string {
    const credentials = this.options.credentials;
    if (!withCredentials || credentials === undefined) {
      return `http://${LOOPBACK}:${this.port}`;
    }
    const user = encodeURIComponent(credentials.username);
    const password = encodeURIComponent(credentials.password);
    return `http://${user}:${password}@${LOOPBACK}:${this.port}`;
  }

  /** Returns the CONNECT requests received so far. */
  connects(): ConnectRecord[] {
    return [...this.records];
  }

  clearRecords(): void {
    this.records.length = 0;
  }

  /** Stops listening and ends every tunnel. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await closed;
  }

  private handleConnect(request: IncomingMessage, client: Socket, head: Buffer): void {
    const target = request.url ?? '';
    const hadCredentials = request.headers['proxy-authorization'] !== undefined;
    const record = (outcome: ConnectRecord['outcome']) =>
      this.records.push({ target, outcome, hadCredentials, time: Date.now() });
    client.on('error', () => client.destroy());

    if (!this.isAuthorized(request.headers['proxy-authorization'])) {
      record('auth-required');
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\n' +
          'Proxy-Authenticate: Basic realm="emulator proxy"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const destination = this.resolveTarget(target);
    if (destination === undefined) {
      record('refused');
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }

    let isTunnelOpen = false;
    const upstream = connect(destination.port, destination.address, () => {
      isTunnelOpen = true;
      record('tunnel');
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.once('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => {
      if (!isTunnelOpen && !client.destroyed) {
        record('upstream-failed');
        client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      }
      client.destroy();
    });
    client.once('close', () => upstream.destroy());
  }

  private resolveTarget(target: string) {
    const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target);
    return match
      ? this.options.hostMap(match[1].replace(/^\[|\]$/g, ''), Number(match[2]))
      : undefined;
  }

  private isAuthorized(header: string | undefined): boolean {
    const credentials = this.options.credentials;
    if (credentials === undefined) {
      return true;
    }
    const expected = Buffer.from(
      `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
    );
    const actual = Buffer.from(header ?? '');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
