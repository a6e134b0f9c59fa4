/**
 * The content-addressed blob store: `<dir>/<sha256>`, one file per distinct content.
 *
 * Ingest is streaming and single-pass: bytes flow from the request into a temp file in the
 * same directory while SHA-256 and MD5 are computed; the temp file is fsynced and only then
 * renamed to its hash, so a blob under a hash name is always complete. Memory use does not
 * depend on the blob's size.
 *
 *   stage(stream) ──▶ .tmp-<uuid> (hashing) ──┬─ checksum/size refused ─▶ temp removed, throws
 *                                             └─ StagedBlob ─┬─ commit()  ─▶ rename to <sha256>
 *                                                            └─ discard() ─▶ temp removed
 *
 * Nothing here knows about names or the database; paths are built only from validated hashes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArtifactError } from './artifact-error.js';
import { isSha256 } from './artifact-names.js';

/** Default upload limit: 10 GiB. */
export const DEFAULT_MAX_BLOB_BYTES = 10 * 1024 ** 3;
/** Temp files untouched this long are leftovers of a crash and are swept on open. */
export const STALE_TEMP_MS = 60 * 60_000;
const TEMP_PREFIX = '.tmp-';

export interface ArtifactStoreOptions {
  /** The store directory, normally `<IOMS_DATA_DIR>/artifacts`; created when missing. */
  readonly dir: string;
  /** Largest blob accepted, in bytes. @default DEFAULT_MAX_BLOB_BYTES (10 GiB) */
  readonly maxBlobBytes?: number;
  /** @default () => Date.now() */
  readonly nowMs?: () => number;
}

/** What a blob hashes to. */
export interface BlobDigest {
  readonly sha256: string;
  readonly md5: string;
  readonly sizeBytes: number;
}

/** What the uploader claims; each given field must match or the upload is refused. */
export interface ExpectedDigest {
  readonly sha256?: string;
  readonly md5?: string;
  /** The request's Content-Length: fewer bytes means a truncated upload. */
  readonly sizeBytes?: number;
}

/** A hashed upload waiting in a temp file: commit it under its hash, or discard it. */
export interface StagedBlob extends BlobDigest {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** One registered blob that failed verification. */
export interface CorruptBlob {
  readonly sha256: string;
  readonly actualSha256: string;
  readonly actualSizeBytes: number;
}

export interface StoreVerifyReport {
  readonly checked: number;
  readonly ok: number;
  /** Registered hashes with no blob. */
  readonly missing: readonly string[];
  /** Registered hashes whose blob no longer hashes to its name. */
  readonly corrupt: readonly CorruptBlob[];
  /** Blobs on disk that no registered version uses (left by a crash between rename and insert). */
  readonly orphans: readonly string[];
}

export class ArtifactStore {
  readonly maxBlobBytes: number;
  private readonly nowMs: () => number;
  private tempCounter = 0;

  private constructor(
    readonly dir: string,
    opts: ArtifactStoreOptions,
  ) {
    this.maxBlobBytes = opts.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
    this.nowMs = opts.nowMs ?? (() => Date.now());
  }

  /** Creates the directory (0700) if needed and sweeps stale temp files. */
  static async open(opts: ArtifactStoreOptions): Promise<ArtifactStore> {
    const dir = path.resolve(opts.dir);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const store = new ArtifactStore(dir, opts);
    await store.sweepTemp();
    return store;
  }

  /**
   * The blob's file. Throws on anything but a lowercase 64-hex hash, so a request can never
   * steer this toward another path.
   */
  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new ArtifactError('INVALID_INPUT', 'not a lowercase hex SHA-256');
    return path.join(this.dir, sha256);
  }

  /**
   * Streams `source` into a temp file, hashing as it goes. Refuses (temp removed, nothing
   * renamed) when the size passes `maxBlobBytes`, when fewer bytes than `expected.sizeBytes`
   * arrive, or when a given checksum differs.
   *
   * @throws ArtifactError `TOO_LARGE`, `TRUNCATED`, `CHECKSUM_MISMATCH`
   */
  async stage(source: Readable | AsyncIterable<Uint8Array>, expected: ExpectedDigest = {}): Promise<StagedBlob> {
    if (expected.sizeBytes !== undefined && expected.sizeBytes > this.maxBlobBytes) {
      throw new ArtifactError('TOO_LARGE', `the upload is ${expected.sizeBytes} bytes; the limit is ${this.maxBlobBytes}`);
    }
    this.tempCounter += 1;
    const temp = path.join(this.dir, `${TEMP_PREFIX}${process.pid}-${this.tempCounter}-${crypto.randomUUID()}`);
    const sha = crypto.createHash('sha256');
    const md5 = crypto.createHash('md5');
    let size = 0;
    try {
      // A write stream keeps disk writes going while the next chunks are read and hashed.
      const hashing = async function* (chunks: AsyncIterable<Uint8Array>, maxBlobBytes: number) {
        for await (const chunk of chunks) {
          size += chunk.byteLength;
          if (size > maxBlobBytes) throw new ArtifactError('TOO_LARGE', `the upload passed the limit of ${maxBlobBytes} bytes`);
          sha.update(chunk);
          md5.update(chunk);
          yield chunk;
        }
      };
      await pipeline(source, (chunks: AsyncIterable<Uint8Array>) => hashing(chunks, this.maxBlobBytes), fs.createWriteStream(temp, { flags: 'wx', mode: 0o600, highWaterMark: 1024 * 1024 }));
      // fsync through a second descriptor: it flushes the file's data, whichever fd wrote it.
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      const digest: BlobDigest = { sha256: sha.digest('hex'), md5: md5.digest('hex'), sizeBytes: size };
      checkExpected(digest, expected);
      return this.staged(temp, digest);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      if (err instanceof ArtifactError) throw err;
      if (size < (expected.sizeBytes ?? 0)) throw new ArtifactError('TRUNCATED', `the upload ended after ${size} of ${expected.sizeBytes} bytes`, { cause: err });
      throw new Error('stage artifact upload', { cause: err });
    }
  }

