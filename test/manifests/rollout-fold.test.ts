import { describe, expect, it } from 'vitest';
import type { HostRolloutWire } from '../../cli/manifests/manifest-wire.js';
import { RolloutFold, rolloutRowChanged } from '../../manifests/rollout-fold.js';
import { rolloutRow } from '../helpers/rollout-rows.js';

type Row = HostRolloutWire;

const at = (s: number) => new Date(Date.UTC(2025, 0, 2, 3, 0, 0) + s * 1000).toISOString();
const row = (host: string, status: string, over: Partial<Row> = {}): Row => rolloutRow(host, status, { updatedAt: at(0), ...over });
const drift = (key: string, reason: string) => ({ key, reason, action: 'StartProcess', sentence: `${key} ${reason}`, since: at(0) });
const fold = (hosts: Row[], revision: number | null = 7) => new RolloutFold<Row>({ revision, hosts });
const names = (f: RolloutFold<Row>) => f.hosts.map((h) => `${h.host}:${h.status}`);

/** The counts and converged test computed from scratch: what the fold keeps as rows come. */
function recount(hosts: readonly Row[]) {
  const n = (s: string) => hosts.filter((h) => h.status === s).length;
  const waited = hosts.filter((h) => h.online && !(h.status === 'CONVERGED' && (h.revision === null || h.convergedRevision === h.revision)));
  return { counts: { converged: n('CONVERGED'), drifted: n('DRIFTED'), pending: n('PENDING'), failed: n('FAILED'), offline: hosts.filter((h) => !h.online).length, total: hosts.length }, converged: waited.length === 0 };
}

describe('converged() — what --until-converged waits for', () => {
  const cases: { name: string; hosts: Row[]; want: boolean }[] = [
    { name: 'every online host converged', hosts: [row('a', 'CONVERGED'), row('b', 'CONVERGED')], want: true },
    { name: 'one drifted', hosts: [row('a', 'CONVERGED'), row('b', 'DRIFTED')], want: false },
    { name: 'one pending', hosts: [row('a', 'PENDING')], want: false },
    { name: 'one failed', hosts: [row('a', 'FAILED')], want: false },
    { name: 'offline hosts are not waited for', hosts: [row('a', 'CONVERGED'), row('b', 'PENDING', { online: false })], want: true },
    { name: 'converged on an older revision than it should run', hosts: [row('a', 'CONVERGED', { convergedRevision: 6 })], want: false },
    { name: 'no desired revision yet, converged', hosts: [row('a', 'CONVERGED', { revision: null, convergedRevision: null })], want: true },
    { name: 'no hosts at all', hosts: [], want: true },
  ];
  it.each(cases)('$name → $want', ({ hosts, want }) => {
    expect(fold(hosts).converged()).toBe(want);
  });

  it('notConverged lists the online hosts still waited for, by name', () => {
    const f = fold([row('c', 'DRIFTED'), row('a', 'CONVERGED'), row('b', 'PENDING', { online: false }), row('d', 'FAILED')]);
    expect(f.notConverged().map((h) => h.host)).toEqual(['c', 'd']);
  });
});

