/**
 * One attempt of a download: a GET (with `Range: bytes=<offset>-` when resuming) whose body is
 * appended to an open file. It reports what happened and never retries; the caller decides.
 */
import http from 'node:http';
import https from 'node:https';
import type { FileHandle } from 'node:fs/promises';
import type { ClientTlsOptions } from '../../protocol/client-trust.js';
import { FileError } from './file-error.js';

export interface FetchRangeOptions {
  readonly url: URL;
  /** Bytes already in the file; asks for the rest. */
  readonly offset: number;
  /** Sent as `If-Range` when resuming, so a changed resource comes back whole. */
  readonly etag?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly tls?: ClientTlsOptions;
  /** A socket idle this long fails the attempt. */
  readonly idleTimeoutMs: number;
  /** A body that would make the file larger than this is refused. */
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
  /** Where the body goes; writes start at `offset` (or 0 on a full 200). */
  readonly open: (fromStart: boolean) => Promise<FileHandle>;
  readonly onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

/** The outcome of one attempt. */
export type FetchRangeResult =
  /** The file now holds `totalBytes` bytes. */
  | { readonly kind: 'complete'; readonly totalBytes: number; readonly etag?: string; readonly restarted: boolean }
  /** The transfer broke after some bytes; resume from what the file holds. */
  | { readonly kind: 'broken'; readonly error: Error; readonly etag?: string }
  /** The server says the range is past the end: the partial file is stale, start over. */
  | { readonly kind: 'range-unsatisfiable' }
  /** 5xx, 503 or 429: try again after `retryAfterMs` (from Retry-After) if given. */
  | { readonly kind: 'retryable-status'; readonly status: number; readonly retryAfterMs?: number };

/**
 * @throws FileError `HTTP_ERROR` (a status that retrying will not fix), `TOO_LARGE`, `ABORTED`
 */
export function fetchRange(opts: FetchRangeOptions): Promise<FetchRangeResult> {
  const mod = opts.url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { 'user-agent': 'ioms-agent', ...opts.headers };
  if (opts.offset > 0) {
    headers.range = `bytes=${opts.offset}-`;
    if (opts.etag) headers['if-range'] = opts.etag;
  }
  return new Promise<FetchRangeResult>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new FileError('ABORTED', 'download aborted'));
    const req = mod.request(opts.url, { method: 'GET', headers, ...(opts.url.protocol === 'https:' ? opts.tls : {}), signal: opts.signal }, (res) => {
      receive(res, opts).then(resolve, reject);
    });
    req.setTimeout(opts.idleTimeoutMs, () => req.destroy(new Error(`no data for ${opts.idleTimeoutMs} ms`)));
    req.on('error', (error) => {
      if (opts.signal?.aborted) return reject(new FileError('ABORTED', 'download aborted', { cause: error }));
      // Before a response: the connection failed; worth another attempt.
      resolve({ kind: 'broken', error });
    });
    req.end();
  });
}

async function receive(res: http.IncomingMessage, opts: FetchRangeOptions): Promise<FetchRangeResult> {
  const status = res.statusCode ?? 0;
  const etag = typeof res.headers.etag === 'string' ? res.headers.etag : undefined;
  if (status === 416) {
    res.resume();
    return { kind: 'range-unsatisfiable' };
  }
  if (status === 429 || status >= 500) {
    res.resume();
    return { kind: 'retryable-status', status, retryAfterMs: retryAfterMs(res.headers['retry-after']) };
  }
  if (status !== 200 && status !== 206) {
    const body = await readSmall(res);
    throw new FileError('HTTP_ERROR', `the server answered ${status} for ${opts.url.pathname}${body ? `: ${body}` : ''}`, { status });
  }
  let start = 0;
  let total: number | undefined;
  if (status === 206) {
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(res.headers['content-range'] ?? ''));
    if (!m || Number(m[1]) !== opts.offset) {
      res.resume();
      return { kind: 'range-unsatisfiable' };
    }
    start = opts.offset;
    total = Number(m[3]);
  } else {
    const length = res.headers['content-length'];
    total = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
  }
  if (total !== undefined && total > opts.maxBytes) {
    res.destroy();
    throw new FileError('TOO_LARGE', `the artifact is ${total} bytes; the limit is ${opts.maxBytes}`);
  }
  const handle = await opts.open(start === 0);
  let received = start;
  try {
    for await (const chunk of res) {
      const buf = chunk as Buffer;
      received += buf.length;
      if (received > opts.maxBytes) throw new FileError('TOO_LARGE', `the artifact passed the limit of ${opts.maxBytes} bytes`);
      await writeAll(handle, buf);
      opts.onProgress?.(received, total);
    }
  } catch (err) {
    if (err instanceof FileError) throw err;
    if (opts.signal?.aborted) throw new FileError('ABORTED', 'download aborted', { cause: err });
    return { kind: 'broken', error: err instanceof Error ? err : new Error(String(err)), etag };
  } finally {
    await handle.close();
  }
  if (total !== undefined && received < total) return { kind: 'broken', error: new Error(`the transfer ended after ${received} of ${total} bytes`), etag };
  return { kind: 'complete', totalBytes: received, etag, restarted: status === 200 && opts.offset > 0 };
}

async function writeAll(handle: FileHandle, buf: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buf.length) {
    const { bytesWritten } = await handle.write(buf, offset, buf.length - offset);
    offset += bytesWritten;
  }
}

function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

async function readSmall(res: http.IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of res) {
    if (text.length < 2000) text += (chunk as Buffer).toString('utf8');
  }
  try {
    const parsed = JSON.parse(text) as { errors?: { message?: string }[] };
    return parsed.errors?.[0]?.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200).trim();
  }
}
