import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type * as Sarif from 'sarif';
import { runCli } from '../../../src/cli/program';
import { captureIo } from './capture-io';

let folder: string;

const CLEAN = JSON.stringify(
  {
    parameters: {
      OAuth2Flow: 'Client-Credentials',
      AuthorizationServerURL: 'https://acme.my.salesforce.com/services/oauth2/token',
      ConsumerKey: 'CK',
      ConsumerSecret: '${env:SECRET}',
      Integration: 'I',
      Inteface: 'F',
      Operation: 'integrate',
      'SessionPooling.Active': 'X',
      SessionGlobalFilePath: '/usr/sap/TST/SYS/global',
    },
  },
  null,
  2,
);
const BROKEN = '{\n  "parameters": {\n    "oauth2Flow": "Client-Credentials"\n  }\n}\n';

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'skyvva-check-'));
  mkdirSync(join(folder, 'channels', 'node_modules'), { recursive: true });
  writeFileSync(join(folder, 'channels', 'clean.skyvva.json'), CLEAN);
  writeFileSync(join(folder, 'channels', 'broken.skyvva.json'), BROKEN);
  writeFileSync(join(folder, 'channels', 'node_modules', 'skipped.skyvva.json'), BROKEN);
  writeFileSync(join(folder, 'channels', 'other.json'), BROKEN);
});

after(() => rmSync(folder, { recursive: true, force: true }));

test('clean file exits 0', async () => {
  const io = captureIo(folder);
  assert.equal(await runCli(['check', 'channels/clean.skyvva.json'], io), 0);
  assert.equal(io.out.join(''), 'No problems in 1 file.\n');
});

test('error findings exit 1 with positions', async () => {
  const io = captureIo(folder);
  assert.equal(await runCli(['check', 'channels'], io), 1);
  const output = io.out.join('');
  assert.match(
    output,
    /^channels\/broken\.skyvva\.json:3:5 error parameter-name-case 'oauth2Flow' is not a module parameter/m,
  );
  assert.doesNotMatch(output, /node_modules|other\.json|clean\.skyvva/);
  assert.match(output, /in 1 of 2 files\.\n$/);
});

test('glob arguments are expanded', async () => {
  const io = captureIo(folder);
  assert.equal(await runCli(['check', 'channels/c*.skyvva.json'], io), 0);
  assert.match(io.out.join(''), /No problems in 1 file/);
});

test('unmatched argument exits 2', async () => {
  const io = captureIo(folder);
  assert.equal(await runCli(['check', 'channels/clean.skyvva.json', 'missing/'], io), 2);
  assert.match(io.err.join(''), /no channel files match 'missing\/'/);
  assert.match(io.out.join(''), /No problems in 1 file/);
});

test('unreadable file is reported, rest checked', async () => {
  const dangling = join(folder, 'channels', 'gone.skyvva.json');
  symlinkSync(join(folder, 'nowhere'), dangling);
  try {
    const io = captureIo(folder);
    const code = await runCli(
      ['check', 'channels/broken.skyvva.json', 'channels/gone.skyvva.json'],
      io,
    );
    assert.equal(code, 2);
    assert.match(io.err.join(''), /gone\.skyvva\.json: cannot read the file \(ENOENT\)/);
    assert.match(io.out.join(''), /broken\.skyvva\.json:3:5 error/);
    assert.match(io.out.join(''), /1 file could not be read/);
  } finally {
    rmSync(dangling);
  }
});

test('usage error exits 2', async () => {
  const io = captureIo(folder);
  assert.equal(await runCli(['check', '--format', 'xml', 'channels'], io), 2);
  assert.equal(await runCli(['frobnicate'], captureIo(folder)), 2);
  assert.equal(await runCli(['check'], captureIo(folder)), 2);
});

test('JSON output lists findings', async () => {
  const io = captureIo(folder);
  assert.equal(await runCli(['check', '--format', 'json', 'channels/broken.skyvva.json'], io), 1);
  const output = JSON.parse(io.out.join('')) as {
    files: { path: string; findings: { code: string; line: number; column: number }[] }[];
    summary: { error: number };
  };
  assert.equal(output.files[0]?.path, 'channels/broken.skyvva.json');
  const finding = output.files[0]?.findings.find((f) => f.code === 'parameter-name-case');
  assert.equal(finding?.line, 3);
  assert.equal(finding?.column, 5);
  assert.ok(output.summary.error >= 1);
});

