/**
 * Waits for a submitted job to settle: seeds the progress from the job as the server returned
 * it, follows `jobProgressed` after its `lastSeq`, then reads the job once more for the full
 * per-host results (events carry capped output; the query is authoritative).
 */
import { followJobEvents, type FollowJobEventsOptions, type SubscribeJobEvents } from './job-event-stream.js';
import { JobProgress } from './job-progress.js';
import type { JobStatus, JobTargetWire, JobWire, TargetStatus } from './job-wire.js';

export type JobWithTargets = JobWire & { targets: JobTargetWire[] };

export interface WatchJobOptions {
  /** The job as `runCommand` returned it, with each target's status. */
  readonly job: JobWire & { targets: readonly { host: string; status: TargetStatus }[] };
  readonly subscribe: SubscribeJobEvents;
  readonly fetchJob: (id: string) => Promise<JobWithTargets>;
  /** Every change, starting with the initial state. */
  readonly onProgress?: (progress: JobProgress) => void;
  readonly onRetry?: FollowJobEventsOptions['onRetry'];
  /** Lets the caller stop following (Ctrl-C); resolves `watchJob` with the job as it is then. */
  readonly signal?: AbortSignal;
}

export async function watchJob(o: WatchJobOptions): Promise<JobWithTargets> {
  const progress = new JobProgress({ id: o.job.id, status: o.job.status as JobStatus, lastSeq: o.job.lastSeq, targets: o.job.targets });
  o.onProgress?.(progress);
  if (!progress.settled()) {
    const follower = followJobEvents({
      afterSeq: progress.lastSeq,
      subscribe: o.subscribe,
      onRetry: o.onRetry,
      onEvent: (event) => {
        progress.apply(event);
        o.onProgress?.(progress);
        return progress.settled();
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
