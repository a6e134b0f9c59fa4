import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { planHost, renderDesiredState, type DesiredState } from '../../manifests/index.js';
import { artifactDownload, findArtifactByRef, type ArtifactDownload } from '../artifacts/artifact-ref.js';
import { HostRecord, HostStateRecord, type DriftItem, type RolloutStatus } from '../../db/entities/index.js';
import type { Logger } from '../logger.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { effectiveLabels } from '../hosts/host-view.js';
import { agentInstructionsTopic } from '../hosts/topics.js';
import { currentRevision, parseObserved, revisionDocuments } from './manifest.service.js';

export const ROLLOUT_TOPIC = 'ROLLOUT_PROGRESSED';
/** Every online host is re-checked this often even without events. @default 60 s */
export const RESYNC_MS = 60_000;


/**
 * The reconcile loop, level-triggered: events (apply, agent ready, observed-state report,
 * periodic resync) only mark a host dirty; a pass re-reads everything for that host, sends the
 * agent its desired state if the agent has not acknowledged it, computes drift from the last
 * observed state, and writes the host's row only when something changed.
 */
export class Reconciler {
  private readonly dirty = new Set<number>();
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

  /** Resolves when the queue is empty (tests and shutdown). */
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
      } catch (err) {
        this.opts.logger.error({ err, hostId }, 'reconcile failed; will retry at the next resync');
      }
    }
  }

  /** One pass for one host. */
  async reconcile(em: EntityManager, hostId: number): Promise<void> {
    const host = await em.findOne(HostRecord, { id: hostId });
    if (!host || host.revokedAt) return;
    const revision = await currentRevision(em);
    const render = renderDesiredState(revisionDocuments(revision), { name: host.name, labels: effectiveLabels(host) });
    const now = this.opts.now();
    let state = await em.findOne(HostStateRecord, { hostId });
    const before = state ? JSON.stringify([state.revisionId, state.desiredHash, state.status, state.drift, state.convergedRevisionId, state.error]) : '';
    if (!state) {
      state = em.create(HostStateRecord, { hostId, drift: [], status: 'PENDING', updatedAt: now, revisionId: null, desiredHash: null, agentHash: null });
    }
    if (state.desiredHash !== render.hash || state.revisionId !== (revision?.id ?? null)) {
      state.desiredHash = render.hash;
      state.desired = render.desired as unknown as Record<string, unknown>;
      state.revisionId = revision?.id ?? null;
    }
    const acknowledged = state.agentHash === render.hash;
    if (!acknowledged && host.online) await this.send(em, host, revision?.id ?? null, render.desired, render.hash);
    const observed = state.observedAt ? parseObserved(state.observed) : undefined;
    const actions = observed ? planHost(render.desired, observed) : [];
    const previous = new Map(state.drift.map((d) => [`${d.key}|${d.reason}`, d.since]));
    state.drift = actions.map((a) => ({ key: a.key, action: a.type, reason: a.reason, sentence: a.message, since: previous.get(`${a.key}|${a.reason}`) ?? now.toISOString() }) satisfies DriftItem);
    const status: RolloutStatus = state.error ? 'FAILED' : !acknowledged || !observed ? 'PENDING' : actions.length ? 'DRIFTED' : 'CONVERGED';
    state.status = status;
    if (status === 'CONVERGED') state.convergedRevisionId = state.revisionId ?? null;
    const after = JSON.stringify([state.revisionId, state.desiredHash, state.status, state.drift, state.convergedRevisionId, state.error]);
    if (after === before) return; // a pass with nothing to do writes nothing
    state.updatedAt = now;
    await em.flush();
    this.opts.pubsub.publish(ROLLOUT_TOPIC, { hostId, host: host.name, online: host.online, status, revision: state.revisionId ?? null, convergedRevision: state.convergedRevisionId ?? null, drift: state.drift, error: state.error ?? null, observedAt: state.observedAt?.toISOString() ?? null, updatedAt: now.toISOString() });
  }

  /** The desired state goes to the agent with the artifacts it references resolved to download URLs. */
  private async send(em: EntityManager, host: HostRecord, revision: number | null, desired: DesiredState, hash: string): Promise<void> {
    const artifacts: Record<string, ArtifactDownload> = {};
    for (const f of desired.files) {
      const a = await findArtifactByRef(em, f.artifact);
      if (a) artifacts[f.artifact] = artifactDownload(a, this.opts.serverUrl());
    }
    this.opts.pubsub.publish(agentInstructionsTopic(host.id), { id: `desired-${hash.slice(7, 19)}`, kind: 'DESIRED_STATE', payload: { revision, hash, desired, artifacts } });
  }
}
