import { describe, expect, it } from 'vitest';
import type { ApplyResultWire, HostPlanWire, PlanItemWire, RevisionWire } from '../../cli/manifests/manifest-wire.js';
import { changeSign, type PlanAction } from '../../manifests/index.js';
import { appliedLine, describeSource, formatApplyError, formatPlanItem, renderApplied, renderHostSummary, renderPlan } from '../../cli/manifests/plan-output.js';

/** Wire values as a (possibly newer) server sends them: the CLI tolerates members it does not know. */
/** The sign is the server's, computed as the server does (manifests/plan-sign.ts). */
const item = (type: string, key: string, reason = 'MISSING', message = `${key} is missing`): PlanItemWire =>
  ({ type, key, reason, message, sign: changeSign({ type, reason } as Pick<PlanAction, 'type' | 'reason'>) }) as PlanItemWire;
const host = (name: string, actions: PlanItemWire[], profiles = ['demo'], changed = true): HostPlanWire => ({ host: name, desiredHash: 'h', changed, profiles, actions });
const start = item('StartProcess', 'process:web', 'MISSING', 'start process web: not running on the host');
const cron = item('SetCron', 'cron:tick', 'MISSING', 'schedule tick');
const revision = (over: Partial<RevisionWire> = {}): RevisionWire => ({ id: 7, createdBy: 'ci', createdAt: '2025-01-02T03:04:05.000Z', message: null, source: {}, rollbackOf: null, current: true, documents: [], ...over });
const result = (over: Partial<ApplyResultWire> = {}): ApplyResultWire => ({ applied: true, unchanged: false, revision: revision(), errors: [], hosts: [], ...over });

describe('formatApplyError', () => {
  it.each([
    ['the compiler form', { file: 'm/web.yaml', line: 3, column: 5, code: 'UNKNOWN_FIELD', message: 'unknown field "comand"' }, 'm/web.yaml:3:5: unknown field "comand" [UNKNOWN_FIELD]'],
    ['no position: the file alone', { file: 'm/web.yaml', line: 0, column: 0, code: 'FILE_TOO_LARGE', message: 'too large' }, 'm/web.yaml: too large [FILE_TOO_LARGE]'],
    ['a line without column points at column 1', { file: 'a.yaml', line: 2, column: 0, code: 'CONFLICT', message: 'x' }, 'a.yaml:2:1: x [CONFLICT]'],
  ])('%s', (_name, error, want) => {
    expect(formatApplyError(error)).toBe(want);
  });
});

describe('formatPlanItem', () => {
  it('sign, type, key, then reason and sentence in parentheses', () => {
    expect(formatPlanItem(start)).toBe('+ StartProcess process:web (MISSING: start process web: not running on the host)');
  });
});

describe('renderPlan', () => {
  const cases: { name: string; hosts: HostPlanWire[]; want: string }[] = [
    { name: 'no hosts', hosts: [], want: 'No host changes.\n' },
    { name: 'only unchanged hosts without actions', hosts: [host('a', [], ['demo'], false)], want: 'No host changes.\n' },
    {
      name: 'one host',
      hosts: [host('web-01', [start, cron])],
      want: ['web-01 · profile demo', '  + StartProcess process:web (MISSING: start process web: not running on the host)', '  + SetCron cron:tick (MISSING: schedule tick)', '', '1 host changes: 2 to add, 0 to change, 0 to remove', ''].join('\n'),
    },
    {
      name: 'hosts with the same plan fold into one block',
      hosts: [host('web-01', [start]), host('web-02', [start]), host('web-03', [start]), host('db', [item('StopProcess', 'process:old', 'NOT_DESIRED', 'stop old')], ['a', 'b'])],
      want: [
        'web-[01-03] (3 hosts) · profile demo',
        '  + StartProcess process:web (MISSING: start process web: not running on the host)',
        'db · profiles a, b',
        '  - StopProcess process:old (NOT_DESIRED: stop old)',
        '',
        '4 hosts change: 3 to add, 0 to change, 1 to remove',
        '',
      ].join('\n'),
    },
    {
      name: 'a host whose desired state changes with nothing to do',
      hosts: [host('idle', [], [])],
      want: ['idle · no profile', '  (desired state changes; nothing to do on the host)', '', '1 host changes: 0 to add, 0 to change, 0 to remove', ''].join('\n'),
    },
    {
      name: 'a host with drift but no desired change is shown',
      hosts: [host('h', [item('PutFile', 'file:/etc/x', 'CHECKSUM_MISMATCH', 'rewrite /etc/x')], ['demo'], false)],
      want: ['h · profile demo', '  ~ PutFile file:/etc/x (CHECKSUM_MISMATCH: rewrite /etc/x)', '', '1 host changes: 0 to add, 1 to change, 0 to remove', ''].join('\n'),
    },
  ];
  it.each(cases)('$name', ({ hosts, want }) => {
    expect(renderPlan(hosts)).toBe(want);
  });
});