  /** Size of a stored blob, or undefined when it is not there. */
  async sizeOf(sha256: string): Promise<number | undefined> {
    try {
      const s = await stat(this.pathOf(sha256));
      return s.isFile() ? s.size : undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** Reads `[start, end]` (inclusive) of a blob. */
  createReadStream(sha256: string, range?: { readonly start: number; readonly end: number }): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256), { ...range, highWaterMark: 256 * 1024 });
  }

  /** Removes a blob; absent is fine. */
  async remove(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  /** The hashes of every blob on disk (temp files excluded). */
  async listBlobs(): Promise<string[]> {
    return (await readdir(this.dir)).filter(isSha256).sort();
  }

  /** Re-hashes a blob from disk, streaming. */
  async digestOf(sha256: string): Promise<BlobDigest> {
    return digestStream(this.createReadStream(sha256));
  }

  /**
   * Re-hashes every registered blob, one at a time, and lists the missing, the corrupt and
   * the unregistered (orphans).
   */
  async verify(registered: Iterable<string>): Promise<StoreVerifyReport> {
    const wanted = [...new Set(registered)].sort();
    const missing: string[] = [];
    const corrupt: CorruptBlob[] = [];
    for (const sha256 of wanted) {
      let actual: BlobDigest;
      try {
        actual = await this.digestOf(sha256);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') {
          missing.push(sha256);
          continue;
        }
        throw err;
      }
      if (actual.sha256 !== sha256) corrupt.push({ sha256, actualSha256: actual.sha256, actualSizeBytes: actual.sizeBytes });
    }
    const known = new Set(wanted);
    const orphans = (await this.listBlobs()).filter((h) => !known.has(h));
    return { checked: wanted.length, ok: wanted.length - missing.length - corrupt.length, missing, corrupt, orphans };
  }

  /** Removes temp files older than STALE_TEMP_MS (a crashed upload's leftovers). */
  async sweepTemp(): Promise<number> {
    let removed = 0;
    for (const entry of await readdir(this.dir)) {
      if (!entry.startsWith(TEMP_PREFIX)) continue;
      const file = path.join(this.dir, entry);
      const s = await stat(file).catch(() => undefined);
      if (s && this.nowMs() - s.mtimeMs > STALE_TEMP_MS) {
        await unlink(file).catch(() => undefined);
        removed += 1;
      }
    }
    return removed;
  }

  private staged(temp: string, digest: BlobDigest): StagedBlob {
    const target = path.join(this.dir, digest.sha256);
    const dir = this.dir;
    return {
      ...digest,
      async commit() {
        try {
          await rename(temp, target);
        } catch (err) {
          // Windows refuses to replace a file that is open (being downloaded); the existing
          // blob has the same name, so it has the same content unless corrupt (verify says).
          if (process.platform === 'win32' && fs.existsSync(target)) await unlink(temp).catch(() => undefined);
          else throw new Error('commit artifact blob', { cause: err });
        }
        await syncDirectory(dir);
      },
      async discard() {
        await unlink(temp).catch(() => undefined);
      },
    };
  }
}

/** SHA-256, MD5 and size of a stream, in one pass. */
export async function digestStream(source: Readable | AsyncIterable<Uint8Array>): Promise<BlobDigest> {
  const sha = crypto.createHash('sha256');
  const md5 = crypto.createHash('md5');
  let size = 0;
  for await (const chunk of source) {
    const buf = chunk as Uint8Array;
    size += buf.byteLength;
    sha.update(buf);
    md5.update(buf);
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), sizeBytes: size };
}

function checkExpected(actual: BlobDigest, expected: ExpectedDigest): void {
  if (expected.sizeBytes !== undefined && actual.sizeBytes < expected.sizeBytes) {
    throw new ArtifactError('TRUNCATED', `the upload ended after ${actual.sizeBytes} of ${expected.sizeBytes} bytes`);
  }
  if (expected.sha256 !== undefined && expected.sha256 !== actual.sha256) {
    throw new ArtifactError('CHECKSUM_MISMATCH', `sha256 mismatch: expected ${expected.sha256}, the upload hashes to ${actual.sha256}`);
  }
  if (expected.md5 !== undefined && expected.md5 !== actual.md5) {
    throw new ArtifactError('CHECKSUM_MISMATCH', `md5 mismatch: expected ${expected.md5}, the upload hashes to ${actual.md5}`);
  }
}

/** Makes a rename in `dir` durable (not possible, and not needed, on Windows). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
