import { describe, expect, it } from 'vitest';
import { followJobEvents, isRetryableStreamError, JobStreamError, type JobEventSink } from '../../cli/jobs/job-event-stream.js';
import type { JobEventWire } from '../../cli/jobs/job-wire.js';
import { watchJob } from '../../cli/jobs/watch-job.js';

const event = (seq: number, status = 'RUNNING', host: string | null = 'a'): JobEventWire => ({ seq, at: '2025-01-01T00:00:00Z', type: host ? 'TARGET' : 'JOB', host, status, data: {}, jobId: '1' });

/** A fake transport: records each subscription's afterSeq and lets the test drive its sink. */
function fakeTransport() {
  const subs: { afterSeq: number; sink: JobEventSink; closed: boolean }[] = [];
  return {
    subs,
    subscribe: (afterSeq: number, sink: JobEventSink) => {
      const sub = { afterSeq, sink, closed: false };
      subs.push(sub);
      return () => void (sub.closed = true);
    },
    last: () => subs.at(-1)!,
  };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('followJobEvents', () => {
  it('resubscribes after a drop with the last seq and delivers each event once, in order', async () => {
    const t = fakeTransport();
    const seen: number[] = [];
    const retries: number[] = [];
    const f = followJobEvents({ afterSeq: 2, subscribe: t.subscribe, onEvent: (e) => (seen.push(e.seq), e.seq === 6), sleep: async () => undefined, onRetry: (n) => retries.push(n) });
    t.last().sink.next(event(3));
    t.last().sink.next(event(4));
    t.last().sink.error({ code: 1006, reason: 'abnormal' });
    await tick();
    t.last().sink.next(event(4)); // replayed by an overlapping server: dropped
    t.last().sink.next(event(5));
    t.last().sink.complete(); // the server ended the stream early: resumed too
    await tick();
    t.last().sink.next(event(6));
    await f.done;
    expect(seen).toEqual([3, 4, 5, 6]);
    expect(t.subs.map((s) => s.afterSeq)).toEqual([2, 4, 5]);
    expect(t.subs.every((s) => s.closed)).toBe(true);
    expect(retries).toEqual([1, 1]);
    expect(f.lastSeq()).toBe(6);
  });

  it('does not retry a refusal (GraphQL errors, 4403)', async () => {
    for (const err of [[{ message: 'job 1 not found' }], { code: 4403, reason: 'Forbidden' }]) {
      const t = fakeTransport();
      const f = followJobEvents({ afterSeq: 0, subscribe: t.subscribe, onEvent: () => false, sleep: async () => undefined });
      t.last().sink.error(err);
      await expect(f.done).rejects.toMatchObject({ code: 'STREAM_REFUSED' });
      expect(t.subs).toHaveLength(1);
    }
  });

  it('gives up after maxAttempts consecutive failures, and says so', async () => {
    const t = fakeTransport();
    const f = followJobEvents({ afterSeq: 0, subscribe: t.subscribe, onEvent: () => false, maxAttempts: 3, sleep: async () => undefined, now: () => 0 });
    const outcome = f.done.catch((e: unknown) => e);
    for (let i = 0; i < 4; i += 1) {
      t.last().sink.error(new Error('connect ECONNREFUSED 127.0.0.1:1'));
      await tick();
    }
    const err = await outcome;
    expect(err).toBeInstanceOf(JobStreamError);
    expect(err).toMatchObject({ code: 'STREAM_LOST', exitCode: 1 });
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect(t.subs).toHaveLength(4);
  });

  it('an event, or a connection that lived long enough, resets the attempt count', async () => {
    const t = fakeTransport();
    let now = 0;
    const retries: number[] = [];
    const f = followJobEvents({ afterSeq: 0, subscribe: t.subscribe, onEvent: () => false, maxAttempts: 2, healthyAfterMs: 30_000, sleep: async () => undefined, now: () => now, onRetry: (n) => retries.push(n) });
    t.last().sink.error(new Error('drop'));
    await tick();
    t.last().sink.error(new Error('drop'));
    await tick();
    t.last().sink.next(event(1));
    t.last().sink.error(new Error('drop'));
    await tick();
    now += 60_000; // a quiet but healthy hour-long command
    t.last().sink.error(new Error('drop'));
    await tick();
    f.stop();
    await f.done;
    expect(retries).toEqual([1, 2, 1, 1]);
  });

  it('stop() ends it and unsubscribes', async () => {
    const t = fakeTransport();
    const f = followJobEvents({ afterSeq: 0, subscribe: t.subscribe, onEvent: () => false });
    f.stop();
    await f.done;
    expect(t.last().closed).toBe(true);
  });

  it('copes with a transport that calls the sink synchronously', async () => {
    const f = followJobEvents({
      afterSeq: 0,
      subscribe: (_after, sink) => {
        sink.next(event(1, 'SUCCEEDED'));
        return () => undefined;
      },
      onEvent: () => true,
    });
    await f.done;
    expect(f.lastSeq()).toBe(1);
  });

  const retryable: { name: string; err: unknown; want: boolean }[] = [
    { name: 'GraphQL errors', err: [{ message: 'x' }], want: false },
    { name: '4403 Forbidden', err: { code: 4403 }, want: false },
    { name: '4500 Internal', err: { code: 4500 }, want: false },
    { name: '1006 abnormal closure', err: { code: 1006 }, want: true },
    { name: '4408 pong timeout', err: { code: 4408 }, want: true },
    { name: 'a network error', err: new Error('ECONNRESET'), want: true },
  ];
  it.each(retryable)('$name retryable: $want', ({ err, want }) => {
    expect(isRetryableStreamError(err)).toBe(want);
  });
});

describe('watchJob', () => {
  const submitted = { id: '1', kind: 'SHELL' as const, command: 'x', status: 'RUNNING' as const, selector: null, hosts: ['a', 'b'], batchSize: 2, maxFailures: null, timeoutSeconds: 60, queueForSeconds: 600, createdBy: 'admin', createdAt: '', finishedAt: null, lastSeq: 2, counts: { total: 2, queued: 0, sent: 2, running: 0, succeeded: 0, failed: 0, timedOut: 0, unreachable: 0, cancelled: 0, done: 0 } };

  it('follows from the submitted lastSeq until settled, then reads the job', async () => {
    const t = fakeTransport();
    const fetched: string[] = [];
    const progress: number[] = [];
    const done = watchJob({
      job: { ...submitted, targets: [{ host: 'a', status: 'SENT' }, { host: 'b', status: 'SENT' }] },
      subscribe: t.subscribe,
      fetchJob: async (id) => (fetched.push(id), { ...submitted, status: 'COMPLETED', targets: [] }),
      onProgress: (p) => progress.push(p.lastSeq),
    });
    expect(t.last().afterSeq).toBe(2);
    t.last().sink.next(event(3, 'SUCCEEDED', 'a'));
    t.last().sink.next(event(4, 'COMPLETED', null));
    expect(fetched).toEqual([]);
    t.last().sink.next(event(5, 'FAILED', 'b'));
    await done;
    expect(fetched).toEqual(['1']);
    expect(progress).toEqual([2, 3, 4, 5]);
  });

  it('does not subscribe to a job that is already settled', async () => {
    const t = fakeTransport();
    await watchJob({ job: { ...submitted, status: 'COMPLETED', targets: [{ host: 'a', status: 'SUCCEEDED' }] }, subscribe: t.subscribe, fetchJob: async () => ({ ...submitted, targets: [] }) });
    expect(t.subs).toHaveLength(0);
  });

  it('an abort stops following and still returns the job as it is', async () => {
    const t = fakeTransport();
    const abort = new AbortController();
    const done = watchJob({ job: { ...submitted, targets: [{ host: 'a', status: 'RUNNING' }] }, subscribe: t.subscribe, fetchJob: async () => ({ ...submitted, targets: [] }), signal: abort.signal });
    abort.abort();
    await expect(done).resolves.toMatchObject({ id: '1' });
    expect(t.last().closed).toBe(true);
  });
});
