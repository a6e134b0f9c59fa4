/**
 * The reconciler as a controller, level-triggered: events (apply, agent ready, observed-state
 * report, artifact changes, periodic resync) only mark a host dirty; a pass for a host
 *
 *   gather (reads: host, revision, row, artifacts) ──▶ decideHostState (pure) ──▶ act
 *
 * where act writes the host's row only when it changed (a pass with nothing to do writes
 * nothing), publishes the change, and sends the agent its desired state until it acknowledges
 * the hash. A pass that throws (database away…) is requeued with exponential backoff per host
 * (REQUEUE_BASE_MS doubling up to REQUEUE_MAX_MS). Terminal problems, such as a desired file
 * whose artifact the store does not have, are not retried: they are recorded on the host (drift
 * reason ARTIFACT_MISSING, status FAILED) until an event (an apply, a push) marks it again.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { renderDesiredState } from '../../manifests/index.js';
import { desiredStateInstruction } from '../../protocol/index.js';
import { artifactDownload, findArtifactByRef, type ArtifactDownload } from '../artifacts/artifact-ref.js';
import { HostRecord, HostStateRecord } from '../../db/entities/index.js';
import type { Logger } from '../logger.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { effectiveLabels } from '../hosts/host-view.js';
import { publishHostChanged } from '../hosts/host-changed.js';
import { agentInstructionsTopic } from '../hosts/topics.js';
import { currentRevision, parseObserved, revisionDocuments } from '../manifests/manifest.service.js';
import { type HostInputs, decideHostState } from './host-state.js';

export const ROLLOUT_TOPIC = 'ROLLOUT_PROGRESSED';
/** Every online host is re-checked this often even without events. @default 60 s */
export const RESYNC_MS = 60_000;
/** First delay before a failed pass is retried; doubles per failure in a row. @default 1 s */
export const REQUEUE_BASE_MS = 1_000;
/** Longest delay before a failed pass is retried. @default 60 s */
export const REQUEUE_MAX_MS = 60_000;

/** Delay before retry number `failures` (1-based) of a host's failed pass. */
export function requeueDelayMs(failures: number): number {
  return Math.min(REQUEUE_MAX_MS, REQUEUE_BASE_MS * 2 ** Math.max(0, failures - 1));
}

interface Gathered {
  readonly host: HostRecord;
  readonly state: HostStateRecord | null;
  readonly inputs: HostInputs;
}

