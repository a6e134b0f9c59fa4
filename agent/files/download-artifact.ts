/**
 * Downloads one artifact to a path, safely:
 *
 *   validate path ─▶ check dirs for escaping links ─▶ target already matches? ─▶ done (unchanged)
 *        │
 *        ▼
 *   temp file beside the target (.<name>.<hash16>.ioms-part) ◀──────────────┐
 *        │  GET, Range: bytes=<temp size>- when resuming                     │ broken transfer,
 *        ▼                                                                   │ 5xx/503 (backoff)
 *   complete? ── no ─────────────────────────────────────────────────────────┘
 *        │ yes
 *        ▼
 *   hash the temp (SHA-256 when given, MD5) ── mismatch ─▶ temp removed, target untouched, throw
 *        │ match                                  (once retried from zero if the bytes were resumed)
 *        ▼
 *   fsync, chmod (POSIX), re-check links, rename over the target, fsync the directory
 *
 * The temp name is derived from the destination and the expected hash, so an agent that dies
 * mid-transfer resumes where it stopped on the next run. On a final failure the temp is removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { chmod, lstat, mkdir, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ClientTlsOptions } from '../../protocol/client-trust.js';
import { destinationPlatformOf, validateDestinationPath } from './destination-path.js';
import { FileError } from './file-error.js';
import { fetchRange } from './fetch-range.js';
import { assertNoEscapingSymlinks, inspectDestination, type PathModule } from './safe-directory.js';

/** @default attempts per download */
export const DEFAULT_MAX_ATTEMPTS = 6;
/** @default largest artifact accepted: 10 GiB */
export const DEFAULT_MAX_BYTES = 10 * 1024 ** 3;
/** @default socket idle limit per attempt */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
/** Suffix of partial downloads; they live beside their target. */
export const PARTIAL_SUFFIX = '.ioms-part';

export interface DownloadArtifactOptions {
  /** The full download URL, `<server>/artifacts/<sha256>`. */
  readonly url: string | URL;
  /** Expected SHA-256 (lowercase hex); checked first when given. */
  readonly sha256?: string;
  /** Expected MD5 (lowercase hex), always checked. */
  readonly md5: string;
  /** Absolute destination path for this host's platform. */
  readonly dest: string;
  /** Permission bits set on POSIX before the rename; ignored on Windows. @default 0o644 */
  readonly mode?: number;
  /** Credentials for the server, e.g. `{ authorization: 'Bearer …' }`. @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** From `clientTlsOptions()` (protocol/client-trust.ts) for https URLs. */
  readonly tls?: ClientTlsOptions;
  /** Create missing parent directories (0755). @default true */
  readonly createDirectories?: boolean;
  /** @default DEFAULT_MAX_ATTEMPTS (6) */
  readonly maxAttempts?: number;
  /** @default DEFAULT_MAX_BYTES (10 GiB) */
  readonly maxBytes?: number;
  /** @default DEFAULT_IDLE_TIMEOUT_MS (60 s) */
  readonly idleTimeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** Test seam. @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** Test seam: wait between attempts. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Delay before attempt `n` (1-based) when the server gave no Retry-After. @default 500 ms·2^(n-1), ≤ 30 s */
  readonly backoffMs?: (attempt: number) => number;
}

export interface DownloadResult {
  readonly path: string;
  readonly sha256: string;
  readonly md5: string;
  readonly sizeBytes: number;
  /** False when the target already had this content; nothing was written. */
  readonly changed: boolean;
  /** HTTP attempts made (0 when unchanged). */
  readonly attempts: number;
  /** True when some bytes came from an earlier, broken attempt or run. */
  readonly resumed: boolean;
}

/**
 * @throws FileError `INVALID_PATH`, `INVALID_CHECKSUM`, `UNSAFE_SYMLINK`, `NOT_A_FILE`,
 *   `CHECKSUM_MISMATCH`, `TRUNCATED`, `HTTP_ERROR`, `TOO_LARGE`, `ABORTED`
 */
