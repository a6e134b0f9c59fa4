import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArtifactError } from '../../api/artifacts/artifact-error.js';
import { ArtifactStore, STALE_TEMP_MS, type ExpectedDigest } from '../../api/artifacts/artifact-store.js';

const hex = (algo: string, data: Buffer) => crypto.createHash(algo).update(data).digest('hex');

describe('ArtifactStore', () => {
  let dir: string;
  let store: ArtifactStore;
  const data = crypto.randomBytes(300_000);
  const chunks = (buf: Buffer, size = 65_536) => Readable.from(Array.from({ length: Math.ceil(buf.length / size) }, (_, i) => buf.subarray(i * size, (i + 1) * size)));

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-store-'));
    store = await ArtifactStore.open({ dir: path.join(dir, 'artifacts'), maxBlobBytes: 1_000_000 });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hashes while streaming and commits the blob under its sha256', async () => {
    const staged = await store.stage(chunks(data), { md5: hex('md5', data), sha256: hex('sha256', data), sizeBytes: data.length });
    expect(staged).toMatchObject({ sha256: hex('sha256', data), md5: hex('md5', data), sizeBytes: data.length });
    await staged.commit();
    expect(await store.listBlobs()).toEqual([hex('sha256', data)]);
    expect(fs.readFileSync(store.pathOf(staged.sha256)).equals(data)).toBe(true);
    expect(fs.readdirSync(store.dir)).toEqual([staged.sha256]);
  });

  const refusals: { name: string; body: () => Readable; expected: ExpectedDigest; code: string }[] = [
    { name: 'a wrong md5', body: () => chunks(data), expected: { md5: '0'.repeat(32) }, code: 'CHECKSUM_MISMATCH' },
    { name: 'a wrong sha256', body: () => chunks(data), expected: { sha256: '0'.repeat(64) }, code: 'CHECKSUM_MISMATCH' },
    { name: 'fewer bytes than declared', body: () => chunks(data), expected: { sizeBytes: data.length + 1 }, code: 'TRUNCATED' },
    { name: 'a declared size over the limit', body: () => chunks(data), expected: { sizeBytes: 2_000_000 }, code: 'TOO_LARGE' },
    { name: 'a stream over the limit', body: () => chunks(Buffer.concat([data, data, data, data])), expected: {}, code: 'TOO_LARGE' },
    {
      name: 'a stream that breaks',
      body: () =>
        Readable.from(
          (async function* () {
            yield data.subarray(0, 1000);
            throw new Error('connection reset');
          })(),
        ),
      expected: { sizeBytes: data.length },
      code: 'TRUNCATED',
    },
  ];
  it.each(refusals)('refuses $name and leaves nothing behind', async ({ body, expected, code }) => {
    const err = await store.stage(body(), expected).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactError);
    expect((err as ArtifactError).code).toBe(code);
    expect(fs.readdirSync(store.dir)).toEqual([]);
  });

  it('discard removes the staged temp file', async () => {
    const staged = await store.stage(chunks(data));
    await staged.discard();
    expect(fs.readdirSync(store.dir)).toEqual([]);
  });

  it('verify reports missing, corrupt (one flipped byte) and orphaned blobs', async () => {
    const a = await store.stage(chunks(data));
    await a.commit();
    const other = Buffer.from('other content');
    const b = await store.stage(chunks(other));
    await b.commit();
    const orphan = await store.stage(chunks(Buffer.from('nobody registers me')));
    await orphan.commit();
    expect(await store.verify([a.sha256, b.sha256])).toMatchObject({ checked: 2, ok: 2, missing: [], corrupt: [], orphans: [orphan.sha256] });

    const file = store.pathOf(a.sha256);
    const bytes = fs.readFileSync(file);
    bytes[1000] = bytes[1000]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    fs.rmSync(store.pathOf(b.sha256));
    const report = await store.verify([a.sha256, b.sha256, b.sha256]);
    expect(report).toEqual({ checked: 2, ok: 0, missing: [b.sha256], corrupt: [{ sha256: a.sha256, actualSha256: hex('sha256', bytes), actualSizeBytes: data.length }], orphans: [orphan.sha256] });
  });

  it.each(['../etc/passwd', 'ABC', '', `${'a'.repeat(64)}/..`, 'A'.repeat(64), `${'a'.repeat(63)}\u0000`])('pathOf refuses %j', (value) => {
    expect(() => store.pathOf(value)).toThrow(ArtifactError);
  });

  it('sweeps temp files left by a crash once they are stale, and keeps fresh ones', async () => {
    fs.writeFileSync(path.join(store.dir, '.tmp-1-1-old'), 'x');
    fs.writeFileSync(path.join(store.dir, '.tmp-1-2-new'), 'x');
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    fs.utimesSync(path.join(store.dir, '.tmp-1-1-old'), old, old);
    await ArtifactStore.open({ dir: store.dir });
    expect(fs.readdirSync(store.dir)).toEqual(['.tmp-1-2-new']);
  });
});
