import { execFile, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { registerTlsCommands, type TlsCommandDeps } from '../../cli/commands/tls.js';

const run = promisify(execFile);

/** Runs `ioms <args>` through commander, as cli/main.ts will, and returns what it printed. */
async function ioms(args: string[], deps: Omit<TlsCommandDeps, 'print'> = {}): Promise<string> {
  const lines: string[] = [];
  const program = new Command('ioms').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerTlsCommands(program, { env: {}, hostname: () => 'build-07', ...deps, print: (line) => lines.push(line) });
  await program.parseAsync(args, { from: 'user' });
  return lines.join('\n');
}

/** openssl is an independent second opinion on the files; most machines have it. */
const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

describe('ioms tls init', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ioms-tls-cli-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the material and prints the server env vars, the CA for --ca and the fingerprint', async () => {
    const dir = join(root, 'explicit');
    const out = await ioms(['tls', 'init', '--dir', dir, '--hosts', 'ioms.example.com, 10.0.0.5', '--days', '30']);
    const cert = new X509Certificate(await readFile(join(dir, 'server.pem')));
    expect(out).toContain(`export IOMS_TLS_CERT=${join(dir, 'server.pem')}`);
    expect(out).toContain(`export IOMS_TLS_KEY=${join(dir, 'server-key.pem')}`);
    expect(out).toContain(`--ca ${join(dir, 'ca.pem')}`);
    expect(out).toContain('--server https://ioms.example.com:8888');
    expect(out).toContain(cert.fingerprint256);
    expect(out).toContain('DNS:ioms.example.com, IP:10.0.0.5');
    expect(out).not.toContain('WARNING');
    const days = (new Date(cert.validTo).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
  });

  it('defaults to <IOMS_DATA_DIR>/tls, this host name and IOMS_PORT', async () => {
    const dataDir = join(root, 'data');
    const out = await ioms(['tls', 'init'], { env: { IOMS_DATA_DIR: dataDir, IOMS_PORT: '9443' } });
    const cert = new X509Certificate(await readFile(join(dataDir, 'tls', 'server.pem')));
    expect(cert.checkHost('build-07')).toBe('build-07');
    expect(out).toContain('https://build-07:9443');
  });

  it('skips a host name that is not a DNS name and keeps loopback only', async () => {
    const dir = join(root, 'windows-name');
    const out = await ioms(['tls', 'init', '--dir', dir], { hostname: () => 'DESKTOP_7Q' });
    expect(out).toContain('valid for        DNS:localhost, IP:127.0.0.1, IP:::1\n');
    expect(out).toContain('https://localhost:8888');
  });

  it('refuses to replace a CA without --force, warns when it does, and keeps it with --reuse-ca', async () => {
    const dir = join(root, 'twice');
    await ioms(['tls', 'init', '--dir', dir, '--hosts', 'a.example.com']);
    const caBefore = await readFile(join(dir, 'ca.pem'), 'utf8');
    await expect(ioms(['tls', 'init', '--dir', dir, '--hosts', 'a.example.com'])).rejects.toThrow(/already holds a CA.*--force/);
    expect(await readFile(join(dir, 'ca.pem'), 'utf8')).toBe(caBefore);
    const out = await ioms(['tls', 'init', '--dir', dir, '--hosts', 'a.example.com', '--force']);
    expect(out).toMatch(/^WARNING: replaced the existing CA/);
    expect(await readFile(join(dir, 'ca.pem'), 'utf8')).not.toBe(caBefore);
    const caNow = await readFile(join(dir, 'ca.pem'), 'utf8');
    const renewed = await ioms(['tls', 'init', '--dir', dir, '--hosts', 'a.example.com,b.example.com', '--reuse-ca']);
    expect(renewed).toMatch(/^Issued a new server certificate from the existing CA/);
    expect(renewed).toContain('DNS:b.example.com');
    expect(await readFile(join(dir, 'ca.pem'), 'utf8')).toBe(caNow);
  });

  const badInput: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'days that are not a number', args: ['--days', 'ten'], message: /--days must be a whole number/ },
    { name: 'zero days', args: ['--days', '0'], message: /from 1 to 36500/ },
    { name: 'an empty host list', args: ['--hosts', ' , '], message: /--hosts is empty/ },
    { name: 'a host with a port', args: ['--hosts', 'ioms.example.com:8888'], message: /neither a DNS name nor an IP/ },
  ];
  it.each(badInput)('fails with a clear message on $name', async ({ args, message }) => {
    await expect(ioms(['tls', 'init', '--dir', join(root, 'bad'), ...args])).rejects.toThrow(message);
  });

  it.runIf(HAS_OPENSSL)('produces files openssl accepts: the chain verifies for serverAuth', async () => {
    const dir = join(root, 'openssl');
    await ioms(['tls', 'init', '--dir', dir, '--hosts', 'ioms.example.com']);
    const { stdout } = await run('openssl', ['verify', '-purpose', 'sslserver', '-CAfile', join(dir, 'ca.pem'), join(dir, 'server.pem')]);
    expect(stdout).toContain(': OK');
    const key = await run('openssl', ['pkey', '-in', join(dir, 'server-key.pem'), '-noout', '-check']);
    expect(key.stdout).toMatch(/valid/i);
  });
});
