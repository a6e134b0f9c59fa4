/**
 * The terminal side of waiting for a job (I/O edge): the graphql-ws stream, the progress bar on
 * a TTY's stderr, and Ctrl-C (the first one stops watching, the job keeps running on the server).
 */
import type { Command } from 'commander';
import { writeErr, writeStatusLine } from '../output.js';
import type { ApiClient } from '../api-client.js';
import { commandContext, type GlobalOptions } from '../context.js';
import { describeStreamError, JobStreamError } from './job-event-stream.js';
import { createJobEventsClient } from './job-events-client.js';
import type { JobProgress } from './job-progress.js';
import { JOB_WITH_TARGETS, type JobWire, type TargetStatus } from './job-wire.js';
import { createProgressBar } from './progress-bar.js';
import { watchJob, type JobWithTargets } from './watch-job.js';

export interface FollowedJob {
  readonly job: JobWithTargets;
  /** True when Ctrl-C stopped the watching before the job settled. */
  readonly interrupted: boolean;
}

export async function fetchJobWithTargets(client: ApiClient, id: string): Promise<JobWithTargets | null> {
  const { job } = await client.request<{ job: JobWithTargets | null }>(JOB_WITH_TARGETS, { id });
  return job;
}

/** Follows `job` until it settles (or Ctrl-C), drawing progress on stderr when it is a terminal. */
export async function followJob(cmd: Command, client: ApiClient, job: JobWire & { targets: readonly { host: string; status: TargetStatus }[] }): Promise<FollowedJob> {
  const ctx = commandContext(cmd);
  const globals = cmd.optsWithGlobals<GlobalOptions>();
  const sameServer = !globals.server || globals.server === ctx.config.server;
  const events = createJobEventsClient({ server: ctx.server, token: (sameServer ? ctx.config.token : undefined) ?? '', caFile: ctx.caFile, insecure: globals.insecure });
  const tty = Boolean(process.stderr.isTTY);
  const bar = tty ? createProgressBar({ write: writeStatusLine, width: () => process.stderr.columns || 80 }) : undefined;
  let latest: JobProgress | undefined;
  const draw = () => {
    if (!bar || !latest) return;
    const c = latest.counts();
    bar.update({ done: c.done, total: c.total, failed: c.failed, jobStatus: latest.jobStatus });
  };
  const ticker = bar ? setInterval(draw, 1000) : undefined;
  const aborter = new AbortController();
  const onSigint = () => aborter.abort();
  process.once('SIGINT', onSigint);
  try {
    const settled = await watchJob({
      job,
      subscribe: events.subscribe(job.id),
      fetchJob: async (id) => {
        const found = await fetchJobWithTargets(client, id);
        if (!found) throw new Error(`job ${id} disappeared from the server`);
        return found;
      },
      onProgress: (p) => {
        latest = p;
        draw();
      },
      onRetry: (attempt, err) => {
        if (attempt === 1 || attempt % 3 === 0) {
          bar?.clear();
          writeErr(`ioms: progress stream interrupted (${describeStreamError(err)}); reconnecting\n`);
        }
      },
      signal: aborter.signal,
    });
    return { job: settled, interrupted: aborter.signal.aborted };
  } catch (err) {
    if (err instanceof JobStreamError) throw new JobStreamError(err.code, `${err.message} (job ${job.id} goes on on the server: \`ioms job ${job.id}\`)`, { cause: err });
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
    clearInterval(ticker);
    bar?.clear();
    await events.dispose();
  }
}
