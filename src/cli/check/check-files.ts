import { readFile } from 'node:fs/promises';
import { analyzeBytes, type Analysis } from '../../engine/analyze';

/** The outcome for one file: its analysis, or why it could not be read. */
export type FileResult =
  | { readonly file: string; readonly analysis: Analysis; readonly text: string }
  | { readonly file: string; readonly readError: string };

/** Files read at the same time; enough to hide disk latency without holding many handles. */
const CONCURRENT_READS = 16;

async function checkOne(file: string): Promise<FileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { file, readError: `cannot read the file (${code})` };
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
