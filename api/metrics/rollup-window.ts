/**
 * Bucket arithmetic for rollups. Pure: every clock reading comes in as an argument.
 *
 * A bucket of step S starts at a multiple of S (epoch ms) and covers [start, start + S). It is
 * complete once `now ≥ start + S + grace`: samples are stamped by the agent when measured and
 * reach the table a little later, so a bucket is not rolled up the instant it ends.
 */

/** Rollup steps in seconds, finest first; the 1-hour step is built from the 5-minute rows. */
export const ROLLUP_STEPS = [300, 3600] as const;
export type RollupStep = (typeof ROLLUP_STEPS)[number];

/** Start of the bucket of step `stepMs` holding `atMs` (the SQL twin is `at - at % step`). */
export function bucketStart(atMs: number, stepMs: number): number {
  return atMs - (((atMs % stepMs) + stepMs) % stepMs);
}

export interface RollupWindowInput {
  readonly stepMs: number;
  readonly nowMs: number;
  /** How long after a bucket ends it is considered complete. */
  readonly graceMs: number;
  /** Completed buckets this recent are recomputed every run, to take in late samples. */
  readonly lookbackMs: number;
  /** Most buckets one run may cover (catching up after downtime happens over several runs). */
  readonly maxBuckets: number;
  /** Start of the newest bucket already rolled up at this step; null when there is none. */
  readonly lastRolledMs: number | null;
  /** Earliest source time at or after `resumeFrom(lastRolledMs)`; null when there is none. */
  readonly nextSourceMs: number | null;
}

/** Where the search for not-yet-rolled source rows starts. */
export function resumeFrom(lastRolledMs: number | null, stepMs: number): number {
  return lastRolledMs === null ? 0 : lastRolledMs + stepMs;
}

/**
 * The buckets `[fromMs, toMs)` one run should (re)compute, or undefined for none.
 *
 * Normally that is the last `lookbackMs` of completed buckets. After downtime (source rows
 * newer than the last rollup but older than the lookback) it starts at the first such row,
 * skipping empty stretches, and covers at most `maxBuckets`; the next run continues.
 */
export function planRollupWindow(i: RollupWindowInput): { fromMs: number; toMs: number } | undefined {
  const completedEnd = bucketStart(i.nowMs - i.graceMs, i.stepMs);
  const lookbackFrom = bucketStart(completedEnd - i.lookbackMs, i.stepMs);
  const catchUpFrom = i.nextSourceMs === null ? completedEnd : bucketStart(i.nextSourceMs, i.stepMs);
  const fromMs = Math.min(catchUpFrom, lookbackFrom);
  const toMs = Math.min(completedEnd, fromMs + i.maxBuckets * i.stepMs);
  return fromMs < toMs ? { fromMs, toMs } : undefined;
}
