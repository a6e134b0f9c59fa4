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
