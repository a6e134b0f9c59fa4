/**
 * Refusals (bad reports, messages over budget) are counted one by one but logged and audited
 * once per burst: the first refusal of a key (host + kind) opens a burst of `windowMs`; the rest
 * are only counted, and when the burst ends one summary says how many more there were. A flood
 * therefore costs a counter increment per message, not a log line and an INSERT.
 */
export interface RefusalSummary<T> {
  readonly key: string;
  /** Refusals after the first one in the burst. */
  readonly more: number;
  /** What the caller told about the burst's first refusal (who, why). */
  readonly first: T;
}

export class RefusalSampler<T> {
  private readonly bursts = new Map<string, { more: number; first: T; timer: NodeJS.Timeout }>();
  /** Every refusal by kind since start (exported as a metric). */
  readonly totals = new Map<string, number>();

  constructor(
    /** Called at the end of a burst in which more than one refusal happened. */
    private readonly onBurstEnd: (summary: RefusalSummary<T>) => void,
    private readonly windowMs = 10_000,
  ) {}

  /** Counts a refusal; true when it is the first of its burst and should be logged and audited. */
  note(key: string, kind: string, first: T): boolean {
    this.totals.set(kind, (this.totals.get(kind) ?? 0) + 1);
    const burst = this.bursts.get(key);
    if (burst) {
      burst.more++;
      return false;
    }
    const timer = setTimeout(() => {
      const b = this.bursts.get(key);
      this.bursts.delete(key);
      if (b && b.more > 0) this.onBurstEnd({ key, more: b.more, first: b.first });
    }, this.windowMs);
    timer.unref();
    this.bursts.set(key, { more: 0, first, timer });
    return true;
  }

  close(): void {
    for (const b of this.bursts.values()) clearTimeout(b.timer);
    this.bursts.clear();
  }
}
