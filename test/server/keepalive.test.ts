import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { KeepaliveWheel } from '../../api/server/keepalive.js';

/** A socket that answers pings (or not), counting what the wheel did to it. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  pings = 0;
  terminated = false;
  constructor(public answers: boolean) {
    super();
  }
  ping(): void {
    this.pings++;
    if (this.answers) queueMicrotask(() => this.emit('pong'));
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
}

const settle = () => new Promise<void>((r) => setImmediate(r));

/** Runs `periods` whole intervals (each `slots` ticks), letting pongs arrive between ticks. */
async function run(wheel: KeepaliveWheel<FakeSocket>, slots: number, periods: number): Promise<void> {
  for (let i = 0; i < slots * periods; i++) {
    wheel.tick();
    await settle();
  }
}

describe('KeepaliveWheel', () => {
  const cases = [
    { name: 'a socket that only answers pings stays, pinged every third interval', answers: true, periods: 6, terminated: false, pings: 2 },
    { name: 'a silent socket is pinged once and terminated at the visit after', answers: false, periods: 4, terminated: true, pings: 1 },
    { name: 'a silent socket is not terminated before its fourth visit', answers: false, periods: 3, terminated: false, pings: 1 },
    { name: 'a socket just added is not pinged at its first two visits (it was heard: it connected)', answers: false, periods: 2, terminated: false, pings: 0 },
    { name: 'one quiet visit allowed: pinged at the second visit, terminated at the third', answers: false, periods: 3, terminated: true, pings: 1, quietVisits: 1 },
    { name: 'one quiet visit allowed: a socket that answers is pinged every other interval', answers: true, periods: 6, terminated: false, pings: 3, quietVisits: 1 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const slots = 4;
      const wheel = new KeepaliveWheel<FakeSocket>({ intervalMs: 1000, slots, quietVisits: c.quietVisits });
      const sockets = Array.from({ length: 10 }, () => new FakeSocket(c.answers));
      for (const s of sockets) wheel.add(s);
      await run(wheel, slots, c.periods);
      for (const s of sockets) {
        expect(s.terminated).toBe(c.terminated);
        expect(s.pings).toBe(c.pings);
      }
      expect(wheel.size).toBe(c.terminated ? 0 : sockets.length);
    });
  }

  it('a socket that sends messages is never pinged, even if it would not answer one', async () => {
    const slots = 3;
    const wheel = new KeepaliveWheel<FakeSocket>({ intervalMs: 1000, slots });
    const talker = new FakeSocket(false);
    wheel.add(talker);
    for (let period = 0; period < 10; period++) {
      wheel.heard(talker);
      await run(wheel, slots, 1);
    }
    expect(talker.pings).toBe(0);
    expect(talker.terminated).toBe(false);
  });

  it('a socket heard every other interval (an agent heartbeating every 15 s, visits every 10 s) is never pinged', async () => {
    const slots = 2;
    const wheel = new KeepaliveWheel<FakeSocket>({ intervalMs: 1000, slots });
    const agent = new FakeSocket(false);
    wheel.add(agent);
    for (let period = 0; period < 10; period++) {
      if (period % 2 === 0) wheel.heard(agent);
      await run(wheel, slots, 1);
    }
    expect([agent.pings, agent.terminated]).toEqual([0, false]);
  });

  it('a socket that goes silent is terminated within four intervals of the last thing heard, the others untouched', async () => {
    const slots = 3;
    const wheel = new KeepaliveWheel<FakeSocket>({ intervalMs: 1000, slots });
    const sockets = Array.from({ length: 9 }, () => new FakeSocket(true));
    for (const s of sockets) wheel.add(s);
    await run(wheel, slots, 2);
    sockets[4]!.answers = false;
    // Heard just now: a visit finds it heard, two find it quiet (the second pings it), the fourth terminates it.
    wheel.heard(sockets[4]!);
    await run(wheel, slots, 3);
    expect(sockets[4]!.terminated).toBe(false);
    await run(wheel, slots, 1);
    expect(sockets.map((s) => s.terminated)).toEqual(sockets.map((_, i) => i === 4));
  });

  it('removed sockets are neither pinged nor terminated, and lose the pong listener', async () => {
    const wheel = new KeepaliveWheel<FakeSocket>({ intervalMs: 1000, slots: 2 });
    const s = new FakeSocket(false);
    wheel.add(s);
    expect(s.listenerCount('pong')).toBe(1);
    wheel.remove(s);
    expect(s.listenerCount('pong')).toBe(0);
    await run(wheel, 2, 3);
    expect(s.pings).toBe(0);
    expect(s.terminated).toBe(false);
  });

  it('sockets not open (closing) are left to their close', async () => {
    const wheel = new KeepaliveWheel<FakeSocket>({ intervalMs: 1000, slots: 1 });
    const s = new FakeSocket(false);
    wheel.add(s);
    s.readyState = 2;
    await run(wheel, 1, 3);
    expect(s.pings).toBe(0);
    expect(s.terminated).toBe(false);
  });

  it('shares one pong listener function across sockets', () => {
    const wheel = new KeepaliveWheel<FakeSocket>();
    const a = new FakeSocket(true);
    const b = new FakeSocket(true);
    wheel.add(a);
    wheel.add(b);
    expect(a.listeners('pong')[0]).toBe(b.listeners('pong')[0]);
  });
});
