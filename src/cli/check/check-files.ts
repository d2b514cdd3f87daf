import { analyzeBytes, type Analysis } from '../../engine/analyze';
import { readRegularFile } from '../read-regular-file';

/** The outcome for one file: its analysis, or why it could not be read. */
export type FileResult =
  | { readonly file: string; readonly analysis: Analysis; readonly text: string }
  | { readonly file: string; readonly readError: string };

/** Files read at the same time; enough to hide disk latency without holding many handles. */
const CONCURRENT_READS = 16;

async function checkOne(file: string): Promise<FileResult> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOTREG' || code === 'ETOOBIG' ? message : (code ?? 'unknown error');
    return { file, readError: `cannot read the file (${reason})` };
  }
  const analysis = analyzeBytes(bytes);
  return { file, analysis, text: analysis.document.text };
}

/**
 * Analyses files with a bounded number of reads in flight and hands each result to `onResult`
 * in input order, so output streams while later files are still being read.
 */
export async function checkFiles(
  files: readonly string[],
  onResult: (result: FileResult) => void,
): Promise<void> {
  const pending: Promise<FileResult>[] = [];
  let next = 0;
  const startNext = (): void => {
    if (next < files.length) {
      pending.push(checkOne(files[next++] as string));
    }
  };
  for (let i = 0; i < CONCURRENT_READS; i++) {
    startNext();
  }
  for (let index = 0; index < files.length; index++) {
    const result = await (pending[index] as Promise<FileResult>);
    delete pending[index];
    startNext();
    onResult(result);
  }
}
