/**
 * The reconciler as a controller, level-triggered: events (apply, agent ready, observed-state
 * report, periodic resync) only mark a host dirty; a pass takes the dirty hosts in chunks of
 * {@link RECONCILE_CHUNK} and for each chunk
 *
 *   gather (a few IN queries: revision, hosts, rows, artifacts; one render per distinct input)
 *     ──▶ planPass (pure: decideHostState per host)
 *     ──▶ act: changed rows in multi-row statements, then the instructions, then the events
 *
 * A pass with nothing to do writes nothing. Rows are written before the agents are sent their
 * desired state, so an agent's answer is always judged against the row this pass left.
 *
 * Failures are per host: a host whose own data fails is requeued alone; a chunk that fails as a
 * whole (database away…) is retried host by host, and each host that still fails is requeued
 * with exponential backoff (REQUEUE_BASE_MS doubling up to REQUEUE_MAX_MS). Terminal problems,
 * such as a desired file whose artifact the store does not have, are not retried: they are
 * recorded on the host (drift reason ARTIFACT_MISSING, status FAILED) until an event (an apply,
 * a push) marks it again.
 *
 * Several replicas: each reconciles the hosts whose sockets it holds (the hosts row's
 * `connectedTo`), so a host's passes and its agent's reports meet in one process. `markAll` on
 * the replica that took an apply marks its own hosts and those online nowhere, and tells the
 * others through pub/sub ({@link RECONCILE_REQUESTED_TOPIC}) to mark theirs. Every replica's
 * resync marks its own online hosts. A row written by a pass that read it before another writer
 * changed it is not stored (see rollout-rows.ts): its host is reconciled again.
 */
import type { MikroORM } from '@mikro-orm/core';
import { desiredStateInstruction } from '../../protocol/index.js';
import { HostRecord } from '../../db/entities/index.js';
import type { Logger } from '../logger.js';
import type { PubSub } from '../pubsub/pubsub.js';
import type { HostChangedEvent } from '../hosts/host-changed.js';
import { agentInstructionsTopic, HOST_CHANGED_TOPIC } from '../hosts/topics.js';
import { gatherChunk, revisionRenders, type RevisionRenders } from './gather.js';
import { planPass } from './pass-plan.js';
import { writeRolloutRows } from './rollout-rows.js';

export const ROLLOUT_TOPIC = 'ROLLOUT_PROGRESSED';
/** Between replicas: "mark the hosts you hold" (payload {@link ReconcileRequest}). */
export const RECONCILE_REQUESTED_TOPIC = 'RECONCILE_REQUESTED';
/** Every online host is re-checked this often even without events. @default 60 s */
export const RESYNC_MS = 60_000;
/** First delay before a failed pass is retried; doubles per failure in a row. @default 1 s */
export const REQUEUE_BASE_MS = 1_000;
/** Longest delay before a failed pass is retried. @default 60 s */
export const REQUEUE_MAX_MS = 60_000;
/** Hosts per chunk of a pass (an IN list, a CASE and a render cache's worth). @default 500 */
export const RECONCILE_CHUNK = 500;

/** Delay before retry number `failures` (1-based) of a host's failed pass. */
export function requeueDelayMs(failures: number): number {
  return Math.min(REQUEUE_MAX_MS, REQUEUE_BASE_MS * 2 ** Math.max(0, failures - 1));
}

/** What a replica asks the others through pub/sub. */
export interface ReconcileRequest {
  readonly origin: string;
}

function isReconcileRequest(v: unknown): v is ReconcileRequest {
  return typeof v === 'object' && v !== null && typeof (v as { origin?: unknown }).origin === 'string';
}

export interface ReconcilerOptions {
  readonly orm: MikroORM;
  readonly pubsub: PubSub;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly serverUrl: () => string;
  /**
   * The id this replica writes into `hosts.connected_to`: it reconciles those hosts. Unset: a
   * single server, which reconciles every host and tells no one.
   */
  readonly replicaId?: string;
  /** @default RECONCILE_CHUNK */
  readonly chunkSize?: number;
}

export class Reconciler {
  private readonly dirty = new Set<number>();
  private readonly failures = new Map<number, number>();
  /** Hosts whose last write met a row changed under it, for as long as that repeats. */
  private readonly conflicts = new Map<number, number>();
  private readonly requeued = new Map<number, NodeJS.Timeout>();
  private draining: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private requests: AsyncIterator<unknown> | undefined;
  private readonly chunkSize: number;

  constructor(private readonly opts: ReconcilerOptions) {
    this.chunkSize = opts.chunkSize ?? RECONCILE_CHUNK;
  }

  start(): void {
    // A database outage must not become an unhandled rejection (it would end the process).
    this.timer = setInterval(() => void this.markHeld().catch((err: unknown) => this.opts.logger.warn({ err }, 'reconciler resync failed; retrying at the next one')), RESYNC_MS);
    this.timer.unref();
    if (this.opts.replicaId !== undefined) void this.listen(this.opts.replicaId);
  }

  stop(): void {
    clearInterval(this.timer);
    void this.requests?.return?.();
    for (const t of this.requeued.values()) clearTimeout(t);
    this.requeued.clear();
  }

