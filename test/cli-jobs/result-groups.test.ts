import { describe, expect, it } from 'vitest';
import { foldHostNames } from '../../cli/jobs/host-ranges.js';
import { allSucceeded, countLine, formatElapsed, groupResults, jsonResults, renderGroups, summaryLine, type TargetResult } from '../../cli/jobs/result-groups.js';

const ok = (host: string, stdout = `${host}\n`): TargetResult => ({ host, status: 'SUCCEEDED', exitCode: 0, stdout, stderr: '', durationMs: 12, error: null });
const failed = (host: string, exitCode = 1, stderr = 'boom\n'): TargetResult => ({ host, status: 'FAILED', exitCode, stdout: '', stderr, durationMs: 30, error: null });
const unreachable = (host: string): TargetResult => ({ host, status: 'UNREACHABLE', exitCode: null, stdout: null, stderr: null, durationMs: null, error: 'not connected within 600s' });

describe('groupResults', () => {
  const cases: { name: string; targets: TargetResult[]; want: { hosts: string[]; status: string }[] }[] = [
    { name: 'identical outputs fold into one group', targets: [ok('b', 'same\n'), ok('a', 'same\n'), ok('c', 'same\n')], want: [{ hosts: ['a', 'b', 'c'], status: 'SUCCEEDED' }] },
    { name: 'different stdout splits', targets: [ok('a'), ok('b')], want: [{ hosts: ['a'], status: 'SUCCEEDED' }, { hosts: ['b'], status: 'SUCCEEDED' }] },
    { name: 'same output, different exit code splits', targets: [failed('a', 1), failed('b', 2)], want: [{ hosts: ['a'], status: 'FAILED' }, { hosts: ['b'], status: 'FAILED' }] },
    { name: 'same output, different stderr splits', targets: [failed('a', 1, 'x'), failed('b', 1, 'y')], want: [{ hosts: ['a'], status: 'FAILED' }, { hosts: ['b'], status: 'FAILED' }] },
    { name: 'null and empty output are the same', targets: [{ ...ok('a', ''), stdout: null }, ok('b', '')], want: [{ hosts: ['a', 'b'], status: 'SUCCEEDED' }] },
    { name: 'different errors split', targets: [unreachable('a'), { ...unreachable('b'), error: 'other' }], want: [{ hosts: ['a'], status: 'UNREACHABLE' }, { hosts: ['b'], status: 'UNREACHABLE' }] },
    {
      name: 'successes first, failures last, bigger groups first within a status',
      targets: [unreachable('z'), failed('f1'), ok('s1', 'x'), ok('s2', 'y'), ok('s3', 'y'), failed('f2')],
      want: [
        { hosts: ['s2', 's3'], status: 'SUCCEEDED' },
        { hosts: ['s1'], status: 'SUCCEEDED' },
        { hosts: ['f1', 'f2'], status: 'FAILED' },
        { hosts: ['z'], status: 'UNREACHABLE' },
      ],
    },
    { name: 'hosts sort naturally', targets: [ok('web-10', 'x'), ok('web-9', 'x'), ok('web-1', 'x')], want: [{ hosts: ['web-1', 'web-9', 'web-10'], status: 'SUCCEEDED' }] },
    { name: 'no targets, no groups', targets: [], want: [] },
  ];
  it.each(cases)('$name', ({ targets, want }) => {
    expect(groupResults(targets).map((g) => ({ hosts: g.hosts, status: g.status }))).toEqual(want);
  });

  it('keeps a truncated flag when any host in the group was truncated', () => {
    const [g] = groupResults([{ ...ok('a', 'y'), stdoutTruncated: true }, ok('b', 'y')]);
    expect(g!.stdoutTruncated).toBe(true);
  });
});

describe('renderGroups', () => {
  it('prints each group once with its hosts, facts and indented output', () => {
    const text = renderGroups(groupResults([ok('web-01', 'hello\n'), ok('web-02', 'hello\n'), ok('web-03', 'hello\n'), failed('db-1', 3, 'no such file\n'), unreachable('gone')]));
    expect(text).toBe(
      [
        'web-[01-03] (3 hosts): SUCCEEDED, exit 0',
        '    hello',
        '',
        'db-1: FAILED, exit 3',
        '  stderr:',
        '    no such file',
        '',
        'gone: UNREACHABLE, not connected within 600s',
        '',
      ].join('\n'),
    );
  });

  it('shows stdout and stderr, multi-line, with truncation marks and signals', () => {
    const text = renderGroups(groupResults([{ host: 'h', status: 'TIMED_OUT', exitCode: -1, signal: 'SIGKILL', stdout: 'a\nb\n', stderr: 'c', stdoutTruncated: true, stderrTruncated: false, durationMs: 1000, error: null }]));
    expect(text).toBe(['h: TIMED_OUT, exit -1, signal SIGKILL', '    a', '    b', '    [stdout truncated]', '  stderr:', '    c', ''].join('\n'));
  });

  it('prints nothing for no groups', () => {
    expect(renderGroups([])).toBe('');
  });
});

