import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { Readable } from 'node:stream';
import { ArtifactRecord } from '../../db/entities/index.js';
import { ArtifactError } from './artifact-error.js';
import { assertLabel, parseDigest } from './artifact-names.js';
import type { ArtifactStore, StagedBlob, StoreVerifyReport } from './artifact-store.js';
import { afterCommit, afterRollback } from '../audit/audited-unit.js';
import { KeyedLock } from './keyed-lock.js';

/** Which manifests (or jobs) still reference one artifact version, by a readable name each. */
export type ReferencedByFn = (version: { readonly name: string; readonly version: string; readonly sha256: string }) => Promise<readonly string[]>;

export interface ArtifactServiceOptions {
  readonly store: ArtifactStore;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /**
   * References that block deletion and show in `artifact(name).versions.referencedBy`.
   * @default nothing references anything (until manifests are wired in)
   */
  readonly referencedBy?: ReferencedByFn;
  /**
   * Called once a change to `name` committed: a push that registered a version (or restored a
   * lost blob), a delete. The server marks the hosts that use the name for the reconciler.
   * @default nothing
   */
  readonly changed?: (name: string) => void | Promise<void>;
}

export interface PushInput {
  readonly name: string;
  /** @default the first 12 hex digits of the content's SHA-256 */
  readonly version?: string;
  readonly body: Readable | AsyncIterable<Uint8Array>;
  readonly expectedMd5?: string;
  readonly expectedSha256?: string;
  /** The declared length (Content-Length); fewer bytes arriving is a truncation. */
  readonly declaredBytes?: number;
  readonly uploadedBy: string;
}

/** An upload hashed into a staging file, waiting to be registered (see {@link ArtifactService.register}). */
export interface StagedPush {
  readonly name: string;
  readonly version: string;
  readonly staged: StagedBlob;
  readonly uploadedBy: string;
}

export interface PushOutcome {
  readonly artifact: ArtifactRecord;
  /** False when `name@version` already held exactly this content (an idempotent re-push). */
  readonly created: boolean;
}

