/**
 * Which hosts an artifact change concerns: the hosts whose desired state (under the current
 * revision) fetches some version of the artifact's name. A push or delete marks exactly these
 * for the reconciler, so a file held with ARTIFACT_MISSING is written soon after the push
 * instead of at the next resync (RESYNC_MS).
 *
 *   push / delete commits ──▶ references in the current revision? ── no ──▶ nothing to mark
 *                                          │ yes
 *                                          ▼
 *                          render the fleet once (pure) ──▶ mark the hosts whose files name it
 */
import type { EntityManager } from '@mikro-orm/core';
import { HostRecord } from '../../db/entities/index.js';
import { artifactReferences, type ManifestDocument, renderFleet, type RenderHost } from '../../manifests/index.js';
import { effectiveLabels } from '../hosts/host-view.js';
import type { Logger } from '../logger.js';
import { currentRevision, revisionDocuments } from '../manifests/manifest.service.js';

/** Whether a manifest's artifact reference (`name`, or `name@version`) names some version of `name`. */
export function refNames(ref: string, name: string): boolean {
  return ref === name || ref.startsWith(`${name}@`);
}

/** The hosts (given with their ids) whose rendered desired state has a file from artifact `name`. Pure. */
export function hostsUsingArtifact(documents: readonly ManifestDocument[], hosts: readonly (RenderHost & { readonly id: number })[], name: string): number[] {
  if (!artifactReferences(documents).some((ref) => refNames(ref, name))) return [];
  const rendered = renderFleet(documents, hosts).hosts;
  return hosts.filter((_, i) => rendered[i]!.desired.files.some((f) => refNames(f.artifact, name))).map((h) => h.id);
}

/**
 * Marks the hosts an artifact change concerns (see the module comment). Runs after the change
 * committed, from its own fork; errors are logged, never thrown (the resync catches up).
 */
export async function markHostsUsingArtifact(em: EntityManager, name: string, mark: (hostId: number) => void, logger?: Logger): Promise<void> {
  try {
    const documents = revisionDocuments(await currentRevision(em));
    if (!artifactReferences(documents).some((ref) => refNames(ref, name))) return;
    const rows = await em.find(HostRecord, { revokedAt: null }, { fields: ['id', 'name', 'agentLabels', 'serverLabels'] });
    const hosts = rows.map((h) => ({ id: h.id, name: h.name, labels: effectiveLabels(h) }));
    for (const id of hostsUsingArtifact(documents, hosts, name)) mark(id);
  } catch (err) {
    logger?.warn({ err, artifact: name }, 'could not mark the hosts that use an artifact; the next resync will');
  }
}
