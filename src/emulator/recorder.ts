import type { IncomingHttpHeaders } from 'node:http';

/** The emulator's routes. Every request belongs to exactly one. */
export type RouteName = 'token' | 'revoke' | 'integrate' | 'query' | 'other';

/** One request as the emulator received it. */
export interface RecordedRequest {
  readonly route: RouteName;
  readonly method: string;
  /** Host name from the Host header, lower case, without port. */
  readonly host: string;
  /** Host name the client sent in TLS SNI, if any. */
  readonly servername?: string;
  readonly path: string;
  /** Query parameters. A repeated name keeps its last value. */
  readonly query: Readonly<Record<string, string>>;
  /** The raw query string without `?`, empty when there is none. */
  readonly rawQuery: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body, decoded as UTF-8. */
  readonly body: string;
  /** The parsed body of an `application/x-www-form-urlencoded` request. */
  readonly form?: Readonly<Record<string, string>>;
  /** The token of an `Authorization: Bearer` header. */
  readonly bearer?: string;
  /** Arrival time, epoch milliseconds. */
  readonly time: number;
  /** Whether a scripted response or the default behaviour handled the request. */
  readonly handledBy: 'script' | 'default';
}

/** The list of received requests, with counts per route. */
export class RequestLog {
  private readonly entries: RecordedRequest[] = [];

  add(request: RecordedRequest): void {
    this.entries.push(request);
  }

  /** Returns the requests in arrival order, optionally only those of one route. */
  list(route?: RouteName): RecordedRequest[] {
    return route === undefined ? [...this.entries] : this.entries.filter((r) => r.route === route);
  }

  /** Returns how many requests a route received, or all routes together. */
  count(route?: RouteName): number {
    return this.list(route).length;
  }

  /** Returns the number of requests per route. */
  counts(): Record<RouteName, number> {
    const counts = { token: 0, revoke: 0, integrate: 0, query: 0, other: 0 };
    for (const entry of this.entries) {
      counts[entry.route] += 1;
    }
    return counts;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
