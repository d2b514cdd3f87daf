export type { HttpClientOptions, HttpRequest, HttpResponse } from './client';
export { HttpClient, createHttpClient } from './client';
export type { DispatcherOptions, NetworkSettings } from './dispatcher';
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_RESPONSE_TIMEOUT_MS,
  NetworkDispatcher,
  createDispatcher,
} from './dispatcher';
export type { NetworkErrorCode } from './errors';
export { NetworkError, isNetworkError } from './errors';
export type { LoopbackHostMap, LoopbackTarget } from './loopback-host-map';
export { createLoopbackHostMap } from './loopback-host-map';
export type { Environment } from './proxy-settings';
export { MAX_BODY_BYTES } from './read-body';
