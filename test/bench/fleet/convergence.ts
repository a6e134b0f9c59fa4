/**
 * Convergence: a profile change applied through `applyManifests`, until every targeted host's
 * rollout row is CONVERGED on the new revision (the server ran the same planner over what the
 * simulated agent reported and found nothing to do, see fake-applier.ts).
 *
 *   profile ──applyManifests──▶ reconciler ──DESIRED_STATE──▶ N agents ──observed state──▶ CONVERGED × N
 */
import crypto from 'node:crypto';
import type { Client } from 'graphql-ws';
import { loadManifests, renderDesiredState } from '../../../manifests/index.js';
import { desiredStateInstruction } from '../../../protocol/index.js';
import { gql } from './admin-client.js';

export const BENCH_ARTIFACT = 'bench-payload';

/** The artifact the profile's file names: 4 KiB, the same bytes every run (pushed once, then found by digest). */
export const BENCH_ARTIFACT_BYTES = Buffer.from(crypto.createHash('sha512').update('ioms bench').digest('hex').repeat(32));

/**
 * A profile for hosts labelled fleet=sim, different on every `generation`: two guarded
 * processes, two crontab entries and a file from the artifact store.
 */
export function convergenceProfile(generation: string, selector = { fleet: 'sim' }): string {
  const md5 = crypto.createHash('md5').update(BENCH_ARTIFACT_BYTES).digest('hex');
  return `apiVersion: ioms/v1
kind: Profile
metadata: { name: bench-fleet }
spec:
  selector: { matchLabels: ${JSON.stringify(selector)} }
  processes:
    - name: bench-web
      command: /bin/sh
      args: ["-c", "while true; do sleep 5; done # generation ${generation}"]
      restart: { policy: always, backoffSeconds: 1, maxBackoffSeconds: 30 }
    - name: bench-worker
      command: /bin/sleep
      args: ["3600"]
      env: { GENERATION: "${generation}" }
  crontab:
    - name: bench-tick
      schedule: "*/5 * * * *"
      command: "echo ${generation} >> /tmp/ioms-bench-tick.log"
    - name: bench-nightly
      schedule: "0 4 * * *"
      restartProcess: bench-web
  files:
    - path: /opt/bench/payload.txt
      artifact: ${BENCH_ARTIFACT}@1
      md5: "${md5}"
      mode: "0640"
      restartProcess: bench-web
`;
}

/** Size in bytes of the DESIRED_STATE instruction one host gets for this profile (the raw baseline sends as much). */
export function desiredInstructionBytes(profile: string): number {
  const { documents, errors } = loadManifests([{ path: 'bench.yaml', content: profile }]);
  if (errors.length) throw new Error(`bench profile: ${errors.map((e) => e.message).join('; ')}`);
  const render = renderDesiredState(documents, { name: 'sim-00000', labels: { fleet: 'sim' } });
  const sha256 = crypto.createHash('sha256').update(BENCH_ARTIFACT_BYTES).digest('hex');
  const md5 = crypto.createHash('md5').update(BENCH_ARTIFACT_BYTES).digest('hex');
  const instruction = desiredStateInstruction({ revision: 1, hash: render.hash, desired: { ...render.desired }, artifacts: { [`${BENCH_ARTIFACT}@1`]: { sha256, md5, url: `http://127.0.0.1:8888/artifacts/${sha256}` } } });
  return JSON.stringify({ id: 'instructions', type: 'next', payload: { data: { agentInstructions: instruction } } }).length;
}

/** Puts the profile's artifact into the store (idempotent). */
export async function pushBenchArtifact(server: string, token: string): Promise<void> {
  const res = await fetch(`${server}/artifacts/${BENCH_ARTIFACT}?version=1`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: BENCH_ARTIFACT_BYTES });
  if (res.status !== 201 && res.status !== 200 && res.status !== 409) throw new Error(`artifact push: HTTP ${res.status} ${await res.text()}`);
}

export interface ConvergenceRun {
  readonly revision: number;
  /** Per host: ms from submitting applyManifests to its CONVERGED row arriving here (event, else the poll that saw it). */
  readonly latenciesMs: number[];
  readonly applyMs: number;
  readonly totalMs: number;
  readonly finishedBy: 'event' | 'poll';
  /** Hosts not converged at the end (on timeout), by status. */
  readonly statuses: Record<string, number>;
}

const APPLY = 'mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { applied unchanged errors { file line message } revision { id } } }';
const STATUS = 'query($s: String) { rolloutStatus(selector: $s) { converged hosts { host status convergedRevision } } }';

/** Applies `profile` and waits until `n` hosts matching `selector` are CONVERGED on the new revision. */
export async function converge(server: string, token: string, socket: Client, profile: string, selector: string, n: number, timeoutMs = 600_000): Promise<ConvergenceRun> {
  const converged = new Map<string, number>();
  let revision: number | undefined;
  const early: { host: string; status: string; convergedRevision: number | null }[] = [];
  const t0 = performance.now();
  const take = (row: { host: string; status: string; convergedRevision: number | null }) => {
    if (revision === undefined) return void early.push(row);
    if (row.status === 'CONVERGED' && row.convergedRevision === revision && !converged.has(row.host)) converged.set(row.host, performance.now() - t0);
  };
  let wake: (() => void) | undefined;
  const stop = socket.subscribe<{ rolloutProgressed: { host: string; status: string; convergedRevision: number | null } }>(
    { query: 'subscription { rolloutProgressed { host status convergedRevision } }' },
    { next: (v) => v.data && (take(v.data.rolloutProgressed), wake?.()), error: () => undefined, complete: () => undefined },
  );
  try {
    // Let the subscription reach the server before the apply (events before it would be missed).
    await new Promise((r) => setTimeout(r, 500));
    const r = await gql<{ applyManifests: { applied: boolean; unchanged: boolean; errors: { message: string }[]; revision: { id: number } | null } }>(server, token, APPLY, { i: { files: [{ path: 'bench-fleet.yaml', content: profile }] } });
    const applyMs = performance.now() - t0;
    if (r.applyManifests.errors.length || !r.applyManifests.revision) throw new Error(`applyManifests: ${JSON.stringify(r.applyManifests)}`);
    revision = r.applyManifests.revision.id;
    for (const row of early.splice(0)) take(row);
    let finishedBy: 'event' | 'poll' = 'event';
    let statuses: Record<string, number> = {};
    let lastPoll = performance.now();
    while (converged.size < n) {
      if (performance.now() - t0 > timeoutMs) throw new Error(`convergence: ${converged.size} of ${n} hosts converged after ${timeoutMs} ms (${JSON.stringify(statuses)})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 1000);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      // A lost live event must not hang the benchmark: every 10 s the rows are read over HTTP.
      if (performance.now() - lastPoll > 10_000) {
        lastPoll = performance.now();
        const s = await gql<{ rolloutStatus: { hosts: { host: string; status: string; convergedRevision: number | null }[] } }>(server, token, STATUS, { s: selector });
        statuses = {};
        for (const h of s.rolloutStatus.hosts) {
          if (h.status === 'CONVERGED' && h.convergedRevision === revision) {
            if (!converged.has(h.host)) {
              finishedBy = 'poll';
              converged.set(h.host, performance.now() - t0);
            }
          } else statuses[h.status] = (statuses[h.status] ?? 0) + 1;
        }
      }
    }
    return { revision, latenciesMs: [...converged.values()].sort((a, b) => a - b), applyMs, totalMs: performance.now() - t0, finishedBy, statuses };
  } finally {
    stop();
  }
}
