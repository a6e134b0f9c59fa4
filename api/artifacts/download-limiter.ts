/**
 * A counting semaphore that never queues: a download either gets a slot at once or is told to
 * come back later (503 + Retry-After). Queueing would only move the pile-up of a rollout to
 * thousands of hosts into the server's memory; agents retry with backoff instead.
 */
export class DownloadLimiter {
  private active = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`the download limit must be a whole number ≥ 1, got ${max}`);
  }

  /** A release function (idempotent) when a slot was free, else undefined. */
  tryAcquire(): (() => void) | undefined {
    if (this.active >= this.max) return undefined;
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
    };
  }

  get inUse(): number {
    return this.active;
  }
}
