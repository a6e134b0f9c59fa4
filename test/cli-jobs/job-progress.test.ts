import { describe, expect, it } from 'vitest';
import { JobProgress } from '../../cli/jobs/job-progress.js';
import type { JobEventWire, JobStatus, TargetStatus } from '../../cli/jobs/job-wire.js';
import { createProgressBar, renderProgressLine } from '../../cli/jobs/progress-bar.js';

const start = (statuses: Record<string, TargetStatus>, status: JobStatus = 'RUNNING', lastSeq = 3): JobProgress =>
  new JobProgress({ id: '9', status, lastSeq, targets: Object.entries(statuses).map(([host, s]) => ({ host, status: s })) });
let seq = 3;
const target = (host: string, status: string, at = ++seq): JobEventWire => ({ seq: at, at: '2025-01-01T00:00:00Z', type: 'TARGET', host, status, data: {}, jobId: '9' });
const job = (status: string, at = ++seq): JobEventWire => ({ seq: at, at: '2025-01-01T00:00:00Z', type: 'JOB', host: null, status, data: {}, jobId: '9' });

describe('JobProgress.apply', () => {
  const cases: { name: string; from: JobProgress; events: JobEventWire[]; want: { targets?: Record<string, string>; jobStatus?: string; lastSeq: number } }[] = [
    { name: 'a target moves on', from: start({ a: 'QUEUED' }), events: [target('a', 'SENT', 4), target('a', 'RUNNING', 5)], want: { targets: { a: 'RUNNING' }, lastSeq: 5 } },
    { name: 'an event at or before lastSeq is dropped', from: start({ a: 'RUNNING' }), events: [target('a', 'FAILED', 3)], want: { targets: { a: 'RUNNING' }, lastSeq: 3 } },
    { name: 'a final status is never taken back', from: start({ a: 'SUCCEEDED' }), events: [target('a', 'RUNNING', 4)], want: { targets: { a: 'SUCCEEDED' }, lastSeq: 4 } },
    { name: 'the job status follows JOB events', from: start({ a: 'RUNNING' }), events: [job('PAUSED', 4), job('RUNNING', 5), job('STOPPED', 6)], want: { jobStatus: 'STOPPED', lastSeq: 6 } },
    { name: 'unknown statuses and types only advance the seq', from: start({ a: 'RUNNING' }), events: [target('a', 'EXPLODED', 4), { ...job('X', 5), type: 'OTHER' }, job('WEIRD', 6)], want: { targets: { a: 'RUNNING' }, jobStatus: 'RUNNING', lastSeq: 6 } },
    { name: 'a host first seen in an event is added', from: start({}), events: [target('late', 'QUEUED', 4)], want: { targets: { late: 'QUEUED' }, lastSeq: 4 } },
  ];
  it.each(cases)('$name', ({ from, events, want }) => {
    for (const e of events) from.apply(e);
    if (want.targets) for (const [host, status] of Object.entries(want.targets)) expect(from.target(host)).toBe(status);
    if (want.jobStatus) expect(from.jobStatus).toBe(want.jobStatus);
    expect(from.lastSeq).toBe(want.lastSeq);
  });

  it('keeps the counts right through every transition, for 10,000 targets', () => {
    const hosts = Array.from({ length: 10_000 }, (_, i) => `h${i}`);
    const p = start(Object.fromEntries(hosts.map((h) => [h, 'QUEUED' as const])), 'RUNNING', 0);
    let at = 0;
    for (const h of hosts) p.apply(target(h, 'SENT', ++at));
    expect(p.counts()).toEqual({ total: 10_000, done: 0, failed: 0, running: 10_000 });
    hosts.forEach((h, i) => p.apply(target(h, i % 10 === 0 ? 'TIMED_OUT' : 'SUCCEEDED', ++at)));
    // A late RUNNING for a finished target changes nothing.
    p.apply(target('h1', 'RUNNING', ++at));
    p.apply(job('COMPLETED', ++at));
    expect(p.counts()).toEqual({ total: 10_000, done: 10_000, failed: 1_000, running: 0 });
    expect(p.settled()).toBe(true);
  });
});

