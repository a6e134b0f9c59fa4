import { roleAtLeast, type Principal } from '../auth/principal.js';

/**
 * Who may download which blob. Owned by the download route; the server supplies the agent
 * side's knowledge of what each host references.
 */
export interface ArtifactAccess {
  /** True when `principal` may fetch the blob `sha256` (a registered, lowercase hash). */
  canDownload(principal: Principal, sha256: string): Promise<boolean>;
}

export interface ArtifactAccessOptions {
  /**
   * The hashes a host's desired state and its open jobs reference. Until the server wires
   * manifests and jobs in, the default references nothing, so agents are refused everything.
   * @default async () => new Set()
   */
  readonly referencedBy?: (hostId: number) => Promise<ReadonlySet<string>>;
}

/**
 * The production policy: operators and admins may fetch anything registered, viewers nothing
 * (they can list artifacts but not take the content); an agent only what its own host
 * references.
 */
export function createArtifactAccess(opts: ArtifactAccessOptions = {}): ArtifactAccess {
  const referencedBy = opts.referencedBy ?? (async () => new Set<string>());
  return {
    async canDownload(principal, sha256) {
      if (principal.kind === 'user') return roleAtLeast(principal.role, 'OPERATOR');
      return (await referencedBy(principal.hostId)).has(sha256);
    },
  };
}
