/**
 * What the CLI knows about a running job, folded from the job as submitted and its progress
 * events. Pure: `applyJobEvent` returns a new state.
 *
 *   job RUNNING ⇄ PAUSED ──▶ COMPLETED | STOPPED | CANCELLED   (final: nothing more dispatched)
 *   target QUEUED → SENT → RUNNING → SUCCEEDED | FAILED | TIMED_OUT | UNREACHABLE | CANCELLED
 *
 * Watching ends when the job is final and no target is still in flight: a STOPPED or
 * CANCELLED job may still see RUNNING targets finish, and may leave QUEUED ones undispatched.
 */
import {
  FINAL_JOB_STATUSES,
  FINAL_TARGET_STATUSES,
  IN_FLIGHT_TARGET_STATUSES,
  JOB_STATUSES,
  TARGET_STATUSES,
  type JobEventWire,
  type JobStatus,
  type TargetStatus,
} from './job-wire.js';

export interface JobProgress {
  readonly jobId: string;
  readonly jobStatus: JobStatus;
  /** Every target host with its latest known status. */
  readonly targets: ReadonlyMap<string, TargetStatus>;
  /** The latest event applied; resume the subscription after it. */
  readonly lastSeq: number;
}

export interface ProgressCounts {
  readonly total: number;
  readonly done: number;
  /** FAILED, TIMED_OUT and UNREACHABLE targets. */
  readonly failed: number;
  readonly running: number;
}

export function initialProgress(job: { id: string; status: JobStatus; lastSeq: number; targets: readonly { host: string; status: TargetStatus }[] }): JobProgress {
  return { jobId: job.id, jobStatus: job.status, targets: new Map(job.targets.map((t) => [t.host, t.status])), lastSeq: job.lastSeq };
}

const isFinalTarget = (s: TargetStatus) => FINAL_TARGET_STATUSES.includes(s);

/**
 * Applies one event. Events at or before `lastSeq` are ignored (a resumed stream may repeat
 * one); a final target status is never taken back; unknown statuses are ignored.
 */
export function applyJobEvent(progress: JobProgress, event: JobEventWire): JobProgress {
  return applyJobEvents(progress, [event]);
}

/**
 * Applies events in order, as {@link applyJobEvent} one by one would, copying the targets once
 * for the whole batch: a 10,000-host job sends some 20,000 events, and a copy per event made a
 * watcher fall behind the stream (and its keep-alive) by minutes.
 */
export function applyJobEvents(progress: JobProgress, events: readonly JobEventWire[]): JobProgress {
  let { jobStatus, lastSeq } = progress;
  let targets: Map<string, TargetStatus> | undefined;
  for (const event of events) {
    if (event.seq <= lastSeq) continue;
    lastSeq = event.seq;
    if (event.type === 'JOB') {
      if ((JOB_STATUSES as readonly string[]).includes(event.status)) jobStatus = event.status as JobStatus;
      continue;
    }
    if (event.type !== 'TARGET' || !event.host || !(TARGET_STATUSES as readonly string[]).includes(event.status)) continue;
    const before = (targets ?? progress.targets).get(event.host);
    if (before && isFinalTarget(before)) continue;
    targets ??= new Map(progress.targets);
    targets.set(event.host, event.status as TargetStatus);
  }
  if (lastSeq === progress.lastSeq) return progress;
  return { ...progress, jobStatus, lastSeq, ...(targets ? { targets } : {}) };
}

export function progressCounts(progress: JobProgress): ProgressCounts {
  const statuses = [...progress.targets.values()];
  return {
    total: statuses.length,
    done: statuses.filter(isFinalTarget).length,
    failed: statuses.filter((s) => s === 'FAILED' || s === 'TIMED_OUT' || s === 'UNREACHABLE').length,
    running: statuses.filter((s) => IN_FLIGHT_TARGET_STATUSES.includes(s)).length,
  };
}

/** True once nothing more will change: the job is final and no target is in flight. */
export function isJobSettled(progress: JobProgress): boolean {
  if (!FINAL_JOB_STATUSES.includes(progress.jobStatus)) return false;
  const counts = progressCounts(progress);
  return counts.running === 0 && (progress.jobStatus !== 'COMPLETED' || counts.done === counts.total);
}