describe('JobProgress.settled and counts', () => {
  const cases: { name: string; progress: JobProgress; settled: boolean; counts: { total: number; done: number; failed: number; running: number } }[] = [
    { name: 'running job', progress: start({ a: 'SUCCEEDED', b: 'RUNNING' }), settled: false, counts: { total: 2, done: 1, failed: 0, running: 1 } },
    { name: 'completed, every target final', progress: start({ a: 'SUCCEEDED', b: 'TIMED_OUT', c: 'UNREACHABLE' }, 'COMPLETED'), settled: true, counts: { total: 3, done: 3, failed: 2, running: 0 } },
    { name: 'completed but a target not final yet (its event has not come)', progress: start({ a: 'SUCCEEDED', b: 'QUEUED' }, 'COMPLETED'), settled: false, counts: { total: 2, done: 1, failed: 0, running: 0 } },
    { name: 'stopped with a target still running', progress: start({ a: 'FAILED', b: 'RUNNING', c: 'QUEUED' }, 'STOPPED'), settled: false, counts: { total: 3, done: 1, failed: 1, running: 1 } },
    { name: 'stopped, nothing in flight, queued left undispatched', progress: start({ a: 'FAILED', b: 'FAILED', c: 'QUEUED' }, 'STOPPED'), settled: true, counts: { total: 3, done: 2, failed: 2, running: 0 } },
    { name: 'cancelled with a target sent', progress: start({ a: 'SENT', b: 'CANCELLED' }, 'CANCELLED'), settled: false, counts: { total: 2, done: 1, failed: 0, running: 1 } },
    { name: 'paused is never settled', progress: start({ a: 'SUCCEEDED', b: 'QUEUED' }, 'PAUSED'), settled: false, counts: { total: 2, done: 1, failed: 0, running: 0 } },
  ];
  it.each(cases)('$name', ({ progress, settled, counts }) => {
    expect(progress.settled()).toBe(settled);
    expect(progress.counts()).toEqual(counts);
  });
});

describe('renderProgressLine', () => {
  const cases: { name: string; view: Parameters<typeof renderProgressLine>[0]; width?: number; want: string }[] = [
    { name: 'half done, no failures', view: { done: 5, total: 10, failed: 0, elapsedMs: 7_400 }, want: `[${'#'.repeat(15)}${'.'.repeat(15)}]  5/10 done · 7s` },
    { name: 'with failures and a paused job', view: { done: 3, total: 12, failed: 2, elapsedMs: 65_000, jobStatus: 'PAUSED' }, want: `[${'#'.repeat(7)}${'.'.repeat(23)}]  3/12 done · 2 failed · paused · 1m05s` },
    { name: 'everything done', view: { done: 4, total: 4, failed: 0, elapsedMs: 0, jobStatus: 'RUNNING' }, want: `[${'#'.repeat(30)}]  4/4 done · 0s` },
    { name: 'a narrow terminal shrinks the bar', view: { done: 1, total: 2, failed: 0, elapsedMs: 0 }, width: 30, want: '[######......]  1/2 done · 0s' },
    { name: 'too narrow for a bar', view: { done: 1, total: 2, failed: 1, elapsedMs: 0 }, width: 20, want: '1/2 done · 1 failed' },
  ];
  it.each(cases)('$name', ({ view, width, want }) => {
    expect(renderProgressLine(view, width)).toBe(want);
  });
});

describe('createProgressBar', () => {
  it('redraws in place on change at most every interval, and erases itself', () => {
    let t = 1_000;
    const out: string[] = [];
    const bar = createProgressBar({ write: (s) => out.push(s), now: () => t, width: () => 60, minIntervalMs: 100 });
    bar.update({ done: 0, total: 2, failed: 0 });
    bar.update({ done: 0, total: 2, failed: 0 });
    t += 50;
    bar.update({ done: 1, total: 2, failed: 0 });
    t += 100;
    bar.update({ done: 1, total: 2, failed: 0 });
    bar.clear();
    bar.clear();
    expect(out).toHaveLength(3);
    // The line's text; the status-line writer (output.ts) adds the cursor control. '' erases.
    expect(out[0]).toBe(`[${'.'.repeat(30)}]  0/2 done · 0s`);
    expect(out[1]).toBe(`[${'#'.repeat(15)}${'.'.repeat(15)}]  1/2 done · 0s`);
    expect(out[2]).toBe('');
  });
});
