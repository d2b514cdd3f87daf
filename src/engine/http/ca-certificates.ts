import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';

import { NetworkError } from './errors';
import type { Environment } from './proxy-settings';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Loads the trusted CA certificates: Node's bundled roots, the PEM file named by
 * `NODE_EXTRA_CA_CERTS` in the given environment, and an optional extra CA file. All three are
 * needed because passing `ca` to TLS replaces Node's defaults instead of adding to them.
 */
export async function loadCaCertificates(
  env: Environment,
  extraCaFile?: string,
): Promise<string[]> {
  const certificates = [...rootCertificates];

  const fromEnv = env.NODE_EXTRA_CA_CERTS?.trim();
  if (fromEnv) {
    certificates.push(...(await readPemFile(fromEnv, 'NODE_EXTRA_CA_CERTS')));
  }
  const extra = extraCaFile?.trim();
  if (extra) {
    certificates.push(...(await readPemFile(extra, 'the extra CA certificate setting')));
  }
  return certificates;
}

async function readPemFile(path: string, source: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new NetworkError(
      'NET_CA_FILE_INVALID',
      `The CA certificate file ${path} named by ${source} could not be read (${reason}). ` +
        'Point it at a readable PEM file.',
      { cause: error },
    );
  }

  const certificates = text.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    throw new NetworkError(
      'NET_CA_FILE_INVALID',
      `The CA certificate file ${path} named by ${source} contains no PEM certificate. ` +
        'Export the CA certificate in PEM format (-----BEGIN CERTIFICATE-----).',
    );
  }
  return certificates;
}
