import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCertificateAuthority, issueServerCertificate } from '../../api/tls/certificates.js';
import { assertSecureUrl, clientTlsOptions, isLoopbackHost, TlsTrustError, type TlsTrustErrorCode } from '../../protocol/client-trust.js';

function codeOf(run: () => unknown): TlsTrustErrorCode | 'no error' | 'other error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof TlsTrustError ? error.code : 'other error';
  }
}

describe('assertSecureUrl', () => {
  const cases: { name: string; url: string; insecure?: boolean; expected: TlsTrustErrorCode | 'encrypted' | 'plain' | 'plain with warning' }[] = [
    { name: 'https to a remote host', url: 'https://ioms.example.com:8888', expected: 'encrypted' },
    { name: 'wss to a remote host', url: 'wss://10.0.0.5:8888/graphql', expected: 'encrypted' },
    { name: 'http to 127.0.0.1', url: 'http://127.0.0.1:8888', expected: 'plain' },
    { name: 'ws to another 127/8 address', url: 'ws://127.3.4.5:8888/graphql', expected: 'plain' },
    { name: 'http to localhost', url: 'http://localhost:8888', expected: 'plain' },
    { name: 'ws to [::1]', url: 'ws://[::1]:8888/graphql', expected: 'plain' },
    { name: 'http to a remote name', url: 'http://ioms.example.com:8888', expected: 'INSECURE_URL' },
    { name: 'ws to a private IP', url: 'ws://10.0.0.5:8888/graphql', expected: 'INSECURE_URL' },
    { name: 'ws to 0.0.0.0', url: 'ws://0.0.0.0:8888', expected: 'INSECURE_URL' },
    { name: 'http to a name that merely starts with localhost', url: 'http://localhost.example.com', expected: 'INSECURE_URL' },
    { name: 'http to a name that merely starts with 127', url: 'http://127.0.0.1.nip.io', expected: 'INSECURE_URL' },
    { name: 'http to IPv6 remote', url: 'http://[2001:db8::1]:8888', expected: 'INSECURE_URL' },
    { name: 'ws to a remote host with insecure', url: 'ws://10.0.0.5:8888/graphql', insecure: true, expected: 'plain with warning' },
    { name: 'insecure changes nothing for loopback', url: 'http://127.0.0.1:8888', insecure: true, expected: 'plain' },
    { name: 'an ftp URL', url: 'ftp://ioms.example.com', expected: 'UNSUPPORTED_URL' },
    { name: 'not a URL', url: 'ioms.example.com:8888', expected: 'UNSUPPORTED_URL' },
    { name: 'an empty string', url: '', expected: 'UNSUPPORTED_URL' },
  ];
  it.each(cases)('$name → $expected', ({ url, insecure, expected }) => {
    let outcome: string;
    try {
      const checked = assertSecureUrl(url, { insecure });
      outcome = checked.encrypted ? 'encrypted' : checked.warning === undefined ? 'plain' : 'plain with warning';
    } catch (error) {
      outcome = error instanceof TlsTrustError ? error.code : String(error);
    }
    expect(outcome).toBe(expected);
  });

  it('tells the user how to fix a refused URL', () => {
    expect(() => assertSecureUrl('ws://10.0.0.5:8888')).toThrow(/wss:\/\/.*--ca FILE.*--insecure/);
  });
});

describe('isLoopbackHost', () => {
  const cases: { host: string; expected: boolean }[] = [
    { host: 'localhost', expected: true },
    { host: 'LocalHost.', expected: true },
    { host: '127.0.0.1', expected: true },
    { host: '127.255.255.254', expected: true },
    { host: '::1', expected: true },
    { host: '[::1]', expected: true },
    { host: '0:0:0:0:0:0:0:1', expected: true },
    { host: '::ffff:127.0.0.1', expected: true },
    { host: '128.0.0.1', expected: false },
    { host: '0.0.0.0', expected: false },
    { host: '::', expected: false },
    { host: '', expected: false },
    { host: 'my.localhost', expected: false },
    { host: '10.0.0.1', expected: false },
    { host: '::2', expected: false },
    { host: 'fe80::1%lo', expected: false },
  ];
  it.each(cases)('$host → $expected', ({ host, expected }) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('clientTlsOptions', () => {
  let dir: string;
  let caPem: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ioms-client-trust-'));
    const ca = createCertificateAuthority({ commonName: 'client-trust test CA', days: 30 });
    const server = issueServerCertificate(ca, { hosts: [], days: 30 });
    caPem = ca.certPem;
    await writeFile(join(dir, 'ca.pem'), ca.certPem);
    await writeFile(join(dir, 'bundle.pem'), `# two CAs\n${ca.certPem}\n${ca.certPem}`);
    await writeFile(join(dir, 'server.pem'), server.certPem);
    await writeFile(join(dir, 'key.pem'), ca.keyPem);
    await writeFile(join(dir, 'garbage.pem'), '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('without a CA file uses the default trust store, verification on', () => {
    expect(clientTlsOptions()).toEqual({ rejectUnauthorized: true, minVersion: 'TLSv1.2' });
  });

  it('with a CA file trusts exactly that PEM', () => {
    expect(clientTlsOptions({ caFile: join(dir, 'ca.pem') })).toEqual({ ca: caPem, rejectUnauthorized: true, minVersion: 'TLSv1.2' });
  });

  const failures: { name: string; file: string; now?: Date; expected: TlsTrustErrorCode | 'no error' }[] = [
    { name: 'a bundle of CAs is fine', file: 'bundle.pem', expected: 'no error' },
    { name: 'a missing file', file: 'nope.pem', expected: 'TLS_CA_MISSING' },
    { name: 'a directory', file: '.', expected: 'TLS_CA_UNREADABLE' },
    { name: 'a private key instead of a certificate', file: 'key.pem', expected: 'TLS_CA_INVALID' },
    { name: 'a PEM block that is not a certificate', file: 'garbage.pem', expected: 'TLS_CA_INVALID' },
    { name: 'the server certificate instead of the CA', file: 'server.pem', expected: 'TLS_CA_INVALID' },
    { name: 'a CA that has expired', file: 'ca.pem', now: new Date(Date.now() + 60 * 86_400_000), expected: 'TLS_CA_INVALID' },
  ];
  it.each(failures)('$name → $expected', ({ file, now, expected }) => {
    expect(codeOf(() => clientTlsOptions({ caFile: join(dir, file), now }))).toBe(expected);
  });
});
