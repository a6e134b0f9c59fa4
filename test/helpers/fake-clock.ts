/**
 * A fake clock for code that takes a `now()` and timers (the agent's ScheduleClock shape).
 * Like a real machine it has two clocks: timers run on a monotonic one, `now()` is the wall
 * clock, and `jumpTo` moves only the wall clock (an NTP step, a suspend seen from the wall).
 * Time moves only when the test says so; due timers fire in time order.
 */
export class FakeClock {
  private monoMs = 0;
  private skewMs: number;
  private sequence = 0;
  private readonly timers = new Map<number, { readonly at: number; readonly fn: () => void }>();

  constructor(start: number | string | Date) {
    this.skewMs = new Date(start).getTime();
  }

  now(): number {
    return this.monoMs + this.skewMs;
  }

  setTimer(fn: () => void, ms: number): unknown {
    this.sequence += 1;
    this.timers.set(this.sequence, { at: this.monoMs + Math.max(0, ms), fn });
    return this.sequence;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.size;
  }

  /**
   * Lets time pass until the wall clock reads `until`, firing each timer due on the way at its
   * own time (oldest first, timers set while firing included); after each firing awaits
   * `settle` (e.g. "the run it started has finished").
   */
  async advanceTo(until: number | string | Date, settle?: () => Promise<void>): Promise<void> {
    const untilMono = new Date(until).getTime() - this.skewMs;
    for (;;) {
      let nextId: number | undefined;
      let nextAt = Number.POSITIVE_INFINITY;
      for (const [id, t] of this.timers) {
        if (t.at <= untilMono && t.at < nextAt) {
          nextAt = t.at;
          nextId = id;
        }
      }
      if (nextId === undefined) break;
      const timer = this.timers.get(nextId)!;
      this.timers.delete(nextId);
      this.monoMs = Math.max(this.monoMs, timer.at);
      timer.fn();
      await settle?.();
    }
    this.monoMs = Math.max(this.monoMs, untilMono);
  }

  /** Lets `ms` pass. */
  async advanceBy(ms: number, settle?: () => Promise<void>): Promise<void> {
    await this.advanceTo(this.now() + ms, settle);
  }

  /** Sets the wall clock (forward or back) without any time passing for timers. */
  jumpTo(to: number | string | Date): void {
    this.skewMs = new Date(to).getTime() - this.monoMs;
  }
}
