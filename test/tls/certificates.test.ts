import { X509Certificate, createPrivateKey } from 'node:crypto';

import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  certificateFingerprint,
  createCertificateAuthority,
  issueServerCertificate,
  type CertificateAuthority,
  type ServerCertificate,
} from '../../api/tls/certificates.js';
import { TlsError, type TlsErrorCode } from '../../api/tls/tls-error.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function codeOf(run: () => unknown): TlsErrorCode | 'no error' | 'other error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof TlsError ? error.code : 'other error';
  }
}

function extension(pem: string, name: string): Record<string, unknown> | null {
  return forge.pki.certificateFromPem(pem).getExtension(name) as Record<string, unknown> | null;
}

describe('certificates', () => {
  let ca: CertificateAuthority;
  let server: ServerCertificate;
  let caX509: X509Certificate;
  let serverX509: X509Certificate;

  beforeAll(() => {
    ca = createCertificateAuthority({ commonName: 'IOMS test CA', days: 365, now: NOW });
    server = issueServerCertificate(ca, { hosts: ['ioms.example.com', '10.0.0.5', '2001:db8::5'], days: 90, now: NOW });
    caX509 = new X509Certificate(ca.certPem);
    serverX509 = new X509Certificate(server.certPem);
  });

  describe('the CA', () => {
    it('is a self-signed CA with the given name', () => {
      expect(caX509.ca).toBe(true);
      expect(caX509.subject).toContain('CN=IOMS test CA');
      expect(caX509.issuer).toBe(caX509.subject);
      expect(caX509.verify(caX509.publicKey)).toBe(true);
    });

    it('has critical basicConstraints CA:true and keyUsage keyCertSign', () => {
      expect(extension(ca.certPem, 'basicConstraints')).toMatchObject({ critical: true, cA: true, pathLenConstraint: 0 });
      expect(extension(ca.certPem, 'keyUsage')).toMatchObject({ critical: true, keyCertSign: true, cRLSign: true });
    });

    it('uses RSA 2048, SHA-256 and a PKCS#8 key that matches', () => {
      expect(caX509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(forge.pki.certificateFromPem(ca.certPem).siginfo.algorithmOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
      expect(ca.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect(caX509.checkPrivateKey(createPrivateKey(ca.keyPem))).toBe(true);
    });

    it('is valid from an hour before now for the given days', () => {
      expect(new Date(caX509.validFrom).getTime()).toBe(NOW.getTime() - HOUR_MS);
      expect(new Date(caX509.validTo).getTime()).toBe(NOW.getTime() + 365 * DAY_MS);
    });
  });

  describe('the server certificate', () => {
    it('is signed by the CA and is not a CA', () => {
      expect(serverX509.checkIssued(caX509)).toBe(true);
      expect(serverX509.verify(caX509.publicKey)).toBe(true);
      expect(serverX509.ca).toBe(false);
      expect(serverX509.checkPrivateKey(createPrivateKey(server.keyPem))).toBe(true);
    });

    it('is for TLS servers only', () => {
      expect(serverX509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
      expect(extension(server.certPem, 'keyUsage')).toMatchObject({ critical: true, digitalSignature: true, keyEncipherment: true, keyCertSign: false });
    });

    it('names the given hosts and the loopback names', () => {
      expect(serverX509.subjectAltName).toBe(
        'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:ioms.example.com, IP Address:10.0.0.5, IP Address:2001:DB8:0:0:0:0:0:5',
      );
      expect(serverX509.subject).toContain('CN=ioms.example.com');
    });

    const hostChecks: { name: string; check: (x: X509Certificate) => string | undefined; expected: string | undefined }[] = [
      { name: 'DNS name', check: (x) => x.checkHost('ioms.example.com'), expected: 'ioms.example.com' },
      { name: 'localhost', check: (x) => x.checkHost('localhost'), expected: 'localhost' },
      { name: 'IPv4', check: (x) => x.checkIP('10.0.0.5'), expected: '10.0.0.5' },
      { name: 'IPv4 loopback', check: (x) => x.checkIP('127.0.0.1'), expected: '127.0.0.1' },
      { name: 'IPv6 loopback', check: (x) => x.checkIP('::1'), expected: '::1' },
      { name: 'IPv6', check: (x) => x.checkIP('2001:db8::5'), expected: '2001:db8::5' },
      { name: 'another name', check: (x) => x.checkHost('other.example.com'), expected: undefined },
      { name: 'another IP', check: (x) => x.checkIP('10.0.0.6'), expected: undefined },
    ];
    it.each(hostChecks)('matches $name: $expected', ({ check, expected }) => {
      expect(check(serverX509)).toBe(expected);
    });

    it('points at the CA key and has a fingerprint', () => {
      const aki = extension(server.certPem, 'authorityKeyIdentifier');
      const ski = forge.pki.certificateFromPem(ca.certPem).generateSubjectKeyIdentifier().toHex();
      expect(aki).not.toBeNull();
      const [keyIdentifier] = forge.asn1.fromDer(String(aki?.value)).value as forge.asn1.Asn1[];
      expect(forge.util.bytesToHex(keyIdentifier?.value as string)).toBe(ski);
      expect(server.fingerprint256).toBe(serverX509.fingerprint256);
      expect(certificateFingerprint(server.certPem)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    });

    it('gets a fresh serial number and key every time', () => {
      const again = issueServerCertificate(ca, { hosts: [], days: 1, now: NOW });
      expect(new X509Certificate(again.certPem).serialNumber).not.toBe(serverX509.serialNumber);
      expect(again.keyPem).not.toBe(server.keyPem);
      expect(serverX509.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    });

    it('never outlives its CA', () => {
      const long = issueServerCertificate(ca, { hosts: [], days: 1000, now: NOW });
      expect(new X509Certificate(long.certPem).validTo).toBe(caX509.validTo);
    });
  });

  const failures: { name: string; run: () => unknown; expected: TlsErrorCode }[] = [
    { name: 'zero days', run: () => createCertificateAuthority({ commonName: 'x', days: 0 }), expected: 'TLS_INVALID_DAYS' },
    { name: 'fractional days', run: () => issueServerCertificate(ca, { hosts: [], days: 1.5 }), expected: 'TLS_INVALID_DAYS' },
    { name: 'a hundred years and a day', run: () => issueServerCertificate(ca, { hosts: [], days: 36_501 }), expected: 'TLS_INVALID_DAYS' },
    { name: 'a bad host', run: () => issueServerCertificate(ca, { hosts: ['https://x'], days: 1 }), expected: 'TLS_INVALID_HOST' },
    { name: 'a server certificate used as CA', run: () => issueServerCertificate(server, { hosts: [], days: 1, now: NOW }), expected: 'TLS_INVALID_CA' },
    { name: 'a CA with the wrong key', run: () => issueServerCertificate({ certPem: ca.certPem, keyPem: server.keyPem }, { hosts: [], days: 1, now: NOW }), expected: 'TLS_INVALID_CA' },
    { name: 'a CA that is not PEM', run: () => issueServerCertificate({ certPem: 'nope', keyPem: 'nope' }, { hosts: [], days: 1 }), expected: 'TLS_INVALID_CA' },
    { name: 'an expired CA', run: () => issueServerCertificate(ca, { hosts: [], days: 1, now: new Date(NOW.getTime() + 366 * DAY_MS) }), expected: 'TLS_INVALID_CA' },
  ];
  it.each(failures)('refuses $name with $expected', ({ run, expected }) => {
    expect(codeOf(run)).toBe(expected);
  });
});

