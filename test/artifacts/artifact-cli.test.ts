import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFile, startHarness, storeEntries, type Harness } from './harness.js';
import { IOMS_BIN } from '../helpers/processes.js';

const CLI = IOMS_BIN;

/** Runs the real CLI code in its own process, logged in as `who`. */
function ioms(h: Harness, who: keyof Harness['tokens'], args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const config = path.join(h.dir, `cli-${who}.json`);
  fs.writeFileSync(config, JSON.stringify({ server: h.url, token: h.tokens[who], username: who }), { mode: 0o600 });
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, '--server', h.url, ...args], { env: { ...process.env, IOMS_CONFIG: config }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ioms artifact (real CLI process against the artifact routes)', () => {
  let h: Harness;
  let ten: ReturnType<typeof makeFile>;

  beforeAll(async () => {
    h = await startHarness();
    ten = makeFile(h.dir, 'game-update-1.2.zip', 10 * 1024 * 1024);
  });
  afterAll(async () => h?.close());

  it('push with the real --md5 stores the file; ls shows both checksums', async () => {
    const r = await ioms(h, 'operator', ['artifact', 'push', ten.file, '-v', '1.2', '--md5', ten.md5.toUpperCase(), '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'game-update-1.2.zip', version: '1.2', md5: ten.md5, sha256: ten.sha256, sizeBytes: ten.sizeBytes, created: true });
    expect(storeEntries(h)).toEqual([ten.sha256]);
    const ls = await ioms(h, 'viewer', ['artifact', 'ls', '-o', 'json']);
    expect(JSON.parse(ls.stdout).nodes).toEqual([{ name: 'game-update-1.2.zip', versions: [expect.objectContaining({ version: '1.2', md5: ten.md5, sha256: ten.sha256, uploadedBy: 'operator' })] }]);
    const table = await ioms(h, 'viewer', ['artifact', 'ls']);
    expect(table.stdout).toMatch(/^NAME\s+VERSION\s+SIZE\s+SHA256\s+MD5/);
    expect(table.stdout).toContain(`game-update-1.2.zip  1.2      10.0 MiB  ${ten.sha256}  ${ten.md5}`);
  });

  it('push with a wrong --md5 is refused and stores nothing', async () => {
    const other = makeFile(h.dir, 'other.zip', 2 * 1024 * 1024, 9);
    const r = await ioms(h, 'operator', ['artifact', 'push', other.file, '--md5', '0'.repeat(32)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ioms: md5 mismatch: expected 0{32}, the upload hashes to [0-9a-f]{32}\n$/);
    expect(storeEntries(h)).toEqual([ten.sha256]);
  });

  it('refuses a viewer’s push, bad flags, and a name with a path in it', async () => {
    const viewer = await ioms(h, 'viewer', ['artifact', 'push', ten.file, '--name', 'v.zip']);
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toContain('requires role OPERATOR or higher; viewer is VIEWER');
    const badMd5 = await ioms(h, 'operator', ['artifact', 'push', ten.file, '--md5', 'xyz']);
    expect(badMd5.code).toBe(2);
    expect(badMd5.stderr).toContain('--md5 must be 32 hexadecimal characters');
    const badName = await ioms(h, 'operator', ['artifact', 'push', ten.file, '--name', '../../etc/passwd']);
    expect(badName.code).toBe(2);
    const badVersion = await ioms(h, 'operator', ['artifact', 'push', ten.file, '--name', 'x.zip@../1']);
    expect(badVersion.code).toBe(2);
    expect(storeEntries(h)).toEqual([ten.sha256]);
  });

  it('push --name NAME@VERSION, and a default version from the SHA-256', async () => {
    const small = makeFile(h.dir, 'tool.bin', 4096, 3);
    const named = await ioms(h, 'admin', ['artifact', 'push', small.file, '--name', 'tool@2.0', '-o', 'json']);
    expect(JSON.parse(named.stdout)).toMatchObject({ name: 'tool', version: '2.0', created: true });
    const unnamed = await ioms(h, 'admin', ['artifact', 'push', small.file, '-o', 'json']);
    expect(JSON.parse(unnamed.stdout)).toMatchObject({ name: 'tool.bin', version: small.sha256.slice(0, 12) });
    const rm = await ioms(h, 'admin', ['artifact', 'rm', 'tool']);
    expect(rm.stdout).toBe('Removed tool@2.0.\n');
    const rm2 = await ioms(h, 'admin', ['artifact', 'rm', 'tool.bin', '-o', 'json']);
    expect(JSON.parse(rm2.stdout).blobsRemoved).toEqual([small.sha256]);
  });

  it('verify reports a flipped byte and exits 1; rm removes a version', async () => {
    const ok = await ioms(h, 'admin', ['artifact', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Checked 1 blob(s): 1 ok, 0 missing, 0 corrupt');
    const blob = path.join(h.storeDir, ten.sha256);
    const bytes = fs.readFileSync(blob);
    bytes[4242] = bytes[4242]! ^ 0x80;
    fs.writeFileSync(blob, bytes);
    const bad = await ioms(h, 'admin', ['artifact', 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`CORRUPT  ${ten.sha256}`);
    expect(bad.stdout).toContain('Affected versions: game-update-1.2.zip@1.2');
    const rm = await ioms(h, 'operator', ['artifact', 'rm', 'game-update-1.2.zip@1.2']);
    expect(rm.stdout).toBe('Removed game-update-1.2.zip@1.2.\nFreed 1 blob(s) in the store.\n');
    expect(storeEntries(h)).toEqual([]);
    const again = await ioms(h, 'operator', ['artifact', 'rm', 'game-update-1.2.zip']);
    expect(again.stderr).toBe('ioms: no artifact named "game-update-1.2.zip"\n');
  });
});
