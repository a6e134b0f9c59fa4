import path from 'node:path';
import type { Request } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import { HostStateRecord, JobRecord, JobTargetRecord, ManifestRevisionRecord } from '../../db/entities/index.js';
import { createArtifactAccess } from '../artifacts/artifact-access.js';
import { findArtifactByRef } from '../artifacts/artifact-ref.js';
import { markHostsUsingArtifact } from '../artifacts/artifact-users.js';
import { createArtifactRouter, type ArtifactRouter } from '../artifacts/artifact-routes.js';
import { ArtifactService } from '../artifacts/artifact.service.js';
import { ArtifactStore } from '../artifacts/artifact-store.js';
import type { AuthResult } from '../auth/principal.js';
import { cookieToken } from '../auth/browser-session.js';
import type { AuditService } from '../audit/audit.service.js';
import type { HostService } from '../hosts/host.service.js';
import type { SessionService } from '../auth/session.service.js';
import type { Logger } from '../logger.js';
import { bearerToken, clientIp } from './client-ip.js';

/** `Authorization: IomsAgent <hostId>:<secret>` — how agents authenticate plain HTTP requests (downloads). */
export function agentHeader(value: string | undefined): { hostId: number; secret: string } | undefined {
  const m = /^IomsAgent\s+(\d{1,9}):(\S+)$/.exec(value ?? '');
  return m ? { hostId: Number(m[1]), secret: m[2]! } : undefined;
}

/** Each file a revision's profiles fetch from the store: the profile, the path, the reference (`name` alone means its newest version). */
function artifactRefs(documents: unknown[]): { profile: string; path: string; ref: string }[] {
  const refs: { profile: string; path: string; ref: string }[] = [];
  for (const d of documents as { manifest: { kind: string; metadata: { name: string }; spec?: { files?: { artifact: string; path: string }[] } } }[]) {
    if (d.manifest.kind === 'Profile') for (const f of d.manifest.spec?.files ?? []) refs.push({ profile: d.manifest.metadata.name, path: f.path, ref: f.artifact });
  }
  return refs;
}

/**
 * The artifact store, its service and HTTP routes, with the two questions only the server can
 * answer: what a manifest references (deletion is refused while it does), and what one agent
 * may download (its desired state's files and its own DOWNLOAD jobs).
 */
export async function wireArtifacts(deps: { orm: MikroORM; dataDir: string; audit: AuditService; sessions: SessionService; hosts: HostService; logger: Logger; trustProxyHops: number; now: () => Date; markHost: (hostId: number) => void }): Promise<{ service: ArtifactService; routes: ArtifactRouter }> {
  const { orm } = deps;
  const store = await ArtifactStore.open({ dir: path.join(deps.dataDir, 'artifacts') });
  const service = new ArtifactService({
    store,
    now: deps.now,
    // A push or delete marks the hosts whose desired state uses the name (no wait for the resync).
    changed: (name) => markHostsUsingArtifact(orm.em.fork(), name, deps.markHost, deps.logger),
    referencedBy: async (v) => {
      // Asked inside deleteArtifact's transaction: read through it.
      const em = orm.em.fork({ keepTransactionContext: true });
      const current = await em.findOne(ManifestRevisionRecord, { id: { $gt: 0 } }, { orderBy: { id: 'desc' } });
      return artifactRefs(current?.documents ?? [])
        .filter((r) => r.ref === `${v.name}@${v.version}` || r.ref === v.name)
        .map((r) => `manifest revision ${current!.id}, profile ${r.profile}, file ${r.path} (${r.ref})`);
    },
  });
  const access = createArtifactAccess({
    referencedBy: async (hostId) => {
      const em = orm.em.fork();
      const allowed = new Set<string>();
      const state = await em.findOne(HostStateRecord, { hostId });
      for (const f of ((state?.desired as { files?: { artifact: string }[] } | null)?.files ?? [])) {
        const a = await findArtifactByRef(em, f.artifact);
        if (a) allowed.add(a.sha256);
      }
      const targets = await em.find(JobTargetRecord, { hostId, status: { $in: ['SENT', 'RUNNING'] } }, { fields: ['jobId'] });
      for (const jobId of new Set(targets.map((t) => t.jobId))) {
        const job = await em.findOne(JobRecord, { id: jobId, kind: { $in: ['DOWNLOAD', 'UPGRADE_AGENT'] } });
        const ref = (job?.args as { artifact?: string } | undefined)?.artifact;
        const a = ref ? await findArtifactByRef(em, ref) : null;
        if (a) allowed.add(a.sha256);
      }
      return allowed;
    },
  });
  const authenticate = async (req: Request): Promise<AuthResult> => {
    const ip = clientIp(req, deps.trustProxyHops);
    const agent = agentHeader(req.headers.authorization);
    if (agent) return deps.hosts.authenticateAgent(orm.em.fork(), agent.hostId, agent.secret);
    // The dashboard's cookie counts only on same-origin browser requests (cookieToken checks).
    return deps.sessions.authenticate(orm.em.fork(), bearerToken(req.headers.authorization) ?? cookieToken(req), ip);
  };
  const routes = createArtifactRouter({ service, access, authenticate, em: () => orm.em.fork(), audit: deps.audit, clientIp: (req) => clientIp(req, deps.trustProxyHops), logger: deps.logger });
  return { service, routes };
}
