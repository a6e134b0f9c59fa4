import { describe, expect, it } from 'vitest';
import { groupResults, JobResults, type JobProgressEvent } from '../../web/src/ui/jobs/job-results.js';

const host = (i: number) => `h-${String(i).padStart(5, '0')}`;
const target = (i: number, status = 'QUEUED') => ({ host: host(i), status });
const ev = (seq: number, i: number, status: string, data: Record<string, unknown> = {}): JobProgressEvent => ({ seq, type: 'TARGET', host: host(i), status, data });

describe('JobResults: the job page’s fold of jobProgressed', () => {
  it.each([
    { name: 'an event at or before the stored seq is a repeat', events: [ev(5, 0, 'RUNNING')], want: { status: 'QUEUED', changed: false } },
    { name: 'a newer event moves the target', events: [ev(6, 0, 'RUNNING')], want: { status: 'RUNNING', changed: true } },
    { name: 'a final status is never taken back', events: [ev(6, 0, 'SUCCEEDED', { exitCode: 0 }), ev(7, 0, 'RUNNING')], want: { status: 'SUCCEEDED', changed: false } },
    { name: 'a job event without a host changes no target', events: [{ seq: 6, type: 'JOB', status: 'PAUSED' }], want: { status: 'QUEUED', changed: true } },
  ])('$name', ({ events, want }) => {
    const r = new JobResults({ status: 'RUNNING', lastSeq: 5, targets: [target(0)] });
    const answers = events.map((e) => r.apply(e));
    expect({ status: r.target(host(0))?.status, changed: answers.at(-1) }).toEqual(want);
  });

  it('keeps output fields an event does not carry, and the job status from JOB events', () => {
    const r = new JobResults({ status: 'RUNNING', lastSeq: 0, targets: [{ host: host(0), status: 'RUNNING', stdout: 'partial', exitCode: null }] });
    r.apply(ev(1, 0, 'SUCCEEDED', { exitCode: 0, durationMs: 12 }));
    r.apply({ seq: 2, type: 'JOB', status: 'COMPLETED' });
    expect(r.target(host(0))).toEqual({ host: host(0), status: 'SUCCEEDED', exitCode: 0, stdout: 'partial', durationMs: 12, signal: undefined, stderr: undefined, error: undefined });
    expect(r.status).toBe('COMPLETED');
    expect(r.lastSeq).toBe(2);
  });

  it('10,000 targets through SENT, RUNNING and a result: counts right, untouched targets the same objects', () => {
    const N = 10_000;
    const r = new JobResults({ status: 'RUNNING', lastSeq: 0, targets: Array.from({ length: N }, (_, i) => target(i)) });
    const last = r.target(host(N - 1));
    let seq = 0;
    for (const status of ['SENT', 'RUNNING']) for (let i = 0; i < N - 1; i += 1) r.apply(ev(++seq, i, status));
    expect([r.count('RUNNING'), r.count('QUEUED'), r.done()]).toEqual([N - 1, 1, 0]);
    for (let i = 0; i < N - 1; i += 1) r.apply(ev(++seq, i, i % 10 === 0 ? 'FAILED' : 'SUCCEEDED', { exitCode: i % 10 === 0 ? 1 : 0, stdout: i % 10 === 0 ? 'boom\n' : 'ok\n' }));
    expect({ ok: r.count('SUCCEEDED'), failed: r.count('FAILED'), done: r.done(), total: r.total, lastSeq: r.lastSeq }).toEqual({ ok: N - 1 - 1000, failed: 1000, done: N - 1, total: N, lastSeq: 3 * (N - 1) });
    expect(r.target(host(N - 1))).toBe(last);
    // What the page shows from it: two groups of identical output, the queued target still pending.
    const { groups } = groupResults(r.results());
    expect(groups.map((g) => [g.status, g.hosts.length])).toEqual([['SUCCEEDED', N - 1 - 1000], ['FAILED', 1000]]);
  });
});
