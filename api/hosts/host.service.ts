import crypto from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import { compileTarget, type HostMatcher } from '../../manifests/index.js';
import { HostRecord, HostStatusEventRecord, type HostStatusChange } from '../../db/entities/index.js';
import type { Inventory } from '../../protocol/index.js';
import { inventoryFingerprint } from '../../protocol/index.js';
import { hashToken } from '../auth/tokens.js';
import type { AuthResult } from '../auth/principal.js';
import { badInput, notFound } from '../errors.js';
import type { PubSub } from '../pubsub/pubsub.js';
import { checkLabels } from './enrollment.service.js';
import { hostView, effectiveLabels, type HostView } from './host-view.js';
import { scanHosts } from './host-scan.js';
import { CLOSE_AGENT_TOPIC, HOST_UPDATED_TOPIC } from './topics.js';
import { Coalescer } from '../batching/coalescer.js';
import { writePresence, type PresenceChange } from './host-presence.js';
import { sweepCutoffs, writeSweep } from './host-liveness.js';
import { retryOnDeadlock } from '../batching/lock-retry.js';

/** The columns a credential check reads. */
interface CredentialRow {
  readonly id: number;
  readonly name: string;
  readonly credentialHash: string;
  readonly revokedAt: Date | null;
}

export type HostStatusFilter = 'ONLINE' | 'OFFLINE' | 'ALIVE' | 'DEAD' | 'REVOKED';

export interface HostListFilter {
  readonly selector?: string;
  readonly hosts?: readonly string[];
  readonly status?: HostStatusFilter;
  /** Substring of the name, hostname or an address. */
  readonly search?: string;
}

export interface FleetSummary {
  total: number;
  online: number;
  alive: number;
  dead: number;
  revoked: number;
}

export interface HostServiceOptions {
  readonly pubsub: PubSub;
  /** @default 180 000 ms (IOMS_ALIVE_WINDOW) */
  readonly aliveWindowMs: number;
  /** This replica's name, stored on hosts whose socket it holds. */
  readonly replicaId: string;
  readonly now?: () => Date;
}

/**
 * Hosts: identity, liveness, inventory, labels. Every change of online/alive state is written
 * with a conditional UPDATE (so exactly one writer records it, cluster-wide), recorded as a status
 * event and published as `hostUpdated`.
 */
export class HostService {
  private readonly now: () => Date;
  private readonly pendingBeats = new Set<number>();
  private flushingBeats = false;
  private presence: Coalescer<PresenceChange, void> | undefined;
  private credentials: Coalescer<number, CredentialRow | undefined> | undefined;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: HostServiceOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  get aliveWindowMs(): number {
    return this.opts.aliveWindowMs;
  }

  view(h: HostRecord): HostView {
    return hostView(h, this.now(), this.opts.aliveWindowMs);
  }

  /** Checks an agent's credential (host id + secret from the connection). */
  async authenticateAgent(em: EntityManager, hostId: unknown, secret: unknown): Promise<AuthResult> {
    if (typeof hostId !== 'number' || !Number.isSafeInteger(hostId) || typeof secret !== 'string' || secret.length > 200) {
      return { ok: false, failure: { code: 'BAD_AGENT_CREDENTIAL' } };
    }
    const host = await this.credentialsFor(em).submit(hostId);
    const presented = Buffer.from(hashToken(secret), 'hex');
    const stored = Buffer.from(host?.credentialHash ?? '0'.repeat(64), 'hex');
    if (!host || !crypto.timingSafeEqual(presented, stored)) return { ok: false, failure: { code: 'BAD_AGENT_CREDENTIAL' } };
    if (host.revokedAt) return { ok: false, failure: { code: 'HOST_REVOKED', hostName: host.name } };
    return { ok: true, principal: { kind: 'agent', hostId: host.id, hostName: host.name } };
  }

