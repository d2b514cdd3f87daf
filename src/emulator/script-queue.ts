import type { RequestPredicate, ScriptedResponse } from './scripted-responses';
import type { RecordedRequest, RouteName } from './recorder';

interface QueuedResponse {
  readonly response: ScriptedResponse;
  remaining: number;
}

/**
 * Scripted responses per route, in the order they were added. A request takes the first
 * response whose condition it meets. A response is removed once it has served its `times`.
 */
export class ScriptQueue {
  private readonly queues = new Map<RouteName, QueuedResponse[]>();

  add(route: RouteName, responses: readonly ScriptedResponse[]): void {
    const queue = this.queues.get(route) ?? [];
    for (const response of responses) {
      queue.push({ response, remaining: response.times ?? 1 });
    }
    this.queues.set(route, queue);
  }

  /** Removes and returns the first matching response, or undefined for the default behaviour. */
  take(request: RecordedRequest): ScriptedResponse | undefined {
    const queue = this.queues.get(request.route) ?? [];
    const index = queue.findIndex((entry) => matches(entry.response.when, request));
    if (index < 0) {
      return undefined;
    }
    const entry = queue[index];
    entry.remaining -= 1;
    if (entry.remaining <= 0) {
      queue.splice(index, 1);
    }
    return entry.response;
  }

  /** Returns how many scripted responses of a route, or of all routes, are still unused. */
  pending(route?: RouteName): number {
    const routes = route === undefined ? [...this.queues.keys()] : [route];
    return routes.reduce((sum, name) => sum + (this.queues.get(name)?.length ?? 0), 0);
  }

  clear(): void {
    this.queues.clear();
  }
}

function matches(predicate: RequestPredicate | undefined, request: RecordedRequest): boolean {
  if (predicate === undefined) {
    return true;
  }
  if (typeof predicate === 'function') {
    return predicate(request);
  }
  return (
    (predicate.grantType === undefined || predicate.grantType === request.form?.grant_type) &&
    (predicate.bearer === undefined || predicate.bearer === request.bearer) &&
    (predicate.host === undefined || predicate.host.toLowerCase() === request.host) &&
    (predicate.path === undefined || predicate.path === request.path)
  );
}
