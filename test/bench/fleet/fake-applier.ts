import { specHash, type ArtifactDigests, type DesiredState, type ObservedState } from '../../../manifests/index.js';

/**
 * What a simulated host reports once it carried out a desired state, as the real agent would after
 * applying every action: each process RUNNING with the spec's hash, each cron entry scheduled,
 * each file written by IOMS with the expected digest (the declared sha256 or md5, else the
 * store's), its mode, and unpacked when it has `extractTo`. Pure; `planHost(desired, observed,
 * { artifacts })` of the result is empty (test/unit/fleet-applier.test.ts).
 */
export function observeAsApplied(desired: DesiredState, pid: number, artifacts: Readonly<Record<string, ArtifactDigests>> = {}): ObservedState {
  return {
    processes: desired.processes.map((p) => ({ name: p.name, pid, state: 'RUNNING' as const, restarts: 0, specHash: specHash(p) })),
    cron: desired.crontab.map((c) => ({ name: c.name, specHash: specHash(c) })),
    files: desired.files.map((f) => {
      const store = artifacts[f.artifact];
      const sha256 = f.sha256 ?? store?.sha256;
      const md5 = f.md5 ?? store?.md5;
      return {
        path: f.path,
        exists: true,
        specHash: specHash(f),
        ...(sha256 ? { sha256, managedSha256: sha256 } : {}),
        ...(md5 ? { md5 } : {}),
        ...(f.mode ? { mode: f.mode } : {}),
        ...(f.extractTo !== undefined ? { extracted: true } : {}),
      };
    }),
  };
}
