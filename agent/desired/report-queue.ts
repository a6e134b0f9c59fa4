/**
 * Records waiting to reach the server (process restarts, cron runs). Bounded: while the server
 * is away the oldest are dropped first. `flush` sends in batches and keeps what failed.
 */
export class ReportQueue<T> {
  private items: T[] = [];
  private flushing = false;
  dropped = 0;

  constructor(private readonly max: number) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.max) {
      this.items.shift();
      this.dropped++;
    }
  }

  get size(): number {
    return this.items.length;
  }

  async flush(send: (batch: T[]) => Promise<unknown>, batchSize = 100): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.items.length > 0) {
        const batch = this.items.slice(0, batchSize);
        await send(batch);
        this.items = this.items.slice(batch.length);
      }
    } finally {
      this.flushing = false;
    }
  }
}
