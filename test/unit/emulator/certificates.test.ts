import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';

import {
  DEFAULT_SERVER_NAMES,
  createCertificateAuthority,
  issueServerCertificate,
} from '../../../src/emulator/certificates';

describe('emulator certificates', () => {
  it('creates a CA with the given common name', async () => {
    const authority = await createCertificateAuthority('HC17-Test-Root');
    const certificate = new X509Certificate(authority.certificatePem);

    assert.equal(certificate.subject, 'CN=HC17-Test-Root');
    assert.equal(certificate.ca, true);
  });

  it('issues a server certificate for every served name', async () => {
    const authority = await createCertificateAuthority('Test Root');
    const server = await issueServerCertificate(authority, [
      ...DEFAULT_SERVER_NAMES,
      'hc16.my.salesfroce.com',
    ]);
    const [leafPem] = server.chainPem.split(/(?<=-----END CERTIFICATE-----)/);
    const leaf = new X509Certificate(leafPem);

    assert.ok(leaf.verify(new X509Certificate(authority.certificatePem).publicKey));
    assert.notEqual(leaf.checkHost('acme.my.salesforce.com'), undefined);
    assert.notEqual(leaf.checkHost('acme--dev.sandbox.my.salesforce.com'), undefined);
    assert.notEqual(leaf.checkHost('login.salesforce.com'), undefined);
    assert.notEqual(leaf.checkHost('hc14.lightning.force.com'), undefined);
    assert.notEqual(leaf.checkHost('hc16.my.salesfroce.com'), undefined);
    assert.equal(leaf.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(leaf.checkHost('example.org'), undefined);
  });
});
