import { EngineError } from './engine-error';

/** Clock, randomness and waiting, injected so that tests control time. */
export interface Timing {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A number in [0, 1). */
  random(): number;
  /** Waits `ms` milliseconds; rejects with CANCELLED as soon as the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Waits on a real timer that an AbortSignal cancels. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = (): EngineError =>
      new EngineError('CANCELLED', 'The operation was cancelled.', { cause: signal?.reason });
    if (signal?.aborted === true) {
      reject(cancelled());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const realTiming: Timing = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep,
};

/**
 * Waits for a promise that other callers may share, rejecting with CANCELLED as soon as the
 * signal aborts. The promise itself keeps running for the other callers.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) {
    return promise;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(
        new EngineError('CANCELLED', 'The operation was cancelled.', { cause: signal.reason }),
      );
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
