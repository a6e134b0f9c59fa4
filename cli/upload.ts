/**
 * Streams a file to `PUT /artifacts/:name` on the server's own port: the raw file is the body
 * (no multipart, nothing buffered), with the user's bearer token and the same TLS trust as the
 * GraphQL client. The file is hashed locally in the same pass, so a server that stored other
 * bytes than were sent is caught.
 */
import crypto from 'node:crypto';
import { writeErr } from './output.js';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { type UploadedArtifact, uploadedArtifactSchema } from '../protocol/artifact-upload.schema.js';
import { assertSecureUrl, clientTlsOptions } from '../protocol/client-trust.js';
import { ApiError } from './api-client.js';
import { CliError } from './errors.js';

/** @default idle limit of an upload socket */
export const UPLOAD_IDLE_TIMEOUT_MS = 120_000;

export interface UploadOptions {
  /** Base URL, e.g. https://ioms.example.com:8888 */
  readonly server: string;
  readonly token?: string;
  /** PEM CA file to trust instead of the system store. */
  readonly caFile?: string;
  /** Allow plain http to a non-loopback server. @default false */
  readonly insecure?: boolean;
  readonly file: string;
  readonly name: string;
  /** @default chosen by the server: the first 12 hex digits of the SHA-256 */
  readonly version?: string;
  /** Expected MD5; the server refuses the upload when the bytes differ. */
  readonly md5?: string;
  /** Expected SHA-256; the server refuses the upload when the bytes differ. */
  readonly sha256?: string;
  /** Called as bytes go out (for a progress line). */
  readonly onProgress?: (sentBytes: number, totalBytes: number) => void;
  /** @default UPLOAD_IDLE_TIMEOUT_MS (120 s) */
  readonly idleTimeoutMs?: number;
}

export type { UploadedArtifact };

/**
 * @throws ApiError with the server's code (FORBIDDEN, CHECKSUM_MISMATCH, VERSION_EXISTS, ...)
 * @throws CliError for local and network failures
 */
export async function uploadArtifactFile(opts: UploadOptions): Promise<UploadedArtifact> {
  const checked = assertSecureUrl(opts.server, { insecure: opts.insecure });
  if (checked.warning) writeErr(`warning: ${checked.warning}\n`);
  const url = new URL(`/artifacts/${encodeURIComponent(opts.name)}`, checked.url);
  if (opts.version) url.searchParams.set('version', opts.version);
  if (opts.md5) url.searchParams.set('md5', opts.md5);
  if (opts.sha256) url.searchParams.set('sha256', opts.sha256);
  let size: number;
  try {
    const s = fs.statSync(opts.file);
    if (!s.isFile()) throw new CliError(`${opts.file} is not a regular file`);
    size = s.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${opts.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const tls = url.protocol === 'https:' ? clientTlsOptions({ caFile: opts.caFile }) : {};
  const mod = url.protocol === 'https:' ? https : http;
  const sha = crypto.createHash('sha256');
  const md5 = crypto.createHash('md5');

  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    let responded = false;
    const source = fs.createReadStream(opts.file, { highWaterMark: 1024 * 1024 });
    const req = mod.request(
      url,
      {
        method: 'PUT',
        ...tls,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(size),
          'user-agent': 'ioms-cli',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
      },
      (res) => {
        responded = true;
        let text = '';
        res.on('data', (c: Buffer) => {
          if (text.length < 64 * 1024) text += c.toString('utf8');
        });
        res.on('end', () => {
          // A refusal can come before the whole file went out: stop sending.
          source.destroy();
          if (!req.writableFinished) req.destroy();
          resolve({ status: res.statusCode ?? 0, body: text });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.idleTimeoutMs ?? UPLOAD_IDLE_TIMEOUT_MS, () => req.destroy(new Error('the upload stalled')));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (!responded) reject(new CliError(`upload to ${url.origin} failed: ${err.code === 'ECONNREFUSED' ? 'connection refused (is the server running?)' : err.message}`));
    });
    let sent = 0;
    source.on('data', (chunk) => {
      const buf = chunk as Buffer;
      sha.update(buf);
      md5.update(buf);
      sent += buf.length;
      opts.onProgress?.(sent, size);
    });
    source.on('error', (err) => reject(new CliError(`reading ${opts.file} failed: ${err.message}`)));
    source.pipe(req);
  });

  let parsed: { errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    throw new CliError(`the server at ${url.origin} answered HTTP ${status} with something that is not JSON (does it serve /artifacts?)`);
  }
  const error = parsed?.errors?.[0];
  if (error || status >= 400 || !parsed) {
    const code = error?.extensions?.code;
    const hint = code === 'UNAUTHENTICATED' && !opts.token ? ' (run `ioms login`)' : '';
    throw new ApiError(`${error?.message ?? `HTTP ${status}`}${hint}`, code);
  }
  const registered = uploadedArtifactSchema.safeParse(parsed);
  if (!registered.success) throw new CliError(`the server at ${url.origin} answered HTTP ${status} with a body that is not a registered artifact: ${registered.error.issues[0]?.message ?? 'invalid'}`);
  const artifact = registered.data;
  const local = { sha256: sha.digest('hex'), md5: md5.digest('hex') };
  if (artifact.sha256 !== local.sha256 || artifact.md5 !== local.md5) {
    throw new CliError(`the server registered ${artifact.name}@${artifact.version} as sha256 ${artifact.sha256}, but the file sent hashes to ${local.sha256}; remove it with \`ioms artifact rm ${artifact.name}@${artifact.version}\` and push again`);
  }
  return artifact;
}

/** A progress line for a terminal: percent, megabytes and rate, redrawn in place. */
export function progressReporter(write: (s: string) => void, now: () => number = () => Date.now()): { update(sent: number, total: number): void; done(): void } {
  const started = now();
  let last = 0;
  let drawn = false;
  const draw = (sent: number, total: number) => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const pct = total ? Math.floor((sent / total) * 100) : 100;
    write(`${String(pct).padStart(3)}%  ${(sent / 1048576).toFixed(1)}/${(total / 1048576).toFixed(1)} MB  ${(sent / 1048576 / seconds).toFixed(1)} MB/s `);
    drawn = true;
  };
  return {
    update(sent, total) {
      if (sent === total || now() - last >= 200) {
        last = now();
        draw(sent, total);
      }
    },
    done() {
      if (drawn) write('\n');
    },
  };
}
