/**
 * The reconciler's reads for a chunk of hosts, batched: the revision in force (its documents
 * only when it is new to the caller's render cache), the hosts, their rollout rows and the
 * artifacts their desired files name, each in one query whatever the chunk's size.
 */
import type { EntityManager } from '@mikro-orm/core';
import { HostRecord, HostStateRecord, ManifestRevisionRecord } from '../../db/entities/index.js';
import { artifactDownload, findArtifactsByRefs, type ArtifactDownload } from '../artifacts/artifact-ref.js';
import { effectiveLabels } from '../hosts/host-view.js';
import { parseObserved, revisionDocuments } from '../manifests/manifest.service.js';
import type { HostInputs } from './host-state.js';
import { RenderCache } from './render-cache.js';

/** What a pass knows of one host: its row as read (to compare and to guard the write) and the decision's inputs. */
export interface GatheredHost {
  readonly hostId: number;
  readonly name: string;
  readonly online: boolean;
  /** The row's `updatedAt` as read (null: no row yet); the write lands only if it is unchanged. */
  readonly rowUpdatedAt: Date | null;
  /** When the agent last reported its observed state. */
  readonly observedAt: Date | null;
  readonly inputs: HostInputs;
}

/** The render cache of the revision in force; a pass keeps it while the revision stays the same. */
export interface RevisionRenders {
  readonly revisionId: number | null;
  readonly cache: RenderCache;
}

export interface GatheredChunk {
  readonly renders: RevisionRenders;
  readonly hosts: readonly GatheredHost[];
  /** Hosts of the chunk that could not be gathered alone (a row that does not parse…), with why. */
  readonly failed: readonly { readonly hostId: number; readonly err: unknown }[];
}

/** The id of the revision in force, or null: a one-column read. */
async function currentRevisionId(em: EntityManager): Promise<number | null> {
  const r = await em.findOne(ManifestRevisionRecord, { id: { $gt: 0 } }, { orderBy: { id: 'desc' }, fields: ['id'], disableIdentityMap: true });
  return r?.id ?? null;
}

/** The render cache for the revision in force: `previous` when it is still that revision's. */
export async function revisionRenders(em: EntityManager, previous: RevisionRenders | undefined): Promise<RevisionRenders> {
  const id = await currentRevisionId(em);
  if (previous && previous.revisionId === id) return previous;
  const revision = id === null ? null : await em.findOne(ManifestRevisionRecord, { id }, { disableIdentityMap: true });
  return { revisionId: revision?.id ?? null, cache: new RenderCache(revisionDocuments(revision)) };
}

/**
 * Reads everything the decisions of `hostIds` need. Hosts that are gone or revoked are left
 * out; a host whose own data cannot be used is listed in `failed` and does not stop the others.
 */
export async function gatherChunk(em: EntityManager, hostIds: readonly number[], renders: RevisionRenders, serverUrl: string): Promise<GatheredChunk> {
  const hosts = await em.find(HostRecord, { id: { $in: [...hostIds] }, revokedAt: null }, { fields: ['id', 'name', 'online', 'agentLabels', 'serverLabels'], disableIdentityMap: true });
  const rows = hosts.length === 0 ? [] : await em.find(HostStateRecord, { hostId: { $in: hosts.map((h) => h.id) } }, { exclude: ['desired'], disableIdentityMap: true });
  const rowOf = new Map(rows.map((r) => [r.hostId, r]));
  const failed: { hostId: number; err: unknown }[] = [];
  const rendered = hosts.flatMap((host) => {
    try {
      return [{ host, render: renders.cache.render({ name: host.name, labels: effectiveLabels(host) }) }];
    } catch (err) {
      failed.push({ hostId: host.id, err });
      return [];
    }
  });
  const refs = [...new Set(rendered.flatMap(({ render }) => render.desired.files.map((f) => f.artifact)))];
  const stored = await findArtifactsByRefs(em, refs);
  const artifacts: Record<string, ArtifactDownload | null> = {};
  for (const [ref, a] of stored) artifacts[ref] = a ? artifactDownload(a, serverUrl) : null;
  const gathered: GatheredHost[] = [];
  for (const { host, render } of rendered) {
    try {
      const state = rowOf.get(host.id);
      const previous = state
        ? { revisionId: state.revisionId ?? null, desiredHash: state.desiredHash ?? null, drift: state.drift, status: state.status, convergedRevisionId: state.convergedRevisionId ?? null, agentHash: state.agentHash ?? null, error: state.error ?? null }
        : null;
      const observed = state?.observedAt ? parseObserved(state.observed) : undefined;
      const own: Record<string, ArtifactDownload | null> = {};
      for (const f of render.desired.files) own[f.artifact] = artifacts[f.artifact] ?? null;
      gathered.push({ hostId: host.id, name: host.name, online: host.online, rowUpdatedAt: state?.updatedAt ?? null, observedAt: state?.observedAt ?? null, inputs: { online: host.online, revisionId: renders.revisionId, render, previous, observed, artifacts: own } });
    } catch (err) {
      failed.push({ hostId: host.id, err });
    }
  }
  return { renders, hosts: gathered, failed };
}
