import { describe, expect, it } from 'vitest';
import { ExecError } from '../../agent/exec/exec-error.js';
import { createLimiter } from '../../agent/exec/limiter.js';

/** A promise with its resolver, to finish tasks in a chosen order. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('never runs more than the limit and starts waiting tasks in arrival order', async () => {
    const limiter = createLimiter(2);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const all = gates.map((g, index) =>
      limiter.run(async () => {
        started.push(index);
        running += 1;
        peak = Math.max(peak, running);
        await g.promise;
        running -= 1;
        return index;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect({ active: limiter.active, waiting: limiter.waiting }).toEqual({ active: 2, waiting: 3 });
    gates[1]?.open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.open();
    gates[2]?.open();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    gates[3]?.open();
    gates[4]?.open();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect({ active: limiter.active, waiting: limiter.waiting }).toEqual({ active: 0, waiting: 0 });
  });

  it('a task that throws frees its slot', async () => {
    const limiter = createLimiter(1);
    const failing = limiter.run(async () => {
      throw new Error('boom');
    });
    const next = limiter.run(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('an abort while waiting removes the task; it never runs', async () => {
    const limiter = createLimiter(1);
    const g = gate();
    const first = limiter.run(() => g.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(async () => void (ran = true), { signal: controller.signal });
    const third = limiter.run(async () => 'third');
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'ABORTED' });
    expect(limiter.waiting).toBe(1);
    g.open();
    await first;
    await expect(third).resolves.toBe('third');
    expect(ran).toBe(false);
  });

  it('an already aborted signal rejects without taking a slot', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(async () => 1, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ExecError);
    expect(limiter.active).toBe(0);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects the limit %s', (limit) => {
    expect(() => createLimiter(limit)).toThrow(expect.objectContaining({ code: 'INVALID_LIMIT' }));
  });
});