describe('apply', () => {
  const base = () => fold([row('b', 'PENDING'), row('a', 'CONVERGED')]);

  it('sorts the snapshot by host and replaces a host’s row; the snapshot passed in is not changed', () => {
    const snapshot = [row('b', 'PENDING'), row('a', 'CONVERGED')];
    const f = fold(snapshot);
    expect(f.apply(row('b', 'CONVERGED'))).toBe('changed');
    expect(names(f)).toEqual(['a:CONVERGED', 'b:CONVERGED']);
    expect(snapshot.map((h) => h.status)).toEqual(['PENDING', 'CONVERGED']);
  });
  it('adds new hosts in order, also several before the next read', () => {
    const f = base();
    f.apply(row('aa', 'PENDING'));
    f.apply(row('0', 'PENDING'));
    f.apply(row('zz', 'PENDING'));
    expect(f.hosts.map((h) => h.host)).toEqual(['0', 'a', 'aa', 'b', 'zz']);
    expect(f.row('aa')?.status).toBe('PENDING');
    f.apply(row('aa', 'CONVERGED'));
    expect(names(f)).toEqual(['0:PENDING', 'a:CONVERGED', 'aa:CONVERGED', 'b:PENDING', 'zz:PENDING']);
  });
  it('raises the revision in force when a row carries a newer one, never lowers it', () => {
    const f = base();
    f.apply(row('a', 'PENDING', { revision: 3 }));
    expect(f.revision).toBe(7);
    f.apply(row('a', 'PENDING', { revision: 8 }));
    expect(f.revision).toBe(8);
    expect(fold([], null).revision).toBeNull();
  });
  it('ignores a row older than the one held, keeps one of the same time', () => {
    const f = fold([row('a', 'DRIFTED', { updatedAt: at(10) })]);
    expect(f.apply(row('a', 'CONVERGED', { updatedAt: at(9) }))).toBe('stale');
    expect(names(f)).toEqual(['a:DRIFTED']);
    expect(f.apply(row('a', 'CONVERGED', { updatedAt: at(10) }))).toBe('changed');
    expect(names(f)).toEqual(['a:CONVERGED']);
  });

  it.each([
    ['a new host', row('z', 'PENDING'), 'changed'],
    ['a new status', row('b', 'CONVERGED'), 'changed'],
    ['new drift', row('b', 'PENDING', { drift: [drift('process:web', 'MISSING')] }), 'changed'],
    ['an error', row('b', 'PENDING', { error: 'dispatch failed' }), 'changed'],
    ['gone offline', row('a', 'CONVERGED', { online: false }), 'changed'],
    ['only the time moved', row('a', 'CONVERGED', { updatedAt: at(60) }), 'same'],
  ])('%s → %s', (_name, r, want) => {
    const f = base();
    expect(f.apply(r)).toBe(want);
    expect(f.row(r.host)).toBe(r);
  });

  it('rolloutRowChanged compares drift by key and reason, in order', () => {
    const d = drift;
    const one = row('a', 'DRIFTED', { drift: [d('process:web', 'NOT_RUNNING'), d('file:/x', 'MISSING')] });
    expect(rolloutRowChanged(one, { ...one, drift: [d('process:web', 'NOT_RUNNING'), d('file:/x', 'MISSING')] })).toBe(false);
    expect(rolloutRowChanged(one, { ...one, drift: [d('process:web', 'NOT_RUNNING'), d('file:/x', 'CHECKSUM_MISMATCH')] })).toBe(true);
    expect(rolloutRowChanged(one, { ...one, drift: [d('process:web', 'NOT_RUNNING')] })).toBe(true);
    expect(rolloutRowChanged(undefined, one)).toBe(true);
  });
});

describe('setOnline (hostUpdated: no rollout row is published for it)', () => {
  it('marks the host’s row and counts it; a host not in the rollout or unchanged changes nothing', () => {
    const f = fold([row('a', 'PENDING'), row('b', 'CONVERGED')]);
    const b = f.row('b');
    expect(f.setOnline('a', false)).toBe(true);
    expect(f.row('a')?.online).toBe(false);
    expect(f.counts().offline).toBe(1);
    expect(f.converged()).toBe(true);
    expect(f.setOnline('a', false)).toBe(false);
    expect(f.setOnline('nobody', false)).toBe(false);
    expect(f.row('b')).toBe(b);
    expect(f.size).toBe(2);
  });
});

describe('a rollout to 10,000 hosts streamed row by row', () => {
  const N = 10_000;
  const host = (i: number) => `host-${String(i).padStart(5, '0')}`;
  const STATUSES = ['PENDING', 'DRIFTED', 'CONVERGED', 'FAILED'];

  it('keeps every host’s latest row, the counts and the order right, with no copy of the rows per row', () => {
    // The snapshot arrives shuffled (the fold sorts it once); then 5 rows per host in a scrambled order.
    const snapshot = Array.from({ length: N }, (_, i) => row(host((i * 7919) % N), 'PENDING', { revision: 8 }));
    const f = new RolloutFold<Row>({ revision: 8, hosts: snapshot });
    const rows = f.hosts;
    const untouched = f.row(host(N - 1));
    const latest = new Map(snapshot.map((r) => [r.host, r]));
    let stale = 0;
    for (let step = 1; step <= 5; step += 1) {
      for (let k = 0; k < N - 1; k += 1) {
        const i = (k * 4999 + step) % (N - 1);
        const r = row(host(i), STATUSES[(i + step) % 4]!, { revision: 8, convergedRevision: (i + step) % 4 === 2 ? 8 : 7, online: (i + step) % 9 !== 0, updatedAt: at(step) });
        if (f.apply(r) === 'stale') stale += 1;
        latest.set(r.host, r);
      }
      // Counts and the converged test are read after every step, as a watcher does.
      expect({ counts: f.counts(), converged: f.converged() }).toEqual(recount([...latest.values()]));
    }
    expect(stale).toBe(0);
    // Replaced in place: the same array, in host order, the host no row touched still the same object.
    expect(f.hosts).toBe(rows);
    expect(f.hosts.map((h) => h.host)).toEqual(Array.from({ length: N }, (_, i) => host(i)));
    expect(f.row(host(N - 1))).toBe(untouched);
    for (const h of f.hosts) expect(h).toBe(latest.get(h.host));
    // A late row (older than the one held) changes nothing.
    expect(f.apply(row(host(3), 'CONVERGED', { updatedAt: at(1) }))).toBe('stale');
    expect(f.row(host(3))).toBe(latest.get(host(3)));
  });
});
