import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TlsError } from '../../api/tls/tls-error.js';
import { writeTlsMaterial, type TlsMaterial } from '../../api/tls/tls-material.js';

const isPosix = process.platform !== 'win32';

async function mode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

describe('writeTlsMaterial', () => {
  let root: string;
  let dir: string;
  let first: TlsMaterial;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ioms-tls-material-'));
    dir = join(root, 'data', 'tls');
    first = await writeTlsMaterial(dir, { hosts: ['ioms.example.com'], days: 10 });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes exactly the four files, no temporary leftovers', async () => {
    expect((await readdir(dir)).sort()).toEqual(['ca-key.pem', 'ca.pem', 'server-key.pem', 'server.pem']);
    expect(first).toMatchObject({
      caCertFile: join(dir, 'ca.pem'),
      caKeyFile: join(dir, 'ca-key.pem'),
      certFile: join(dir, 'server.pem'),
      keyFile: join(dir, 'server-key.pem'),
      replacedExistingCa: false,
    });
  });

  it.runIf(isPosix)('keeps keys private: 0600 keys, 0644 certificates, 0700 directory', async () => {
    expect(await mode(first.caKeyFile)).toBe(0o600);
    expect(await mode(first.keyFile)).toBe(0o600);
    expect(await mode(first.caCertFile)).toBe(0o644);
    expect(await mode(first.certFile)).toBe(0o644);
    expect(await mode(dir)).toBe(0o700);
  });

  it('writes a server certificate issued by the CA it wrote, with the returned fingerprint', async () => {
    const caCert = new X509Certificate(await readFile(first.caCertFile));
    const serverCert = new X509Certificate(await readFile(first.certFile));
    expect(serverCert.checkIssued(caCert)).toBe(true);
    expect(serverCert.fingerprint256).toBe(first.fingerprint256);
    expect(serverCert.checkHost('ioms.example.com')).toBe('ioms.example.com');
    // The CA outlives the server certificate by default (ten years).
    expect(new Date(caCert.validTo).getTime()).toBeGreaterThan(Date.now() + 3000 * 86_400_000);
  });

  it('refuses to overwrite the CA without force, and changes nothing', async () => {
    const before = await readFile(first.caCertFile, 'utf8');
    const error = await writeTlsMaterial(dir, { hosts: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsError);
    expect((error as TlsError).code).toBe('TLS_CA_EXISTS');
    expect((error as TlsError).message).toMatch(/--force/);
    expect(await readFile(first.caCertFile, 'utf8')).toBe(before);
  });

  it('with force, replaces the CA and says so', async () => {
    const before = await readFile(first.caCertFile, 'utf8');
    const second = await writeTlsMaterial(dir, { hosts: [], force: true });
    expect(second.replacedExistingCa).toBe(true);
    expect(await readFile(second.caCertFile, 'utf8')).not.toBe(before);
    expect(new X509Certificate(await readFile(second.certFile)).checkIssued(new X509Certificate(await readFile(second.caCertFile)))).toBe(true);
    if (isPosix) expect(await mode(second.caKeyFile)).toBe(0o600);
  });

  it('with reuseCa, issues a new server certificate from the CA already there and keeps the CA', async () => {
    const caBefore = await readFile(first.caCertFile, 'utf8');
    const caKeyBefore = await readFile(first.caKeyFile, 'utf8');
    const serverBefore = await readFile(first.certFile, 'utf8');
    const renewed = await writeTlsMaterial(dir, { hosts: ['new-name.example.com'], reuseCa: true, days: 5 });
    expect(renewed).toMatchObject({ reusedCa: true, replacedExistingCa: false });
    expect(await readFile(first.caCertFile, 'utf8')).toBe(caBefore);
    expect(await readFile(first.caKeyFile, 'utf8')).toBe(caKeyBefore);
    const serverPem = await readFile(renewed.certFile, 'utf8');
    expect(serverPem).not.toBe(serverBefore);
    const serverCert = new X509Certificate(serverPem);
    expect(serverCert.checkIssued(new X509Certificate(caBefore))).toBe(true);
    expect(serverCert.checkHost('new-name.example.com')).toBe('new-name.example.com');
    expect(serverCert.fingerprint256).toBe(renewed.fingerprint256);
  });

  const refusals: { name: string; target: () => string; options: Parameters<typeof writeTlsMaterial>[1]; expected: string }[] = [
    { name: 'reuseCa with no CA there', target: () => join(root, 'empty'), options: { hosts: [], reuseCa: true }, expected: 'TLS_CA_NOT_FOUND' },
    { name: 'reuseCa together with force', target: () => dir, options: { hosts: [], reuseCa: true, force: true }, expected: 'TLS_CONFLICTING_OPTIONS' },
  ];
  it.each(refusals)('refuses $name', async ({ target, options, expected }) => {
    const error = await writeTlsMaterial(target(), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsError);
    expect((error as TlsError).code).toBe(expected);
  });

  it('writes nothing at all when a host is invalid', async () => {
    const untouched = join(root, 'bad');
    const error = await writeTlsMaterial(untouched, { hosts: ['not a host'] }).catch((e: unknown) => e);
    expect((error as TlsError).code).toBe('TLS_INVALID_HOST');
    await expect(stat(untouched)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
