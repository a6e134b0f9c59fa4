import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { Reconciler, RECONCILE_REQUESTED_TOPIC, ROLLOUT_TOPIC } from '../../api/reconciler/reconciler.js';
import { writeRolloutRows } from '../../api/reconciler/rollout-rows.js';
import { agentInstructionsTopic } from '../../api/hosts/topics.js';
import type { Logger } from '../../api/logger.js';
import type { PubSub } from '../../api/pubsub/pubsub.js';
import { HostRecord, HostStateRecord, ManifestRevisionRecord } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase } from '../../db/orm.js';
import { loadManifests } from '../../manifests/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

const NOW = new Date('2026-12-01T12:00:00.123Z');

const profile = (command: string) => `apiVersion: ioms/v1
kind: Profile
metadata: { name: web }
spec:
  selector: { matchLabels: { role: web } }
  processes:
    - { name: web, command: ${command} }
---
apiVersion: ioms/v1
kind: Profile
metadata: { name: db }
spec:
  selector: { matchLabels: { role: db } }
  processes:
    - { name: db, command: /srv/db }
`;

/** What a reconciler published, by topic (a pub/sub that only records; `bus` links several). */
function recordingPubSub(bus?: { peers: PubSub[] }) {
  const published: { topic: string; payload: unknown }[] = [];
  const listeners = new Map<string, ((p: unknown) => void)[]>();
  const self: PubSub & { published: typeof published; deliver(topic: string, payload: unknown): void } = {
    published,
    deliver(topic, payload) {
      for (const l of listeners.get(topic) ?? []) l(payload);
    },
    publish(topic, payload) {
      published.push({ topic, payload });
      for (const peer of bus?.peers ?? [self]) (peer as typeof self).deliver(topic, payload);
    },
    publishMany(topic, payloads) {
      for (const p of payloads) published.push({ topic, payload: p });
    },
    emitLocal: () => undefined,
    subscribe(topic) {
      const queue: unknown[] = [];
      let wake: (() => void) | undefined;
      listeners.set(topic, [...(listeners.get(topic) ?? []), (p) => (queue.push(p), wake?.())]);
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            while (queue.length === 0) await new Promise<void>((r) => (wake = r));
            return { value: queue.shift(), done: false };
          },
          return: async () => ({ value: undefined, done: true }),
        }),
      };
    },
    listen(topic, listener) {
      listeners.set(topic, [...(listeners.get(topic) ?? []), listener]);
    },
    unlisten(topic, listener) {
      listeners.set(topic, (listeners.get(topic) ?? []).filter((l) => l !== listener));
    },
    close: async () => undefined,
  };
  bus?.peers.push(self);
  return self;
}

function recordingLogger() {
  const errors: { obj: Record<string, unknown>; msg: string }[] = [];
  const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (obj: Record<string, unknown>, msg: string) => void errors.push({ obj, msg }) } as unknown as Logger;
  return { logger, errors };
}

/**
 * The batched pass against a real database: hosts taken in chunks, reads and writes that do
 * not grow per host, one host's failure kept to that host, nothing written when nothing
 * changed, guarded writes, and each replica marking the hosts it holds.
 */