export class Reconciler {
  private readonly dirty = new Set<number>();
  private readonly failures = new Map<number, number>();
  private readonly requeued = new Map<number, NodeJS.Timeout>();
  private draining: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly opts: { orm: MikroORM; pubsub: PubSub; logger: Logger; now: () => Date; serverUrl: () => string },
  ) {}

  start(): void {
    // A database outage must not become an unhandled rejection (it would end the process).
    this.timer = setInterval(() => void this.markOnline().catch((err: unknown) => this.opts.logger.warn({ err }, 'reconciler resync failed; retrying at the next one')), RESYNC_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
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

  /** Marks every host; errors are logged, never thrown (the next resync catches up). */
  async markAll(): Promise<void> {
    try {
      for (const h of await this.opts.orm.em.fork().find(HostRecord, { revokedAt: null }, { fields: ['id'] })) this.mark(h.id);
    } catch (err) {
      this.opts.logger.warn({ err }, 'could not mark every host for reconciling; the next resync will');
    }
  }

  /** Resolves when the queue is empty (tests and shutdown); requeued retries are not waited for. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async markOnline(): Promise<void> {
    for (const h of await this.opts.orm.em.fork().find(HostRecord, { online: true }, { fields: ['id'] })) this.mark(h.id);
  }

  private async drain(): Promise<void> {
    while (this.dirty.size > 0) {
      const [hostId] = this.dirty;
      this.dirty.delete(hostId!);
      try {
        await this.reconcile(this.opts.orm.em.fork(), hostId!);
        this.failures.delete(hostId!);
      } catch (err) {
        this.requeue(hostId!, err);
      }
    }
  }

  private requeue(hostId: number, err: unknown): void {
    const failures = (this.failures.get(hostId) ?? 0) + 1;
    this.failures.set(hostId, failures);
    const delayMs = requeueDelayMs(failures);
    this.opts.logger.error({ err, hostId, failures, retryInMs: delayMs }, 'reconcile failed; requeued');
    clearTimeout(this.requeued.get(hostId));
    const t = setTimeout(() => {
      this.requeued.delete(hostId);
      this.mark(hostId);
    }, delayMs);
    t.unref();
    this.requeued.set(hostId, t);
  }

  /** One pass for one host: gather, decide, act. */
  async reconcile(em: EntityManager, hostId: number): Promise<void> {
    const gathered = await this.gather(em, hostId);
    if (!gathered) return;
    const now = this.opts.now();
    const decision = decideHostState(gathered.inputs, now);
    await this.act(em, gathered, decision, now);
  }

  private async gather(em: EntityManager, hostId: number): Promise<Gathered | undefined> {
    const host = await em.findOne(HostRecord, { id: hostId });
    if (!host || host.revokedAt) return undefined;
    const revision = await currentRevision(em);
    const render = renderDesiredState(revisionDocuments(revision), { name: host.name, labels: effectiveLabels(host) });
    const state = await em.findOne(HostStateRecord, { hostId });
    const artifacts: Record<string, ArtifactDownload | null> = {};
    for (const ref of new Set(render.desired.files.map((f) => f.artifact))) {
      const a = await findArtifactByRef(em, ref);
      artifacts[ref] = a ? artifactDownload(a, this.opts.serverUrl()) : null;
    }
    const previous = state
      ? { revisionId: state.revisionId ?? null, desiredHash: state.desiredHash ?? null, drift: state.drift, status: state.status, convergedRevisionId: state.convergedRevisionId ?? null, agentHash: state.agentHash ?? null, error: state.error ?? null }
      : null;
    const observed = state?.observedAt ? parseObserved(state.observed) : undefined;
    return { host, state, inputs: { online: host.online, revisionId: revision?.id ?? null, render, previous, observed, artifacts } };
  }

  private async act(em: EntityManager, { host, state: existing, inputs }: Gathered, decision: ReturnType<typeof decideHostState>, now: Date): Promise<void> {
    if (decision.send) {
      this.opts.pubsub.publish(agentInstructionsTopic(host.id), desiredStateInstruction({ ...decision.send, desired: { ...decision.send.desired } }));
    }
    const { row } = decision;
    const fields = (r: { revisionId?: number | null; desiredHash?: string | null; status: string; drift: unknown; convergedRevisionId?: number | null }) =>
      JSON.stringify([r.revisionId ?? null, r.desiredHash ?? null, r.status, r.drift, r.convergedRevisionId ?? null]);
    if (existing && fields(existing) === fields(row)) return; // a pass with nothing to do writes nothing
    const state = existing ?? em.create(HostStateRecord, { hostId: host.id, drift: [], status: 'PENDING', updatedAt: now, revisionId: null, desiredHash: null, agentHash: null });
    if (state.desiredHash !== row.desiredHash || state.revisionId !== row.revisionId) state.desired = inputs.render.desired as unknown as Record<string, unknown>;
    state.revisionId = row.revisionId;
    state.desiredHash = row.desiredHash;
    state.drift = [...row.drift];
    state.status = row.status;
    state.convergedRevisionId = row.convergedRevisionId;
    state.updatedAt = now;
    await em.flush();
    publishHostChanged(this.opts.pubsub, { hostId: host.id, host: host.name, part: 'STATE' });
    this.opts.pubsub.publish(ROLLOUT_TOPIC, { hostId: host.id, host: host.name, online: host.online, status: row.status, revision: row.revisionId, convergedRevision: row.convergedRevisionId, drift: row.drift, error: state.error ?? null, observedAt: state.observedAt?.toISOString() ?? null, updatedAt: now.toISOString() });
  }
}
