import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryDestination, extractArchive, ExtractError } from '../../agent/files/extract-archive.js';

/** A zip written by hand (stored entries, no compression), so any entry name can be tested. */
function zipWith(entries: { name: string; data?: string; symlink?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data ?? '');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.symlink ? 0o120777 : 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('unpacking managed archives (extractTo)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-extract-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a plain name', 'a/b.txt', true],
    ['a parent climb', '../evil.txt', false],
    ['a climb in the middle', 'a/../../evil.txt', false],
    ['an absolute path', '/etc/passwd', false],
    ['a Windows drive', 'C:\\\\evil.txt', false],
    ['backslash climbing', '..\\\\evil.txt', false],
  ])('entry names: %s', (_n, name, ok) => {
    const run = () => entryDestination(path.join(dir, 't'), name);
    if (ok) expect(run()).toBe(path.join(dir, 't', name));
    else expect(run).toThrow(ExtractError);
  });

  it('unpacks a zip', async () => {
    const file = path.join(dir, 'ok.zip');
    fs.writeFileSync(file, zipWith([{ name: 'game/' }, { name: 'game/server.cfg', data: 'port=7000\n' }]));
    expect(await extractArchive(file, path.join(dir, 'out-zip'))).toHaveLength(2);
    expect(fs.readFileSync(path.join(dir, 'out-zip', 'game', 'server.cfg'), 'utf8')).toBe('port=7000\n');
  });

  it.each([
    ['zip-slip', [{ name: 'fine.txt', data: 'x' }, { name: '../../escaped.txt', data: 'x' }]],
    ['an absolute entry', [{ name: '/tmp/ioms-absolute.txt', data: 'x' }]],
    ['a symlink entry', [{ name: 'link', data: '/etc/passwd', symlink: true }]],
  ])('refuses a zip with %s, writing nothing', async (_n, entries) => {
    const file = path.join(dir, `bad-${_n.replace(/\W/g, '')}.zip`);
    fs.writeFileSync(file, zipWith(entries));
    const out = path.join(dir, `out-${_n.replace(/\W/g, '')}`);
    await expect(extractArchive(file, out)).rejects.toThrow(ExtractError);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'escaped.txt'))).toBe(false);
  });

  it('unpacks a tar.gz and refuses one holding a symlink', async () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(path.join(src, 'app'), { recursive: true });
    fs.writeFileSync(path.join(src, 'app', 'run.sh'), 'echo hi\n');
    await tar.c({ gzip: true, file: path.join(dir, 'ok.tar.gz'), cwd: src }, ['app']);
    await extractArchive(path.join(dir, 'ok.tar.gz'), path.join(dir, 'out-tar'));
    expect(fs.readFileSync(path.join(dir, 'out-tar', 'app', 'run.sh'), 'utf8')).toBe('echo hi\n');
    fs.symlinkSync('/etc/passwd', path.join(src, 'app', 'link'));
    execFileSync('tar', ['-czf', path.join(dir, 'bad.tgz'), '-C', src, 'app']);
    await expect(extractArchive(path.join(dir, 'bad.tgz'), path.join(dir, 'out-bad-tar'))).rejects.toThrow(/SymbolicLink/);
    expect(fs.existsSync(path.join(dir, 'out-bad-tar'))).toBe(false);
  });

  it('refuses what it cannot unpack', async () => {
    await expect(extractArchive(path.join(dir, 'x.rar'), path.join(dir, 'o'))).rejects.toThrow(/only .zip/);
  });
});