describe.each(databaseKinds())('the batched reconcile pass ($name)', (kind) => {
  let db: TestDatabase;
  let orm: MikroORM;
  const queries: string[] = [];

  const addHosts = async (names: string[], labels: Record<string, string>, extra: { online?: boolean; connectedTo?: string } = {}) => {
    const em = orm.em.fork();
    const hosts = names.map((name) => em.create(HostRecord, { name, credentialHash: 'x', agentLabels: labels, serverLabels: {}, enrolledAt: NOW, online: true, alive: true, ...extra }));
    await em.flush();
    return hosts.map((h) => h.id);
  };
  const applyRevision = async (yaml: string) => {
    const { documents, errors } = loadManifests([{ path: 'web.yaml', content: yaml }]);
    expect(errors).toEqual([]);
    const em = orm.em.fork();
    const r = em.create(ManifestRevisionRecord, { createdBy: 'test', createdAt: NOW, source: {}, files: [], documents: documents as unknown[] });
    await em.flush();
    return r.id;
  };
  const rows = async () => new Map((await orm.em.fork().find(HostStateRecord, {})).map((r) => [r.hostId, r]));
  const reconciler = (opts: { chunkSize?: number; replicaId?: string; pubsub?: ReturnType<typeof recordingPubSub> } = {}) => {
    const pubsub = opts.pubsub ?? recordingPubSub();
    const { logger, errors } = recordingLogger();
    const r = new Reconciler({ orm, pubsub, logger, now: () => NOW, serverUrl: () => 'http://ioms.test', chunkSize: opts.chunkSize, replicaId: opts.replicaId });
    return { r, pubsub, errors };
  };
  const pass = async (r: Reconciler, ids: readonly number[]) => {
    for (const id of ids) r.mark(id);
    await r.idle();
  };
  /** Statements sent while `work` ran, by kind. */
  const counted = async (work: () => Promise<void>) => {
    const from = queries.length;
    await work();
    const q = queries.slice(from).map((m) => m.toLowerCase());
    const of = (re: RegExp) => q.filter((m) => re.test(m)).length;
    return { all: q.length, hostReads: of(/select .* from [`"]hosts[`"]/), rowReads: of(/select .* from [`"]host_states[`"]/), writes: of(/(update|insert( ignore)?( into)?) [`"]?host_states/) };
  };

  beforeAll(async () => {
    db = await kind.create();
    orm = await openDatabase(db.url, { debug: true, log: (m) => void (m.includes('[query]') && queries.push(m)) });
    await migrateDatabase(orm);
  });
  beforeEach(async () => {
    const em = orm.em.fork();
    await em.nativeDelete(HostStateRecord, {});
    await em.nativeDelete(HostRecord, {});
    await em.nativeDelete(ManifestRevisionRecord, {});
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('takes the dirty hosts in chunks, each with the same few statements however many hosts it holds', async () => {
    await applyRevision(profile('/srv/web'));
    const one = await addHosts(['solo'], { role: 'web' });
    const many = await addHosts(Array.from({ length: 40 }, (_, i) => `web-${i}`), { role: 'web' });
    const small = reconciler();
    const forOne = await counted(() => pass(small.r, one));
    const forMany = await counted(() => pass(reconciler().r, many));
    expect(forMany).toEqual(forOne);
    expect(forOne.hostReads).toBe(1);
    expect(forOne.rowReads).toBe(1);
    expect(forOne.writes).toBe(1);
    // Chunks of 15: 3 chunks, each one read of hosts and of rows.
    const more = await addHosts(Array.from({ length: 45 }, (_, i) => `more-${i}`), { role: 'db' });
    const chunked = reconciler({ chunkSize: 15 });
    const c = await counted(() => pass(chunked.r, more));
    expect(c.hostReads).toBe(3);
    expect(c.rowReads).toBe(3);
    const stored = await rows();
    expect([...one, ...many, ...more].every((id) => stored.get(id)?.status === 'PENDING')).toBe(true);
    expect(chunked.pubsub.published.filter((p) => p.topic === ROLLOUT_TOPIC)).toHaveLength(45);
    expect(chunked.pubsub.published.filter((p) => p.topic === agentInstructionsTopic(more[0]!))).toHaveLength(1);
  });

  it('writes nothing and publishes no change when nothing changed', async () => {
    await applyRevision(profile('/srv/web'));
    const ids = await addHosts(['a', 'b', 'c'], { role: 'web' });
    await pass(reconciler().r, ids);
    const before = await rows();
    const again = reconciler();
    const c = await counted(() => pass(again.r, ids));
    expect(c.writes).toBe(0);
    expect(again.pubsub.published.filter((p) => p.topic === ROLLOUT_TOPIC)).toEqual([]);
    expect((await rows()).get(ids[0]!)?.updatedAt).toEqual(before.get(ids[0]!)?.updatedAt);
  });

  it('gives hosts with different labels their own desired state, and a new revision reaches every chunk', async () => {
    await applyRevision(profile('/srv/web'));
    const web = await addHosts(['w1', 'w2'], { role: 'web' });
    const dbs = await addHosts(['d1'], { role: 'db' });
    const { r } = reconciler({ chunkSize: 2 });
    await pass(r, [...web, ...dbs]);
    let stored = await rows();
    expect(stored.get(web[0]!)?.desiredHash).toBe(stored.get(web[1]!)?.desiredHash);
    expect(stored.get(dbs[0]!)?.desiredHash).not.toBe(stored.get(web[0]!)?.desiredHash);
    const first = stored.get(web[0]!)?.desiredHash;
    const revision = await applyRevision(profile('/srv/web2'));
    await pass(r, [...web, ...dbs]);
    stored = await rows();
    expect(stored.get(web[1]!)?.revisionId).toBe(revision);
    expect(stored.get(web[1]!)?.desiredHash).not.toBe(first);
    expect((stored.get(web[1]!)?.desired as { processes: { command: string }[] }).processes[0]?.command).toBe('/srv/web2');
  });

  it('a host whose own data fails is requeued alone; the others of its chunk are written', async () => {
    await applyRevision(profile('/srv/web'));
    const ids = await addHosts(['ok-1', 'bad', 'ok-2'], { role: 'web' });
    const { r } = reconciler();
    await pass(r, ids);
    // A row whose drift is not a list: deciding that host throws.
    await orm.em.fork().getConnection().execute(`update host_states set drift = ?, status = 'DRIFTED' where host_id = ?`, ['"not a list"', ids[1]]);
    await applyRevision(profile('/srv/web-next'));
    const next = reconciler();
    await pass(next.r, ids);
    next.r.stop();
    const stored = await rows();
    expect(stored.get(ids[0]!)?.desiredHash).toBe(stored.get(ids[2]!)?.desiredHash);
    expect(stored.get(ids[1]!)?.desiredHash).not.toBe(stored.get(ids[0]!)?.desiredHash);
    expect(next.errors.map((e) => [e.msg, e.obj.hostId, e.obj.failures])).toEqual([['reconcile failed; requeued', ids[1], 1]]);
  });

  it('a chunk that fails whole (its table away) is retried host by host and every host requeued with backoff', async () => {
    await applyRevision(profile('/srv/web'));
    const ids = await addHosts(['t1', 't2', 't3'], { role: 'web' });
    const conn = orm.em.fork().getConnection();
    await conn.execute(kind.name === 'mysql' ? 'rename table host_states to host_states_away' : 'alter table host_states rename to host_states_away');
    const { r, errors } = reconciler();
    try {
      await pass(r, ids);
    } finally {
      await conn.execute(kind.name === 'mysql' ? 'rename table host_states_away to host_states' : 'alter table host_states_away rename to host_states');
    }
    expect(errors.map((e) => [e.obj.hostId, e.obj.retryInMs]).sort()).toEqual(ids.map((id) => [id, 1000]).sort());
    // The requeued passes run by themselves after their backoff.
    await vi.waitFor(async () => expect((await rows()).size).toBe(3), { timeout: 5_000, interval: 100 });
    r.stop();
  });

  it('does not store a decision over a row another writer changed after it was read', async () => {
    await applyRevision(profile('/srv/web'));
    const [id] = await addHosts(['raced'], { role: 'web' });
    await pass(reconciler().r, [id!]);
    const read = (await rows()).get(id!)!;
    const row = { revisionId: read.revisionId ?? null, desiredHash: read.desiredHash ?? null, drift: [], status: 'FAILED' as const, convergedRevisionId: null };
    // Another writer got there first.
    await orm.em.fork().nativeUpdate(HostStateRecord, { hostId: id! }, { status: 'CONVERGED', updatedAt: new Date(NOW.getTime() + 5) });
    expect(await writeRolloutRows(orm.em.fork(), [{ hostId: id!, row, desired: undefined, expectedUpdatedAt: read.updatedAt }], NOW)).toEqual([id]);
    expect((await rows()).get(id!)?.status).toBe('CONVERGED');
    // A row that appeared since the pass found none is not overwritten either.
    expect(await writeRolloutRows(orm.em.fork(), [{ hostId: id!, row, desired: undefined, expectedUpdatedAt: null }], NOW)).toEqual([id]);
    // Read as it is now, the write lands.
    const fresh = (await rows()).get(id!)!;
    expect(await writeRolloutRows(orm.em.fork(), [{ hostId: id!, row, desired: undefined, expectedUpdatedAt: fresh.updatedAt }], NOW)).toEqual([]);
    expect((await rows()).get(id!)?.status).toBe('FAILED');
  });

  it('with replicas, markAll marks this replica’s hosts and those online nowhere, and the others mark theirs', async () => {
    await applyRevision(profile('/srv/web'));
    const onA = await addHosts(['a1', 'a2'], { role: 'web' }, { connectedTo: 'replica-a' });
    const onB = await addHosts(['b1'], { role: 'web' }, { connectedTo: 'replica-b' });
    const offline = await addHosts(['off'], { role: 'web' }, { online: false });
    const bus = { peers: [] as PubSub[] };
    const a = reconciler({ replicaId: 'replica-a', pubsub: recordingPubSub(bus) });
    const b = reconciler({ replicaId: 'replica-b', pubsub: recordingPubSub(bus) });
    const markedA = vi.spyOn(a.r, 'mark');
    const markedB = vi.spyOn(b.r, 'mark');
    a.r.start();
    b.r.start();
    await b.r.markAll();
    await vi.waitFor(() => expect(markedA).toHaveBeenCalledTimes(2), { timeout: 5_000 });
    await a.r.idle();
    await b.r.idle();
    a.r.stop();
    b.r.stop();
    expect(markedA.mock.calls.map(([id]) => id).sort()).toEqual([...onA].sort());
    expect(markedB.mock.calls.map(([id]) => id).sort()).toEqual([...onB, ...offline].sort());
    expect(b.pubsub.published.filter((p) => p.topic === RECONCILE_REQUESTED_TOPIC)).toEqual([{ topic: RECONCILE_REQUESTED_TOPIC, payload: { origin: 'replica-b' } }]);
    expect((await rows()).size).toBe(4);
  });
});
