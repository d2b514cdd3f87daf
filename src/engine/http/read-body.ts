/** The largest response body the client keeps: 1 MiB. Longer bodies are cut off. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The bytes of a response body, cut off after a limit. */
export interface LimitedBody {
  readonly bytes: Buffer;
  /** Whether the body was longer than the limit and its rest was discarded. */
  readonly truncated: boolean;
}

/**
 * Reads a body stream up to `maxBytes`. When the body is longer, the stream is destroyed at
 * that point, which closes the connection instead of downloading the rest.
 */
export async function readLimitedBody(
  stream: AsyncIterable<Uint8Array> & { destroy(): unknown },
  maxBytes: number,
): Promise<LimitedBody> {
  const chunks: Buffer[] = [];
  let length = 0;

  for await (const chunk of stream) {
    const buffer = Buffer.from(chunk);
    if (length + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - length));
      stream.destroy();
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(buffer);
    length += buffer.length;
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}
