import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import type { ScriptedResponse } from './scripted-responses';

const JSON_TYPE = 'application/json;charset=UTF-8';
const HUGE_BODY_CHUNK = Buffer.alloc(64 * 1024, 'x');

/**
 * Writes a scripted response, including its delay and fault. Every wait ends early when
 * `closing` is aborted, so closing the emulator never waits for a slow response.
 */
export async function writeScriptedResponse(
  response: ServerResponse,
  scripted: ScriptedResponse,
  closing: AbortSignal,
): Promise<void> {
  if (scripted.delayMs !== undefined && scripted.delayMs > 0) {
    await sleep(scripted.delayMs, undefined, { signal: closing });
  }
  const fault = scripted.fault;
  if (fault?.kind === 'reset') {
    resetSocket(response.socket);
    return;
  }
  if (fault?.kind === 'hang') {
    await waitUntilClosed(response, closing);
    return;
  }

  const { contentType, text } = serializeBody(scripted.body);
  const headers = { 'content-type': contentType, ...lowerCaseKeys(scripted.headers) };
  const status = scripted.status ?? 200;

  if (fault?.kind === 'huge-body') {
    response.writeHead(status, headers);
    await writeFiller(response, fault.bytes, closing);
    return;
  }
  if (fault?.kind === 'slow-body') {
    response.writeHead(status, headers);
    await writeInPieces(response, text, fault.chunks, fault.chunkDelayMs, closing);
    return;
  }
  response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** Serializes a body: a string as it is, any other value as JSON. */
export function serializeBody(body: ScriptedResponse['body']): {
  contentType: string;
  text: string;
} {
  if (body === undefined) {
    return { contentType: JSON_TYPE, text: '' };
  }
  if (typeof body === 'string') {
    return { contentType: 'text/plain;charset=UTF-8', text: body };
  }
  return { contentType: JSON_TYPE, text: JSON.stringify(body) };
}

/** Resets the TCP connection under a TLS socket, so the client sees ECONNRESET. */
function resetSocket(socket: Socket | null): void {
  const raw = (socket as (Socket & { _parent?: Socket }) | null)?._parent ?? socket;
  if (raw && typeof raw.resetAndDestroy === 'function') {
    raw.resetAndDestroy();
  }
  socket?.destroy();
}

async function waitUntilClosed(response: ServerResponse, closing: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => {
    response.once('close', resolve);
    closing.addEventListener('abort', () => resolve(), { once: true });
  });
  response.destroy();
}

async function writeFiller(response: ServerResponse, bytes: number, closing: AbortSignal) {
  let left = bytes;
  while (left > 0 && !response.destroyed && !closing.aborted) {
    const chunk = HUGE_BODY_CHUNK.subarray(0, Math.min(left, HUGE_BODY_CHUNK.length));
    left -= chunk.length;
    if (!response.write(chunk)) {
      await waitForDrain(response);
    }
  }
  response.end();
}

function waitForDrain(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}

async function writeInPieces(
  response: ServerResponse,
  text: string,
  pieces: number,
  delayMs: number,
  closing: AbortSignal,
): Promise<void> {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, pieces)));
  for (let start = 0; start < text.length; start += size) {
    if (start > 0) {
      await sleep(delayMs, undefined, { signal: closing });
    }
    if (response.destroyed) {
      return;
    }
    response.write(text.slice(start, start + size));
  }
  response.end();
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
