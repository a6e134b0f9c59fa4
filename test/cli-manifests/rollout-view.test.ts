import { describe, expect, it } from 'vitest';
import { rolloutRow } from '../helpers/rollout-rows.js';
import { renderRolloutTable, revisionCell, rolloutChangeLine, rolloutCountLine, rolloutDetail, rolloutView } from '../../cli/manifests/rollout-view.js';

const row = rolloutRow;
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
    expect(renderRolloutTable(rolloutView({ revision: null, hosts: [] }))).toBe('No hosts.\nno revision applied: 0 converged, 0 drifted, 0 pending, 0 failed · 0 hosts\n');
  });
  it('a counts line for one host', () => {
    expect(rolloutCountLine(rolloutView({ revision: 2, hosts: [row('a', 'FAILED')] }))).toBe('revision 2: 0 converged, 0 drifted, 0 pending, 1 failed · 1 host');
  });
  it('a change line for a non-TTY watch', () => {
    expect(rolloutChangeLine(row('web-01', 'DRIFTED', { drift: [drift('process:web', 'NOT_RUNNING')] }))).toBe('03:04:05 web-01 drifted 6 → 7 process:web NOT_RUNNING');
    expect(rolloutChangeLine(row('web-01', 'CONVERGED'))).toBe('03:04:05 web-01 converged 7');
  });
});
