import { describe, expect, it } from 'vitest';
import { type HostInputs, decideHostState } from '../../api/reconciler/host-state.js';
import { requeueDelayMs, REQUEUE_MAX_MS } from '../../api/reconciler/reconciler.js';
import { type DesiredState, type HostRender, fileSchema, observedStateSchema, processSchema, specHash } from '../../manifests/index.js';

const web = processSchema.parse({ name: 'web', command: '/srv/web' });
const conf = fileSchema.parse({ path: '/etc/web.conf', artifact: 'conf@1' });
const desired: DesiredState = { processes: [web], crontab: [], files: [conf] };
const render: HostRender = { host: 'h', labels: {}, profiles: ['p'], desired, hash: specHash(desired), origins: {}, errors: [] };
const download = { sha256: 'a'.repeat(64), md5: 'b'.repeat(32), url: 'https://ioms.test/artifacts/a' };
const convergedObserved = observedStateSchema.parse({
  processes: [{ name: 'web', state: 'RUNNING', restarts: 0, specHash: specHash(web) }],
  files: [{ path: conf.path, exists: true, sha256: download.sha256, md5: download.md5, specHash: specHash(conf), managedSha256: download.sha256 }],
});
const previous = { revisionId: 1, desiredHash: render.hash, drift: [], status: 'PENDING' as const, convergedRevisionId: null, agentHash: render.hash, error: null };
const base: HostInputs = { online: true, revisionId: 1, render, previous, observed: convergedObserved, artifacts: { 'conf@1': download } };
const now = new Date('2026-12-01T12:00:00Z');

describe('decideHostState', () => {
  const cases: { name: string; inputs: HostInputs; status: string; send: boolean; drift: string[] }[] = [
    { name: 'never reconciled, agent online: send, pending', inputs: { ...base, previous: null, observed: undefined }, status: 'PENDING', send: true, drift: [] },
    { name: 'never reconciled, agent offline: nothing to send yet', inputs: { ...base, online: false, previous: null, observed: undefined }, status: 'PENDING', send: false, drift: [] },
    { name: 'acknowledged and converged', inputs: base, status: 'CONVERGED', send: false, drift: [] },
    { name: 'acknowledged, a process missing', inputs: { ...base, observed: { ...convergedObserved, processes: [] } }, status: 'DRIFTED', send: false, drift: ['process:web MISSING'] },
    { name: 'the agent holds an older desired state: resend, pending', inputs: { ...base, previous: { ...previous, agentHash: 'sha256:old' } }, status: 'PENDING', send: true, drift: [] },
    { name: 'the agent reported an error', inputs: { ...base, previous: { ...previous, error: 'download failed' } }, status: 'FAILED', send: false, drift: [] },
    { name: 'an artifact vanished from the store: terminal, recorded on the host', inputs: { ...base, artifacts: { 'conf@1': null } }, status: 'FAILED', send: false, drift: ['file:/etc/web.conf ARTIFACT_MISSING'] },
  ];
  it.each(cases)('$name', ({ inputs, status, send, drift }) => {
    const d = decideHostState(inputs, now);
    expect(d.row.status).toBe(status);
    expect(d.send !== undefined).toBe(send);
    expect(d.row.drift.map((x) => `${x.key} ${x.reason}`)).toEqual(drift);
  });

  it('keeps since-when of drift that persists', () => {
    const first = decideHostState({ ...base, observed: { ...convergedObserved, processes: [] } }, now);
    const later = decideHostState({ ...base, previous: { ...previous, drift: first.row.drift }, observed: { ...convergedObserved, processes: [] } }, new Date('2026-12-01T13:00:00Z'));
    expect(later.row.drift[0]?.since).toBe(now.toISOString());
  });

  it('sends the store downloads the agent plans with, and records the converged revision', () => {
    expect(decideHostState({ ...base, previous: null }, now).send).toMatchObject({ revision: 1, hash: render.hash, artifacts: { 'conf@1': download } });
    expect(decideHostState(base, now).row.convergedRevisionId).toBe(1);
  });
});

describe('requeueDelayMs', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [5, 16_000],
    [30, REQUEUE_MAX_MS],
  ])('failure %i in a row waits %i ms', (failures, ms) => {
    expect(requeueDelayMs(failures)).toBe(ms);
  });
});
