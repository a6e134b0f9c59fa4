import type { EntityManager } from '@mikro-orm/core';
import { MySqlPlatform } from '@mikro-orm/mysql';
import { HostStatusEventRecord, type HostStatusChange } from '../../db/entities/index.js';
import { retryOnDeadlock } from '../batching/lock-retry.js';

/**
 * A socket opened or closed: what the presence writer stores. Changes are applied in batches
 * (see {@link writePresence}); per host they keep the order they happened in.
 */
export type PresenceChange =
  | { readonly kind: 'CONNECTED'; readonly hostId: number; readonly ip: string; readonly agentVersion?: string }
  | { readonly kind: 'DISCONNECTED'; readonly hostId: number; readonly reason: string };

/**
 * Splits changes into runs in which each host appears at most once, keeping their order: within
 * a run hosts are independent and may be written together; a host's close and its next open
 * (a reconnect) land in successive runs, so the close can never be stored after the open.
 */
export function presenceRuns(changes: readonly PresenceChange[]): PresenceChange[][] {
  const runs: PresenceChange[][] = [];
  let current: PresenceChange[] = [];
  let hosts = new Set<number>();
  for (const c of changes) {
    if (hosts.has(c.hostId)) {
      runs.push(current);
      current = [];
      hosts = new Set();
    }
    hosts.add(c.hostId);
    current.push(c);
  }
  if (current.length) runs.push(current);
  return runs;
}

/** Hosts per statement (an `IN` list and a `CASE` of this many). */
const PRESENCE_CHUNK = 500;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Stores a batch of presence changes: per run and chunk, one transaction with one UPDATE of the
 * connected hosts (each its own address and version through `CASE id`), one multi-row INSERT
 * of their CONNECTED events, the ones that were not alive set alive with their ALIVE events,
 * and likewise one conditional UPDATE and one INSERT for the closed ones. Every chunk takes its
 * row locks in primary-key order (like the heartbeat flush), so two writers cannot deadlock.
 * A chunk InnoDB picks as a deadlock victim is run again (it rolled back whole). Returns the ids
 * of the hosts whose row changed (to publish).
 */
export async function writePresence(em: EntityManager, replicaId: string, changes: readonly PresenceChange[], now: Date): Promise<number[]> {
  const changed = new Set<number>();
  for (const run of presenceRuns(changes)) {
    const opened = run.filter((c): c is Extract<PresenceChange, { kind: 'CONNECTED' }> => c.kind === 'CONNECTED').sort((a, b) => a.hostId - b.hostId);
    const closed = run.filter((c): c is Extract<PresenceChange, { kind: 'DISCONNECTED' }> => c.kind === 'DISCONNECTED').sort((a, b) => a.hostId - b.hostId);
    for (let i = 0; i < opened.length; i += PRESENCE_CHUNK) {
      for (const id of await retryOnDeadlock(() => em.transactional((tx) => storeOpened(tx, replicaId, opened.slice(i, i + PRESENCE_CHUNK), now)))) changed.add(id);
    }
    for (let i = 0; i < closed.length; i += PRESENCE_CHUNK) {
      for (const id of await retryOnDeadlock(() => em.transactional((tx) => storeClosed(tx, replicaId, closed.slice(i, i + PRESENCE_CHUNK), now)))) changed.add(id);
    }
  }
  return [...changed];
}

async function storeOpened(tx: EntityManager, replicaId: string, opened: readonly Extract<PresenceChange, { kind: 'CONNECTED' }>[], now: Date): Promise<number[]> {
  if (opened.length === 0) return [];
  const conn = tx.getConnection();
  const ctx = tx.getTransactionContext();
  const at = tx.getPlatform().processDateProperty(now);
  const ids = opened.map((c) => c.hostId);
  const versioned = opened.filter((c) => c.agentVersion);
  const params: unknown[] = [at, at, replicaId];
  for (const c of opened) params.push(c.hostId, c.ip.slice(0, 64));
  for (const c of versioned) params.push(c.hostId, c.agentVersion!.slice(0, 64));
  params.push(...ids);
  const version = versioned.length ? `, agent_version = case id ${versioned.map(() => 'when ? then ?').join(' ')} else agent_version end` : '';
  await conn.execute(
    `update hosts set online = 1, last_connected_at = ?, last_seen_at = ?, connected_to = ?, last_address = case id ${opened.map(() => 'when ? then ?').join(' ')} end${version} where id in (${placeholders(ids.length)})`,
    params,
    'run',
    ctx,
  );
  await tx.insertMany(HostStatusEventRecord, opened.map((c) => ({ hostId: c.hostId, at: now, change: 'CONNECTED' as HostStatusChange, reason: `from ${c.ip}`.slice(0, 255) })));
  // Alive again: only the rows read here, under their lock, are recorded (once, cluster-wide).
  const revived = (await conn.execute<{ id: number }[]>(`select id from hosts where id in (${placeholders(ids.length)}) and alive = 0${forUpdate(tx)}`, ids, 'all', ctx)).map((r: { id: number }) => Number(r.id));
  if (revived.length) {
    await conn.execute(`update hosts set alive = 1 where id in (${placeholders(revived.length)})`, revived, 'run', ctx);
    await tx.insertMany(HostStatusEventRecord, revived.map((hostId: number) => ({ hostId, at: now, change: 'ALIVE' as HostStatusChange, reason: null })));
  }
  return ids;
}

/** Only the replica that holds a host's socket marks it offline. */
async function storeClosed(tx: EntityManager, replicaId: string, closed: readonly Extract<PresenceChange, { kind: 'DISCONNECTED' }>[], now: Date): Promise<number[]> {
  const conn = tx.getConnection();
  const ctx = tx.getTransactionContext();
  const ids = closed.map((c) => c.hostId);
  const mine = new Set((await conn.execute<{ id: number }[]>(`select id from hosts where id in (${placeholders(ids.length)}) and online = 1 and connected_to = ?${forUpdate(tx)}`, [...ids, replicaId], 'all', ctx)).map((r: { id: number }) => Number(r.id)));
  const gone = closed.filter((c) => mine.has(c.hostId));
  if (gone.length === 0) return [];
  await conn.execute(`update hosts set online = 0, connected_to = null where id in (${placeholders(gone.length)})`, gone.map((c) => c.hostId), 'run', ctx);
  await tx.insertMany(HostStatusEventRecord, gone.map((c) => ({ hostId: c.hostId, at: now, change: 'DISCONNECTED' as HostStatusChange, reason: c.reason.slice(0, 255) })));
  return gone.map((c) => c.hostId);
}

function forUpdate(tx: EntityManager): string {
  return tx.getPlatform() instanceof MySqlPlatform ? ' for update' : '';
}
