/**
 * The artifact HTTP routes, on the server's own port beside /graphql:
 *
 * - `PUT /artifacts/:name?version=V&md5=HEX&sha256=HEX` — the raw request body is the file
 *   (no multipart, no JSON). Operators and admins only. Streams into the store while hashing;
 *   a declared checksum that does not match is refused and leaves nothing behind. 201 with the
 *   registered version as JSON (200 when the identical content was already there). Audited.
 * - `GET|HEAD /artifacts/:sha256` — one registered blob, with `ETag` (the sha256), `Range`
 *   (a single range: 206 / 416), `If-None-Match` (304), `If-Range`, `Content-Length`,
 *   `Accept-Ranges`. The URL names a hash, never a path: anything but 64 hex digits is refused
 *   before the store is touched, and only hashes with a registered version are served.
 *   Concurrent downloads are bounded; the excess gets 503 with `Retry-After`.
 *
 * Errors are JSON in the server's shape: `{ "errors": [{ "message", "extensions": { "code" } }] }`.
 */
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import type { UploadedArtifact } from '../../protocol/artifact-upload.schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { markAudited, recordRefusal, runAudited } from '../audit/audited-unit.js';
import { clean, cleanArgs, findUnsafeText } from '../auth/unsafe-text.js';
import { AppError } from '../errors.js';
import { describeAuthFailure, roleAtLeast, type AuthResult, type Principal } from '../auth/principal.js';
import type { Logger } from '../logger.js';
import type { ArtifactAccess } from './artifact-access.js';
import { ArtifactError, httpStatusOf } from './artifact-error.js';
import { isSha256, uploadQuerySchema } from './artifact-names.js';
import type { ArtifactService, StagedPush } from './artifact.service.js';
import { DownloadLimiter } from './download-limiter.js';
import { decideRange, etagMatches } from './http-range.js';

/** Default bound on concurrent downloads per server process. */
export const DEFAULT_MAX_CONCURRENT_DOWNLOADS = 64;
/** Default `Retry-After` on a 503 for a full download slot table, in seconds. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;
/** Default socket idle limit during a transfer. */
export const DEFAULT_TRANSFER_IDLE_MS = 120_000;
/**
 * A refused upload's body is read and dropped up to this many bytes so the client sees the
 * answer (closing with unread data would reset the connection and lose it); past it the
 * connection is cut.
 */
export const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

export interface ArtifactRouterOptions {
  readonly service: ArtifactService;
  readonly access: ArtifactAccess;
  /** Authenticates a request: bearer sessions and agent credentials alike. */
  readonly authenticate: (req: Request) => Promise<AuthResult>;
  /** A fresh entity-manager fork for one request. */
  readonly em: () => EntityManager;
  readonly audit: AuditService;
  /** The caller's address for audit rows. @default the socket's remote address */
  readonly clientIp?: (req: Request) => string;
  /** @default DEFAULT_MAX_CONCURRENT_DOWNLOADS (64) */
  readonly maxConcurrentDownloads?: number;
  /** @default DEFAULT_RETRY_AFTER_SECONDS (5) */
  readonly retryAfterSeconds?: number;
  /** A transfer whose socket is idle this long is cut. @default DEFAULT_TRANSFER_IDLE_MS (120 s) */
  readonly transferIdleMs?: number;
  readonly logger?: Logger;
}

/** The router plus its download limiter (exposed for metrics and tests). */
export interface ArtifactRouter {
  readonly router: Router;
  readonly downloads: DownloadLimiter;
}

type ErrorCode = 'AUDIT_UNAVAILABLE' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS' | 'BAD_REQUEST' | 'UNSUPPORTED_MEDIA_TYPE' | 'INTERNAL_SERVER_ERROR' | ArtifactError['code'];

