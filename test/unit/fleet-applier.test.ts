/**
 * The fleet simulator's fake applier reports what the real agent would after applying a desired
 * state: the server's planner (the same `planHost` the agent runs) finds nothing left to do, so the
 * convergence benchmark measures real convergence. Without it, each case plans actions.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadManifests, planHost, renderDesiredState, type ArtifactDigests } from '../../manifests/index.js';
import { BENCH_ARTIFACT, BENCH_ARTIFACT_BYTES, convergenceProfile, desiredInstructionBytes } from '../bench/fleet/convergence.js';
import { observeAsApplied } from '../bench/fleet/fake-applier.js';

const digests: ArtifactDigests = { sha256: crypto.createHash('sha256').update(BENCH_ARTIFACT_BYTES).digest('hex'), md5: crypto.createHash('md5').update(BENCH_ARTIFACT_BYTES).digest('hex') };
const render = (yaml: string) => {
  const { documents, errors } = loadManifests([{ path: 'p.yaml', content: yaml }]);
  expect(errors).toEqual([]);
  return renderDesiredState(documents, { name: 'sim-00001', labels: { fleet: 'sim' } }).desired;
};
const archive = `apiVersion: ioms/v1
kind: Profile
metadata: { name: unpack }
spec:
  selector: { matchLabels: { fleet: sim } }
  files:
    - path: /opt/app.tar.gz
      artifact: app@2
      extractTo: /opt/app
`;

describe('observeAsApplied', () => {
  it.each<{ name: string; yaml: string; artifacts: Record<string, ArtifactDigests> }>([
    { name: 'the benchmark profile (processes, crontab, a file with md5 and mode)', yaml: convergenceProfile('g1'), artifacts: { [`${BENCH_ARTIFACT}@1`]: digests } },
    { name: 'an archive checked against the store’s sha256 and unpacked', yaml: archive, artifacts: { 'app@2': digests } },
  ])('$name: the server plans nothing', ({ yaml, artifacts }) => {
    const desired = render(yaml);
    expect(planHost(desired, { processes: [], cron: [], files: [] }, { artifacts }).length).toBeGreaterThan(0);
    expect(planHost(desired, observeAsApplied(desired, 4242, artifacts), { artifacts })).toEqual([]);
  });

  it('a new generation of the profile is drift until applied again', () => {
    const artifacts = { [`${BENCH_ARTIFACT}@1`]: digests };
    const before = observeAsApplied(render(convergenceProfile('g1')), 1, artifacts);
    expect(planHost(render(convergenceProfile('g2')), before, { artifacts }).map((a) => a.type)).toEqual(['UpdateProcess', 'UpdateProcess', 'SetCron']);
  });

  it('the raw baseline sends as many bytes as one desired-state instruction', () => {
    expect(desiredInstructionBytes(convergenceProfile('g1'))).toBeGreaterThan(1000);
  });
});
