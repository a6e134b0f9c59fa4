import { describe, expect, it } from 'vitest';
import { ApiError } from '../../cli/api-client.js';
import type { HostRolloutWire, RolloutStatusWire } from '../../cli/manifests/manifest-wire.js';
import type { RolloutView } from '../../cli/manifests/rollout-view.js';
import { rolloutRow } from '../helpers/rollout-rows.js';
import { RolloutStreamError, watchRollout, type RolloutSink, type WatchRolloutOptions } from '../../cli/manifests/watch-rollout.js';

const row = (host: string, status: string, at = 5, over: Partial<HostRolloutWire> = {}): HostRolloutWire =>
  rolloutRow(host, status, { updatedAt: `2025-01-02T03:04:${String(at).padStart(2, '0')}.000Z`, ...over });
const status = (hosts: HostRolloutWire[]): RolloutStatusWire => ({ revision: 7, converged: 0, drifted: 0, pending: 0, failed: 0, hosts });

/** A fake transport and clock: snapshots answered from a queue, timers run by hand. */
function harness(snapshots: (RolloutStatusWire | Error)[], over: Partial<WatchRolloutOptions> = {}) {
  const sinks: RolloutSink[] = [];
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const views: { view: RolloutView; changed: string[] }[] = [];
  let fetches = 0;
  let unsubscribed = 0;
  let answerSnapshot: () => void = () => undefined;
  const watcher = watchRollout({
    fetchStatus: () => {
      fetches += 1;
      const next = snapshots.shift() ?? status([]);
      return new Promise((resolve, reject) => {
        answerSnapshot = () => (next instanceof Error ? reject(next) : resolve(next));
      });
    },
    subscribe: (sink) => {
      sinks.push(sink);
      return () => (unsubscribed += 1);
    },
    onView: (view, changed) => views.push({ view, changed: changed.map((r) => `${r.host}:${r.status}`) }),
    backoffMs: () => 100,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cancelled: false };
      timers.push(t);
      return () => (t.cancelled = true);
    },
    ...over,
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return {
    watcher,
    views,
    sink: () => sinks.at(-1)!,
    subscriptions: () => sinks.length,
    fetches: () => fetches,
    unsubscribed: () => unsubscribed,
    snapshot: async () => {
      answerSnapshot();
      await flush();
    },
    runTimers: async (ms?: number) => {
      for (const t of timers.splice(0)) if (!t.cancelled && (ms === undefined || t.ms === ms)) t.fn();
      await flush();
    },
    pendingTimers: () => timers.filter((t) => !t.cancelled).map((t) => t.ms),
  };
}

