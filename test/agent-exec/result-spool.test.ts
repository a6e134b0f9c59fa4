import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CommandResult } from '../../agent/exec/command-result.schema.js';
import { fileNameOf, idFromFileName, ResultSpool } from '../../agent/exec/result-spool.js';
import { tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const HOUR_MS = 60 * 60 * 1000;

function resultOf(id: string, fields: Partial<CommandResult> = {}): CommandResult {
  return {
    id,
    status: 'SUCCEEDED',
    exitCode: 0,
    stdout: `out of ${id}\n`,
    stderr: '',
    stdoutTruncated: false,
    stderrTruncated: false,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:00:01.000Z',
    durationMs: 1000,
    ...fields,
  };
}

describe('ResultSpool', () => {
  it('knows nothing about an id it never saw', async () => {
    const spool = await ResultSpool.open(await dirs.make());
    expect(spool.entry('x1')).toBeUndefined();
    expect(await spool.get('x1')).toBeUndefined();
    expect(await spool.unacked()).toEqual([]);
    expect(await spool.ack('x1')).toBe(false);
  });

  it('keeps started markers, results, order and acks across reopening', async () => {
    const dir = await dirs.make();
    const first = await ResultSpool.open(dir);
    await first.markStarted('lost', { startedAt: '2025-01-01T00:00:00.000Z' });
    await first.markStarted('b', { startedAt: '2025-01-01T00:00:00.000Z' });
    await first.put('b', resultOf('b'));
    await first.put('a', resultOf('a', { status: 'FAILED', exitCode: 2 }));
    await first.put('acked', resultOf('acked'));
    expect(await first.ack('acked')).toBe(true);

    const reopened = await ResultSpool.open(dir);
    expect(reopened.interrupted()).toEqual([{ id: 'lost', startedAt: '2025-01-01T00:00:00.000Z' }]);
    expect(await reopened.get('a')).toEqual(resultOf('a', { status: 'FAILED', exitCode: 2 }));
    expect(await reopened.get('acked')).toEqual(resultOf('acked'));
    await reopened.put('c', resultOf('c'));
    expect((await reopened.unacked()).map((r) => r.id)).toEqual(['b', 'a', 'c']); // completion order
  });

  it('ack removes a result from unacked but keeps it for redeliveries until pruned', async () => {
    const dir = await dirs.make();
    let clock = Date.parse('2025-01-01T00:00:00.000Z');
    const spool = await ResultSpool.open(dir, { retentionMs: HOUR_MS, now: () => clock });
    await spool.put('r1', resultOf('r1'));
    await spool.put('r2', resultOf('r2'));
    expect(await spool.ack('r1')).toBe(true);
    expect(await spool.ack('r1')).toBe(true); // idempotent
    expect((await spool.unacked()).map((r) => r.id)).toEqual(['r2']);
    expect(await spool.get('r1')).toEqual(resultOf('r1'));

    expect(await spool.prune(clock + HOUR_MS - 1)).toEqual([]);
    clock += 10;
    expect(await spool.prune(clock + HOUR_MS)).toEqual(['r1']);
    expect(await spool.get('r1')).toBeUndefined();
    expect(spool.entry('r1')).toBeUndefined();
    expect(await readdir(dir)).toEqual([fileNameOf('r2')]); // unacked results are never pruned
  });

  it('the first stored result of an id wins', async () => {
    const spool = await ResultSpool.open(await dirs.make());
    await spool.put('once', resultOf('once'));
    await spool.put('once', resultOf('once', { status: 'FAILED', exitCode: 9 }));
    expect(await spool.get('once')).toEqual(resultOf('once'));
    expect(await spool.unacked()).toHaveLength(1);
  });

  it('refuses a result stored under another id', async () => {
    const spool = await ResultSpool.open(await dirs.make());
    await expect(spool.put('a', resultOf('b'))).rejects.toMatchObject({ code: 'INVALID_ID' });
  });

  it.each([
    { name: 'parent directory', id: '../escape' },
    { name: 'slash', id: 'a/b' },
    { name: 'backslash', id: 'a\\b' },
    { name: 'empty', id: '' },
    { name: 'dot file', id: '.hidden' },
    { name: 'dot dot', id: '..' },
    { name: 'drive colon', id: 'c:x' },
    { name: 'NUL', id: 'a\0b' },
    { name: 'too long', id: 'x'.repeat(129) },
  ])('rejects the id $name before touching the disk', async ({ id }) => {
    const dir = await dirs.make();
    const spool = await ResultSpool.open(join(dir, 'spool'));
    await expect(spool.markStarted(id, { startedAt: '2025-01-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'INVALID_ID' });
    await expect(spool.put(id, resultOf(id))).rejects.toMatchObject({ code: 'INVALID_ID' });
    expect(await readdir(dir)).toEqual(['spool']);
    expect(await readdir(join(dir, 'spool'))).toEqual([]);
  });

  it('keeps ids that differ only in case apart, even on case-insensitive file systems', async () => {
    const spool = await ResultSpool.open(await dirs.make());
    await spool.put('Job-A', resultOf('Job-A'));
    await spool.put('job-a', resultOf('job-a'));
    expect((await spool.get('Job-A'))?.id).toBe('Job-A');
    expect((await spool.get('job-a'))?.id).toBe('job-a');
    expect(fileNameOf('Job-A').toLowerCase()).not.toBe(fileNameOf('job-a').toLowerCase());
  });

  it.each([
    { name: 'lower case', id: 'abc-1.2_3' },
    { name: 'upper case', id: 'ABC' },
    { name: 'windows device name', id: 'con' },
  ])('file names round-trip: $name', ({ id }) => {
    expect(idFromFileName(fileNameOf(id))).toBe(id);
  });

  it('deletes temp files a crash left behind and treats an unreadable record as interrupted', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, `${fileNameOf('torn')}.123-1.tmp`), '{"state":');
    await writeFile(join(dir, fileNameOf('garbled')), 'not json');
    await writeFile(join(dir, 'unrelated.txt'), 'x');
    const spool = await ResultSpool.open(dir);
    expect((await readdir(dir)).sort()).toEqual([fileNameOf('garbled'), 'unrelated.txt'].sort());
    expect(spool.interrupted().map((entry) => entry.id)).toEqual(['garbled']);
    expect(spool.entry('torn')).toBeUndefined();
  });

  it('writes records readable by the owner only', async () => {
    const dir = await dirs.make();
    const spool = await ResultSpool.open(join(dir, 'spool'));
    await spool.put('secret', resultOf('secret'));
    expect((await stat(join(dir, 'spool', fileNameOf('secret')))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'spool'))).mode & 0o777).toBe(0o700);
  });
});
