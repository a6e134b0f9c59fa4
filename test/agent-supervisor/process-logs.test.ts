import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkLines, ProcessLogs, tailFile } from '../../agent/supervisor/process-logs.js';
import type { ProcessLogsChunk } from '../../protocol/process-logs.schema.js';
import { waitFor } from '../helpers/processes.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-logs-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('tailFile', () => {
  it.each([
    { name: 'the last lines', content: 'a\nb\nc\n', n: 2, want: ['b', 'c'] },
    { name: 'an unfinished last line counts', content: 'a\nb', n: 5, want: ['a', 'b'] },
    { name: 'zero lines', content: 'a\n', n: 0, want: [] },
    { name: 'an empty file', content: '', n: 3, want: [] },
  ])('$name', ({ content, n, want }) => {
    const f = path.join(tmp(), 'x.log');
    fs.writeFileSync(f, content);
    expect(tailFile(f, n).lines).toEqual(want);
  });
  it('reaches into the rotated file when the current one has too few lines', () => {
    const f = path.join(tmp(), 'x.log');
    fs.writeFileSync(`${f}.1`, 'old1\nold2\n');
    fs.writeFileSync(f, 'new1\n');
    expect(tailFile(f, 2).lines).toEqual(['old2', 'new1']);
  });
  it('reads only the last bytes of a big file, dropping the cut first line', () => {
    const f = path.join(tmp(), 'x.log');
    fs.writeFileSync(f, `${'x'.repeat(100)}\nend\n`);
    expect(tailFile(f, 10, 10).lines).toEqual(['end']);
  });
});

describe('chunkLines', () => {
  it('keeps chunks under the byte bound and cuts a giant line', () => {
    const lines = Array.from({ length: 100 }, (_, i) => ({ stream: 'stdout' as const, text: `line ${i} ${'y'.repeat(50)}` }));
    const chunks = chunkLines([...lines, { stream: 'stderr', text: 'z'.repeat(5000) }], 1000);
    expect(chunks.flat()).toHaveLength(101);
    for (const c of chunks) expect(c.reduce((n, l) => n + Buffer.byteLength(l.text) + 32, 0)).toBeLessThanOrEqual(1000 + 5000);
    expect(chunks.at(-1)!.at(-1)!.text).toMatch(/\[line cut\]$/);
  });
});

describe('ProcessLogs', () => {
  it('answers an unknown process with one final chunk carrying the error', async () => {
    const sent: ProcessLogsChunk[] = [];
    await new ProcessLogs({ logPaths: () => undefined, send: async (c) => void sent.push(c) }).start({ requestId: 'abcdefgh', process: 'nope', tailLines: 5, follow: false });
    expect(sent).toEqual([{ requestId: 'abcdefgh', seq: 0, lines: [], done: true, error: 'no guarded process named "nope" on this host' }]);
  });

  it('sends the tail of both streams, then follows appends (and a rotation) until stopped', async () => {
    const d = tmp();
    const paths = { stdout: path.join(d, 'p.stdout.log'), stderr: path.join(d, 'p.stderr.log') };
    fs.writeFileSync(paths.stdout, 'o1\no2\no3\n');
    fs.writeFileSync(paths.stderr, 'e1\n');
    const sent: ProcessLogsChunk[] = [];
    const logs = new ProcessLogs({ logPaths: () => paths, send: async (c) => void sent.push(c), pollMs: 20 });
    await logs.start({ requestId: 'req-0001', process: 'p', tailLines: 2, follow: true });
    expect(sent[0]!.lines).toEqual([
      { stream: 'stdout', text: 'o2' },
      { stream: 'stdout', text: 'o3' },
      { stream: 'stderr', text: 'e1' },
    ]);
    fs.appendFileSync(paths.stdout, 'o4\npart');
    await waitFor(() => sent.flatMap((c) => c.lines).some((l) => l.text === 'o4'), 5000, 'the appended line');
    fs.appendFileSync(paths.stdout, 'ial\n');
    await waitFor(() => sent.flatMap((c) => c.lines).some((l) => l.text === 'partial'), 5000, 'the completed line');
    fs.truncateSync(paths.stdout, 0);
    await new Promise((r) => setTimeout(r, 60));
    fs.appendFileSync(paths.stdout, 'after-rotation\n');
    await waitFor(() => sent.flatMap((c) => c.lines).some((l) => l.text === 'after-rotation'), 5000, 'the line after rotation');
    logs.stop('req-0001');
    await waitFor(() => sent.at(-1)?.done, 5000, 'the final chunk');
    expect(sent.map((c) => c.seq)).toEqual(sent.map((_, i) => i));
  });
});
