import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostRecord, HostStatusEventRecord } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase, type Orm } from '../../db/orm.js';
import { sweepCutoffs } from '../../api/hosts/host-liveness.js';
import { HostService } from '../../api/hosts/host.service.js';
import { createPubSub } from '../../api/pubsub/pubsub.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

const WINDOW_MS = 180_000;
const NOW = new Date('2026-06-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('sweepCutoffs', () => {
  it.each([
    { name: 'the default window: dead after it, offline after 90 s', windowMs: 180_000, dead: 180_000, offline: 90_000 },
    { name: 'a short window bounds both', windowMs: 30_000, dead: 30_000, offline: 30_000 },
  ])('$name', ({ windowMs, dead, offline }) => {
    expect(sweepCutoffs(NOW, windowMs)).toEqual({ deadBefore: ago(dead), offlineBefore: ago(offline) });
  });
});

/** Each case: a host row as the sweep finds it, and what it must leave. */
const CASES = [
  { name: 'fresh', row: { online: true, alive: true, lastSeenAt: ago(5_000), connectedTo: 'r0' }, after: { online: true, alive: true }, events: [] },
  { name: 'silent past the window', row: { online: false, alive: true, lastSeenAt: ago(WINDOW_MS + 1_000) }, after: { online: false, alive: false }, events: ['DEAD'] },
  { name: 'never seen', row: { online: false, alive: true, lastSeenAt: null }, after: { online: false, alive: false }, events: ['DEAD'] },
  { name: 'online but its replica died', row: { online: true, alive: true, lastSeenAt: ago(100_000), connectedTo: 'r0' }, after: { online: false, alive: true }, events: ['DISCONNECTED'] },
  { name: 'online, silent past the window', row: { online: true, alive: true, lastSeenAt: ago(WINDOW_MS + 1_000), connectedTo: 'r0' }, after: { online: false, alive: false }, events: ['DEAD', 'DISCONNECTED'] },
  // This replica holds the socket: its close marks the host offline, not late heartbeats (a busy server).
  { name: 'online here, heartbeats stored late', row: { online: true, alive: true, lastSeenAt: ago(100_000), connectedTo: 'r1' }, after: { online: true, alive: true }, events: [] },
  { name: 'online here, silent past the window', row: { online: true, alive: true, lastSeenAt: ago(WINDOW_MS + 1_000), connectedTo: 'r1' }, after: { online: true, alive: false }, events: ['DEAD'] },
  { name: 'already dead and offline', row: { online: false, alive: false, lastSeenAt: ago(WINDOW_MS * 2) }, after: { online: false, alive: false }, events: [] },
] as const;

describe.each(databaseKinds())('liveness sweep on $name', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  const pubsub = createPubSub();
  let now = NOW;
  const hosts = new HostService({ pubsub, aliveWindowMs: WINDOW_MS, replicaId: 'r1', now: () => now });
  const byCase = new Map<string, number[]>();
  beforeAll(async () => {
    db = await kind.create();
    orm = await openDatabase(db.url);
    await migrateDatabase(orm);
    const em = orm.em.fork();
    for (const c of CASES) {
      // Several of each, more than one statement's worth of the big one, so chunks are exercised.
      const rows = Array.from({ length: c.name === 'online but its replica died' ? 520 : 3 }, (_, i) => em.create(HostRecord, { name: `${c.name}-${i}`, credentialHash: '0'.repeat(64), agentLabels: {}, serverLabels: {}, enrolledAt: ago(WINDOW_MS * 3), connectedTo: null, ...c.row }));
      await em.flush();
      byCase.set(c.name, rows.map((r) => r.id));
    }
  });
  afterAll(async () => {
    await pubsub.close();
    await orm?.close(true);
    await db?.drop();
  });

  it('records each stale host once, in one pass, and leaves the rest', async () => {
    const changed = await hosts.sweep(orm.em.fork());
    expect(changed).toBe(CASES.filter((c) => c.events.length).reduce((n, c) => n + byCase.get(c.name)!.length, 0));
    for (const c of CASES) {
      const ids = byCase.get(c.name)!;
      const rows = await orm.em.fork().find(HostRecord, { id: { $in: ids } });
      expect(rows.map((h) => ({ online: h.online, alive: h.alive })), c.name).toEqual(ids.map(() => c.after));
      const events = await orm.em.fork().find(HostStatusEventRecord, { hostId: ids[0]! }, { orderBy: { id: 'asc' } });
      expect(events.map((e) => e.change).sort(), c.name).toEqual([...c.events].sort());
    }
  });

  it('a second pass has nothing to do and writes nothing', async () => {
    const before = await orm.em.fork().count(HostStatusEventRecord, {});
    expect(await hosts.sweep(orm.em.fork())).toBe(0);
    expect(await orm.em.fork().count(HostStatusEventRecord, {})).toBe(before);
  });

  it('runs beside a reconnect storm and heartbeat flushes without a conflict; the reconnected stay online', async () => {
    const ids = byCase.get('online but its replica died')!;
    now = new Date(NOW.getTime() + 1_000);
    const work = [
      ...ids.map((id) => hosts.connected(orm.em.fork(), id, '10.0.0.1')),
      hosts.sweep(orm.em.fork()),
      (async () => {
        for (const id of ids) hosts.heartbeat(id);
        await hosts.flushHeartbeats(orm.em.fork());
      })(),
      hosts.sweep(orm.em.fork()),
    ];
    await Promise.all(work);
    const rows = await orm.em.fork().find(HostRecord, { id: { $in: ids } });
    expect(rows.every((h) => h.online && h.alive)).toBe(true);
  });
});
