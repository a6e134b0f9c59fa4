import type { EntityManager } from '@mikro-orm/core';
import {
  type ArtifactDigests,
  EMPTY_OBSERVED_STATE,
  artifactReferences,
  changeSign,
  checkReferences,
  loadManifests,
  observedStateSchema,
  planHost,
  renderFleet,
  specHash,
  type ManifestDocument,
  type ObservedState,
  type RenderHost,
} from '../../manifests/index.js';
import { HostRecord, HostStateRecord, ManifestRevisionRecord, type RevisionSource } from '../../db/entities/index.js';
import { findArtifactsByRefs } from '../artifacts/artifact-ref.js';
import { badInput, notFound } from '../errors.js';
import { effectiveLabels } from '../hosts/host-view.js';
import { RenderCache } from '../reconciler/render-cache.js';
import type { ApplyManifestsInput, ApplyResultType, HostPlanType, ManifestDocumentDiffType, ManifestErrorType, ManifestRevisionType } from './manifest.type.js';

export interface ApplyOptions {
  readonly actor: string;
  readonly now: Date;
  readonly rollbackOf?: number;
}

/** The documents in force: the newest revision's, or none. */
export async function currentRevision(em: EntityManager): Promise<ManifestRevisionRecord | null> {
  return em.findOne(ManifestRevisionRecord, { id: { $gt: 0 } }, { orderBy: { id: 'desc' } });
}

export function revisionDocuments(r: ManifestRevisionRecord | null): ManifestDocument[] {
  return (r?.documents ?? []) as ManifestDocument[];
}

export function revisionView(r: ManifestRevisionRecord, currentId: number | undefined): ManifestRevisionType {
  return {
    id: r.id,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    message: r.message ?? null,
    source: r.source as Record<string, unknown>,
    rollbackOf: r.rollbackOf ?? null,
    current: r.id === currentId,
    documents: revisionDocuments(r).map((d) => ({ kind: d.manifest.kind, name: d.manifest.metadata.name, file: d.source.file, line: d.source.line })),
  };
}

const docKey = (d: ManifestDocument) => `${d.manifest.kind}/${d.manifest.metadata.name}`;

/**
 * Applying manifests: all or nothing. Every error in every file and every conflict comes back
 * at once with file:line:column and nothing is stored; a valid apply stores one immutable
 * revision with the full set of documents in force.
 */
export class ManifestService {
  async apply(em: EntityManager, input: ApplyManifestsInput, opts: ApplyOptions): Promise<{ result: ApplyResultType; revision?: ManifestRevisionRecord }> {
    if (input.files.length === 0) throw badInput('no manifest files given');
    const loaded = loadManifests(input.files.map((f) => ({ path: f.path, content: f.content })));
    const errors: ManifestErrorType[] = loaded.errors.map((e) => ({ file: e.file, line: e.line, column: e.column, code: e.code, message: e.message }));
    const current = await currentRevision(em);
    const incoming = new Set(loaded.documents.map(docKey));
    const kept = input.prune ? [] : revisionDocuments(current).filter((d) => !incoming.has(docKey(d)));
    const documents = [...kept, ...loaded.documents];
    const hosts = await em.find(HostRecord, { revokedAt: null }, { orderBy: { name: 'asc' } });
    const renderHosts: RenderHost[] = hosts.map((h) => ({ name: h.name, labels: effectiveLabels(h) }));
    const artifacts = await storedDigests(em, artifactReferences(documents));
    if (errors.length === 0) {
      const texts = [...input.files.map((f) => ({ path: f.path, content: f.content }))];
      for (const f of current?.files ?? []) if (!texts.some((t) => t.path === f.file)) texts.push({ path: f.file, content: f.text });
      errors.push(...checkReferences(documents, texts, artifacts).map((e) => ({ file: e.file, line: e.line, column: e.column, code: e.code, message: e.message })));
    }
    if (errors.length === 0) {
      for (const e of renderFleet(documents, renderHosts).errors) {
        const at = e.documents.at(-1);
        errors.push({ file: at?.file ?? '-', line: at?.line ?? 1, column: 1, code: e.code, message: `${e.message} (hosts: ${e.hosts.slice(0, 5).join(', ')}${e.hosts.length > 5 ? ', …' : ''})` });
      }
    }
    if (errors.length > 0) return { result: { applied: false, unchanged: false, revision: null, errors, hosts: [] } };
    const unchanged = current !== null && specHash(revisionDocuments(current).map((d) => d.manifest).sort(byKind)) === specHash(documents.map((d) => d.manifest).sort(byKind));
    const plans = await this.plans(em, hosts, documents, artifacts);
    if (unchanged || input.dryRun) {
      return { result: { applied: false, unchanged, revision: null, errors: [], hosts: plans } };
    }
    const source: RevisionSource = { paths: input.files.map((f) => f.path), ...(input.source ?? {}) };
    const record = em.create(ManifestRevisionRecord, {
      createdBy: opts.actor,
      createdAt: opts.now,
      message: input.message?.slice(0, 1024) ?? null,
      source,
      files: input.files.map((f) => ({ file: f.path, text: f.content })),
      documents: documents as unknown[],
      rollbackOf: opts.rollbackOf ?? null,
    });
    await em.persistAndFlush(record);
    return { revision: record, result: { applied: true, unchanged: false, revision: revisionView(record, record.id), errors: [], hosts: plans } };
  }

