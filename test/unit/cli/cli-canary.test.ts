import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { tokenError, tokenSuccess } from '../../../src/emulator';
import type { CliHarness } from './cli-harness';
import { startCliHarness } from './cli-harness';
import { runCliProcess } from './cli-process';
import type { ProcessResult } from './cli-process';

const CANARIES = {
  consumerSecret: 'CANARY-SECRET-CLI',
  password: 'CANARY-PW-CLI',
  extraPassword: 'CANARY-PWX-CLI',
  accessToken: 'CANARY-TOKEN-CLI',
  proxyPassword: 'CANARY-PROXY-CLI',
};
const HOST = 'canary.my.salesforce.com';

/** Returns the canaries found in the text, also when URL-encoded. */
function leakedCanaries(text: string): string[] {
  return Object.values(CANARIES).filter(
    (canary) => text.includes(canary) || text.includes(encodeURIComponent(canary)),
  );
}

describe('secrets in CLI output', () => {
  let harness: CliHarness;
  let cacheDir: string;
  let channel: string;
  let env: Record<string, string>;
  const results: ProcessResult[] = [];

  before(async () => {
    harness = await startCliHarness({
      proxyCredentials: { username: 'proxyuser', password: CANARIES.proxyPassword },
    });
    cacheDir = join(harness.folder, 'canary-cache');
    channel = await harness.writeChannel('canary', {
      ...harness.demoChannel(HOST, {
        OAuth2Flow: 'Username-Password',
        ConsumerSecret: '${env:CANARY_CONSUMER_SECRET}',
        SforceUsername: 'integration.user@example.invalid',
        pwdSforceLoginPassword: CANARIES.password,
        SforceShowSAPChannelParameters: 'X',
        SforceRequestPayload: 'X',
      }),
      pwdExtraSetting: CANARIES.extraPassword,
    });
    env = { ...harness.env, CANARY_CONSUMER_SECRET: CANARIES.consumerSecret };
  });

  after(async () => {
    await harness.close();
  });

  /** Runs the CLI on the shared cache. `token` and `send` also print every log level. */
  async function run(argv: string[]): Promise<ProcessResult> {
    const verbose = argv[0] === 'cache' ? [] : ['--verbose'];
    const result = await runCliProcess(
      [...argv, '--cache-dir', cacheDir, ...verbose],
      env,
      harness.folder,
    );
    results.push(result);
    return result;
  }

  it('sends with every secret planted', async () => {
    harness.emulator.script(
      'token',
      tokenSuccess({ accessToken: CANARIES.accessToken, instanceUrl: `https://${HOST}` }),
    );
    const fresh = await run(['send', channel]);
    const cached = await run(['send', channel]);
    const token = await run(['token', channel]);

    assert.equal(fresh.code, 0, fresh.stderr);
    assert.equal(cached.code, 0, cached.stderr);
    assert.equal(token.code, 0, token.stderr);
    const [tokenRequest] = harness.emulator.requests('token');
    assert.equal(tokenRequest.form?.client_secret, CANARIES.consumerSecret);
    assert.equal(tokenRequest.form?.password, CANARIES.password);
    assert.equal(harness.emulator.requests('integrate')[1].bearer, CANARIES.accessToken);
    assert.match(fresh.stdout, /^ {2}pwdExtraSetting: \*{8}$/m);
    assert.match(fresh.stdout, /^ {2}ConsumerSecret: \*{8}$/m);
  });

  it('fails with secrets in the response', async () => {
    const description = `client secret ${CANARIES.consumerSecret} rejected`;
    harness.emulator.script('token', tokenError('invalid_client', description));
    const result = await run(['token', channel, '--renew']);

    assert.equal(result.code, 1);
    assert.match(result.stderr, /invalid_client - client secret \*{8} rejected/);
  });

  it('lists the cache with secrets planted', async () => {
    const result = await run(['cache', 'list']);

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^UP_[0-9a-f]{12} +Username-Password/m);
  });

  it('shows no canary in any output', async () => {
    assert.equal(results.length, 5);
    for (const [index, result] of results.entries()) {
      assert.deepEqual(leakedCanaries(result.stdout), [], `stdout of run ${index + 1}`);
      assert.deepEqual(leakedCanaries(result.stderr), [], `stderr of run ${index + 1}`);
    }
  });

  it('shows no canary in cache file names', async () => {
    const names = await readdir(cacheDir);

    assert.equal(names.length, 1);
    assert.deepEqual(leakedCanaries(names.join('\n')), []);
    const info = await stat(join(cacheDir, names[0]));
    assert.equal(info.mode & 0o777, 0o600);
    assert.equal((await stat(cacheDir)).mode & 0o777, 0o700);
  });
});