  /**
   * Records an agent's socket as open on this replica (online, address, version, CONNECTED, and
   * ALIVE when it was not). Batched: connects arriving together share one transaction and a few
   * multi-row statements (see {@link writePresence}); resolves once stored.
   */
  async connected(em: EntityManager, hostId: number, ip: string, agentVersion?: string): Promise<void> {
    await this.presenceFor(em).submit({ kind: 'CONNECTED', hostId, ip, agentVersion });
  }

  /**
   * Only the replica that holds the host's socket marks it offline. Goes through the same batches
   * as {@link connected}, in order per host: a close stored after the reconnect that followed it
   * would leave a connected host offline, and its queued commands unsent.
   */
  async disconnected(em: EntityManager, hostId: number, reason: string): Promise<void> {
    await this.presenceFor(em).submit({ kind: 'DISCONNECTED', hostId, reason });
  }

  /** Resolves once every connect and disconnect noted so far is stored. */
  async presenceSettled(): Promise<void> {
    await this.presence?.settled();
  }

  private presenceFor(em: EntityManager): Coalescer<PresenceChange, void> {
    this.presence ??= new Coalescer(async (changes) => {
      const fork = em.fork();
      const changed = await this.exclusive(() => writePresence(fork, this.opts.replicaId, changes, this.now()));
      await this.publishMany(fork, changed);
      return changes.map(() => undefined);
    });
    return this.presence;
  }

