/**
 * Groups calls arriving close together into one batch, the shape of every hot path that writes
 * per agent (a connect, a disconnect, a credential check): `submit` queues one item and resolves
 * with its own answer once the batch it joined has run.
 *
 *   submit ──▶ queue ──(lingerMs, or maxBatch items)──▶ run(items) ──▶ each caller's answer
 *
 * One batch runs at a time, so what arrives during a slow one forms the next (a storm of N
 * calls costs about N / maxBatch runs, not N). Items keep their order; a batch that throws
 * rejects every caller in it.
 */
export interface CoalescerOptions {
  /** How long an item may wait for others. @default 5 ms */
  readonly lingerMs?: number;
  /** Items per run; more wait for the next one. @default 500 */
  readonly maxBatch?: number;
}

interface Waiting<T, R> {
  readonly item: T;
  resolve(result: R): void;
  reject(err: unknown): void;
}

export class Coalescer<T, R> {
  private queue: Waiting<T, R>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly lingerMs: number;
  private readonly maxBatch: number;

  /** `run` answers each item, in the order given (`answers[i]` for `items[i]`). */
  constructor(
    private readonly run: (items: readonly T[]) => Promise<readonly R[]>,
    opts: CoalescerOptions = {},
  ) {
    this.lingerMs = opts.lingerMs ?? 5;
    this.maxBatch = opts.maxBatch ?? 500;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting or running. */
  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once everything submitted before this call has run. */
  async settled(): Promise<void> {
    while (this.running || this.timer || this.queue.length) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, this.lingerMs));
    }
  }

  private schedule(): void {
    if (this.running || this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.running = this.runOnce().finally(() => {
          this.running = undefined;
          if (this.queue.length) this.schedule();
        });
      },
      this.queue.length >= this.maxBatch ? 0 : this.lingerMs,
    );
  }

  private async runOnce(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const answers = await this.run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(answers[i]!));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}
