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
}

/** Submits one command through `runCommand` and follows `jobProgressed` until the job ends. */
export async function fanout(server: string, token: string, socket: Client, selector: string, command = 'echo hi', timeoutMs = 600_000): Promise<FanoutRun> {
  const submitted = Date.now();
  const t0 = performance.now();
  const job = await gql<{ runCommand: { id: string } }>(server, token, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: { selector, command, queueForSeconds: 120 } });
  const jobId = job.runCommand.id;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`job ${jobId} did not finish within ${timeoutMs} ms (${latencies.length} results)`)), timeoutMs);
    const stop = socket.subscribe<{ jobProgressed: { type: string; status: string; at: string; data: { finished?: boolean } } }>(
      { query: 'subscription($j: ID!) { jobProgressed(jobId: $j, afterSeq: 0) { type status at data } }', variables: { j: jobId } },
      {
        next: (v) => {
          const e = v.data?.jobProgressed;
          if (!e) return;
          if (e.type === 'TARGET' && FINAL.has(e.status)) {
            latencies.push(new Date(e.at).getTime() - submitted);
            statuses[e.status] = (statuses[e.status] ?? 0) + 1;
          }
          if (e.type === 'JOB' && e.data.finished) {
            clearTimeout(timer);
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
  return { jobId, latenciesMs: latencies.sort((a, b) => a - b), totalMs: performance.now() - t0, statuses };
}