describe('renderHostSummary', () => {
  it('one row per host group with counts and action keys', () => {
    expect(renderHostSummary([host('web-01', [start, cron]), host('web-02', [start, cron]), host('db', [item('StopProcess', 'process:old', 'NOT_DESIRED')])])).toBe(
      ['HOSTS            PROFILES  CHANGES   ACTIONS', 'web-[01-02] (2)  demo      +2 ~0 -0  +process:web +cron:tick', 'db               demo      +0 ~0 -1  -process:old', ''].join('\n'),
    );
  });
  it('clips a long action list', () => {
    const many = Array.from({ length: 20 }, (_, i) => item('PutFile', `file:/opt/app/file-${i}.conf`));
    const line = renderHostSummary([host('h', many)], true).split('\n')[1]!;
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(120);
    // Piped (or -o wide): every action is there.
    expect(renderHostSummary([host('h', many)], false)).toContain('+file:/opt/app/file-19.conf');
  });
});

describe('describeSource and appliedLine', () => {
  it.each([
    ['nothing', {}, ''],
    ['commit on a branch', { commit: '0123456789abcdef0123', branch: 'main', dirty: false }, 'commit 0123456789ab on main'],
    ['dirty with repository', { commit: '0123456789abcdef', dirty: true, repository: 'https://git.example.com/ops/fleet.git' }, 'commit 0123456789ab, dirty, https://git.example.com/ops/fleet.git'],
    ['branch without commit', { branch: 'trunk', dirty: true }, 'branch trunk, dirty'],
  ])('%s', (_name, source, want) => {
    expect(describeSource(source)).toBe(want);
  });

  it.each([
    ['a plain apply', revision(), 'Revision 7 applied.'],
    ['from git', revision({ source: { commit: 'abcdef1234567890', branch: 'main' } }), 'Revision 7 applied from commit abcdef123456 on main.'],
    ['a rollback', revision({ id: 9, rollbackOf: 5 }), 'Revision 9 applied (rollback to revision 5).'],
  ])('%s', (_name, r, want) => {
    expect(appliedLine(r)).toBe(want);
  });
});

describe('renderApplied', () => {
  it.each([
    ['unchanged names the current revision', result({ applied: false, unchanged: true }), 'unchanged (revision 7 is current): the documents equal the current revision.\n'],
    ['unchanged without a revision', result({ applied: false, unchanged: true, revision: null }), 'unchanged: the documents equal the current revision.\n'],
    ['applied, no host changes', result(), 'Revision 7 applied.\nNo host changes.\n'],
    ['applied with a host', result({ hosts: [host('a', [start])] }), 'Revision 7 applied.\nHOSTS  PROFILES  CHANGES   ACTIONS\na      demo      +1 ~0 -0  +process:web\n'],
  ])('%s', (_name, r, want) => {
    expect(renderApplied(r)).toBe(want);
  });
});
