// Measures the engine against the Salesforce emulator over real HTTPS on loopback:
// 1. test messages on one session, against raw undici requests to the same endpoint in the
//    same run (throughput ratio, token requests);
// 2. concurrent test messages on an expired session (token requests);
// 3. `skyvva-channel send` processes started at once on one empty cache (token requests).
// The emulator runs in this process, so both sides of each comparison share the CPU with it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';

import { Agent, request } from 'undici';

import { ConnectProxy, SalesforceEmulator } from '../src/emulator';
import { analyzeText } from '../src/engine/analyze';
import { ChannelEngine } from '../src/engine/channel-engine';
import type { RunConfig } from '../src/engine/config';
import { loadRunConfig } from '../src/engine/config';
import { createHttpClient } from '../src/engine/http';
import { Redactor } from '../src/engine/redact';
import { createHttpTransport } from '../src/engine/salesforce/transport';
import { createCliSecretResolver } from '../src/engine/secrets';
import { FileSessionStore } from '../src/engine/session/file-session-store';
import { nullLogger } from '../src/engine/logger';

const MESSAGES = 1000;
const WARM_UP = 50;
const ROUNDS = 4;
const CONCURRENT_MESSAGES = 100;
const PROCESSES = 20;
const HOST = 'acme.my.salesforce.com';
const PAYLOAD = { format: 'JSON' as const, text: '{"Account":{"Name":"Example"}}' };
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

interface Setup {
  readonly emulator: SalesforceEmulator;
  readonly folder: string;
  readonly caFile: string;
  readonly channelText: string;
}

function channelText(org: SalesforceEmulator['org']): string {
  const parameters = {
    OAuth2Flow: 'Client-Credentials',
    AuthorizationServerURL: `https://${HOST}/services/oauth2/token`,
    ConsumerKey: org.consumerKey,
    ConsumerSecret: org.consumerSecret,
    Integration: 'Ly-Na',
    Inteface: 'V3RestIntegration_Bulk',
    Operation: 'integrate',
    'SessionPooling.Active': 'X',
    SessionGlobalFilePath: '/usr/sap/PO1/SYS/global',
  };
  return JSON.stringify({ parameters }, null, 2);
}

/** Creates an engine on a fresh HTTP client that reaches the emulator by host name. */
async function createEngine(setup: Setup, cacheDir: string, redactor: Redactor) {
  const client = await createHttpClient({
    env: {},
    extraCaFile: setup.caFile,
    loopbackHosts: setup.emulator.hostMap(),
    redactor,
  });
  const engine = new ChannelEngine({
    transport: createHttpTransport(client),
    store: new FileSessionStore({ directory: cacheDir, logger: nullLogger }),
    redactor,
    toolVersion: 'bench',
  });
  return { client, engine };
}

async function loadConfig(setup: Setup, redactor: Redactor): Promise<RunConfig> {
  return loadRunConfig(analyzeText(setup.channelText), 'send', {
    resolver: createCliSecretResolver({ env: {}, prompt: undefined }),
    redactor,
  });
}

async function sendSequentially(engine: ChannelEngine, config: RunConfig, count: number) {
  for (let index = 0; index < count; index++) {
    const result = await engine.sendTestMessage(config, PAYLOAD);
    if (result.status !== 'success') {
      throw new Error(`Message ${index + 1} ended with status ${result.status}.`);
    }
  }
}

