import type { EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import { HostRecord, HostStatusEventRecord, type HostStatusChange } from '../../db/entities/index.js';
import { retryOnDeadlock } from '../batching/lock-retry.js';

/** Hosts per statement (an `IN` list of this many), as for presence batches. */
const SWEEP_CHUNK = 500;

/**
 * What one liveness sweep looks for, each a condition on a host row and the change it records:
 * DEAD when no heartbeat came within the alive window; DISCONNECTED when a host is still marked
 * online by another replica (or by none) but its heartbeats stopped (that replica died without
 * closing the socket). A host whose socket the sweeping replica holds itself is never marked
 * offline here: its socket's close does that (the keepalive closes a dead one), and a server
 * busy enough to store heartbeats late — a 10,000-agent connect storm on a loaded machine — once
 * turned thousands of connected hosts offline for as long as their sockets lived, so that no
 * job was sent to them.
 */
export interface SweepCutoffs {
  /** Alive hosts last seen before this (or never) are DEAD. */
  readonly deadBefore: Date;
  /** Online hosts last seen before this are offline. */
  readonly offlineBefore: Date;
}

/** Pure: the cutoffs of a sweep at `now`. Offline after at most 90 s of silence, or the alive window if shorter. */
export function sweepCutoffs(now: Date, aliveWindowMs: number): SweepCutoffs {
  return { deadBefore: new Date(now.getTime() - aliveWindowMs), offlineBefore: new Date(now.getTime() - Math.min(aliveWindowMs, 90_000)) };
}

/**
 * The liveness sweep, set based and in the presence writer's lock order: the candidates are read
 * without locks, then per chunk of ids (ascending) one transaction locks the rows that still
 * match (`FOR UPDATE`, primary-key order, like {@link writePresence} and the heartbeat flush, so
 * the writers cannot deadlock each other), updates them in one statement and inserts their
 * events in one. A chunk InnoDB still picks as a deadlock victim (another replica) runs again.
 * A row a heartbeat or reconnect refreshed in between no longer matches and is left alone.
 * Returns the ids of the hosts whose row changed (to publish).
 */
export async function writeSweep(em: EntityManager, cutoffs: SweepCutoffs, now: Date, replicaId: string): Promise<number[]> {
  const changed = new Set<number>();
  const dead = await em.find(HostRecord, { alive: true, $or: [{ lastSeenAt: null }, { lastSeenAt: { $lt: cutoffs.deadBefore } }] }, { fields: ['id'], disableIdentityMap: true });
  const elsewhere = { $or: [{ connectedTo: null }, { connectedTo: { $ne: replicaId } }] };
  const lost = await em.find(HostRecord, { online: true, lastSeenAt: { $lt: cutoffs.offlineBefore }, ...elsewhere }, { fields: ['id'], disableIdentityMap: true });
  const steps: readonly { readonly ids: number[]; readonly where: string; readonly params: unknown[]; readonly set: string; readonly change: HostStatusChange; readonly reason: string }[] = [
    { ids: ascending(dead), where: 'alive = 1 and (last_seen_at is null or last_seen_at < ?)', params: [cutoffs.deadBefore], set: 'alive = 0', change: 'DEAD', reason: `no heartbeat for ${Math.round((now.getTime() - cutoffs.deadBefore.getTime()) / 1000)} s` },
    { ids: ascending(lost), where: 'online = 1 and last_seen_at < ? and (connected_to is null or connected_to <> ?)', params: [cutoffs.offlineBefore, replicaId], set: 'online = 0, connected_to = null', change: 'DISCONNECTED', reason: 'heartbeats stopped (the connection was lost without a close)' },
  ];
  for (const step of steps) {
    for (let i = 0; i < step.ids.length; i += SWEEP_CHUNK) {
      const chunk = step.ids.slice(i, i + SWEEP_CHUNK);
      const ids = await retryOnDeadlock(() =>
        em.transactional(async (tx) => {
          const conn = tx.getConnection();
          const ctx = tx.getTransactionContext();
          const platform = tx.getPlatform();
          const params = [...chunk, ...step.params.map((p) => (p instanceof Date ? platform.processDateProperty(p) : p))];
          const rows = await conn.execute<{ id: number }[]>(`select id from hosts where id in (${placeholders(chunk.length)}) and ${step.where} order by id${platform instanceof MySqlPlatform ? ' for update' : ''}`, params, 'all', ctx);
          const hit = rows.map((r: { id: number }) => Number(r.id));
          if (hit.length === 0) return [];
          await conn.execute(`update hosts set ${step.set} where id in (${placeholders(hit.length)})`, hit, 'run', ctx);
          await tx.insertMany(HostStatusEventRecord, hit.map((hostId: number) => ({ hostId, at: now, change: step.change, reason: step.reason.slice(0, 255) })));
          return hit;
        }),
      );
      for (const id of ids) changed.add(id);
    }
  }
  return [...changed];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const ascending = (rows: readonly { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
