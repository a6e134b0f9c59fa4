/**
 * A FIFO that holds at most `capacity` items: pushing onto a full queue drops the oldest item.
 * Push and take are amortized O(1); the backing array is compacted once half of it is spent.
 */
export class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;
  private droppedCount = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a whole number ≥ 1, got ${capacity}`);
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** Items dropped because the queue was full, since it was made. */
  get dropped(): number {
    return this.droppedCount;
  }

  push(item: T): void {
    this.items.push(item);
    this.trim();
  }

  /** Removes and returns up to `max` items from the front (oldest first). */
  take(max: number): T[] {
    const out = this.items.slice(this.head, this.head + max);
    this.head += out.length;
    this.compact();
    return out;
  }

  /**
   * Puts items taken earlier back at the front (after a failed write), in their order. If the
   * queue filled up meanwhile, the oldest items (these first) are dropped.
   */
  unshift(items: readonly T[]): void {
    if (items.length === 0) return;
    this.items = [...items, ...this.items.slice(this.head)];
    this.head = 0;
    this.trim();
  }

  private trim(): void {
    const excess = this.size - this.capacity;
    if (excess <= 0) return;
    this.head += excess;
    this.droppedCount += excess;
    this.compact();
  }

  private compact(): void {
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
