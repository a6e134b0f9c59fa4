import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { issueServerCertificate } from '../../api/tls/certificates.js';
import {
  loadServerTlsOptions,
  plainListenWarning,
  serverTlsFilesFromEnv,
  TLS_CIPHERS,
  type ServerTlsFiles,
} from '../../api/tls/server-options.js';
import { TlsError, type TlsErrorCode } from '../../api/tls/tls-error.js';
import { writeTlsMaterial, type TlsMaterial } from '../../api/tls/tls-material.js';

function codeOf(run: () => unknown): TlsErrorCode | 'no error' | 'other error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof TlsError ? error.code : 'other error';
  }
}

describe('loadServerTlsOptions', () => {
  let dir: string;
  let material: TlsMaterial;
  const file = (name: string): string => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ioms-server-options-'));
    material = await writeTlsMaterial(join(dir, 'tls'), { hosts: ['ioms.example.com'], days: 30 });
    const ca = { certPem: await readFile(material.caCertFile, 'utf8'), keyPem: await readFile(material.caKeyFile, 'utf8') };
    const second = issueServerCertificate(ca, { hosts: [], days: 30 });
    await writeFile(file('other-key.pem'), second.keyPem);
    await writeFile(file('empty.pem'), '');
    await writeFile(file('text.pem'), 'hello, I am not PEM\n');
    await writeFile(file('broken-cert.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    await writeFile(file('broken-key.pem'), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    await writeFile(file('encrypted-key.pem'), '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n');
    await writeFile(file('chain.pem'), `${second.certPem}${ca.certPem}`);
    await writeFile(file('chain-key.pem'), second.keyPem);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns TLS 1.2+ options with the modern cipher list and our order', () => {
    const options = loadServerTlsOptions({ certFile: material.certFile, keyFile: material.keyFile });
    expect(options).toMatchObject({ minVersion: 'TLSv1.2', ciphers: TLS_CIPHERS, honorCipherOrder: true });
    expect(String(options.cert)).toContain('-----BEGIN CERTIFICATE-----');
    expect(String(options.key)).toContain('PRIVATE KEY-----');
  });

  it('allows only ECDHE with AEAD for TLS 1.2', () => {
    const tls12 = TLS_CIPHERS.split(':').filter((c) => !c.startsWith('TLS_'));
    expect(tls12.length).toBeGreaterThan(0);
    for (const cipher of tls12) expect(cipher).toMatch(/^ECDHE-(RSA|ECDSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)$/);
  });

  const cases: { name: string; files: (m: TlsMaterial) => ServerTlsFiles; now?: Date; expected: TlsErrorCode | 'no error'; message?: RegExp }[] = [
    { name: 'a certificate chain, leaf first', files: () => ({ certFile: file('chain.pem'), keyFile: file('chain-key.pem') }), expected: 'no error' },
    { name: 'a missing certificate', files: (m) => ({ certFile: file('nope.pem'), keyFile: m.keyFile }), expected: 'TLS_FILE_MISSING', message: /nope\.pem does not exist/ },
    { name: 'a missing key', files: (m) => ({ certFile: m.certFile, keyFile: file('nope-key.pem') }), expected: 'TLS_FILE_MISSING' },
    { name: 'a directory as the certificate', files: (m) => ({ certFile: dir, keyFile: m.keyFile }), expected: 'TLS_FILE_UNREADABLE', message: /EISDIR/ },
    { name: 'an empty certificate file', files: (m) => ({ certFile: file('empty.pem'), keyFile: m.keyFile }), expected: 'TLS_NOT_PEM' },
    { name: 'a text file as the key', files: (m) => ({ certFile: m.certFile, keyFile: file('text.pem') }), expected: 'TLS_NOT_PEM' },
    { name: 'certificate and key swapped', files: (m) => ({ certFile: m.keyFile, keyFile: m.certFile }), expected: 'TLS_NOT_PEM', message: /swapped/ },
    { name: 'a certificate PEM that does not parse', files: (m) => ({ certFile: file('broken-cert.pem'), keyFile: m.keyFile }), expected: 'TLS_NOT_PEM' },
    { name: 'a key PEM that does not parse', files: (m) => ({ certFile: m.certFile, keyFile: file('broken-key.pem') }), expected: 'TLS_NOT_PEM' },
    { name: 'an encrypted key', files: (m) => ({ certFile: m.certFile, keyFile: file('encrypted-key.pem') }), expected: 'TLS_NOT_PEM', message: /encrypted/ },
    { name: 'the key of another certificate', files: (m) => ({ certFile: m.certFile, keyFile: file('other-key.pem') }), expected: 'TLS_KEY_MISMATCH' },
    { name: 'the CA key with the server certificate', files: (m) => ({ certFile: m.certFile, keyFile: m.caKeyFile }), expected: 'TLS_KEY_MISMATCH' },
    { name: 'an expired certificate', files: (m) => ({ certFile: m.certFile, keyFile: m.keyFile }), now: new Date(Date.now() + 31 * 86_400_000), expected: 'TLS_CERT_NOT_VALID_NOW' },
    { name: 'a certificate not yet valid', files: (m) => ({ certFile: m.certFile, keyFile: m.keyFile }), now: new Date(Date.now() - 2 * 86_400_000), expected: 'TLS_CERT_NOT_VALID_NOW' },
  ];
  it.each(cases)('$name → $expected', ({ files, now, expected, message }) => {
    expect(codeOf(() => loadServerTlsOptions(files(material), { now }))).toBe(expected);
    if (message !== undefined) expect(() => loadServerTlsOptions(files(material), { now })).toThrow(message);
  });
});