export function createArtifactRouter(opts: ArtifactRouterOptions): ArtifactRouter {
  const router = Router();
  const downloads = new DownloadLimiter(opts.maxConcurrentDownloads ?? DEFAULT_MAX_CONCURRENT_DOWNLOADS);
  const retryAfter = String(opts.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
  const idleMs = opts.transferIdleMs ?? DEFAULT_TRANSFER_IDLE_MS;
  const ipOf = opts.clientIp ?? ((req: Request) => req.socket.remoteAddress ?? 'unknown');

  router.put('/artifacts/:name', async (req, res) => {
    const name = String(req.params.name);
    const ip = ipOf(req);
    const deps = { audit: opts.audit, fork: opts.em };
    const entryFor = (principal: Principal | undefined, args: Record<string, unknown>) => {
      const actor = !principal ? { actorType: 'ANONYMOUS' as const, actor: '-' } : principal.kind === 'user' ? { actorType: 'USER' as const, actor: principal.username } : { actorType: 'AGENT' as const, actor: principal.hostName };
      return { ...actor, ip, action: 'pushArtifact', target: clean(`${name}${typeof args.version === 'string' ? `@${args.version}` : ''}`), args: cleanArgs(args) };
    };
    const refuse = async (principal: Principal | undefined, outcome: 'FAILURE' | 'DENIED', args: Record<string, unknown>, reason: string) => recordRefusal(deps, { ...entryFor(principal, args), outcome, reason });
    let principal: Principal | undefined;
    let staged: StagedPush | undefined;
    try {
      const auth = await opts.authenticate(req);
      if (!auth.ok) {
        const forbidden = auth.failure.code === 'DISABLED' || auth.failure.code === 'IP_NOT_ALLOWED' || auth.failure.code === 'HOST_REVOKED';
        const message = describeAuthFailure(auth.failure);
        await refuse(undefined, 'DENIED', { name }, message);
        return refuseUpload(req, res, forbidden ? 403 : 401, forbidden ? 'FORBIDDEN' : 'UNAUTHENTICATED', message);
      }
      principal = auth.principal;
      if (principal.kind !== 'user' || !roleAtLeast(principal.role, 'OPERATOR')) {
        const message = principal.kind === 'user' ? `pushing artifacts requires role OPERATOR or higher; ${principal.username} is ${principal.role}` : 'agents may not push artifacts';
        await refuse(principal, 'DENIED', { name }, message);
        return refuseUpload(req, res, 403, 'FORBIDDEN', message);
      }
      const unsafe = findUnsafeText({ name, ...(req.query as Record<string, unknown>) });
      if (unsafe) {
        const message = `${unsafe.path} ${unsafe.why}; it was refused`;
        await refuse(principal, 'FAILURE', { name, ...pick(req.query, ['version', 'md5', 'sha256']) }, message);
        return refuseUpload(req, res, 400, 'INVALID_INPUT', message);
      }
      const query = uploadQuerySchema.safeParse(req.query);
      if (!query.success) return refuseUpload(req, res, 400, 'INVALID_INPUT', `bad query string: use ?version=V&md5=HEX&sha256=HEX (${query.error.issues[0]?.message ?? 'invalid'})`);
      const contentType = req.headers['content-type'] ?? '';
      if (/^multipart\//i.test(contentType)) return refuseUpload(req, res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the file as the raw request body (application/octet-stream), not multipart');
      const declared = parseContentLength(req.headers['content-length']);
      if (declared === null) return refuseUpload(req, res, 400, 'BAD_REQUEST', 'Content-Length is not a number');
      if (declared !== undefined && declared > opts.service.store.maxBlobBytes) {
        return refuseUpload(req, res, 413, 'TOO_LARGE', `the upload is ${declared} bytes; the limit is ${opts.service.store.maxBlobBytes}`);
      }
      req.setTimeout(idleMs, () => req.destroy(new Error('upload idle too long')));
      const { version, md5, sha256 } = query.data;
      const queryArgs = { name, ...pick(req.query, ['version', 'md5', 'sha256']) };
      try {
        staged = await opts.service.stage({ name, version, expectedMd5: md5, expectedSha256: sha256, declaredBytes: declared, body: req, uploadedBy: principal.username });
      } catch (err) {
        if (err instanceof ArtifactError) await refuse(principal, 'FAILURE', queryArgs, err.message);
        throw markAudited(err);
      }
      // The row and its audit row commit together (fail closed), the upload already on disk.
      const push = staged;
      const outcome = await runAudited(deps, opts.em(), entryFor(principal, queryArgs), async (tx, note) => {
        const o = await opts.service.register(tx, push);
        const a = o.artifact;
        note.entry = entryFor(principal, { name: a.name, version: a.version, sha256: a.sha256, md5: a.md5, sizeBytes: a.sizeBytes, created: o.created });
        return o;
      });
      const a = outcome.artifact;
      const body: UploadedArtifact = { name: a.name, version: a.version, sha256: a.sha256, md5: a.md5, sizeBytes: a.sizeBytes, uploadedBy: a.uploadedBy, createdAt: a.createdAt.toISOString(), created: outcome.created };
      res.status(outcome.created ? 201 : 200).json(body);
    } catch (err) {
      if (err instanceof AppError && err.extensions.code === 'AUDIT_UNAVAILABLE') return refuseUpload(req, res, 503, 'AUDIT_UNAVAILABLE', err.message);
      if (err instanceof ArtifactError) return refuseUpload(req, res, httpStatusOf(err.code), err.code, err.message);
      if (req.destroyed || !req.complete) {
        opts.logger?.info({ err, name }, 'artifact upload aborted by the client');
        if (!res.headersSent) res.status(400).end();
        return;
      }
      opts.logger?.error({ err, name }, 'artifact upload failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error');
    } finally {
      await staged?.staged.discard().catch(() => undefined);
    }
  });

  router.get('/artifacts/:sha256', async (req, res) => {
    const sha256 = String(req.params.sha256).toLowerCase();
    if (!isSha256(sha256)) {
      // A malformed path is somebody probing: audited (escaped), then refused.
      await recordRefusal({ audit: opts.audit, fork: opts.em }, { actorType: 'ANONYMOUS', actor: '-', ip: ipOf(req), action: 'downloadArtifact', target: clean(sha256.slice(0, 255)), outcome: 'FAILURE', reason: 'not a SHA-256 download path' }).catch((err: unknown) => opts.logger?.error({ err }, 'audit write failed'));
      return sendError(res, 400, 'INVALID_INPUT', 'download by the artifact’s SHA-256: /artifacts/<64 hex digits>');
    }
    let release: (() => void) | undefined;
    try {
      const auth = await opts.authenticate(req);
      if (!auth.ok) {
        const f = auth.failure;
        const forbidden = f.code === 'DISABLED' || f.code === 'IP_NOT_ALLOWED' || f.code === 'HOST_REVOKED';
        return sendError(res, forbidden ? 403 : 401, forbidden ? 'FORBIDDEN' : 'UNAUTHENTICATED', describeAuthFailure(f));
      }
      if (!(await opts.access.canDownload(auth.principal, sha256))) {
        const who = auth.principal.kind === 'user' ? `${auth.principal.username} (${auth.principal.role})` : `host ${auth.principal.hostName}`;
        return sendError(res, 403, 'FORBIDDEN', `${who} may not download this artifact`);
      }
      const record = await opts.service.findByHash(opts.em(), sha256);
      if (!record) return sendError(res, 404, 'NOT_FOUND', 'no registered artifact has this SHA-256');
      release = downloads.tryAcquire();
      if (!release) {
        res.setHeader('Retry-After', retryAfter);
        return sendError(res, 503, 'TOO_MANY_REQUESTS', `the server is serving ${downloads.max} downloads; retry in ${retryAfter} s`);
      }
      res.once('close', release);
      const size = await opts.service.store.sizeOf(sha256);
      if (size === undefined) {
        opts.logger?.error({ sha256, artifact: `${record.name}@${record.version}` }, 'registered artifact blob is missing from the store');
        return sendError(res, 500, 'BLOB_MISSING', 'the artifact’s content is missing from the store; an admin should run `ioms artifact verify`');
      }
      const etag = `"${sha256}"`;
      res.setHeader('ETag', etag);
      res.setHeader('Accept-Ranges', 'bytes');
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
      if (etagMatches(header(req, 'if-none-match'), etag)) return void res.status(304).end();
      const decision = decideRange(size, header(req, 'range'), header(req, 'if-range'), etag);
      if (decision.kind === 'unsatisfiable') {
        res.setHeader('Content-Range', `bytes */${size}`);
        return sendError(res, 416, 'BAD_REQUEST', `the range is outside the ${size}-byte artifact`);
      }
      const range = decision.kind === 'partial' ? { start: decision.start, end: decision.end } : size > 0 ? { start: 0, end: size - 1 } : undefined;
      res.status(decision.kind === 'partial' ? 206 : 200);
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : 0));
      if (decision.kind === 'partial') res.setHeader('Content-Range', `bytes ${decision.start}-${decision.end}/${size}`);
      if (req.method === 'HEAD' || !range) return void res.end();
      res.setTimeout(idleMs, () => res.destroy());
      await pipeline(opts.service.store.createReadStream(sha256, range), res);
    } catch (err) {
      if (res.headersSent) {
        opts.logger?.debug({ err, sha256 }, 'artifact download ended early');
        res.destroy();
        return;
      }
      opts.logger?.error({ err, sha256 }, 'artifact download failed');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error');
    } finally {
      if (res.writableFinished || res.destroyed) release?.();
    }
  });

  return { router, downloads };
}

function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Answers before (or instead of) reading the upload, then drops what the client still sends. */
function refuseUpload(req: Request, res: Response, status: number, code: ErrorCode, message: string): void {
  if (!res.headersSent) sendError(res, status, code, message);
  if (req.complete || req.destroyed) return;
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_DISCARD_BYTES) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** undefined when absent, null when malformed. */
function parseContentLength(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^\d{1,16}$/.test(value) ? Number(value) : null;
}

function pick(query: unknown, keys: readonly string[]): Record<string, unknown> {
  const q = (query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => typeof q[k] === 'string').map((k) => [k, q[k]]));
}
