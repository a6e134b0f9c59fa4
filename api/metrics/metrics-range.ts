/**
 * Which data answers a `hostMetrics` query. Pure: the clock comes in as `nowMs`.
 *
 *   range ≤ 6 h   → raw samples (step 0)
 *   range ≤ 14 d  → 5-minute rollups (step 300)
 *   longer        → 1-hour rollups (step 3600)
 *
 * unless the caller names a step: 0 or 60 (raw), 300 or 3600.
 */

/** 0 = raw samples at the agents' own interval; otherwise the rollup bucket in seconds. */
export type MetricsStep = 0 | 300 | 3600;

export const RAW_MAX_RANGE_MS = 6 * 3600_000;
export const FIVE_MINUTE_MAX_RANGE_MS = 14 * 86_400_000;
/** Range when `from` is not given. @default 1 hour before `to` */
export const DEFAULT_RANGE_MS = 3600_000;
/** Most points one answer carries; the newest are kept. */
export const MAX_POINTS = 5000;

const STEP_ALIASES: ReadonlyMap<number, MetricsStep> = new Map([
  [0, 0],
  [60, 0],
  [300, 300],
  [3600, 3600],
]);

export interface MetricsRangeRequest {
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly step?: number | null;
}

export interface MetricsRange {
  readonly fromMs: number;
  readonly toMs: number;
  readonly step: MetricsStep;
}

export type MetricsRangeResult = { readonly ok: true; readonly range: MetricsRange } | { readonly ok: false; readonly message: string };

/** Fills in defaults, checks the request and picks the step. */
export function resolveMetricsRange(req: MetricsRangeRequest, nowMs: number): MetricsRangeResult {
  const toMs = req.to ? req.to.getTime() : nowMs;
  const fromMs = req.from ? req.from.getTime() : toMs - DEFAULT_RANGE_MS;
  if (!(fromMs < toMs)) return { ok: false, message: `from (${new Date(fromMs).toISOString()}) must be before to (${new Date(toMs).toISOString()})` };
  if (req.step === undefined || req.step === null) return { ok: true, range: { fromMs, toMs, step: stepForRange(toMs - fromMs) } };
  const step = STEP_ALIASES.get(req.step);
  if (step === undefined) return { ok: false, message: `step must be 0 or 60 (raw samples), 300 or 3600 seconds; got ${req.step}` };
  return { ok: true, range: { fromMs, toMs, step } };
}

export function stepForRange(rangeMs: number): MetricsStep {
  if (rangeMs <= RAW_MAX_RANGE_MS) return 0;
  if (rangeMs <= FIVE_MINUTE_MAX_RANGE_MS) return 300;
  return 3600;
}