describe('foldHostNames', () => {
  const cases: { name: string; hosts: string[]; want: string }[] = [
    { name: 'a single host', hosts: ['web-01'], want: 'web-01' },
    { name: 'a padded run', hosts: ['web-03', 'web-01', 'web-02'], want: 'web-[01-03]' },
    { name: 'runs and gaps', hosts: ['web-01', 'web-02', 'web-03', 'web-07', 'web-09', 'web-10'], want: 'web-[01-03,07,09-10]' },
    { name: 'unpadded numbers across a width change', hosts: ['n8', 'n9', 'n10', 'n11'], want: 'n[8-11]' },
    { name: 'padded and unpadded do not join', hosts: ['n09', 'n010'], want: 'n[09,010]' },
    { name: 'a suffix after the number', hosts: ['web1.eu', 'web2.eu', 'web1.us'], want: 'web[1-2].eu, web1.us' },
    { name: 'names without digits stay, sorted', hosts: ['beta', 'alpha', 'node-2', 'node-1'], want: 'alpha, beta, node-[1-2]' },
    { name: 'duplicates once', hosts: ['a1', 'a1', 'a2'], want: 'a[1-2]' },
    { name: 'families sort naturally', hosts: ['web-10', 'db-1', 'web-2'], want: 'db-1, web-[2,10]' },
  ];
  it.each(cases)('$name', ({ hosts, want }) => {
    expect(foldHostNames(hosts)).toBe(want);
  });
});

describe('summary', () => {
  const cases: { name: string; statuses: TargetResult['status'][]; jobStatus: string; elapsedMs?: number; want: string }[] = [
    { name: 'all succeeded', statuses: ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'], jobStatus: 'COMPLETED', elapsedMs: 1234, want: '3 hosts: 3 succeeded · job 7 COMPLETED · 1.2s' },
    { name: 'mixed, in display order', statuses: ['FAILED', 'SUCCEEDED', 'TIMED_OUT', 'CANCELLED'], jobStatus: 'STOPPED', want: '4 hosts: 1 succeeded, 1 failed, 1 timed out, 1 cancelled · job 7 STOPPED (failures passed the budget, nothing more was dispatched)' },
    { name: 'one host', statuses: ['UNREACHABLE'], jobStatus: 'COMPLETED', elapsedMs: 650, want: '1 host: 1 unreachable · job 7 COMPLETED · 650ms' },
    { name: 'cancelled job', statuses: ['CANCELLED'], jobStatus: 'CANCELLED', want: '1 host: 1 cancelled · job 7 CANCELLED' },
  ];
  it.each(cases)('$name', ({ statuses, jobStatus, elapsedMs, want }) => {
    expect(summaryLine('7', jobStatus, statuses.map((status) => ({ status })), elapsedMs)).toBe(want);
  });

  it('counts no hosts', () => {
    expect(countLine([])).toBe('0 hosts');
  });

  const elapsed: { ms: number; precise: boolean; want: string }[] = [
    { ms: 999, precise: true, want: '999ms' },
    { ms: 7_240, precise: true, want: '7.2s' },
    { ms: 7_240, precise: false, want: '7s' },
    { ms: 65_000, precise: false, want: '1m05s' },
    { ms: 7_380_000, precise: true, want: '2h03m' },
  ];
  it.each(elapsed)('formats $ms ms (precise $precise) as $want', ({ ms, precise, want }) => {
    expect(formatElapsed(ms, precise)).toBe(want);
  });

  it('allSucceeded needs at least one host and every one SUCCEEDED', () => {
    expect(allSucceeded([])).toBe(false);
    expect(allSucceeded([{ status: 'SUCCEEDED' }])).toBe(true);
    expect(allSucceeded([{ status: 'SUCCEEDED' }, { status: 'CANCELLED' }])).toBe(false);
  });
});

describe('jsonResults (ioms exec -o json)', () => {
  it('is exactly {job, results}: the id a number, results sorted by host with six fields each', () => {
    const out = jsonResults('42', [
      { ...failed('web-2'), stdoutTruncated: true, signal: null },
      ok('web-10'),
      unreachable('db'),
    ]);
    expect(JSON.parse(JSON.stringify(out))).toEqual({
      job: 42,
      results: [
        { host: 'db', status: 'UNREACHABLE', exitCode: null, stdout: '', stderr: '', durationMs: null },
        { host: 'web-10', status: 'SUCCEEDED', exitCode: 0, stdout: 'web-10\n', stderr: '', durationMs: 12 },
        { host: 'web-2', status: 'FAILED', exitCode: 1, stdout: '', stderr: 'boom\n', durationMs: 30 },
      ],
    });
    expect(Object.keys(out)).toEqual(['job', 'results']);
    expect(Object.keys(out.results[0]!)).toEqual(['host', 'status', 'exitCode', 'stdout', 'stderr', 'durationMs']);
  });
});
