import type { Client } from 'graphql-ws';
import { gql } from './admin-client.js';

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED']);

export interface FanoutRun {
  readonly jobId: string;
  /** Per target: ms from submitting runCommand to its result stored (the event's server time). */
  readonly latenciesMs: number[];
  /** Submit → the job's COMPLETED event seen by a subscriber. */
  readonly totalMs: number;
  readonly statuses: Record<string, number>;
  /** GraphQL errors the progress stream delivered. */
  readonly errors: string[];
  readonly finishedBy: 'event' | 'poll';
}

/** Submits one command through `runCommand` and follows `jobProgressed` until the job ends. */
export async function fanout(server: string, token: string, socket: Client, selector: string, command = 'echo hi', timeoutMs = 600_000): Promise<FanoutRun> {
  const submitted = Date.now();
  const t0 = performance.now();
  const job = await gql<{ runCommand: { id: string } }>(server, token, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: { selector, command, queueForSeconds: 120 } });
  const jobId = job.runCommand.id;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  // Also asks over HTTP every 2 s, so a lost live event shows as `finishedBy: 'poll'` instead of a hang.
  let finishedBy: 'event' | 'poll' = 'event';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`job ${jobId} did not finish within ${timeoutMs} ms (${latencies.length} results)`)), timeoutMs);
    const poll = setInterval(() => {
      void gql<{ job: { finishedAt: string | null } }>(server, token, 'query($id: ID!) { job(id: $id) { finishedAt } }', { id: jobId })
        .then((r) => {
          if (!r.job.finishedAt || latencies.length === 0) return;
          // Give the live stream 5 s more to deliver the final event before calling it lost.
          setTimeout(() => {
            finishedBy = 'poll';
            clearTimeout(timer);
            clearInterval(poll);
            stop();
            resolve();
          }, 5000);
          clearInterval(poll);
        })
        .catch(() => undefined);
    }, 2000);
    const stop = socket.subscribe<{ jobProgressed: { type: string; status: string; at: string; data: { finished?: boolean } } }>(
      { query: 'subscription($j: ID!) { jobProgressed(jobId: $j, afterSeq: 0) { type status at data } }', variables: { j: jobId } },
      {
        next: (v) => {
          if (v.errors?.length) {
            errors.push(v.errors.map((x) => x.message).join('; '));
            return;
          }
          const e = v.data?.jobProgressed;
          if (!e) return;
          if (e.type === 'TARGET' && FINAL.has(e.status)) {
            latencies.push(new Date(e.at).getTime() - submitted);
            statuses[e.status] = (statuses[e.status] ?? 0) + 1;
          }
          if (e.type === 'JOB' && e.data.finished) {
            clearTimeout(timer);
            clearInterval(poll);
            stop();
            resolve();
          }
        },
        error: (err) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
        },
        complete: () => undefined,
      },
    );
  });
  return { jobId, latenciesMs: latencies.sort((a, b) => a - b), totalMs: performance.now() - t0, statuses, errors, finishedBy };
}