test('SARIF output is a 2.1.0 log', async () => {
  const io = captureIo(folder);
  assert.equal(await runCli(['check', '--format', 'sarif', 'channels/broken.skyvva.json'], io), 1);
  const log = JSON.parse(io.out.join('')) as Sarif.Log;
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.equal(run?.tool.driver.name, 'skyvva-channel');
  const result = run?.results?.find((r) => r.ruleId === 'parameter-name-case');
  assert.equal(result?.level, 'error');
  assert.equal(
    result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
    'channels/broken.skyvva.json',
  );
  assert.equal(result?.locations?.[0]?.physicalLocation?.region?.startLine, 3);
  const rule = run?.tool.driver.rules?.[result?.ruleIndex ?? -1];
  assert.equal(rule?.id, 'parameter-name-case');
});

test('verbose output masks secrets', async () => {
  const file = join(folder, 'channels', 'secret.skyvva.json');
  writeFileSync(file, CLEAN.replace('${env:SECRET}', 'CANARY-VERBOSE'));
  try {
    const io = captureIo(folder);
    await runCli(['check', '--verbose', 'channels/secret.skyvva.json'], io);
    const output = io.out.join('');
    assert.match(output, /ConsumerSecret: \*{8}/);
    assert.doesNotMatch(output, /CANARY/);
  } finally {
    rmSync(file);
  }
});

test('thousands of files are all checked', async () => {
  const many = join(folder, 'many');
  mkdirSync(many);
  for (let i = 0; i < 2000; i++) {
    writeFileSync(join(many, `c${i}.skyvva.json`), i % 2 === 0 ? CLEAN : BROKEN);
  }
  const io = captureIo(folder);
  assert.equal(await runCli(['check', 'many'], io), 1);
  assert.match(io.out.join(''), /in 1000 of 2000 files\.\n$/);
});

test('FIFO and folder inputs are refused', async () => {
  const fifo = join(folder, 'channels', 'pipe.skyvva.json');
  execFileSync('mkfifo', [fifo]);
  try {
    const io = captureIo(folder);
    assert.equal(await runCli(['check', 'channels/pipe.skyvva.json', '/dev/zero'], io), 2);
    assert.match(
      io.err.join(''),
      /pipe\.skyvva\.json: cannot read the file \(not a regular file\)/,
    );
    assert.match(io.err.join(''), /\/dev\/zero: cannot read the file \(not a regular file\)/);
  } finally {
    rmSync(fifo);
  }
});

test('SARIF encodes URIs and lists unreadable files', async () => {
  const spaced = join(folder, 'sp ace');
  mkdirSync(spaced, { recursive: true });
  writeFileSync(join(spaced, 'ü b.skyvva.json'), BROKEN);
  const dangling = join(spaced, 'gone.skyvva.json');
  symlinkSync(join(folder, 'nowhere'), dangling);
  try {
    const io = captureIo(folder);
    await runCli(
      ['check', '--format', 'sarif', 'sp ace/ü b.skyvva.json', 'sp ace/gone.skyvva.json'],
      io,
    );
    const log = JSON.parse(io.out.join('')) as Sarif.Log;
    const run = log.runs[0];
    const uri = run?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    assert.equal(uri, 'sp%20ace/%C3%BC%20b.skyvva.json');
    const notification = run?.invocations?.[0]?.toolExecutionNotifications?.[0];
    assert.equal(run?.invocations?.[0]?.executionSuccessful, false);
    assert.equal(notification?.level, 'error');
    assert.match(notification?.message.text ?? '', /ENOENT/);
  } finally {
    rmSync(spaced, { recursive: true });
  }
});

test('symbolic link loops list a file once', async () => {
  const loop = join(folder, 'loop');
  mkdirSync(join(loop, 'sub'), { recursive: true });
  writeFileSync(join(loop, 'a.skyvva.json'), BROKEN);
  symlinkSync('..', join(loop, 'sub', 'up'));
  try {
    const io = captureIo(folder);
    await runCli(['check', 'loop'], io);
    assert.match(io.out.join(''), /in 1 of 1 file\.\n$/);
  } finally {
    rmSync(loop, { recursive: true });
  }
});
