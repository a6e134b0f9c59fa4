import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestFile, downloadArtifact, type DownloadArtifactOptions } from '../../agent/files/download-artifact.js';
import { FileError } from '../../agent/files/file-error.js';
import { makeFile, put, startHarness, type Harness } from './harness.js';

const MB = 1024 * 1024;
const noSleep = async () => undefined;

describe('downloadArtifact against the artifact routes', () => {
  let h: Harness;
  let art: ReturnType<typeof makeFile>;
  let out: string;
  const base = (over: Partial<DownloadArtifactOptions> = {}): DownloadArtifactOptions => ({
    url: `${h.url}/artifacts/${art.sha256}`,
    sha256: art.sha256,
    md5: art.md5,
    dest: path.join(out, 'app', 'update.zip'),
    headers: h.agentHeaders(1),
    sleep: noSleep,
    ...over,
  });
  const failure = async (p: Promise<unknown>): Promise<FileError> => {
    const err = await p.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    return err as FileError;
  };
  const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.ioms-part'));

  beforeAll(async () => {
    h = await startHarness();
    art = makeFile(h.dir, 'update.zip', 6 * MB + 123);
    expect((await put(`${h.url}/artifacts/update.zip?version=1&md5=${art.md5}`, art.file, { authorization: `Bearer ${h.tokens.admin}` })).status).toBe(201);
    h.hostRefs.set(1, new Set([art.sha256]));
    out = path.join(h.dir, 'host');
    fs.mkdirSync(out);
  });
  afterAll(async () => h?.close());

  it('downloads to the path; the file’s MD5 matches and the mode is set', async () => {
    const r = await downloadArtifact(base({ mode: 0o640 }));
    expect(r).toMatchObject({ changed: true, attempts: 1, resumed: false, md5: art.md5, sha256: art.sha256, sizeBytes: art.sizeBytes });
    expect((await digestFile(r.path)).md5).toBe(art.md5);
    if (process.platform !== 'win32') expect(fs.statSync(r.path).mode & 0o777).toBe(0o640);
    expect(leftovers(path.dirname(r.path))).toEqual([]);
  });

  it('is idempotent: a target that already matches is not rewritten', async () => {
    const before = fs.statSync(path.join(out, 'app', 'update.zip')).ino;
    const r = await downloadArtifact(base({ mode: 0o640 }));
    expect(r).toMatchObject({ changed: false, attempts: 0 });
    expect(fs.statSync(r.path).ino).toBe(before);
  });

  it('resumes with Range after a broken transfer', async () => {
    const dest = path.join(out, 'resume', 'update.zip');
    const part = path.join(path.dirname(dest), `.update.zip.${art.sha256.slice(0, 16)}.ioms-part`);
    const proxy = await cuttingProxy(new URL(h.url), 2 * MB + 17, () => (fs.existsSync(part) ? fs.statSync(part).size : 0));
    try {
      const r = await downloadArtifact(base({ url: `${proxy.url}/artifacts/${art.sha256}`, dest }));
      expect(r).toMatchObject({ changed: true, attempts: 2, resumed: true });
      // The second request asks for exactly what the partial file holds: the bytes received before
      // the cut, less any the file had not yet been written when the transfer broke.
      const kept = proxy.partSizes[1]!;
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThanOrEqual(2 * MB + 17);
      expect(proxy.ranges).toEqual([undefined, `bytes=${kept}-`]);
      expect((await digestFile(dest)).sha256).toBe(art.sha256);
    } finally {
      await proxy.close();
    }
  });

  it('resumes a partial file left by an earlier run (a crashed agent)', async () => {
    const dest = path.join(out, 'crash', 'update.zip');
    fs.mkdirSync(path.dirname(dest));
    const partial = path.join(path.dirname(dest), `.update.zip.${art.sha256.slice(0, 16)}.ioms-part`);
    fs.writeFileSync(partial, fs.readFileSync(art.file).subarray(0, MB));
    const r = await downloadArtifact(base({ dest }));
    expect(r).toMatchObject({ changed: true, resumed: true });
    expect((await digestFile(dest)).md5).toBe(art.md5);
  });

  it('throws away a stale partial whose bytes are wrong and downloads again from zero', async () => {
    const dest = path.join(out, 'stale', 'update.zip');
    fs.mkdirSync(path.dirname(dest));
    fs.writeFileSync(path.join(path.dirname(dest), `.update.zip.${art.sha256.slice(0, 16)}.ioms-part`), Buffer.alloc(MB, 0xee));
    const r = await downloadArtifact(base({ dest }));
    expect(r).toMatchObject({ changed: true, attempts: 2, resumed: false });
    expect((await digestFile(dest)).md5).toBe(art.md5);
  });

  it('refuses a corrupted blob (one flipped byte): the target is untouched and no temp remains; verify reports it', async () => {
    const blob = path.join(h.storeDir, art.sha256);
    const original = fs.readFileSync(blob);
    const dest = path.join(out, 'corrupt', 'update.zip');
    fs.mkdirSync(path.dirname(dest));
    fs.writeFileSync(dest, 'the old version');
    const flipped = Buffer.from(original);
    flipped[12345] = flipped[12345]! ^ 0xff;
    fs.writeFileSync(blob, flipped);
    try {
      const err = await failure(downloadArtifact(base({ dest })));
      expect(err.code).toBe('CHECKSUM_MISMATCH');
      expect(fs.readFileSync(dest, 'utf8')).toBe('the old version');
      expect(leftovers(path.dirname(dest))).toEqual([]);
      const md5Only = await failure(downloadArtifact(base({ dest, sha256: undefined })));
      expect(md5Only.message).toContain('md5 mismatch');
      const report = await h.gql<{ verifyArtifacts: { checked: number; ok: number; corrupt: { sha256: string }[]; affected: string[] } }>(
        'mutation { verifyArtifacts { checked ok corrupt { sha256 } affected } }',
        {},
        h.tokens.admin,
      );
      expect(report.data?.verifyArtifacts).toEqual({ checked: 1, ok: 0, corrupt: [{ sha256: art.sha256 }], affected: ['update.zip@1'] });
    } finally {
      fs.writeFileSync(blob, original);
    }
  });

  const refusals: { name: string; over: () => Partial<DownloadArtifactOptions>; code: string; status?: number }[] = [
    { name: 'a hash this host does not reference (403)', over: () => ({ headers: h.agentHeaders(9), dest: path.join(out, 'other-host', 'update.zip') }), code: 'HTTP_ERROR', status: 403 },
    { name: 'an unlisted hash (404)', over: () => ({ url: `${h.url}/artifacts/${'0'.repeat(64)}`, headers: { authorization: `Bearer ${h.tokens.admin}` }, dest: path.join(out, 'unlisted', 'update.zip') }), code: 'HTTP_ERROR', status: 404 },
    { name: 'a relative destination', over: () => ({ dest: 'app/update.zip' }), code: 'INVALID_PATH' },
    { name: 'a destination with ..', over: () => ({ dest: `${out}/app/../../etc/passwd` }), code: 'INVALID_PATH' },
    { name: 'an md5 that is not hex', over: () => ({ md5: 'nope' }), code: 'INVALID_CHECKSUM' },
    { name: 'a size over the limit', over: () => ({ maxBytes: MB, dest: path.join(out, 'limit', 'x') }), code: 'TOO_LARGE' },
  ];
  it.each(refusals)('refuses $name', async ({ over, code, status }) => {
    const err = await failure(downloadArtifact(base(over())));
    expect(err.code).toBe(code);
    if (status) expect(err.status).toBe(status);
    if (status) expect(leftovers(path.join(out, status === 403 ? 'other-host' : 'unlisted'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('refuses to write through a symlinked directory that leads outside its parent, or onto a symlink', async () => {
    const outside = path.join(h.dir, 'outside');
    fs.mkdirSync(outside);
    const jail = path.join(out, 'jail');
    fs.mkdirSync(jail);
    fs.symlinkSync(outside, path.join(jail, 'data'));
    const escaped = await failure(downloadArtifact(base({ dest: path.join(jail, 'data', 'update.zip') })));
    expect(escaped.code).toBe('UNSAFE_SYMLINK');
    expect(fs.readdirSync(outside)).toEqual([]);

    fs.mkdirSync(path.join(jail, 'releases', '1.2'), { recursive: true });
    fs.symlinkSync(path.join('releases', '1.2'), path.join(jail, 'current'));
    const inside = await downloadArtifact(base({ dest: path.join(jail, 'current', 'update.zip') }));
    expect(inside.changed).toBe(true);
    expect(fs.existsSync(path.join(jail, 'releases', '1.2', 'update.zip'))).toBe(true);

    fs.writeFileSync(path.join(outside, 'victim'), 'keep');
    fs.symlinkSync(path.join(outside, 'victim'), path.join(jail, 'link.zip'));
    const onLink = await failure(downloadArtifact(base({ dest: path.join(jail, 'link.zip') })));
    expect(onLink.code).toBe('UNSAFE_SYMLINK');
    expect(fs.readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('keep');
  });

  it('retries a 503 from a full download table and then succeeds', async () => {
    const busy = await startHarness({ maxConcurrentDownloads: 1 });
    try {
      expect((await put(`${busy.url}/artifacts/update.zip?version=1`, art.file, { authorization: `Bearer ${busy.tokens.admin}` })).status).toBe(201);
      const hog = await new Promise<http.ClientRequest>((resolve) => {
        const req = http.get(`${busy.url}/artifacts/${art.sha256}`, { headers: { authorization: `Bearer ${busy.tokens.admin}` } }, (res) => {
          res.pause();
          resolve(req);
        });
        req.on('error', () => undefined);
      });
      const waits: number[] = [];
      const r = await downloadArtifact(
        base({
          url: `${busy.url}/artifacts/${art.sha256}`,
          headers: { authorization: `Bearer ${busy.tokens.admin}` },
          dest: path.join(out, 'busy', 'update.zip'),
          sleep: async (ms) => {
            waits.push(ms);
            hog.destroy();
            await new Promise((resolve) => setTimeout(resolve, 50));
          },
        }),
      );
      expect(r.attempts).toBe(2);
      expect(waits).toEqual([2000]);
    } finally {
      await busy.close();
    }
  });
});

/** Forwards to `target`; the first response is cut after `cutAfter` body bytes. Records each Range. */
/** Forwards to `target`, cutting the first response after `cutAfter` bytes; records each request's Range and `partSize()` at that moment. */
async function cuttingProxy(target: URL, cutAfter: number, partSize: () => number = () => 0): Promise<{ url: string; ranges: (string | undefined)[]; partSizes: number[]; close(): Promise<void> }> {
  const ranges: (string | undefined)[] = [];
  const partSizes: number[] = [];
  const server = http.createServer((req, res) => {
    ranges.push(req.headers.range);
    partSizes.push(partSize());
    const first = ranges.length === 1;
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      let sent = 0;
      up.on('data', (chunk: Buffer) => {
        if (first && sent + chunk.length > cutAfter) {
          const head = chunk.subarray(0, cutAfter - sent);
          sent = cutAfter;
          up.destroy();
          // Cut once the bytes before the cut have left this process (a timer could fire first on
          // a busy machine and drop some of them, so the resume would start earlier).
          res.write(head, () => res.socket?.destroy());
          return;
        }
        sent += chunk.length;
        res.write(chunk);
      });
      up.on('end', () => res.end());
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ranges,
    partSizes,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
