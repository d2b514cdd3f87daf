import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';

import { tokenError, tokenSuccess } from '../../../src/emulator';
import { runCli } from '../../../src/cli/program';
import { formatIssuedAt } from '../../../src/cli/token-command';
import { captureIo } from './capture-io';
import type { CliHarness } from './cli-harness';
import { sessionOriginLines, startCliHarness } from './cli-harness';

describe('token command', () => {
  let harness: CliHarness;
  let cacheDir: string;
  let runs = 0;

  before(async () => {
    harness = await startCliHarness({ emulator: { extraHostNames: ['auth.example.test'] } });
  });

  afterEach(() => {
    harness.emulator.reset();
    harness.proxy.clearRecords();
  });

  after(async () => {
    await harness.close();
  });

  /** Runs the CLI in this process, in the harness folder. */
  async function run(argv: string[], env: Record<string, string> = harness.env) {
    const io = captureIo(harness.folder, env);
    const code = await runCli(argv, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  }

  function freshCache(): string {
    cacheDir = join(harness.folder, `cache-${++runs}`);
    return cacheDir;
  }

  it('prints the session, never the token', async () => {
    const channel = await harness.writeChannel('token-print', harness.demoChannel());
    const result = await run(['token', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^Flow: +Client-Credentials$/m);
    assert.match(result.out, /^Instance URL: +https:\/\/acme\.my\.salesforce\.com$/m);
    assert.match(result.out, /^Issued at: +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/m);
    assert.match(result.out, /^Session fingerprint: +[0-9a-f]{8} \(new from Salesforce\)$/m);
    assert.match(result.out, /Begin session handling \(SKYVVA version 2\.3\.6\)/);
    const issued = harness.emulator.requests('token');
    assert.equal(issued.length, 1);
    assert.equal(harness.emulator.count('integrate'), 0);
    assert.equal(harness.proxy.connects()[0]?.target, 'acme.my.salesforce.com:443');
  });

  it('reuses the cached session', async () => {
    const channel = await harness.writeChannel('token-cache', harness.demoChannel());
    const dir = freshCache();
    const first = await run(['token', channel, '--cache-dir', dir]);
    const second = await run(['token', channel, '--cache-dir', dir]);

    assert.equal(first.code, 0, first.err);
    assert.equal(second.code, 0, second.err);
    assert.equal(harness.emulator.count('token'), 1);
    assert.deepEqual(sessionOriginLines(first.out), { fresh: 1, cached: 0 });
    assert.deepEqual(sessionOriginLines(second.out), { fresh: 0, cached: 1 });
    assert.match(second.out, /^Session fingerprint: +[0-9a-f]{8} \(from the cache\)$/m);
  });

  it('renews with --renew', async () => {
    const channel = await harness.writeChannel('token-renew', harness.demoChannel());
    const dir = freshCache();
    await run(['token', channel, '--cache-dir', dir]);
    const renewed = await run(['token', channel, '--cache-dir', dir, '--renew']);

    assert.equal(renewed.code, 0, renewed.err);
    assert.equal(harness.emulator.count('token'), 2);
    assert.deepEqual(sessionOriginLines(renewed.out), { fresh: 1, cached: 0 });
  });

  it('exits 1 on a rejected token request', async () => {
    harness.emulator.script('token', tokenError('invalid_client', 'invalid client credentials'));
    const channel = await harness.writeChannel('token-rejected', harness.demoChannel());
    const result = await run(['token', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 1);
    assert.match(
      result.err,
      /^skyvva-channel: Salesforce OAuth2 Client-Credentials error: invalid_client - invalid client credentials/m,
    );
    assert.doesNotMatch(result.err, /\n\s+at /, 'no stack trace');
    assert.match(result.out, /Failed: Salesforce OAuth2 Client-Credentials error/);
  });

  it('exits 1 on error findings without requests', async () => {
    const channel = await harness.writeChannel(
      'token-blank',
      harness.demoChannel(undefined, { AuthorizationServerURL: '   ', ConsumerSecret: '' }),
    );
    const result = await run(['token', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 1);
    assert.match(
      result.err,
      /OAuth2Flow=Client-Credentials requires the following channel parameters but they are missing or blank: AuthorizationServerURL, ConsumerSecret/,
    );
    assert.match(result.err, /token-blank\.skyvva\.json:\d+:\d+ error missing-parameter/);
    assert.equal(harness.emulator.count(), 0);
    assert.equal(harness.proxy.connects().length, 0);
  });

  it('exits 2 for a missing channel file', async () => {
    const result = await run(['token', 'missing.skyvva.json', '--cache-dir', freshCache()]);

    assert.equal(result.code, 2);
    assert.match(result.err, /Cannot read the channel file missing\.skyvva\.json \(ENOENT\)/);
    assert.equal(result.out, '');
  });

  it('exits 2 for an invalid retry budget', async () => {
    const channel = await harness.writeChannel('token-usage', harness.demoChannel());
    const result = await run(['token', channel, '--retry-budget', 'many']);

    assert.equal(result.code, 2);
    assert.match(result.err, /The retry budget must be a whole number of 0 or more/);
    assert.equal(harness.emulator.count(), 0);
  });

  it('refuses a non-Salesforce host without --allow-host', async () => {
    const channel = await harness.writeChannel(
      'token-foreign',
      harness.demoChannel('auth.example.test'),
    );
    const result = await run(['token', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 1);
    assert.match(result.err, /No credentials were sent to auth\.example\.test/);
    assert.match(result.err, /--allow-host auth\.example\.test/);
    assert.equal(harness.emulator.count('token'), 0);
    assert.equal(harness.proxy.connects().length, 0);
  });

  it('sends to a host named by --allow-host', async () => {
    harness.emulator.script(
      'token',
      tokenSuccess({ accessToken: 'TOKEN-ALLOWED', instanceUrl: 'https://auth.example.test' }),
    );
    const channel = await harness.writeChannel(
      'token-allowed',
      harness.demoChannel('auth.example.test'),
    );
    const allowHosts = ['--allow-host', 'other.example.test', '--allow-host', 'auth.example.test'];
    const argv = ['token', channel, '--cache-dir', freshCache(), ...allowHosts];
    const result = await run(argv);

    assert.equal(result.code, 0, result.err);
    assert.equal(harness.emulator.count('token'), 1);
    assert.equal(harness.emulator.requests('token')[0].host, 'auth.example.test');
    assert.doesNotMatch(result.out + result.err, /TOKEN-ALLOWED/);
  });

  it('fails without a terminal for a secret', async () => {
    const channel = await harness.writeChannel(
      'token-secret',
      harness.demoChannel(undefined, { ConsumerSecret: '${secret:DEMO_SECRET}' }),
    );
    const result = await run(['token', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 2);
    assert.match(result.err, /refers to the secret DEMO_SECRET/);
    assert.match(result.err, /Set the environment variable DEMO_SECRET/);
    assert.equal(harness.emulator.count(), 0);
    assert.equal(harness.proxy.connects().length, 0);
  });

  it('exits 2 for a missing variable', async () => {
    const channel = await harness.writeChannel(
      'token-env-missing',
      harness.demoChannel(undefined, { ConsumerSecret: '${env:MISSING_SECRET}' }),
    );
    const result = await run(['token', channel, '--cache-dir', freshCache()]);

    assert.equal(result.code, 2);
    assert.match(result.err, /environment variable MISSING_SECRET, which is not set or empty/);
    assert.equal(harness.emulator.count(), 0);
  });

  it('reads a secret from the environment', async () => {
    const channel = await harness.writeChannel(
      'token-env-secret',
      harness.demoChannel(undefined, { ConsumerSecret: '${secret:DEMO_SECRET}' }),
    );
    const env = { ...harness.env, DEMO_SECRET: harness.emulator.org.consumerSecret };
    const result = await run(['token', channel, '--cache-dir', freshCache()], env);

    assert.equal(result.code, 0, result.err);
    assert.equal(harness.emulator.requests('token')[0].form?.client_secret, env.DEMO_SECRET);
  });

  it('asks for a secret on a terminal', async () => {
    const channel = await harness.writeChannel(
      'token-prompt',
      harness.demoChannel(undefined, { ConsumerSecret: '${secret:DEMO_SECRET}' }),
    );
    const questions: string[] = [];
    const io = {
      ...captureIo(harness.folder, harness.env),
      isInteractive: true,
      prompt: async (question: string) => {
        questions.push(question);
        return harness.emulator.org.consumerSecret;
      },
    };
    const code = await runCli(['token', channel, '--cache-dir', freshCache()], io);

    assert.equal(code, 0, io.err.join(''));
    assert.deepEqual(questions, ['DEMO_SECRET (for ConsumerSecret): ']);
    assert.equal(harness.emulator.count('token'), 1);
  });

  it('prints parameters and debug logs with --verbose', async () => {
    const channel = await harness.writeChannel('token-verbose', harness.demoChannel());
    const result = await run(['token', channel, '--cache-dir', freshCache(), '--verbose']);

    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /^OAuth2Flow: Client-Credentials$/m);
    assert.match(result.err, /^ConsumerSecret: \*{8}$/m);
    assert.match(result.err, /^skyvva-channel debug: Session cache directory: /m);
    assert.match(result.err, /^skyvva-channel trace: POST https:\/\/acme\.my\.salesforce\.com/m);
    assert.doesNotMatch(result.err, new RegExp(harness.emulator.org.consumerSecret));
  });

  it('cancels cleanly on abort', async () => {
    harness.emulator.script('token', { fault: { kind: 'hang' } });
    const channel = await harness.writeChannel('token-cancel', harness.demoChannel());
    const interrupt = new AbortController();
    const io = { ...captureIo(harness.folder, harness.env), signal: interrupt.signal };
    const running = runCli(['token', channel, '--cache-dir', freshCache()], io);
    while (harness.emulator.count('token') === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    interrupt.abort();
    const code = await running;

    assert.equal(code, 130);
    assert.equal(io.err.join(''), 'skyvva-channel: cancelled.\n');
  });

  it('formats issue times', () => {
    assert.equal(formatIssuedAt('1700000000000'), '2023-11-14T22:13:20.000Z');
    assert.equal(formatIssuedAt(undefined), 'not reported');
    assert.equal(formatIssuedAt('yesterday'), 'yesterday');
  });
});
