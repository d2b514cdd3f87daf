import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { after, before, describe, it } from 'node:test';

import { loadCaCertificates } from '../../../src/engine/http/ca-certificates';
import { createCertificateAuthority } from '../../../src/emulator/certificates';

describe('CA certificate loading', () => {
  let folder: string;
  let envFile: string;
  let extraFile: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'skyvva-ca-'));
    envFile = join(folder, 'env-ca.pem');
    extraFile = join(folder, 'extra-ca.pem');
    await writeFile(envFile, (await createCertificateAuthority('Env Root')).certificatePem);
    await writeFile(extraFile, (await createCertificateAuthority('Extra Root')).certificatePem);
  });

  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('returns Node roots without extra files', async () => {
    const certificates = await loadCaCertificates({});
    assert.equal(certificates.length, rootCertificates.length);
  });

  it('adds NODE_EXTRA_CA_CERTS and the extra file to Node roots', async () => {
    const certificates = await loadCaCertificates({ NODE_EXTRA_CA_CERTS: envFile }, extraFile);
    assert.equal(certificates.length, rootCertificates.length + 2);
    assert.deepEqual(certificates.slice(0, rootCertificates.length), [...rootCertificates]);
  });
});
