// @peculiar/x509 2.x needs the Reflect metadata API, which Node does not provide.
import 'reflect-metadata';

import { KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';

import * as x509 from '@peculiar/x509';

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Host names that the emulator's server certificate always covers. */
export const DEFAULT_SERVER_NAMES: readonly string[] = [
  '*.my.salesforce.com',
  '*.sandbox.my.salesforce.com',
  '*.salesforce.com',
  '*.force.com',
  '*.lightning.force.com',
  'localhost',
  '127.0.0.1',
];

/** A private certificate authority created for one emulator run. */
export interface CertificateAuthority {
  readonly certificatePem: string;
  readonly certificate: x509.X509Certificate;
  readonly keys: webcrypto.CryptoKeyPair;
}

/** A server certificate with its private key, both PEM. */
export interface ServerCertificate {
  /** The server certificate followed by the CA certificate, as TLS servers send them. */
  readonly chainPem: string;
  readonly keyPem: string;
}

// Node's webcrypto and the DOM types that @peculiar/x509 declares describe the same objects.
type X509Crypto = Parameters<typeof x509.cryptoProvider.set>[0];
type X509KeyPair = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];
type X509Key = X509KeyPair['publicKey'];

x509.cryptoProvider.set(webcrypto as unknown as X509Crypto);

/** Creates a self-signed CA certificate with the given common name, valid for 30 days. */
export async function createCertificateAuthority(
  commonName: string,
): Promise<CertificateAuthority> {
  const keys = await generateKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: [{ CN: [commonName] }],
    ...validity(),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys: keys as unknown as X509KeyPair,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as X509Key),
    ],
  });
  return { certificate, certificatePem: certificate.toString('pem'), keys };
}

/**
 * Issues a server certificate signed by the CA for the given DNS names (wildcards allowed) and
 * IP addresses.
 */
export async function issueServerCertificate(
  authority: CertificateAuthority,
  names: readonly string[],
): Promise<ServerCertificate> {
  const keys = await generateKeys();
  const alternativeNames = [...new Set(names)].map((name) =>
    isIP(name) ? { type: 'ip' as const, value: name } : { type: 'dns' as const, value: name },
  );

  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: [{ CN: [names.find((name) => !isIP(name)) ?? 'localhost'] }],
    issuer: authority.certificate.subject,
    ...validity(),
    signingAlgorithm: SIGNING_ALGORITHM,
    publicKey: keys.publicKey as unknown as X509Key,
    signingKey: authority.keys.privateKey as unknown as X509Key,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(alternativeNames),
      await x509.AuthorityKeyIdentifierExtension.create(authority.certificate),
    ],
  });

  const keyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' });
  return {
    chainPem: `${certificate.toString('pem')}\n${authority.certificatePem}\n`,
    keyPem: String(keyPem),
  };
}

async function generateKeys(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

function serialNumber(): string {
  // A positive serial: the first byte stays below 0x80.
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function validity(): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  return { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 30 * DAY_MS) };
}
