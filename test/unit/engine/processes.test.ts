import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';

import { tokenSuccess } from '../../../src/emulator';
import { computeCacheKey } from '../../../src/engine/session/session';
import type { EngineProcessTask } from './engine-process';
import type { EngineHarness } from './engine-harness';
import { ONE_RECORD, channelText, clientCredentials, startHarness } from './engine-harness';

const LOCK_STALE_MS = 2000;

interface ProcessOutcome {
  readonly status: string;
  readonly auditLines?: string[];
  readonly warnings?: string[];
  readonly message?: string;
}

function startProcess(task: EngineProcessTask): ChildProcess {
  return spawn(process.execPath, [join(__dirname, 'engine-process.js')], {
    env: { PATH: process.env.PATH, ENGINE_PROCESS_TASK: JSON.stringify(task) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function outcomeOf(child: ChildProcess): Promise<ProcessOutcome> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ProcessOutcome;
}

async function waitForLine(child: ChildProcess, expected: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(expected)) {
        resolve();
      }
    });
    child.once('exit', () => reject(new Error(`The process exited before printing ${expected}.`)));
  });
}

describe('cache shared by processes', () => {
  let harness: EngineHarness;

  before(async () => {
    harness = await startHarness({ lockStaleMs: LOCK_STALE_MS });
  });

  afterEach(() => harness.reset());

  after(async () => {
    await harness.close();
  });

  function task(mode: EngineProcessTask['mode'], host: string): EngineProcessTask {
    return {
      mode,
      channelText: channelText(clientCredentials(host, 'SECRET-PROCESS')),
      cacheDir: harness.cacheDir,
      emulatorPort: harness.env.emulator.port,
      caFile: harness.env.caFile,
      lockStaleMs: LOCK_STALE_MS,
    };
  }

  it('makes one token request for two processes', async () => {
    const { emulator } = harness.env;
    const instanceUrl = 'https://shared.my.salesforce.com';
    emulator.script(
      'token',
      { ...tokenSuccess({ accessToken: 'TOKEN-1', instanceUrl }), delayMs: 200 },
      { ...tokenSuccess({ accessToken: 'TOKEN-2', instanceUrl }), delayMs: 200 },
    );
    harness.answerBudget(0);
    const children = [
      startProcess(task('send', 'shared.my.salesforce.com')),
      startProcess(task('send', 'shared.my.salesforce.com')),
    ];
    const outcomes = await Promise.all(children.map(outcomeOf));

    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['success', 'success'],
    );
    assert.equal(emulator.count('token'), 1);
    assert.equal(emulator.count('integrate'), 2);
    const names = await readdir(harness.cacheDir);
    assert.equal(names.length, 1);
    const content = JSON.parse(await readFile(join(harness.cacheDir, names[0]), 'utf8')) as {
      session: { accessToken: string };
    };
    assert.equal(content.session.accessToken, 'TOKEN-1');
    const origins = outcomes.flatMap((outcome) =>
      (outcome.auditLines ?? []).filter((line) =>
        /Pick up new session id|Session Id from Cache/.test(line),
      ),
    );
    assert.equal(origins.filter((line) => line.includes('Pick up new session id')).length, 1);
    assert.equal(origins.filter((line) => line.includes('Session Id from Cache')).length, 1);
  });

  it('recovers the lock of a killed process', async () => {
    const { emulator } = harness.env;
    const host = 'org-lock.my.salesforce.com';
    emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-LOCK', instanceUrl: `https://${host}` }),
    );
    emulator.acceptToken('TOKEN-LOCK');
    harness.answerBudget(0);
    const holder = startProcess(task('hold-lock', host));
    await waitForLine(holder, 'LOCKED');
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;

    const config = await harness.config(clientCredentials(host, 'SECRET-PROCESS'));
    const lockName = `${harness.store.locationOf(computeCacheKey(config)).slice(harness.cacheDir.length + 1)}.lock`;
    const leftover = await readdir(harness.cacheDir);
    assert.ok(leftover.includes(lockName), `no lock left behind: ${leftover.join(', ')}`);
    const started = Date.now();
    const result = await harness
      .newEngine()
      .sendTestMessage(config, ONE_RECORD, harness.runOptions());
    const waited = Date.now() - started;

    assert.equal(result.status, 'success');
    assert.ok(waited < LOCK_STALE_MS + 3000, `waited ${waited} ms`);
    assert.equal(emulator.count('token'), 1);
    assert.deepEqual(await readdir(harness.cacheDir), [lockName.replace(/\.lock$/, '')]);
  });
});
