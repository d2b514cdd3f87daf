import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SalesforceEmulator } from '../emulator';
import type { LoopbackHostMap } from '../engine/http';
import type { Logger } from '../engine/logger';

/** The in-process emulator of an `--emulator` run and what the HTTP client needs to reach it. */
export interface EmulatorMode {
  /** Sends every host the emulator serves to it. Other hosts fail without a DNS query. */
  readonly hostMap: LoopbackHostMap;
  /** The emulator's CA certificate in PEM format, trusted by this run only. */
  readonly caFile: string;
  servesHost(hostname: string): boolean;
  close(): Promise<void>;
}

/**
 * Starts the Salesforce emulator in this process with its default demo org and writes its CA
 * certificate to a temporary folder that `close()` removes. Demo tokens are signed with a fixed
 * key, so a session cached by an earlier run is accepted.
 */
export async function startEmulatorMode(logger: Logger): Promise<EmulatorMode> {
  const emulator = await SalesforceEmulator.start({ logger });
  const folder = await mkdtemp(join(tmpdir(), 'skyvva-channel-emulator-'));
  const caFile = join(folder, 'emulator-ca.pem');
  try {
    await emulator.writeCaFile(caFile);
  } catch (error) {
    await emulator.close();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  logger.debug(
    `Emulator listening on ${emulator.loopbackOrigin} for ${emulator.hostNames.join(', ')}`,
  );
  return {
    hostMap: emulator.hostMap(),
    caFile,
    servesHost: (hostname) => emulator.servesHost(hostname),
    close: async () => {
      await emulator.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