export interface ArtifactPage {
  /** Names in ascending order, each with its versions newest first. */
  readonly artifacts: readonly { readonly name: string; readonly versions: readonly ArtifactRecord[] }[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

export interface DeleteOutcome {
  readonly deleted: readonly ArtifactRecord[];
  /** Blobs removed from the store because no other version used them. */
  readonly blobsRemoved: readonly string[];
}

export interface VerifyReport extends StoreVerifyReport {
  /** `name@version` of every version whose blob is missing or corrupt. */
  readonly affected: readonly string[];
}

/**
 * The whitelist: `name@version → sha256` rows over the blob store. Only hashes with a row
 * are downloadable. Versions are immutable: re-pushing the same content is a no-op, other
 * content under the same `name@version` is refused.
 */
export class ArtifactService {
  readonly store: ArtifactStore;
  private readonly now: () => Date;
  private readonly referencedByFn: ReferencedByFn;
  private readonly changed: (name: string) => void | Promise<void>;
  private readonly locks = new KeyedLock();

  constructor(opts: ArtifactServiceOptions) {
    this.store = opts.store;
    this.now = opts.now ?? (() => new Date());
    this.referencedByFn = opts.referencedBy ?? (async () => []);
    this.changed = opts.changed ?? (() => undefined);
  }

  /**
   * Streams an upload into the store and registers it. On any refusal nothing is stored:
   * the temp file is removed and no row is written.
   *
   * @throws ArtifactError `INVALID_INPUT`, `TOO_LARGE`, `TRUNCATED`, `CHECKSUM_MISMATCH`, `VERSION_EXISTS`
   */
  async push(em: EntityManager, input: PushInput): Promise<PushOutcome> {
    return this.register(em, await this.stage(input));
  }

  /** Checks the names and streams the body to a staging file (no database work). */
  async stage(input: PushInput): Promise<StagedPush> {
    const name = assertLabel('name', input.name);
    const declaredVersion = input.version === undefined || input.version === '' ? undefined : assertLabel('version', input.version);
    const expected = { md5: parseDigest('md5', input.expectedMd5), sha256: parseDigest('sha256', input.expectedSha256), sizeBytes: input.declaredBytes };
    const staged = await this.store.stage(input.body, expected);
    return { name, version: declaredVersion ?? staged.sha256.slice(0, 12), staged, uploadedBy: input.uploadedBy };
  }

  /**
   * Registers a staged upload (the database part of a push; run it in the caller's audited
   * transaction). A blob committed to the store for a version whose row then rolls back is
   * removed again if nothing else uses it.
   */
  async register(em: EntityManager, push: StagedPush): Promise<PushOutcome> {
    const { name, version, staged } = push;
    return this.locks.run(staged.sha256, async () => {
      try {
        const existing = await em.findOne(ArtifactRecord, { name, version });
        if (existing) {
          if (existing.sha256 !== staged.sha256) throw versionExists(name, version, existing.sha256);
          // Nothing new; but if the store lost this blob, an identical re-push restores it.
          if ((await this.store.sizeOf(staged.sha256)) === undefined) {
            await staged.commit();
            afterCommit(() => this.changed(name));
          }
          return { artifact: existing, created: false };
        }
        await staged.commit();
        afterRollback(() => this.locks.run(staged.sha256, () => this.removeBlobIfUnused(em.fork(), staged.sha256)));
        const artifact = em.create(ArtifactRecord, { name, version, sha256: staged.sha256, md5: staged.md5, sizeBytes: staged.sizeBytes, uploadedBy: push.uploadedBy.slice(0, 64), createdAt: this.now() });
        try {
          await em.persistAndFlush(artifact);
        } catch (err) {
          // Inside a transaction a plain fork would wait for the transaction's own connection.
          await this.removeBlobIfUnused(em.fork({ keepTransactionContext: true }), staged.sha256);
          if (err instanceof UniqueConstraintViolationException) throw versionExists(name, version, undefined);
          throw err;
        }
        afterCommit(() => this.changed(name));
        return { artifact, created: true };
      } finally {
        await staged.discard();
      }
    });
  }

  /** A registered version with this content, or null: the download whitelist check. */
  findByHash(em: EntityManager, sha256: string): Promise<ArtifactRecord | null> {
    return em.findOne(ArtifactRecord, { sha256 }, { orderBy: { id: 'asc' } });
  }

  /** Every version of `name`, newest first (empty when unknown). */
  versionsOf(em: EntityManager, name: string): Promise<ArtifactRecord[]> {
    return em.find(ArtifactRecord, { name }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  /** Names in ascending order, `search` a case-insensitive substring; `after` the last name seen. */
  async list(em: EntityManager, opts: { readonly search?: string; readonly first: number; readonly after?: string }): Promise<ArtifactPage> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (opts.search) {
      // An explicit ESCAPE character: SQLite has no default one, MySQL's is the backslash.
      clauses.push("name like ? escape '!'");
      params.push(`%${escapeLike(opts.search)}%`);
    }
    if (opts.after) {
      clauses.push('name > ?');
      params.push(opts.after);
    }
    const where = clauses.length ? `where ${clauses.join(' and ')}` : '';
    const rows = (await em.getConnection().execute(`select distinct name from artifacts ${where} order by name asc limit ?`, [...params, opts.first + 1])) as { name: string }[];
    const names = rows.map((r) => r.name).slice(0, opts.first);
    const versions = names.length ? await em.find(ArtifactRecord, { name: { $in: names } }, { orderBy: { name: 'asc', createdAt: 'desc', id: 'desc' } }) : [];
    const artifacts = names.map((name) => ({ name, versions: versions.filter((v) => v.name === name) }));
    return { artifacts, endCursor: names.at(-1) ?? null, hasNextPage: rows.length > opts.first };
  }

  /** What still references `version` (manifests, jobs): deletion is refused while non-empty. */
  referencedBy(version: { readonly name: string; readonly version: string; readonly sha256: string }): Promise<readonly string[]> {
    return this.referencedByFn({ name: version.name, version: version.version, sha256: version.sha256 });
  }

  /**
   * Deletes one version, or every version of `name` when `version` is omitted; all or nothing.
   * A blob is removed once no remaining version uses it.
   *
   * @throws ArtifactError `NOT_FOUND`, `REFERENCED`
   */
  async delete(em: EntityManager, name: string, version?: string): Promise<DeleteOutcome> {
    const rows = version === undefined ? await this.versionsOf(em, name) : await em.find(ArtifactRecord, { name, version });
    if (rows.length === 0) throw new ArtifactError('NOT_FOUND', version === undefined ? `no artifact named "${name}"` : `no artifact ${name}@${version}`);
    for (const row of rows) {
      const refs = await this.referencedBy(row);
      if (refs.length) throw new ArtifactError('REFERENCED', `${row.name}@${row.version} is still referenced by ${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ` and ${refs.length - 5} more` : ''}`);
    }
    await em.nativeDelete(ArtifactRecord, { id: { $in: rows.map((r) => r.id) } });
    afterCommit(() => this.changed(name));
    // Blobs go only once the deletion committed (inside an audited unit that may still roll back).
    const blobsRemoved: string[] = [];
    for (const sha256 of new Set(rows.map((r) => r.sha256))) {
      if ((await em.count(ArtifactRecord, { sha256 })) > 0) continue;
      blobsRemoved.push(sha256);
      afterCommit(() => this.locks.run(sha256, () => this.removeBlobIfUnused(em.fork(), sha256)));
    }
    return { deleted: rows, blobsRemoved };
  }

  /** Re-hashes every registered blob; see {@link ArtifactStore.verify}. */
  async verify(em: EntityManager): Promise<VerifyReport> {
    const rows = await em.find(ArtifactRecord, {}, { orderBy: { name: 'asc', version: 'asc' } });
    const report = await this.store.verify(rows.map((r) => r.sha256));
    const bad = new Set([...report.missing, ...report.corrupt.map((c) => c.sha256)]);
    return { ...report, affected: rows.filter((r) => bad.has(r.sha256)).map((r) => `${r.name}@${r.version}`) };
  }

  private async removeBlobIfUnused(em: EntityManager, sha256: string): Promise<boolean> {
    if ((await em.count(ArtifactRecord, { sha256 })) > 0) return false;
    await this.store.remove(sha256);
    return true;
  }
}

function versionExists(name: string, version: string, sha256: string | undefined): ArtifactError {
  const what = sha256 ? ` (sha256 ${sha256.slice(0, 12)}…)` : '';
  return new ArtifactError('VERSION_EXISTS', `${name}@${version} already exists with different content${what}; versions are immutable: push a new version`);
}

function escapeLike(s: string): string {
  return s.replace(/[!%_]/g, (c) => `!${c}`);
}
