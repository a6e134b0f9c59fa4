import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFile, put, startHarness, storeEntries, type Harness } from './harness.js';

const MB = 1024 * 1024;

describe('artifact HTTP routes', () => {
  let h: Harness;
  let ten: ReturnType<typeof makeFile>;
  const auth = (who: keyof Harness['tokens']) => ({ authorization: `Bearer ${h.tokens[who]}` });

  beforeAll(async () => {
    h = await startHarness({ maxConcurrentDownloads: 2 });
    ten = makeFile(h.dir, 'game-update-1.2.zip', 10 * MB);
  });
  afterAll(async () => h?.close());

  it('stores a 10 MB push with the right --md5 under its sha256 and lists it with both checksums', async () => {
    const r = await put(`${h.url}/artifacts/game-update-1.2.zip?version=1.2&md5=${ten.md5}`, ten.file, auth('operator'));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ name: 'game-update-1.2.zip', version: '1.2', sha256: ten.sha256, md5: ten.md5, sizeBytes: 10 * MB, uploadedBy: 'operator', created: true });
    expect(storeEntries(h)).toEqual([ten.sha256]);
    const listed = await h.gql<{ artifacts: { nodes: { name: string; versions: { version: string; md5: string; sha256: string; sizeBytes: number }[] }[] } }>(
      '{ artifacts(search: "update") { nodes { name versions { version md5 sha256 sizeBytes } } } }',
      {},
      h.tokens.viewer,
    );
    expect(listed.data?.artifacts.nodes).toEqual([{ name: 'game-update-1.2.zip', versions: [{ version: '1.2', md5: ten.md5, sha256: ten.sha256, sizeBytes: 10 * MB }] }]);
    const [row] = await h.auditRows('pushArtifact');
    expect(row).toMatchObject({ actor: 'operator', outcome: 'SUCCESS', target: 'game-update-1.2.zip@1.2' });
  });

  it('re-pushing identical content is a no-op (200); other content under the same version is refused (409)', async () => {
    expect((await put(`${h.url}/artifacts/game-update-1.2.zip?version=1.2`, ten.file, auth('admin'))).status).toBe(200);
    const other = await put(`${h.url}/artifacts/game-update-1.2.zip?version=1.2`, Buffer.from('different'), auth('admin'));
    expect(other.status).toBe(409);
    expect(other.json).toMatchObject({ errors: [{ extensions: { code: 'VERSION_EXISTS' } }] });
    expect(storeEntries(h)).toEqual([ten.sha256]);
  });

  const refusedUploads: { name: string; query: (f: typeof ten) => string; body?: Buffer; status: number; code: string }[] = [
    { name: 'a wrong md5', query: () => `md5=${'0'.repeat(32)}`, status: 422, code: 'CHECKSUM_MISMATCH' },
    { name: 'a wrong sha256', query: () => `sha256=${'f'.repeat(64)}`, status: 422, code: 'CHECKSUM_MISMATCH' },
    { name: 'a right md5 but a wrong sha256', query: (f) => `md5=${f.md5}&sha256=${'a'.repeat(64)}`, status: 422, code: 'CHECKSUM_MISMATCH' },
    { name: 'an md5 that is not hex', query: () => 'md5=xyz', status: 400, code: 'INVALID_INPUT' },
    { name: 'an unknown query parameter', query: () => 'path=/etc/passwd', status: 400, code: 'INVALID_INPUT' },
  ];
  it.each(refusedUploads)('refuses an upload with $name and stores nothing', async ({ query, status, code }) => {
    const f = makeFile(h.dir, 'refused.bin', 3 * MB, 7);
    const r = await put(`${h.url}/artifacts/refused.bin?version=1&${query(f)}`, f.file, auth('operator'));
    expect(r.status).toBe(status);
    expect(r.json).toMatchObject({ errors: [{ extensions: { code } }] });
    expect(storeEntries(h)).toEqual([ten.sha256]);
    expect((await h.gql<{ artifact: unknown }>('{ artifact(name: "refused.bin") { name } }', {}, h.tokens.admin)).data?.artifact).toBeNull();
  });

  it('refuses a multipart body and an upload over the size limit without storing anything', async () => {
    const small = await startHarness({ maxBlobBytes: MB });
    try {
      const big = makeFile(small.dir, 'big.bin', 2 * MB);
      const r = await put(`${small.url}/artifacts/big.bin`, big.file, { authorization: `Bearer ${small.tokens.admin}` });
      expect(r.status).toBe(413);
      const multipart = await put(`${small.url}/artifacts/x.bin`, Buffer.from('--b\r\n'), { authorization: `Bearer ${small.tokens.admin}`, 'content-type': 'multipart/form-data; boundary=b' });
      expect(multipart.status).toBe(415);
      expect(storeEntries(small)).toEqual([]);
    } finally {
      await small.close();
    }
  });

  const permissions: { who: 'admin' | 'operator' | 'viewer' | 'anonymous' | 'agent'; status: number }[] = [
    { who: 'admin', status: 201 },
    { who: 'operator', status: 201 },
    { who: 'viewer', status: 403 },
    { who: 'anonymous', status: 401 },
    { who: 'agent', status: 403 },
  ];
  it.each(permissions)('push permission: $who → $status', async ({ who, status }) => {
    const headers = who === 'anonymous' ? {} : who === 'agent' ? h.agentHeaders(1) : auth(who);
    const r = await put(`${h.url}/artifacts/perm-${who}.bin?version=1`, makeFile(h.dir, `perm-${who}.bin`, 2 * MB, who.length).file, headers);
    expect(r.status).toBe(status);
    const rows = await h.auditRows('pushArtifact');
    expect(rows.at(-1)).toMatchObject({ target: expect.stringContaining(`perm-${who}.bin`), outcome: status === 201 ? 'SUCCESS' : 'DENIED' });
  });

  const badNames = ['..', '.hidden', '..%2F..%2Fetc%2Fpasswd', 'a%2Fb', 'a%5Cb', 'a%00b', 'name..zip', 'trailing.', 'sp%20ace', '%E2%80%AEevil', 'a'.repeat(129)];
  it.each(badNames)('refuses the artifact name %s', async (name) => {
    const r = await put(`${h.url}/artifacts/${name}?version=1`, Buffer.from('x'), auth('admin'));
    expect([400, 404]).toContain(r.status);
    expect(storeEntries(h)).not.toContain(crypto.createHash('sha256').update('x').digest('hex'));
  });

  it.each(['..%2F..', '1.0/..', '1..0', '-rc1', 'v 1'])('refuses the version %s', async (version) => {
    const r = await put(`${h.url}/artifacts/ok.bin?version=${version}`, Buffer.from('y'), auth('admin'));
    expect(r.status).toBe(400);
  });

  describe('download', () => {
    const get = (p: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${h.url}${p}`, { method, headers: { ...auth('admin'), ...headers } });

    it('serves the whole blob with ETag, Content-Length and Accept-Ranges', async () => {
      const res = await get(`/artifacts/${ten.sha256}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(`"${ten.sha256}"`);
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('content-length')).toBe(String(10 * MB));
      const body = Buffer.from(await res.arrayBuffer());
      expect(crypto.createHash('md5').update(body).digest('hex')).toBe(ten.md5);
    });

    const ranges: { name: string; range: string; status: number; contentRange?: string; start?: number; length?: number }[] = [
      { name: 'a middle range', range: 'bytes=100-199', status: 206, contentRange: `bytes 100-199/${10 * MB}`, start: 100, length: 100 },
      { name: 'an open-ended range (resume)', range: `bytes=${10 * MB - 10}-`, status: 206, contentRange: `bytes ${10 * MB - 10}-${10 * MB - 1}/${10 * MB}`, start: 10 * MB - 10, length: 10 },
      { name: 'a suffix range', range: 'bytes=-5', status: 206, contentRange: `bytes ${10 * MB - 5}-${10 * MB - 1}/${10 * MB}`, start: 10 * MB - 5, length: 5 },
      { name: 'a range past the end', range: `bytes=${10 * MB}-`, status: 416, contentRange: `bytes */${10 * MB}` },
      { name: 'several ranges (served whole)', range: 'bytes=0-1,5-6', status: 200, start: 0, length: 10 * MB },
    ];
    it.each(ranges)('answers $name with $status', async ({ range, status, contentRange, start, length }) => {
      const res = await get(`/artifacts/${ten.sha256}`, { range });
      expect(res.status).toBe(status);
      if (contentRange) expect(res.headers.get('content-range')).toBe(contentRange);
      const body = Buffer.from(await res.arrayBuffer());
      if (start !== undefined && length !== undefined) {
        expect(body.length).toBe(length);
        expect(body.equals(fs.readFileSync(ten.file).subarray(start, start + length))).toBe(true);
      }
    });

    it('answers If-None-Match with 304, a stale If-Range with the whole body, and HEAD without one', async () => {
      expect((await get(`/artifacts/${ten.sha256}`, { 'if-none-match': `"${ten.sha256}"` })).status).toBe(304);
      const stale = await get(`/artifacts/${ten.sha256}`, { range: 'bytes=0-9', 'if-range': '"other"' });
      expect(stale.status).toBe(200);
      await stale.arrayBuffer();
      const head = await get(`/artifacts/${ten.sha256}`, {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(10 * MB));
    });

    const refusals: { name: string; path: () => string; headers?: () => Record<string, string>; status: number }[] = [
      { name: 'an unlisted hash (admin)', path: () => `/artifacts/${'0'.repeat(64)}`, status: 404 },
      { name: 'a viewer', path: () => `/artifacts/${ten.sha256}`, headers: () => auth('viewer'), status: 403 },
      { name: 'no token', path: () => `/artifacts/${ten.sha256}`, headers: () => ({ authorization: '' }), status: 401 },
      { name: 'an agent whose host does not reference it', path: () => `/artifacts/${ten.sha256}`, headers: () => ({ ...h.agentHeaders(2), authorization: '' }), status: 403 },
      { name: 'a traversal form', path: () => '/artifacts/..%2F..%2Fetc%2Fpasswd', status: 400 },
      { name: 'a file name instead of a hash', path: () => '/artifacts/game-update-1.2.zip', status: 400 },
      { name: 'a hash with a path suffix', path: () => `/artifacts/${ten.sha256}%2F..`, status: 400 },
      { name: 'a short hash', path: () => `/artifacts/${ten.sha256.slice(0, 63)}`, status: 400 },
      { name: 'a hash with a NUL', path: () => `/artifacts/${ten.sha256.slice(0, 63)}%00`, status: 400 },
    ];
    it.each(refusals)('refuses $name with $status', async ({ path: p, headers, status }) => {
      const res = await get(p(), headers?.());
      expect(res.status).toBe(status);
      expect(((await res.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    });

    it('lets an agent fetch what its own host references, and only that', async () => {
      h.hostRefs.set(3, new Set([ten.sha256]));
      const mine = await get(`/artifacts/${ten.sha256}`, { ...h.agentHeaders(3), authorization: '', range: 'bytes=0-0' });
      expect(mine.status).toBe(206);
      await mine.arrayBuffer();
      expect((await get(`/artifacts/${ten.sha256}`, { ...h.agentHeaders(4), authorization: '' })).status).toBe(403);
      // Referencing a hash that is not registered does not make it downloadable.
      h.hostRefs.set(5, new Set(['1'.repeat(64)]));
      expect((await get(`/artifacts/${'1'.repeat(64)}`, { ...h.agentHeaders(5), authorization: '' })).status).toBe(404);
    });

    it('bounds concurrent downloads: the excess gets 503 with Retry-After, and a slot frees when a download ends', async () => {
      const stalled = await Promise.all([openStalled(), openStalled()]);
      expect(h.router.downloads.inUse).toBe(2);
      const third = await get(`/artifacts/${ten.sha256}`);
      expect(third.status).toBe(503);
      expect(third.headers.get('retry-after')).toBe('2');
      await third.arrayBuffer();
      stalled[0]!.destroy();
      await waitFor(() => h.router.downloads.inUse === 1);
      const fourth = await get(`/artifacts/${ten.sha256}`, { range: 'bytes=0-0' });
      expect(fourth.status).toBe(206);
      await fourth.arrayBuffer();
      stalled[1]!.destroy();
      await waitFor(() => h.router.downloads.inUse === 0);
    });

    /** A download whose client never reads: the server blocks on backpressure, holding its slot. */
    function openStalled(): Promise<http.ClientRequest> {
      return new Promise((resolve, reject) => {
        const req = http.get(`${h.url}/artifacts/${ten.sha256}`, { headers: auth('admin') }, (res) => {
          expect(res.statusCode).toBe(200);
          res.pause();
          resolve(req);
        });
        req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
      });
    }
  });

  it('keeps no temp files behind', () => {
    expect(storeEntries(h).filter((e) => e.startsWith('.'))).toEqual([]);
    expect(fs.existsSync(path.join(h.storeDir, ten.sha256))).toBe(true);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