describe('watchRollout', () => {
  it('subscribes before reading the snapshot; rows that arrive meanwhile are applied after it', async () => {
    const h = harness([status([row('a', 'PENDING', 1), row('b', 'PENDING', 1)])]);
    expect(h.subscriptions()).toBe(1);
    h.sink().next(row('a', 'CONVERGED', 2));
    await h.snapshot();
    expect(h.views.map((v) => v.changed)).toEqual([['a:PENDING', 'b:PENDING'], ['a:CONVERGED']]);
    h.watcher.stop();
    expect(await h.watcher.done).toBe('stopped');
  });

  it('ignores a row older than the one shown and a row that changes nothing', async () => {
    const h = harness([status([row('a', 'CONVERGED', 5)])]);
    await h.snapshot();
    h.sink().next(row('a', 'PENDING', 4));
    h.sink().next(row('a', 'CONVERGED', 6));
    expect(h.views).toHaveLength(1);
    h.watcher.stop();
  });

  it('without a selector a new host is added; with one it triggers a coalesced snapshot instead', async () => {
    const plain = harness([status([row('a', 'CONVERGED')])]);
    await plain.snapshot();
    plain.sink().next(row('z', 'PENDING', 6));
    expect(plain.views.at(-1)!.view.hosts.map((x) => x.host)).toEqual(['a', 'z']);
    plain.watcher.stop();

    const selected = harness([status([row('a', 'CONVERGED')]), status([row('a', 'CONVERGED'), row('m', 'PENDING', 7)])], { selector: 'role=web', resyncDelayMs: 500 });
    await selected.snapshot();
    selected.sink().next(row('m', 'PENDING', 6));
    selected.sink().next(row('n', 'PENDING', 6));
    expect(selected.views).toHaveLength(1);
    expect(selected.pendingTimers()).toEqual([500]);
    await selected.runTimers(500);
    expect(selected.fetches()).toBe(2);
    await selected.snapshot();
    expect(selected.views.at(-1)!.changed).toEqual(['m:PENDING']);
    selected.watcher.stop();
  });

  it('--until-converged resolves on the first converged view, also when already converged', async () => {
    const already = harness([status([row('a', 'CONVERGED')])], { untilConverged: true });
    await already.snapshot();
    expect(await already.watcher.done).toBe('converged');
    expect(already.unsubscribed()).toBe(1);

    const later = harness([status([row('a', 'PENDING'), row('b', 'CONVERGED'), row('c', 'FAILED', 5, { online: false })])], { untilConverged: true });
    await later.snapshot();
    later.sink().next(row('a', 'DRIFTED', 6));
    later.sink().next(row('a', 'CONVERGED', 7));
    expect(await later.watcher.done).toBe('converged');
  });

  it('times out', async () => {
    const h = harness([status([row('a', 'PENDING')])], { untilConverged: true, timeoutMs: 60_000 });
    await h.snapshot();
    await h.runTimers(60_000);
    expect(await h.watcher.done).toBe('timeout');
  });

  it('a dropped stream is resubscribed after a backoff and the snapshot read again (level, not edge)', async () => {
    const retries: number[] = [];
    const h = harness([status([row('a', 'PENDING')]), status([row('a', 'CONVERGED', 9)])], { onRetry: (n) => retries.push(n) });
    await h.snapshot();
    h.sink().error(new Error('socket hang up'));
    h.sink().next(row('a', 'FAILED', 8)); // from the dead subscription: ignored
    expect(h.unsubscribed()).toBe(1);
    expect(retries).toEqual([1]);
    await h.runTimers(100);
    expect(h.subscriptions()).toBe(2);
    await h.snapshot();
    expect(h.views.map((v) => v.changed)).toEqual([['a:PENDING'], ['a:CONVERGED']]);
    h.watcher.stop();
  });

  it('a server that ends the stream counts as a drop', async () => {
    const h = harness([status([])]);
    await h.snapshot();
    h.sink().complete();
    expect(h.pendingTimers()).toEqual([100]);
    h.watcher.stop();
  });

  const refusals: { name: string; fail: (h: ReturnType<typeof harness>) => Promise<void> }[] = [
    { name: 'GraphQL errors on the stream', fail: async (h) => h.sink().error([{ message: 'not allowed' }]) },
    { name: 'a fatal close code', fail: async (h) => h.sink().error({ code: 4403, reason: 'Forbidden' }) },
    {
      name: 'an API error reading the snapshot',
      fail: async (h) => {
        h.sink().error(new Error('drop'));
        await h.runTimers(100);
        await h.snapshot();
      },
    },
  ];
  it.each(refusals)('refuses at once on $name', async ({ fail }) => {
    const h = harness([status([]), new ApiError('Forbidden', 'FORBIDDEN')]);
    const outcome = h.watcher.done.catch((e: unknown) => e);
    await h.snapshot();
    await fail(h);
    expect(await outcome).toMatchObject({ code: 'STREAM_REFUSED' });
  });

  it('gives up after maxAttempts failures in a row', async () => {
    const h = harness([status([])], { maxAttempts: 2 });
    const outcome = h.watcher.done.catch((e: unknown) => e);
    await h.snapshot();
    for (let i = 0; i < 3; i += 1) {
      h.sink().error(new Error('ECONNREFUSED'));
      await h.runTimers(100);
    }
    const err = await outcome;
    expect(err).toBeInstanceOf(RolloutStreamError);
    expect(err).toMatchObject({ code: 'STREAM_LOST', message: 'lost the rollout stream after 2 attempts: ECONNREFUSED' });
  });
});
