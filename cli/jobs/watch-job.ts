/**
 * Waits for a submitted job to settle: seeds the progress from the job as the server returned
 * it, follows `jobProgressed` after its `lastSeq`, then reads the job once more for the full
 * per-host results (events carry capped output; the query is authoritative).
 */
import { followJobEvents, type FollowJobEventsOptions, type SubscribeJobEvents } from './job-event-stream.js';
import { applyJobEvents, initialProgress, isJobSettled, type JobProgress } from './job-progress.js';
import type { JobEventWire } from './job-wire.js';
import type { JobStatus, JobTargetWire, JobWire, TargetStatus } from './job-wire.js';

export type JobWithTargets = JobWire & { targets: JobTargetWire[] };

export interface WatchJobOptions {
  /** The job as `runCommand` returned it, with each target's status. */
  readonly job: JobWire & { targets: readonly { host: string; status: TargetStatus }[] };
  readonly subscribe: SubscribeJobEvents;
  readonly fetchJob: (id: string) => Promise<JobWithTargets>;
  /** The initial state, then the state after each batch of events that arrived together. */
  readonly onProgress?: (progress: JobProgress) => void;
  readonly onRetry?: FollowJobEventsOptions['onRetry'];
  /** Lets the caller stop following (Ctrl-C); resolves `watchJob` with the job as it is then. */
  readonly signal?: AbortSignal;
}

export async function watchJob(o: WatchJobOptions): Promise<JobWithTargets> {
  let progress = initialProgress({ id: o.job.id, status: o.job.status as JobStatus, lastSeq: o.job.lastSeq, targets: o.job.targets });
  o.onProgress?.(progress);
  if (!isJobSettled(progress)) {
    // Events arriving together (one read of the socket holds many) are applied as one batch:
    // the state, its counts and the progress line are worked out once per batch, not per event.
    let pending: JobEventWire[] = [];
    const apply = () => {
      const batch = pending;
      pending = [];
      progress = applyJobEvents(progress, batch);
      o.onProgress?.(progress);
      if (isJobSettled(progress)) follower.stop();
    };
    const follower = followJobEvents({
      afterSeq: progress.lastSeq,
      subscribe: o.subscribe,
      onRetry: o.onRetry,
      onEvent: (event) => {
        pending.push(event);
        if (pending.length === 1) queueMicrotask(apply);
        return false;
      },
    });
    const abort = () => follower.stop();
    if (o.signal?.aborted) abort();
    o.signal?.addEventListener('abort', abort, { once: true });
    try {
      await follower.done;
    } finally {
      o.signal?.removeEventListener('abort', abort);
    }
  }
  return o.fetchJob(o.job.id);
}
