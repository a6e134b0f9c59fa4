import { describe, expect, it } from 'vitest';
import type { GatheredHost } from '../../api/reconciler/gather.js';
import { decideHostState } from '../../api/reconciler/host-state.js';
import { planPass } from '../../api/reconciler/pass-plan.js';
import { type DesiredState, type HostRender, processSchema, specHash } from '../../manifests/index.js';

const web = processSchema.parse({ name: 'web', command: '/srv/web' });
const desired: DesiredState = { processes: [web], crontab: [], files: [] };
const render: HostRender = { host: 'h', labels: {}, profiles: ['p'], desired, hash: specHash(desired), origins: {}, errors: [] };
const observed = { processes: [{ name: 'web', state: 'RUNNING' as const, restarts: 0, specHash: specHash(web) }], cron: [], files: [] };
const now = new Date('2026-12-01T12:00:00Z');
const read = new Date('2026-12-01T11:00:00Z');

const host = (hostId: number, over: Partial<GatheredHost['inputs']> = {}): GatheredHost => ({
  hostId,
  name: `h${hostId}`,
  online: true,
  rowUpdatedAt: over.previous === null ? null : read,
  observedAt: read,
  inputs: { online: true, revisionId: 2, render, previous: { revisionId: 2, desiredHash: render.hash, drift: [], status: 'CONVERGED', convergedRevisionId: 2, agentHash: render.hash, error: null }, observed, artifacts: {}, ...over },
});
/** A row exactly as a pass over `h` would leave it. */
const settled = (h: GatheredHost): GatheredHost => {
  const { row } = decideHostState(h.inputs, now);
  return { ...h, inputs: { ...h.inputs, previous: { ...row, agentHash: h.inputs.previous?.agentHash ?? null, error: null } } };
};

describe('planPass', () => {
  const cases: { name: string; hosts: GatheredHost[]; writes: number[]; withDesired: number[]; sends: number[]; failed: number[] }[] = [
    { name: 'converged and unchanged: nothing written, nothing sent', hosts: [host(1), host(2)], writes: [], withDesired: [], sends: [], failed: [] },
    { name: 'never reconciled: a new row with its desired state, and the instruction', hosts: [host(1, { previous: null, observed: undefined })], writes: [1], withDesired: [1], sends: [1], failed: [] },
    { name: 'a new revision: written with the desired state, sent to the agent', hosts: [host(1, { previous: { revisionId: 1, desiredHash: 'sha256:old', drift: [], status: 'CONVERGED', convergedRevisionId: 1, agentHash: 'sha256:old', error: null } })], writes: [1], withDesired: [1], sends: [1], failed: [] },
    { name: 'only the status changes (a process stopped): written without the desired state', hosts: [host(1, { observed: { ...observed, processes: [] } })], writes: [1], withDesired: [], sends: [], failed: [] },
    { name: 'not yet acknowledged, row already as decided: sent again, nothing written', hosts: [settled(host(1, { previous: { revisionId: 2, desiredHash: render.hash, drift: [], status: 'PENDING', convergedRevisionId: null, agentHash: 'sha256:old', error: null } }))], writes: [], withDesired: [], sends: [1], failed: [] },
    {
      name: 'a host whose row cannot be decided fails alone',
      hosts: [host(1, { previous: null, observed: undefined }), host(2, { previous: { revisionId: 2, desiredHash: render.hash, drift: 'not a list' as never, status: 'DRIFTED', convergedRevisionId: 2, agentHash: render.hash, error: null } }), host(3, { previous: null, observed: undefined })],
      writes: [1, 3],
      withDesired: [1, 3],
      sends: [1, 3],
      failed: [2],
    },
  ];
  it.each(cases)('$name', ({ hosts, writes, withDesired, sends, failed }) => {
    const plan = planPass(hosts, now);
    expect(plan.writes.map((w) => w.hostId)).toEqual(writes);
    expect(plan.writes.filter((w) => w.desired !== undefined).map((w) => w.hostId)).toEqual(withDesired);
    expect(plan.sends.map((s) => s.hostId)).toEqual(sends);
    expect(plan.failed.map((f) => f.hostId)).toEqual(failed);
    expect([...plan.events.keys()]).toEqual(writes);
    for (const w of plan.writes) expect(w.expectedUpdatedAt).toEqual(hosts.find((h) => h.hostId === w.hostId)!.rowUpdatedAt);
  });
});
