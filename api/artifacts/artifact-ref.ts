import type { EntityManager } from '@mikro-orm/core';
import { ArtifactRecord } from '../../db/entities/index.js';

/** Where an agent fetches a registered artifact, and what it must hash to. */
export interface ArtifactDownload {
  sha256: string;
  md5: string;
  url: string;
}

/** `name@version`, or `name` alone for its newest version, as manifests and jobs name artifacts. */
export function findArtifactByRef(em: EntityManager, ref: string): Promise<ArtifactRecord | null> {
  const [name, version] = ref.split('@');
  return em.findOne(ArtifactRecord, version ? { name, version } : { name }, { orderBy: { createdAt: 'desc' } });
}

export function artifactDownload(a: ArtifactRecord, serverUrl: string): ArtifactDownload {
  return { sha256: a.sha256, md5: a.md5, url: `${serverUrl}/artifacts/${a.sha256}` };
}

/**
 * {@link findArtifactByRef} for many references in one query: each reference's artifact, or null
 * where the store has none (`name@version` that version, `name` alone the newest).
 */
export async function findArtifactsByRefs(em: EntityManager, refs: readonly string[]): Promise<Map<string, ArtifactRecord | null>> {
  const out = new Map<string, ArtifactRecord | null>();
  if (refs.length === 0) return out;
  const parsed = [...new Set(refs)].map((ref) => {
    const [name, version] = ref.split('@') as [string, string | undefined];
    return { ref, name, version };
  });
  const bare = [...new Set(parsed.filter((p) => !p.version).map((p) => p.name))];
  const versioned = parsed.filter((p) => p.version).map((p) => ({ name: p.name, version: p.version! }));
  const found = await em.find(ArtifactRecord, { $or: [...(bare.length ? [{ name: { $in: bare } }] : []), ...versioned] }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  for (const p of parsed) out.set(p.ref, found.find((a) => a.name === p.name && (!p.version || a.version === p.version)) ?? null);
  return out;
}
