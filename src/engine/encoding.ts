import { isUtf8 } from 'node:buffer';
import { makeFinding, type Finding } from './findings';

/** The text of a channel file, or the finding that explains why its bytes cannot be read. */
export type DecodeResult = { ok: true; text: string } | { ok: false; finding: Finding };

function unsupported(encoding: string): DecodeResult {
  return {
    ok: false,
    finding: makeFinding({
      code: 'unsupported-encoding',
      severity: 'error',
      message: `Unsupported encoding: the file is ${encoding}. Save it as UTF-8.`,
      range: { offset: 0, length: 0 },
    }),
  };
}

/** Names the encoding a byte order mark or a NUL pattern reveals, or undefined for none. */
function detectForeignEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe) {
    return b2 === 0 && b3 === 0 ? 'UTF-32 LE' : 'UTF-16 LE';
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return 'UTF-16 BE';
  }
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) {
    return 'UTF-32 BE';
  }
  // Without a byte order mark, UTF-16 shows as a NUL byte beside each ASCII character.
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) {
    return 'UTF-16 LE (without byte order mark)';
  }
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) {
    return 'UTF-16 BE (without byte order mark)';
  }
  return undefined;
}

/** Returns the offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Decoding a prefix fails once it contains the bad byte (or a cut sequence just before it).
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), {
        stream: true,
      });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}

/**
 * Returns the start of the sequence that contains `offset`: decoding fails at the byte after an
 * incomplete sequence, but the sequence's lead byte is the one to name.
 */
function leadByteOf(bytes: Uint8Array, offset: number): number {
  let start = offset;
  // Continuation bytes are 10xxxxxx; a sequence has at most three after its lead byte.
  while (start > 0 && offset - start < 3 && ((bytes[start - 1] ?? 0) & 0xc0) === 0x80) {
    start--;
  }
  const lead = bytes[start - 1] ?? 0;
  return start > 0 && (lead & 0xc0) === 0xc0 ? start - 1 : offset;
}

/**
 * Decodes the saved bytes of a channel file: UTF-8 with or without a byte order mark. Any other
 * encoding becomes an `unsupported-encoding` finding, so nothing runs on a misread file.
 */
export function decodeChannelBytes(bytes: Uint8Array): DecodeResult {
  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  const foreign = hasUtf8Bom ? undefined : detectForeignEncoding(bytes);
  if (foreign !== undefined) {
    return unsupported(foreign);
  }
  if (isUtf8(body)) {
    return {
      ok: true,
      text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'),
    };
  }
  {
    const offset = leadByteOf(body, firstInvalidUtf8Byte(body)) + (hasUtf8Bom ? 3 : 0);
    return unsupported(
      `not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at byte offset ` +
        `${offset}; Windows-1252 or ISO-8859-1 perhaps)`,
    );
  }
}
