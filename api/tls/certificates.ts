/**
 * A private certificate authority and server certificates for the quick secure setup
 * (`ioms tls init`). No file I/O here: callers get PEM strings (see `tls-material.ts` for files).
 *
 * Keys are RSA 2048 (node-forge uses Node's native key generation when it can, so this is fast),
 * signatures SHA-256, private keys PKCS#8 PEM.
 */
import { X509Certificate, randomBytes } from 'node:crypto';

import forge from 'node-forge';

import { parseSubjectAltNames, type SubjectAltName } from './subject-alt-names.js';
import { TlsError } from './tls-error.js';

/** A CA that can sign server certificates. Keep `keyPem` secret (0600). */
export interface CertificateAuthority {
  readonly certPem: string;
  readonly keyPem: string;
}

/** A server certificate and its key, signed by a `CertificateAuthority`. */
export interface ServerCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  /** What the certificate is valid for, loopback names included. */
  readonly subjectAltNames: readonly SubjectAltName[];
  /** SHA-256 of the DER certificate, `AB:CD:...` as `openssl x509 -fingerprint -sha256` prints it. */
  readonly fingerprint256: string;
}

export interface CreateCertificateAuthorityOptions {
  readonly commonName: string;
  /** Validity in days from `now`. */
  readonly days: number;
  /** @default new Date() */
  readonly now?: Date;
}

export interface IssueServerCertificateOptions {
  /** DNS names and IPs clients use; localhost, 127.0.0.1 and ::1 are always added. */
  readonly hosts: readonly string[];
  /** Validity in days from `now`, cut short at the CA's own expiry. */
  readonly days: number;
  /** @default the first DNS name in `hosts`, else "ioms-server" */
  readonly commonName?: string;
  /** @default new Date() */
  readonly now?: Date;
}

const RSA_BITS = 2048;
const MAX_DAYS = 36_500;
const DAY_MS = 86_400_000;
/** Certificates start an hour before `now`, so hosts whose clocks lag a little still accept them. */
const BACKDATE_MS = 3_600_000;

/**
 * Creates a self-signed CA: basicConstraints CA:true (path length 0, critical), keyUsage
 * keyCertSign + cRLSign (critical), a subject key identifier.
 *
 * @throws TlsError `TLS_INVALID_DAYS`
 */
export function createCertificateAuthority(options: CreateCertificateAuthorityOptions): CertificateAuthority {
  const now = options.now ?? new Date();
  const keys = forge.pki.rsa.generateKeyPair({ bits: RSA_BITS, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerialNumber();
  setValidity(cert, now, checkValidityDays(options.days));
  const subject = [
    { name: 'commonName', value: options.commonName },
    { name: 'organizationName', value: 'IOMS' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: privateKeyToPkcs8Pem(keys.privateKey) };
}

/**
 * Issues a server certificate signed by `ca`: subjectAltName from `hosts` (DNS names, IPv4 and
 * IPv6, plus the loopback names), extendedKeyUsage serverAuth, keyUsage digitalSignature +
 * keyEncipherment, basicConstraints CA:false.
 *
 * @throws TlsError `TLS_INVALID_HOST`, `TLS_INVALID_DAYS`, or `TLS_INVALID_CA` when `ca` does not
 *   parse, is not a CA, its key does not match, or it is not valid at `now`.
 */
export function issueServerCertificate(ca: CertificateAuthority, options: IssueServerCertificateOptions): ServerCertificate {
  const now = options.now ?? new Date();
  const days = checkValidityDays(options.days);
  const altNames = parseSubjectAltNames(options.hosts);
  const { caCert, caKey } = parseCertificateAuthority(ca, now);

  const keys = forge.pki.rsa.generateKeyPair({ bits: RSA_BITS, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerialNumber();
  setValidity(cert, now, days);
  if (cert.validity.notAfter > caCert.validity.notAfter) cert.validity.notAfter = caCert.validity.notAfter;
  const firstName = altNames.find((n) => n.kind === 'dns' && n.name !== 'localhost');
  const commonName = options.commonName ?? (firstName?.kind === 'dns' ? firstName.name : 'ioms-server');
  cert.setSubject([
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'IOMS' },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: altNames.map(toForgeAltName) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return {
    certPem,
    keyPem: privateKeyToPkcs8Pem(keys.privateKey),
    subjectAltNames: altNames,
    fingerprint256: certificateFingerprint(certPem),
  };
}

/** SHA-256 fingerprint of the first certificate in `certPem`, as `AB:CD:...`. */
export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

function parseCertificateAuthority(ca: CertificateAuthority, now: Date): { caCert: forge.pki.Certificate; caKey: forge.pki.rsa.PrivateKey } {
  let caCert: forge.pki.Certificate;
  let caKey: forge.pki.rsa.PrivateKey;
  try {
    caCert = forge.pki.certificateFromPem(ca.certPem);
    caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  } catch (cause) {
    throw new TlsError('TLS_INVALID_CA', 'the CA certificate or key is not a PEM RSA certificate/key', { cause });
  }
  const constraints = caCert.getExtension('basicConstraints') as { cA?: boolean } | null;
  if (constraints?.cA !== true) throw new TlsError('TLS_INVALID_CA', 'the CA certificate is not a CA (basicConstraints CA:false)');
  const caPublic = caCert.publicKey as forge.pki.rsa.PublicKey;
  if (caPublic.n.compareTo(caKey.n) !== 0) throw new TlsError('TLS_INVALID_CA', 'the CA key does not belong to the CA certificate');
  if (now < caCert.validity.notBefore || now > caCert.validity.notAfter) {
    throw new TlsError('TLS_INVALID_CA', `the CA certificate is not valid now (valid ${caCert.validity.notBefore.toISOString()} to ${caCert.validity.notAfter.toISOString()})`);
  }
  return { caCert, caKey };
}

function toForgeAltName(name: SubjectAltName): { type: number; value: string } {
  // type 2 = dNSName, 7 = iPAddress (raw network-order bytes, as forge wants a binary string).
  return name.kind === 'dns'
    ? { type: 2, value: name.name }
    : { type: 7, value: Buffer.from(name.bytes).toString('latin1') };
}

/**
 * Returns `days` when it is a whole number from 1 to 36500.
 *
 * @throws TlsError `TLS_INVALID_DAYS`
 */
export function checkValidityDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new TlsError('TLS_INVALID_DAYS', `validity must be a whole number of days from 1 to ${MAX_DAYS}, got ${days}`);
  }
  return days;
}

function setValidity(cert: forge.pki.Certificate, now: Date, days: number): void {
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY_MS);
}

/** 128 random bits as a positive DER INTEGER without a leading zero byte. */
function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x40;
  return bytes.toString('hex');
}

function privateKeyToPkcs8Pem(key: forge.pki.rsa.PrivateKey): string {
  return forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)));
}