  /** Credential checks arriving together (a connect storm) read their rows in one SELECT. */
  private credentialsFor(em: EntityManager): Coalescer<number, CredentialRow | undefined> {
    this.credentials ??= new Coalescer(async (ids) => {
      const rows = await em.fork().find(HostRecord, { id: { $in: [...new Set(ids)] } }, { fields: ['id', 'name', 'credentialHash', 'revokedAt'], disableIdentityMap: true });
      const byId = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, credentialHash: r.credentialHash, revokedAt: r.revokedAt ?? null }]));
      return ids.map((id) => byId.get(id));
    });
    return this.credentials;
  }

  /** Publishes `hostUpdated` for many hosts: one read, one pub/sub message. */
  private async publishMany(em: EntityManager, ids: readonly number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await em.find(HostRecord, { id: { $in: ids.slice(i, i + 1000) } }, { disableIdentityMap: true });
      this.opts.pubsub.publishMany(HOST_UPDATED_TOPIC, rows.map((h) => this.view(h)));
    }
  }

  /**
   * Notes a heartbeat. Writes are batched: `flushHeartbeats` (every second) stores one
   * `last_seen_at` for all hosts heard from, then records the ones that came back alive. A fleet's
   * heartbeats thus cost two statements a second instead of two per beat.
   */
  heartbeat(hostId: number): void {
    this.pendingBeats.add(hostId);
  }

  async flushHeartbeats(em: EntityManager): Promise<number> {
    // One flush at a time: a slow one must not overlap the next tick's (they would contend for the same rows).
    if (this.flushingBeats) return 0;
    if (this.pendingBeats.size === 0) return 0;
    this.flushingBeats = true;
    // Sorted: every writer of many host rows takes their locks in primary-key order, so two of them cannot deadlock.
    const ids = [...this.pendingBeats].sort((a, b) => a - b);
    this.pendingBeats.clear();
    const now = this.now();
    try {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const revived = await this.exclusive(async () => {
          await retryOnDeadlock(() => em.nativeUpdate(HostRecord, { id: { $in: chunk } }, { lastSeenAt: now }));
          const dead = await em.find(HostRecord, { id: { $in: chunk }, alive: false, revokedAt: null }, { fields: ['id'], disableIdentityMap: true });
          const back: number[] = [];
          for (const { id } of dead) if (await this.markAlive(em, id, now)) back.push(id);
          return back;
        });
        for (const id of revived) await this.publish(em, id);
      }
    } catch (err) {
      // Not lost: the beats are noted again for the next flush.
      for (const id of ids) this.pendingBeats.add(id);
      throw err;
    } finally {
      this.flushingBeats = false;
    }
    return ids.length;
  }

  /** Stores the inventory when it changed; returns whether it did. */
  async reportInventory(em: EntityManager, hostId: number, inventory: Inventory): Promise<boolean> {
    const fingerprint = inventoryFingerprint(inventory);
    const changed = await em.nativeUpdate(HostRecord, { id: hostId, $or: [{ inventoryFingerprint: null }, { inventoryFingerprint: { $ne: fingerprint } }] }, { inventory: inventory as unknown as Record<string, unknown>, inventoryFingerprint: fingerprint, agentVersion: inventory.agentVersion.slice(0, 64) });
    if (changed === 1) await this.publish(em, hostId);
    return changed === 1;
  }

  /**
   * Records hosts whose heartbeat is older than the alive window as DEAD, and hosts still marked
   * online by another replica whose heartbeats stopped (that replica died) as offline. Run periodically.
   */
  async sweep(em: EntityManager): Promise<number> {
    const now = this.now();
    const changed = await this.exclusive(() => writeSweep(em, sweepCutoffs(now, this.opts.aliveWindowMs), now, this.opts.replicaId));
    await this.publishMany(em, changed);
    return changed.length;
  }

  /**
   * One writer of hosts' liveness columns at a time on this replica: presence batches, heartbeat
   * flush chunks and sweeps queue here instead of contending for the same rows (a sweep that ran
   * beside a presence batch was picked as a deadlock victim and retried). Between replicas they
   * still meet, in the same primary-key lock order, with {@link retryOnDeadlock} for the rest.
   */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work);
    this.writing = run.catch(() => undefined);
    return run;
  }

  /**
   * At start: hosts this replica held before a crash or restart are not connected any more. Set
   * based (one UPDATE and one multi-row INSERT of DISCONNECTED events per chunk), so a replica
   * that held 10,000 hosts is listening again in well under a second instead of after one
   * round trip per host.
   */
  async releaseReplica(em: EntityManager): Promise<void> {
    const held = await em.find(HostRecord, { online: true, connectedTo: this.opts.replicaId }, { fields: ['id'], disableIdentityMap: true });
    const now = this.now();
    for (let i = 0; i < held.length; i += 1000) {
      const chunk = held.slice(i, i + 1000).map((h) => h.id);
      const released = await em.transactional(async (tx) => {
        const mine = await tx.find(HostRecord, { id: { $in: chunk }, online: true, connectedTo: this.opts.replicaId }, { fields: ['id'], lockMode: tx.getPlatform() instanceof MySqlPlatform ? LockMode.PESSIMISTIC_WRITE : undefined, disableIdentityMap: true });
        const ids = mine.map((h) => h.id);
        if (ids.length === 0) return [];
        await tx.nativeUpdate(HostRecord, { id: { $in: ids } }, { online: false, connectedTo: null });
        await tx.insertMany(HostStatusEventRecord, ids.map((hostId) => ({ hostId, at: now, change: 'DISCONNECTED' as HostStatusChange, reason: 'server restarted' })));
        return ids;
      });
      const views = released.length ? await em.find(HostRecord, { id: { $in: released } }, { disableIdentityMap: true }) : [];
      for (const h of views) this.opts.pubsub.publish(HOST_UPDATED_TOPIC, this.view(h));
    }
  }

  async get(em: EntityManager, name: string): Promise<HostRecord> {
    const host = await em.findOne(HostRecord, { name });
    if (!host) throw notFound(`no host named "${name}"`);
    return host;
  }

  /** Hosts matching the filter, ordered by name. Selectors are matched in memory (labels are JSON). */
  async list(em: EntityManager, filter: HostListFilter): Promise<HostView[]> {
    let matcher: HostMatcher | undefined;
    if (filter.selector !== undefined || (filter.hosts?.length ?? 0) > 0) {
      try {
        matcher = compileTarget({ selector: filter.selector, hosts: filter.hosts });
      } catch (err) {
        throw badInput(err instanceof Error ? err.message : String(err));
      }
    }
    const rows = await em.find(HostRecord, {}, { orderBy: { name: 'asc' } });
    const search = filter.search?.toLowerCase();
    return rows
      .map((h) => this.view(h))
      .filter((h) => !matcher || matcher({ name: h.name, labels: h.labels }))
      .filter((h) => !filter.status || statusMatches(h, filter.status))
      .filter((h) => !search || searchText(h).includes(search));
  }

  async summary(em: EntityManager): Promise<FleetSummary> {
    const views = await scanHosts(em, {}, this.now(), this.opts.aliveWindowMs);
    const active = views.filter((h) => !h.revoked);
    return {
      total: active.length,
      online: active.filter((h) => h.online).length,
      alive: active.filter((h) => h.alive).length,
      dead: active.filter((h) => !h.alive).length,
      revoked: views.length - active.length,
    };
  }

  async setLabels(em: EntityManager, name: string, set: Record<string, unknown>, remove: readonly string[]): Promise<HostRecord> {
    const host = await this.get(em, name);
    const labels = { ...host.serverLabels, ...checkLabels(set) };
    for (const key of remove) delete labels[key];
    host.serverLabels = labels;
    await em.flush();
    await this.publish(em, host.id);
    return host;
  }

  /** Revokes the host's credential and asks every replica to close its socket. */
  async revoke(em: EntityManager, name: string): Promise<HostRecord> {
    const host = await this.get(em, name);
    if (!host.revokedAt) {
      host.revokedAt = this.now();
      host.online = false;
      host.alive = false;
      await em.flush();
      await this.record(em, host.id, 'REVOKED', null);
    }
    this.opts.pubsub.publish(CLOSE_AGENT_TOPIC, { hostId: host.id, reason: 'host revoked' });
    await this.publish(em, host.id);
    return host;
  }

  async remove(em: EntityManager, name: string): Promise<HostRecord> {
    const host = await this.revoke(em, name);
    await em.nativeDelete(HostStatusEventRecord, { hostId: host.id });
    await em.nativeDelete(HostRecord, { id: host.id });
    return host;
  }

  history(em: EntityManager, hostId: number, since: Date, until: Date): Promise<HostStatusEventRecord[]> {
    return em.find(HostStatusEventRecord, { hostId, at: { $gte: since, $lt: until } }, { orderBy: { id: 'asc' }, limit: 10_000 });
  }

  private async markAlive(em: EntityManager, hostId: number, now: Date): Promise<boolean> {
    if ((await em.nativeUpdate(HostRecord, { id: hostId, alive: false }, { alive: true })) !== 1) return false;
    await this.record(em, hostId, 'ALIVE', null, now);
    return true;
  }

  private async record(em: EntityManager, hostId: number, change: HostStatusChange, reason: string | null, at = this.now()): Promise<void> {
    await em.insert(HostStatusEventRecord, { hostId, at, change, reason: reason?.slice(0, 255) ?? null });
  }

  private async publish(em: EntityManager, hostId: number): Promise<void> {
    // Inside a transaction, read through it (a plain fork would wait for its connection on SQLite).
    const host = await em.fork({ keepTransactionContext: true }).findOne(HostRecord, { id: hostId });
    if (host) this.opts.pubsub.publish(HOST_UPDATED_TOPIC, this.view(host));
  }
}

export function statusMatches(h: HostView, status: HostStatusFilter): boolean {
  switch (status) {
    case 'ONLINE':
      return h.online;
    case 'OFFLINE':
      return !h.online && !h.revoked;
    case 'ALIVE':
      return h.alive;
    case 'DEAD':
      return !h.alive && !h.revoked;
    case 'REVOKED':
      return h.revoked;
  }
}

export function searchText(h: HostView): string {
  const inv = h.inventory as { hostname?: string; ips?: { address?: string }[] } | null;
  return [h.name, inv?.hostname ?? '', ...(inv?.ips ?? []).map((ip) => ip.address ?? ''), h.address ?? ''].join(' ').toLowerCase();
}

export { effectiveLabels };

export { retryOnDeadlock };