/** Sends the engine's integrate request with undici alone, on one keep-alive agent. */
async function sendRaw(setup: Setup, token: string, count: number): Promise<void> {
  const agent = new Agent({ connect: { ca: [...rootCertificates, setup.emulator.caPem] } });
  const path =
    '/services/apexrest/skyvvasolutions/V4/integrate?integration=Ly-Na&' +
    'interface=V3RestIntegration_Bulk&mode=Asynchronous&request-format=JSON&' +
    'response-format=JSON&transferId=';
  try {
    for (let index = 0; index < count; index++) {
      const response = await request(`${setup.emulator.loopbackOrigin}${path}${index}`, {
        method: 'POST',
        dispatcher: agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: PAYLOAD.text,
      });
      const body = (await response.body.json()) as { GlobalStatus?: { Failed?: number } };
      if (response.statusCode !== 200 || body.GlobalStatus?.Failed !== 0) {
        throw new Error(`Raw request ${index + 1} failed with HTTP ${response.statusCode}.`);
      }
    }
  } finally {
    await agent.close();
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Measures the wall-clock and CPU milliseconds of some work, the emulator's CPU time included. */
async function measure(work: () => Promise<void>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpuStart = process.cpuUsage();
  const wallMs = await timed(work);
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Sends test messages on one session, and the same requests with raw undici. The two alternate in rounds so that load
 * from other jobs on the machine hits both alike.
 */
async function measureOneSession(setup: Setup) {
  const redactor = new Redactor();
  const cacheDir = join(setup.folder, 'one-session');
  const { client, engine } = await createEngine(setup, cacheDir, redactor);
  try {
    const config = await loadConfig(setup, redactor);
    setup.emulator.reset();
    await sendSequentially(engine, config, WARM_UP);
    const token = setup.emulator.requests('integrate')[0].bearer ?? '';
    await sendRaw(setup, token, WARM_UP);

    const engineTotals = { wallMs: 0, cpuMs: 0 };
    const rawTotals = { wallMs: 0, cpuMs: 0 };
    const perRound = MESSAGES / ROUNDS;
    for (let round = 0; round < ROUNDS; round++) {
      const engineRound = await measure(() => sendSequentially(engine, config, perRound));
      const rawRound = await measure(() => sendRaw(setup, token, perRound));
      engineTotals.wallMs += engineRound.wallMs;
      engineTotals.cpuMs += engineRound.cpuMs;
      rawTotals.wallMs += rawRound.wallMs;
      rawTotals.cpuMs += rawRound.cpuMs;
    }
    return {
      messages: MESSAGES,
      engineMessagesPerSecond: Math.round((MESSAGES / engineTotals.wallMs) * 1000),
      rawRequestsPerSecond: Math.round((MESSAGES / rawTotals.wallMs) * 1000),
      throughputRatio: Number((rawTotals.wallMs / engineTotals.wallMs).toFixed(2)),
      cpuRatio: Number((rawTotals.cpuMs / engineTotals.cpuMs).toFixed(2)),
      engineCpuMsPerMessage: Number((engineTotals.cpuMs / MESSAGES).toFixed(3)),
      rawCpuMsPerRequest: Number((rawTotals.cpuMs / MESSAGES).toFixed(3)),
      tokenRequests: setup.emulator.count('token'),
    };
  } finally {
    await client.close();
  }
}

/** Sends concurrent messages from a new engine whose cached session the org has expired. */
async function measureExpiredSession(setup: Setup) {
  const redactor = new Redactor();
  const cacheDir = join(setup.folder, 'expired-session');
  const first = await createEngine(setup, cacheDir, redactor);
  const config = await loadConfig(setup, redactor);
  await first.engine.sendTestMessage(config, PAYLOAD);
  await first.client.close();
  const expired = setup.emulator.requests('integrate').at(-1)?.bearer ?? '';
  setup.emulator.expireToken(expired);
  setup.emulator.reset();

  const { client, engine } = await createEngine(setup, cacheDir, redactor);
  try {
    let results: Awaited<ReturnType<ChannelEngine['sendTestMessage']>>[] = [];
    const elapsedMs = await timed(async () => {
      const sends = Array.from({ length: CONCURRENT_MESSAGES }, () =>
        engine.sendTestMessage(config, PAYLOAD),
      );
      results = await Promise.all(sends);
    });
    return {
      messages: CONCURRENT_MESSAGES,
      succeeded: results.filter((result) => result.status === 'success').length,
      elapsedMs: Math.round(elapsedMs),
      tokenRequests: setup.emulator.count('token'),
      integrateRequests: setup.emulator.count('integrate'),
    };
  } finally {
    await client.close();
  }
}

function runCliProcess(args: string[], env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    child.once('error', reject);
    child.once('close', resolve);
  });
}

/** Starts `skyvva-channel send` processes at once, through a loopback CONNECT proxy. */
async function measureProcesses(setup: Setup) {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing; build it with 'node esbuild.mjs' first.`);
  }
  const proxy = await ConnectProxy.start({ hostMap: setup.emulator.hostMap() });
  try {
    const channel = join(setup.folder, 'processes.skyvva.json');
    await writeFile(channel, setup.channelText);
    await writeFile(join(setup.folder, 'processes.payload.json'), PAYLOAD.text);
    const env = { HTTPS_PROXY: proxy.url(), NODE_EXTRA_CA_CERTS: setup.caFile };
    const args = ['send', channel, '--cache-dir', join(setup.folder, 'processes-cache')];
    setup.emulator.reset();
    let codes: (number | null)[] = [];
    const elapsedMs = await timed(async () => {
      codes = await Promise.all(Array.from({ length: PROCESSES }, () => runCliProcess(args, env)));
    });
    return {
      processes: PROCESSES,
      succeeded: codes.filter((code) => code === 0).length,
      elapsedMs: Math.round(elapsedMs),
      tokenRequests: setup.emulator.count('token'),
      integrateRequests: setup.emulator.count('integrate'),
    };
  } finally {
    await proxy.close();
  }
}

async function main(): Promise<void> {
  const emulator = await SalesforceEmulator.start();
  const folder = await mkdtemp(join(tmpdir(), 'skyvva-engine-bench-'));
  const caFile = join(folder, 'emulator-ca.pem');
  await emulator.writeCaFile(caFile);
  const setup: Setup = { emulator, folder, caFile, channelText: channelText(emulator.org) };
  try {
    const result = {
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
      oneSession: await measureOneSession(setup),
      expiredSession: await measureExpiredSession(setup),
      processesOnEmptyCache: await measureProcesses(setup),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await emulator.close();
    await rm(folder, { recursive: true, force: true });
  }
}

void main();
