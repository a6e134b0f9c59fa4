import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { capLogFile, fileSafeName } from '../../agent/supervisor/log-files.js';
import { PidStore } from '../../agent/supervisor/pid-store.js';
import { checkIdentity, parseProcStat } from '../../agent/supervisor/process-identity.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ioms-sup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('parseProcStat', () => {
  const cases = [
    { name: 'plain command', text: '42 (sleep) S 1 42 42 0 -1 4194304 1 0 0 0 0 0 0 0 20 0 1 0 56911 3133440', expected: { state: 'S', pgrp: 42, startTime: '56911' } },
    { name: 'command with spaces and parentheses', text: '7 (a) b (c) Z 1 9 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 123 0', expected: { state: 'Z', pgrp: 9, startTime: '123' } },
    { name: 'truncated line', text: '7 (a) S 1', expected: undefined },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(parseProcStat(text)).toEqual(expected);
  });
});

describe.runIf(process.platform === 'linux')('checkIdentity', () => {
  it('tells the same process, a reused pid and a gone one apart', () => {
    const own = { pid: process.pid, startTime: parseProcStat(readFileSync(`/proc/${process.pid}/stat`, 'utf8'))?.startTime };
    expect(checkIdentity(own)).toBe('same');
    expect(checkIdentity({ pid: process.pid, startTime: '1' })).toBe('gone');
    expect(checkIdentity({ pid: process.pid })).toBe('unverifiable');
    expect(checkIdentity({ pid: 2 ** 22 + 7, startTime: '1' })).toBe('gone');
  });
});

describe('capLogFile', () => {
  it('keeps the tail in .1 and truncates the file when over the cap', () => {
    const path = join(tempDir(), 'p.stdout.log');
    writeFileSync(path, 'a'.repeat(50) + 'b'.repeat(50));
    expect(capLogFile(path, 40)).toBe(true);
    expect(statSync(path).size).toBe(0);
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('b'.repeat(40));
  });
  it('leaves a file under the cap alone', () => {
    const path = join(tempDir(), 'p.stdout.log');
    writeFileSync(path, 'short');
    expect(capLogFile(path, 40)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('short');
  });
  it('makes names safe for file names', () => {
    expect(fileSafeName('../etc/passwd')).not.toMatch(/[/.]/);
  });
});

describe('PidStore', () => {
  it('round-trips records and discards corrupt or foreign files', () => {
    const dir = tempDir();
    const store = new PidStore(dir);
    const record = { version: 1 as const, name: 'web/../x', pid: 123, startTime: '99', specHash: 'sha256:x', startedAt: '2024-01-01T00:00:00.000Z' };
    store.write(record);
    writeFileSync(join(dir, 'junk.json'), '{not json');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...record, name: 'mismatch' }));
    expect(store.readAll()).toEqual([record]);
    store.remove(record.name);
    expect(store.readAll()).toEqual([]);
  });
});
