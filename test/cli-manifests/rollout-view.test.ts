import { describe, expect, it } from 'vitest';
import type { HostRolloutWire } from '../../cli/manifests/manifest-wire.js';
import {
  hostsNotConverged,
  isRolloutConverged,
  mergeRolloutRow,
  renderRolloutTable,
  revisionCell,
  rolloutChangeLine,
  rolloutCountLine,
  rolloutDetail,
  rolloutView,
  rowChanged,
} from '../../cli/manifests/rollout-view.js';

const row = (host: string, status: string, over: Partial<HostRolloutWire> = {}): HostRolloutWire => ({
  host,
  online: true,
  status,
  revision: 7,
  convergedRevision: status === 'CONVERGED' ? 7 : 6,
  drift: [],
  error: null,
  observedAt: null,
  updatedAt: '2025-01-02T03:04:05.000Z',
  ...over,
});
const drift = (key: string, reason: string) => ({ key, action: 'StartProcess', reason, sentence: `${key} ${reason}`, since: '2025-01-02T03:00:00.000Z' });

describe('rolloutDetail', () => {
  it.each([
    ['converged: nothing', row('a', 'CONVERGED'), ''],
    ['drift reasons', row('a', 'DRIFTED', { drift: [drift('process:web', 'NOT_RUNNING'), drift('file:/etc/x', 'CHECKSUM_MISMATCH')] }), 'process:web NOT_RUNNING, file:/etc/x CHECKSUM_MISMATCH'],
    ['the error first', row('a', 'FAILED', { error: 'dispatch failed:\nno link', drift: [drift('process:web', 'MISSING')] }), 'dispatch failed: no link; process:web MISSING'],
    ['offline', row('a', 'PENDING', { online: false }), 'offline'],
    ['long text is clipped on a terminal', row('a', 'DRIFTED', { drift: Array.from({ length: 10 }, (_, i) => drift(`file:/opt/app/config-${i}.yaml`, 'MISSING')) }), /^file:\/opt.{60,}…$/],
  ])('%s', (_name, r, want) => {
    if (typeof want === 'string') expect(rolloutDetail(r, true)).toBe(want);
    else expect(rolloutDetail(r, true)).toMatch(want);
  });
  it('keeps long text whole when the output is not a terminal', () => {
    const r = row('a', 'DRIFTED', { drift: Array.from({ length: 10 }, (_, i) => drift(`file:/opt/app/config-${i}.yaml`, 'MISSING')) });
    expect(rolloutDetail(r, false)).toBe(Array.from({ length: 10 }, (_, i) => `file:/opt/app/config-${i}.yaml MISSING`).join(', '));
  });
});

describe('revisionCell', () => {
  it.each([
    ['runs what it should', row('a', 'CONVERGED'), '7'],
    ['moving to a new revision', row('a', 'PENDING'), '6 → 7'],
    ['never converged', row('a', 'PENDING', { convergedRevision: null }), '- → 7'],
    ['no desired revision', row('a', 'PENDING', { revision: null, convergedRevision: null }), '-'],
  ])('%s', (_name, r, want) => {
    expect(revisionCell(r)).toBe(want);
  });
});

describe('isRolloutConverged', () => {
  const cases: { name: string; hosts: HostRolloutWire[]; want: boolean }[] = [
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
    expect(isRolloutConverged({ revision: 7, hosts })).toBe(want);
  });

  it('hostsNotConverged lists the online hosts still waited for', () => {
    const view = rolloutView({ revision: 7, hosts: [row('c', 'DRIFTED'), row('a', 'CONVERGED'), row('b', 'PENDING', { online: false }), row('d', 'FAILED')] });
    expect(hostsNotConverged(view).map((h) => h.host)).toEqual(['c', 'd']);
  });
});

describe('mergeRolloutRow and rowChanged', () => {
  const base = rolloutView({ revision: 7, hosts: [row('b', 'PENDING'), row('a', 'CONVERGED')] });

  it('sorts by host and replaces a host’s row', () => {
    const next = mergeRolloutRow(base, row('b', 'CONVERGED'));
    expect(next.hosts.map((h) => `${h.host}:${h.status}`)).toEqual(['a:CONVERGED', 'b:CONVERGED']);
    expect(base.hosts.map((h) => h.status)).toEqual(['CONVERGED', 'PENDING']);
  });
  it('adds a new host in order', () => {
    expect(mergeRolloutRow(base, row('aa', 'PENDING')).hosts.map((h) => h.host)).toEqual(['a', 'aa', 'b']);
  });
  it('raises the revision in force when a row carries a newer one', () => {
    expect(mergeRolloutRow(base, row('a', 'PENDING', { revision: 8 })).revision).toBe(8);
    expect(mergeRolloutRow(base, row('a', 'PENDING', { revision: 3 })).revision).toBe(7);
  });

  it.each([
    ['a new host', row('z', 'PENDING'), true],
    ['a new status', row('b', 'CONVERGED'), true],
    ['new drift', row('b', 'PENDING', { drift: [drift('process:web', 'MISSING')] }), true],
    ['gone offline', row('a', 'CONVERGED', { online: false }), true],
    ['only timestamps moved', row('a', 'CONVERGED', { updatedAt: '2025-01-02T04:00:00.000Z', observedAt: '2025-01-02T04:00:00.000Z' }), false],
  ])('rowChanged: %s → %s', (_name, r, want) => {
    expect(rowChanged(base, r)).toBe(want);
  });
});

describe('rendering', () => {
  it('the table with a counts line', () => {
    const view = rolloutView({
      revision: 7,
      hosts: [row('web-02', 'DRIFTED', { drift: [drift('process:web', 'NOT_RUNNING')], convergedRevision: 7 }), row('web-01', 'CONVERGED'), row('db', 'PENDING', { online: false })],
    });
    expect(renderRolloutTable(view)).toBe(
      [
        'HOST    STATUS     REVISION  DETAIL',
        'db      pending    6 → 7     offline',
        'web-01  converged  7         -',
        'web-02  drifted    7         process:web NOT_RUNNING',
        'revision 7: 1 converged, 1 drifted, 1 pending, 0 failed · 3 hosts, 1 offline',
        '',
      ].join('\n'),
    );
  });
  it('an empty fleet', () => {
    expect(renderRolloutTable({ revision: null, hosts: [] })).toBe('No hosts.\nno revision applied: 0 converged, 0 drifted, 0 pending, 0 failed · 0 hosts\n');
  });
  it('a counts line for one host', () => {
    expect(rolloutCountLine({ revision: 2, hosts: [row('a', 'FAILED')] })).toBe('revision 2: 0 converged, 0 drifted, 0 pending, 1 failed · 1 host');
  });
  it('a change line for a non-TTY watch', () => {
    expect(rolloutChangeLine(row('web-01', 'DRIFTED', { drift: [drift('process:web', 'NOT_RUNNING')] }))).toBe('03:04:05 web-01 drifted 6 → 7 process:web NOT_RUNNING');
    expect(rolloutChangeLine(row('web-01', 'CONVERGED'))).toBe('03:04:05 web-01 converged 7');
  });
});
