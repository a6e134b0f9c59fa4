/**
 * What the CLI knows about a running job, folded from the job as submitted and its progress
 * events.
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

export interface ProgressCounts {
  readonly total: number;
  readonly done: number;
  /** FAILED, TIMED_OUT and UNREACHABLE targets. */
  readonly failed: number;
  readonly running: number;
}

const isFinalTarget = (s: TargetStatus) => FINAL_TARGET_STATUSES.includes(s);
const FAILED_TARGET_STATUSES: readonly TargetStatus[] = ['FAILED', 'TIMED_OUT', 'UNREACHABLE'];

/**
 * The fold of a job's events into the latest status of every target, with the counts kept as
 * the events come: applying an event and reading the counts cost O(1), so watching a job of
 * 10,000 targets costs O(events), not O(events × targets). The tracker owns its state; nothing
 * passed in is changed.
 */
export class JobProgress {
  readonly jobId: string;
  private status: JobStatus;
  private seq: number;
  private readonly targets = new Map<string, TargetStatus>();
  private readonly tally = new Map<TargetStatus, number>();

  constructor(job: { id: string; status: JobStatus; lastSeq: number; targets: readonly { host: string; status: TargetStatus }[] }) {
    this.jobId = job.id;
    this.status = job.status;
    this.seq = job.lastSeq;
    for (const t of job.targets) this.setTarget(t.host, t.status);
  }

  get jobStatus(): JobStatus {
    return this.status;
  }

  /** The latest event applied; resume the subscription after it. */
  get lastSeq(): number {
    return this.seq;
  }

  /** The latest known status of `host`, if it is a target. */
  target(host: string): TargetStatus | undefined {
    return this.targets.get(host);
  }

  /**
   * Applies one event. Events at or before `lastSeq` are ignored (a resumed stream may repeat
   * one); a final target status is never taken back; unknown statuses only advance the seq.
   */
  apply(event: JobEventWire): void {
    if (event.seq <= this.seq) return;
    this.seq = event.seq;
    if (event.type === 'JOB') {
      if ((JOB_STATUSES as readonly string[]).includes(event.status)) this.status = event.status as JobStatus;
      return;
    }
    if (event.type !== 'TARGET' || !event.host || !(TARGET_STATUSES as readonly string[]).includes(event.status)) return;
    const before = this.targets.get(event.host);
    if (before && isFinalTarget(before)) return;
    this.setTarget(event.host, event.status as TargetStatus);
  }

  counts(): ProgressCounts {
    const n = (statuses: readonly TargetStatus[]) => statuses.reduce((sum, s) => sum + (this.tally.get(s) ?? 0), 0);
    return { total: this.targets.size, done: n(FINAL_TARGET_STATUSES), failed: n(FAILED_TARGET_STATUSES), running: n(IN_FLIGHT_TARGET_STATUSES) };
  }

  /** True once nothing more will change: the job is final and no target is in flight. */
  settled(): boolean {
    if (!FINAL_JOB_STATUSES.includes(this.status)) return false;
    const c = this.counts();
    return c.running === 0 && (this.status !== 'COMPLETED' || c.done === c.total);
  }

  private setTarget(host: string, status: TargetStatus): void {
    const before = this.targets.get(host);
    if (before) this.tally.set(before, this.tally.get(before)! - 1);
    this.targets.set(host, status);
    this.tally.set(status, (this.tally.get(status) ?? 0) + 1);
  }
}
