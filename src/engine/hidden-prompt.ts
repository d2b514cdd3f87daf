import { EngineError } from './engine-error';
import type { HiddenPrompt } from './secrets';

interface TerminalInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/**
 * Creates a prompt that reads one line from a terminal in raw mode, so the typed characters
 * are never echoed. Returns undefined when the input is not a terminal.
 */
export function createTerminalPrompt(
  input: TerminalInput,
  output: NodeJS.WritableStream,
): HiddenPrompt | undefined {
  if (input.isTTY !== true || input.setRawMode === undefined) {
    return undefined;
  }
  const setRawMode = input.setRawMode.bind(input);
  return (question, signal) =>
    new Promise<string>((resolve, reject) => {
      let value = '';
      const finish = (error?: EngineError): void => {
        input.removeListener('data', onData);
        signal?.removeEventListener('abort', onAbort);
        setRawMode(false);
        input.pause();
        output.write('\n');
        if (error === undefined) {
          resolve(value);
        } else {
          reject(error);
        }
      };
      const onAbort = (): void => finish(new EngineError('CANCELLED', 'The prompt was cancelled.'));
      const onData = (chunk: Buffer | string): void => {
        for (const character of chunk.toString()) {
          if (character === '\r' || character === '\n' || character === CTRL_D) {
            finish();
            return;
          }
          if (character === CTRL_C) {
            onAbort();
            return;
          }
          value = BACKSPACE.has(character) ? value.slice(0, -1) : value + character;
        }
      };
      output.write(question);
      setRawMode(true);
      input.resume();
      input.on('data', onData);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}