  async rollback(em: EntityManager, revisionId: number, opts: ApplyOptions): Promise<{ result: ApplyResultType; revision?: ManifestRevisionRecord }> {
    const old = await em.findOne(ManifestRevisionRecord, { id: revisionId });
    if (!old) throw notFound(`no manifest revision ${revisionId}`);
    return this.apply(em, { files: old.files.map((f) => ({ path: f.file, content: f.text })), prune: true, message: `rollback to revision ${revisionId}`, source: old.source as ApplyManifestsInput['source'] }, { ...opts, rollbackOf: revisionId });
  }

  async diff(em: EntityManager, from: number, to: number): Promise<ManifestDocumentDiffType[]> {
    const [a, b] = await Promise.all([em.findOne(ManifestRevisionRecord, { id: from }), em.findOne(ManifestRevisionRecord, { id: to })]);
    if (!a || !b) throw notFound(`no manifest revision ${!a ? from : to}`);
    const before = new Map(revisionDocuments(a).map((d) => [docKey(d), d.manifest]));
    const after = new Map(revisionDocuments(b).map((d) => [docKey(d), d.manifest]));
    const out: ManifestDocumentDiffType[] = [];
    for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const x = before.get(key);
      const y = after.get(key);
      const [kind, name] = key.split('/') as [string, string];
      if (x && !y) out.push({ kind, name, change: 'REMOVED', before: x, after: null });
      else if (!x && y) out.push({ kind, name, change: 'ADDED', before: null, after: y });
      else if (specHash(x) !== specHash(y)) out.push({ kind, name, change: 'CHANGED', before: x, after: y });
    }
    return out;
  }

  /** Each host whose desired state changes, with what its agent will do from what it last observed. */
  private async plans(em: EntityManager, hosts: HostRecord[], documents: ManifestDocument[], stored: Readonly<Record<string, ArtifactDigests | null>>): Promise<HostPlanType[]> {
    const artifacts: Record<string, ArtifactDigests> = {};
    for (const [ref, digests] of Object.entries(stored)) if (digests) artifacts[ref] = digests;
    const states = new Map((await em.find(HostStateRecord, {}, { fields: ['hostId', 'desiredHash', 'observed'], disableIdentityMap: true })).map((s) => [s.hostId, s]));
    const renders = new RenderCache(documents); // hosts of one profile input share a render
    const out: HostPlanType[] = [];
    for (const h of hosts) {
      const render = renders.render({ name: h.name, labels: effectiveLabels(h) });
      const state = states.get(h.id);
      if (state?.desiredHash === render.hash) continue;
      const observed = parseObserved(state?.observed);
      out.push({ host: h.name, desiredHash: render.hash, changed: true, profiles: [...render.profiles], actions: planHost(render.desired, observed, { artifacts }).map((a) => ({ type: a.type, key: a.key, reason: a.reason, message: a.message, sign: changeSign(a) })) });
    }
    return out;
  }
}

/** The store's digests of each artifact reference, null for one it does not have. */
async function storedDigests(em: EntityManager, refs: readonly string[]): Promise<Record<string, ArtifactDigests | null>> {
  const out: Record<string, ArtifactDigests | null> = {};
  for (const [ref, a] of await findArtifactsByRefs(em, refs)) out[ref] = a ? { sha256: a.sha256, md5: a.md5 } : null;
  return out;
}

export function parseObserved(raw: unknown): ObservedState {
  if (!raw) return EMPTY_OBSERVED_STATE;
  const parsed = observedStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_OBSERVED_STATE;
}

function byKind(a: { kind: string; metadata: { name: string } }, b: { kind: string; metadata: { name: string } }): number {
  const x = `${a.kind}/${a.metadata.name}`;
  const y = `${b.kind}/${b.metadata.name}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
