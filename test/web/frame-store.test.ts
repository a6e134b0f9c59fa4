import { describe, expect, it } from 'vitest';
import { RolloutFold, type RolloutRowLike } from '../../manifests/rollout-fold.js';
import { FrameStore } from '../../web/src/lib/frame-store.js';

/** Frames run by hand: what requestAnimationFrame would run next. */
function frames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => void queue.push(fn),
    pending: () => queue.length,
    run: () => queue.splice(0).forEach((fn) => fn()),
  };
}

const row = (i: number, status: string): RolloutRowLike => ({ host: `h-${String(i).padStart(5, '0')}`, online: true, status, revision: 2, convergedRevision: status === 'CONVERGED' ? 2 : 1, drift: [], error: null, updatedAt: '2025-01-02T03:04:05.000Z' });

describe('FrameStore: live events fold in at once, the panel hears once per frame', () => {
  it('10,000 rows in one frame: one notification, every row folded', () => {
    const f = frames();
    const store = new FrameStore(new RolloutFold({ revision: 2, hosts: Array.from({ length: 10_000 }, (_, i) => row(i, 'PENDING')) }), f.schedule);
    let heard = 0;
    store.subscribe(() => (heard += 1));
    const version = store.getVersion();
    for (let i = 0; i < 10_000; i += 1) store.update((fold) => fold.apply(row(i, 'CONVERGED')) !== 'stale');
    expect(f.pending()).toBe(1);
    expect(store.getVersion()).toBe(version);
    expect(store.fold.counts()).toMatchObject({ converged: 10_000, pending: 0 });
    f.run();
    expect(heard).toBe(1);
    expect(store.getVersion()).toBe(version + 1);
  });

  it('a change that changes nothing schedules no frame; the next change does', () => {
    const f = frames();
    const store = new FrameStore(new RolloutFold({ hosts: [row(1, 'PENDING')] }), f.schedule);
    store.update((fold) => fold.setOnline('nobody', false));
    expect(f.pending()).toBe(0);
    store.update((fold) => fold.setOnline(row(1, 'PENDING').host, false));
    expect(f.pending()).toBe(1);
  });

  it('a new snapshot is told at once, without waiting for a frame; unsubscribed listeners hear nothing', () => {
    const f = frames();
    const store = new FrameStore(new RolloutFold<RolloutRowLike>({ hosts: [] }), f.schedule);
    const heard: number[] = [];
    const stop = store.subscribe(() => heard.push(store.fold.size));
    store.replace(new RolloutFold({ hosts: [row(1, 'PENDING'), row(2, 'PENDING')] }));
    expect(heard).toEqual([2]);
    expect(f.pending()).toBe(0);
    stop();
    store.replace(new RolloutFold({ hosts: [] }));
    expect(heard).toEqual([2]);
  });
});