export async function downloadArtifact(opts: DownloadArtifactOptions): Promise<DownloadResult> {
  const platform = opts.platform ?? process.platform;
  const p: PathModule = destinationPlatformOf(platform) === 'win32' ? path.win32 : path.posix;
  const dest = validateDestinationPath(opts.dest, platform);
  const md5 = hexOf('md5', opts.md5, 32);
  const sha256 = opts.sha256 === undefined ? undefined : hexOf('sha256', opts.sha256, 64);
  const dir = p.dirname(dest);
  if (opts.createDirectories ?? true) {
    await assertNoEscapingSymlinks(dir, p);
    await mkdir(dir, { recursive: true, mode: 0o755 });
  }
  await assertNoEscapingSymlinks(dir, p);
  if (await inspectDestination(dest)) {
    const current = await digestFile(dest);
    if (matches(current, sha256, md5)) {
      // Same content: only the mode may need setting (chmod is not subject to the umask).
      const modeChanged = opts.mode !== undefined && destinationPlatformOf(platform) === 'posix' && ((await stat(dest)).mode & 0o7777) !== opts.mode;
      if (modeChanged) await chmod(dest, opts.mode!);
      return { path: dest, ...current, changed: modeChanged, attempts: 0, resumed: false };
    }
  }

  const temp = p.join(dir, `.${p.basename(dest)}.${(sha256 ?? md5).slice(0, 16)}${PARTIAL_SUFFIX}`);
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const backoff = opts.backoffMs ?? ((n: number) => Math.min(30_000, 500 * 2 ** (n - 1)));
  const url = new URL(opts.url);
  let etag = sha256 ? `"${sha256}"` : undefined;
  let resumed = false;
  let retriedFromZero = false;
  let lastProblem = 'no attempt was made';
  try {
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const offset = await partialSize(temp);
      if (offset > 0) resumed = true;
      const result = await fetchRange({
        url,
        offset,
        etag,
        headers: opts.headers ?? {},
        tls: opts.tls,
        idleTimeoutMs: opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
        maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
        signal: opts.signal,
        open: (fromStart) => openPartial(temp, fromStart),
        onProgress: opts.onProgress,
      });
      if (result.kind === 'complete') {
        const got = await digestFile(temp);
        if (matches(got, sha256, md5)) {
          await commit(temp, dest, dir, p, platform, opts.mode ?? 0o644);
          return { path: dest, ...got, changed: true, attempts: attempt, resumed: resumed && !result.restarted };
        }
        await unlink(temp).catch(() => undefined);
        const problem = describeMismatch(got, sha256, md5);
        // Resumed bytes may be what is wrong (a stale partial): one clean retry from zero.
        if (resumed && !retriedFromZero && attempt < maxAttempts) {
          retriedFromZero = true;
          resumed = false;
          lastProblem = problem;
          continue;
        }
        throw new FileError('CHECKSUM_MISMATCH', `${problem}; ${dest} was left untouched`);
      }
      if (result.kind === 'range-unsatisfiable') {
        await unlink(temp).catch(() => undefined);
        lastProblem = 'the partial download did not fit the artifact';
        continue;
      }
      if (result.kind === 'broken') {
        etag = result.etag ?? etag;
        lastProblem = result.error.message;
      } else {
        lastProblem = `the server answered ${result.status}`;
      }
      if (attempt < maxAttempts) await sleep(result.kind === 'retryable-status' && result.retryAfterMs !== undefined ? result.retryAfterMs : backoff(attempt));
    }
    throw new FileError(lastProblem.startsWith('the server answered') ? 'HTTP_ERROR' : 'TRUNCATED', `download of ${url.pathname} failed after ${maxAttempts} attempts (${lastProblem}); ${dest} was left untouched`);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** SHA-256, MD5 and size of a file, streaming. */
export async function digestFile(file: string): Promise<{ sha256: string; md5: string; sizeBytes: number }> {
  const sha = crypto.createHash('sha256');
  const md5 = crypto.createHash('md5');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const buf = chunk as Buffer;
    size += buf.length;
    sha.update(buf);
    md5.update(buf);
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), sizeBytes: size };
}

function matches(got: { sha256: string; md5: string }, sha256: string | undefined, md5: string): boolean {
  return (sha256 === undefined || got.sha256 === sha256) && got.md5 === md5;
}

function describeMismatch(got: { sha256: string; md5: string }, sha256: string | undefined, md5: string): string {
  if (sha256 !== undefined && got.sha256 !== sha256) return `sha256 mismatch: expected ${sha256}, downloaded ${got.sha256}`;
  return `md5 mismatch: expected ${md5}, downloaded ${got.md5}`;
}

function hexOf(kind: string, value: string, length: number): string {
  const v = value.trim().toLowerCase();
  if (!new RegExp(`^[0-9a-f]{${length}}$`).test(v)) throw new FileError('INVALID_CHECKSUM', `${kind} must be ${length} hexadecimal characters`);
  return v;
}

/** Bytes in a usable partial file; a link or non-file at its name is removed, never followed. */
async function partialSize(temp: string): Promise<number> {
  const info = await lstat(temp).catch(() => undefined);
  if (!info) return 0;
  if (!info.isFile()) {
    await unlink(temp);
    return 0;
  }
  return info.size;
}

async function openPartial(temp: string, fromStart: boolean): Promise<FileHandle> {
  if (fromStart) {
    await unlink(temp).catch(() => undefined);
    return open(temp, 'wx', 0o600);
  }
  const nofollow = fs.constants.O_NOFOLLOW ?? 0;
  return open(temp, fs.constants.O_WRONLY | fs.constants.O_APPEND | nofollow);
}

async function commit(temp: string, dest: string, dir: string, p: PathModule, platform: NodeJS.Platform, mode: number): Promise<void> {
  const handle = await open(temp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (destinationPlatformOf(platform) === 'posix') await chmod(temp, mode);
  await assertNoEscapingSymlinks(dir, p);
  await inspectDestination(dest);
  await rename(temp, dest);
  if (destinationPlatformOf(platform) === 'posix') {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  }
}