  mark(hostId: number): void {
    this.dirty.add(hostId);
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.draining = undefined;
        if (this.dirty.size) this.mark([...this.dirty][0]!);
      });
  }

  /**
   * Marks every host this replica reconciles (its own and those online nowhere) and asks the
   * other replicas to mark theirs. Errors are logged, never thrown (the next resync catches up).
   */
  async markAll(): Promise<void> {
    const me = this.opts.replicaId;
    try {
      const where = me === undefined ? { revokedAt: null } : { revokedAt: null, $or: [{ online: false }, { connectedTo: null }, { connectedTo: me }] };
      for (const h of await this.opts.orm.em.fork().find(HostRecord, where, { fields: ['id'], disableIdentityMap: true })) this.mark(h.id);
    } catch (err) {
      this.opts.logger.warn({ err }, 'could not mark every host for reconciling; the next resync will');
    }
    if (me !== undefined) this.opts.pubsub.publish(RECONCILE_REQUESTED_TOPIC, { origin: me } satisfies ReconcileRequest);
  }

  /** Resolves when the queue is empty (tests and shutdown); requeued retries are not waited for. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** The online hosts this replica holds (every online host for a single server). */
  private async markHeld(): Promise<void> {
    const me = this.opts.replicaId;
    const where = me === undefined ? { online: true } : { online: true, connectedTo: me };
    for (const h of await this.opts.orm.em.fork().find(HostRecord, where, { fields: ['id'], disableIdentityMap: true })) this.mark(h.id);
  }

  /** Other replicas' requests to mark what this one holds. */
  private async listen(me: string): Promise<void> {
    this.requests = this.opts.pubsub.subscribe(RECONCILE_REQUESTED_TOPIC)[Symbol.asyncIterator]();
    for (let next = await this.requests.next(); !next.done; next = await this.requests.next()) {
      if (!isReconcileRequest(next.value) || next.value.origin === me) continue;
      await this.markHeld().catch((err: unknown) => this.opts.logger.warn({ err }, 'could not mark the hosts held here after an apply elsewhere; the next resync will'));
    }
  }

  private async drain(): Promise<void> {
    let renders: RevisionRenders | undefined;
    while (this.dirty.size > 0) {
      const chunk: number[] = [];
      for (const id of this.dirty) {
        chunk.push(id);
        if (chunk.length === this.chunkSize) break;
      }
      for (const id of chunk) this.dirty.delete(id);
      try {
        renders = await this.reconcileChunk(chunk, renders);
      } catch (err) {
        if (chunk.length === 1) {
          this.requeue(chunk[0]!, err);
          continue;
        }
        // Host by host, so that what failed stays with the hosts it concerns.
        for (const id of chunk) {
          try {
            renders = await this.reconcileChunk([id], renders);
          } catch (e) {
            this.requeue(id, e);
          }
        }
      }
    }
  }

  private requeue(hostId: number, err: unknown, message = 'reconcile failed; requeued'): void {
    const failures = (this.failures.get(hostId) ?? 0) + 1;
    this.failures.set(hostId, failures);
    const delayMs = requeueDelayMs(failures);
    this.opts.logger.error({ err, hostId, failures, retryInMs: delayMs }, message);
    clearTimeout(this.requeued.get(hostId));
    const t = setTimeout(() => {
      this.requeued.delete(hostId);
      this.mark(hostId);
    }, delayMs);
    t.unref();
    this.requeued.set(hostId, t);
  }

  /** One pass over some hosts: gather, decide, act. Returns the render cache for the next chunk. */
  async reconcileChunk(hostIds: readonly number[], previous?: RevisionRenders): Promise<RevisionRenders> {
    const em = this.opts.orm.em.fork();
    const renders = await revisionRenders(em, previous);
    const gathered = await gatherChunk(em, hostIds, renders, this.opts.serverUrl());
    const now = this.opts.now();
    const plan = planPass(gathered.hosts, now);
    const conflicted = new Set(await writeRolloutRows(em, plan.writes, now));

    const failed = new Set<number>();
    for (const { hostId, err } of [...gathered.failed, ...plan.failed]) {
      failed.add(hostId);
      this.requeue(hostId, err);
    }
    for (const id of conflicted) {
      // Reconciled again at once from fresh state; a conflict that keeps coming back backs off.
      const times = (this.conflicts.get(id) ?? 0) + 1;
      this.conflicts.set(id, times);
      if (times === 1) this.mark(id);
      else this.requeue(id, new Error('the rollout row changed under the pass again'), 'reconcile write conflicted; requeued');
    }
    for (const id of hostIds) {
      if (failed.has(id) || conflicted.has(id)) continue;
      this.failures.delete(id);
      this.conflicts.delete(id);
    }

    const { pubsub } = this.opts;
    for (const { hostId, instruction } of plan.sends) {
      if (conflicted.has(hostId)) continue; // its next pass decides
      pubsub.publish(agentInstructionsTopic(hostId), desiredStateInstruction({ ...instruction, desired: { ...instruction.desired } }));
    }
    const stored = [...plan.events.values()].filter((e) => !conflicted.has(e.hostId));
    if (stored.length) {
      pubsub.publishMany(HOST_CHANGED_TOPIC, stored.map((e): HostChangedEvent => ({ hostId: e.hostId, host: e.host, part: 'STATE' })));
      pubsub.publishMany(ROLLOUT_TOPIC, stored);
    }
    this.opts.logger.debug({ hosts: hostIds.length, written: plan.writes.length - conflicted.size, sent: plan.sends.length, conflicts: conflicted.size, failed: failed.size, renders: renders.cache.misses }, 'reconcile pass');
    return renders;
  }
}
