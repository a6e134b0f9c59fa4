export type ScheduleFrame = (fn: () => void) => void;

/** requestAnimationFrame where there is one (a browser); a 16 ms timer elsewhere. */
const nextFrame: ScheduleFrame = (fn) => {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  if (raf) raf(() => fn());
  else setTimeout(fn, 16);
};

/**
 * A mutable fold behind a live panel. A live event changes the fold in place (O(1) for the folds
 * here: manifests/rollout-fold.ts, ui/jobs/job-results.ts) and the panel renders once per
 * animation frame however many events came in it, so 10,000 results streaming in cost O(events)
 * plus one render per frame — not a copy of the whole collection per event. A hidden tab gets no
 * frames: events keep folding and the panel renders once when it is seen again.
 *
 * Read through `useFrameStore` (use-frame-store.ts); the fold is read during render, so a render
 * shows every event applied so far. No React here, so tests run it as it is.
 */
export class FrameStore<F> {
  private value: F;
  private version = 0;
  private scheduled = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    fold: F,
    private readonly schedule: ScheduleFrame = nextFrame,
  ) {
    this.value = fold;
  }

  get fold(): F {
    return this.value;
  }

  /** Applies `change` to the fold now; a `false` answer means nothing changed (no render). */
  update(change: (fold: F) => boolean | void): void {
    if (change(this.value) !== false) this.changed();
  }

  /**
   * A new fold (a fresh snapshot), told to subscribers at once: called from a layout effect, the
   * panel shows it before the browser paints, never a frame of the old fold (or of none).
   */
  replace(fold: F): void {
    this.value = fold;
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Moves once per frame with changes: what React compares. */
  readonly getVersion = (): number => this.version;

  private changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.version += 1;
      for (const listener of this.listeners) listener();
    });
  }
}
