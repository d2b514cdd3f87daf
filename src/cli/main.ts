import { processIo } from './io';
import { runCli } from './program';

// The first Ctrl-C cancels the running request through the signal, so locks are released and
// the transcript ends cleanly. A second Ctrl-C ends the process at once, as Node does by default.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

// A reader that closes early, as `| head` does, is no error of this tool: it stops quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      throw error;
    }
    process.exit(process.exitCode ?? 0);
  });
}

runCli(process.argv.slice(2), processIo(interrupt.signal)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `skyvva-channel: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
