import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Channel files and payloads larger than this are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** An input that is not a regular file or is too large, with a code like Node's errors. */
export class InputFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'ETOOBIG',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a regular file. A FIFO, a device or a folder is refused without waiting for data,
 * because the file is opened without blocking and checked before it is read.
 */
export async function readRegularFile(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw new InputFileError('ENOTREG', 'not a regular file');
    }
    if (info.size > MAX_INPUT_BYTES) {
      throw new InputFileError('ETOOBIG', `larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
