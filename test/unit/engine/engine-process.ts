/**
 * A separate engine process for the cache tests. It reads its task as JSON from the
 * ENGINE_PROCESS_TASK environment variable and prints one JSON line with the outcome. Without
 * that variable it does nothing, so a test runner that loads it finds no tests.
 */
import { analyzeText } from '../../../src/engine/analyze';
import { ChannelEngine } from '../../../src/engine/channel-engine';
import { loadRunConfig } from '../../../src/engine/config';
import { createHttpClient, createLoopbackHostMap } from '../../../src/engine/http';
import { Redactor } from '../../../src/engine/redact';
import { createHttpTransport } from '../../../src/engine/salesforce/transport';
import { createCliSecretResolver } from '../../../src/engine/secrets';
import { FileSessionStore } from '../../../src/engine/session/file-session-store';
import { computeCacheKey } from '../../../src/engine/session/session';
import type { Logger } from '../../../src/engine/logger';

export interface EngineProcessTask {
  readonly mode: 'send' | 'hold-lock';
  readonly channelText: string;
  readonly cacheDir: string;
  readonly emulatorPort: number;
  readonly caFile: string;
  readonly lockStaleMs: number;
}

async function run(task: EngineProcessTask): Promise<void> {
  const redactor = new Redactor();
  const warnings: string[] = [];
  const logger: Logger = {
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => warnings.push(message),
    error: () => undefined,
  };
  const store = new FileSessionStore({
    directory: task.cacheDir,
    logger,
    lockStaleMs: task.lockStaleMs,
  });
  const config = await loadRunConfig(analyzeText(task.channelText), 'send', {
    resolver: createCliSecretResolver({ env: {}, prompt: undefined }),
    redactor,
  });

  if (task.mode === 'hold-lock') {
    await store.withLock(computeCacheKey(config), async () => {
      process.stdout.write('LOCKED\n');
      // A pending promise alone lets Node exit; the timer keeps the process alive until killed.
      setInterval(() => undefined, 1000);
      await new Promise(() => undefined);
    });
    return;
  }

  const client = await createHttpClient({
    env: {},
    extraCaFile: task.caFile,
    loopbackHosts: createLoopbackHostMap(['*.my.salesforce.com'], task.emulatorPort, '127.0.0.1'),
    redactor,
  });
  const engine = new ChannelEngine({
    transport: createHttpTransport(client),
    store,
    redactor,
    toolVersion: '0.1.0',
    logger,
  });
  const auditLines: string[] = [];
  try {
    const result = await engine.sendTestMessage(
      config,
      { format: 'JSON', text: '{"Account":{"Name":"Example"}}' },
      { onAuditLine: (line) => auditLines.push(line) },
    );
    process.stdout.write(`${JSON.stringify({ status: result.status, auditLines, warnings })}\n`);
  } finally {
    await client.close();
  }
}

const taskText = process.env.ENGINE_PROCESS_TASK;
if (taskText !== undefined) {
  run(JSON.parse(taskText) as EngineProcessTask).catch((error: unknown) => {
    process.stdout.write(`${JSON.stringify({ status: 'error', message: String(error) })}\n`);
    process.exitCode = 1;
  });
}