describe('serverTlsFilesFromEnv', () => {
  const cases: { name: string; env: NodeJS.ProcessEnv; expected: ServerTlsFiles | undefined | TlsErrorCode }[] = [
    { name: 'neither set: plain HTTP', env: {}, expected: undefined },
    { name: 'both empty: plain HTTP', env: { IOMS_TLS_CERT: '', IOMS_TLS_KEY: ' ' }, expected: undefined },
    { name: 'both set', env: { IOMS_TLS_CERT: '/t/server.pem', IOMS_TLS_KEY: '/t/server-key.pem' }, expected: { certFile: '/t/server.pem', keyFile: '/t/server-key.pem' } },
    { name: 'only the certificate', env: { IOMS_TLS_CERT: '/t/server.pem' }, expected: 'TLS_INCOMPLETE_CONFIG' },
    { name: 'only the key', env: { IOMS_TLS_KEY: '/t/server-key.pem' }, expected: 'TLS_INCOMPLETE_CONFIG' },
  ];
  it.each(cases)('$name', ({ env, expected }) => {
    let outcome: unknown;
    try {
      outcome = serverTlsFilesFromEnv(env);
    } catch (error) {
      outcome = error instanceof TlsError ? error.code : error;
    }
    expect(outcome).toEqual(expected);
  });
});

describe('plainListenWarning', () => {
  const cases: { host: string; port?: number; expected: RegExp | undefined }[] = [
    { host: '127.0.0.1', port: 8888, expected: undefined },
    { host: 'localhost', expected: undefined },
    { host: '::1', port: 8888, expected: undefined },
    { host: '0.0.0.0', port: 8888, expected: /listening on 0\.0\.0\.0:8888 WITHOUT TLS.*IOMS_TLS_CERT and IOMS_TLS_KEY/ },
    { host: '::', port: 8888, expected: /listening on \[::\]:8888 WITHOUT TLS/ },
    { host: '10.0.0.5', expected: /listening on 10\.0\.0\.5 WITHOUT TLS.*clear text/ },
  ];
  it.each(cases)('$host:$port', ({ host, port, expected }) => {
    const warning = plainListenWarning(host, port);
    if (expected === undefined) expect(warning).toBeUndefined();
    else expect(warning).toMatch(expected);
  });
});
