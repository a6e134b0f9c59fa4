import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostRecord, HostStatusEventRecord } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase, type Orm } from '../../db/orm.js';
import { presenceRuns, type PresenceChange } from '../../api/hosts/host-presence.js';
import { HostService } from '../../api/hosts/host.service.js';
import { createPubSub } from '../../api/pubsub/pubsub.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

const open = (hostId: number): PresenceChange => ({ kind: 'CONNECTED', hostId, ip: '10.0.0.1' });
const close = (hostId: number): PresenceChange => ({ kind: 'DISCONNECTED', hostId, reason: 'gone' });

describe('presenceRuns', () => {
  it.each([
    { name: 'distinct hosts share one run', changes: [open(1), open(2), close(3)], runs: [[open(1), open(2), close(3)]] },
    { name: 'a reconnect splits: the close is stored first', changes: [open(1), close(1), open(1), open(2)], runs: [[open(1)], [close(1)], [open(1), open(2)]] },
    { name: 'nothing', changes: [], runs: [] },
  ])('$name', ({ changes, runs }) => {
    expect(presenceRuns(changes)).toEqual(runs);
  });
});

/**
 * Connects and disconnects are stored in batches, in order per host: a host whose socket closed
 * and reconnected at once ends online (a close stored after the reconnect left connected hosts
 * offline, so their queued commands were never sent), with its events in the order they happened.
 */
describe.each(databaseKinds())('host presence on $name', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  const pubsub = createPubSub();
  const hosts = new HostService({ pubsub, aliveWindowMs: 180_000, replicaId: 'r1' });
  const ids: number[] = [];
  beforeAll(async () => {
    db = await kind.create();
    orm = await openDatabase(db.url);
    await migrateDatabase(orm);
    const em = orm.em.fork();
    const rows = Array.from({ length: 60 }, (_, i) => em.create(HostRecord, { name: `h-${i}`, credentialHash: '0'.repeat(64), agentLabels: {}, serverLabels: {}, enrolledAt: new Date(), online: false, alive: false }));
    await em.flush();
    ids.push(...rows.map((r) => r.id));
  });
  afterAll(async () => {
    await pubsub.close();
    await orm?.close(true);
    await db?.drop();
  });

  it('connects a fleet at once: online, alive, one CONNECTED and one ALIVE event each', async () => {
    await Promise.all(ids.map((id, i) => hosts.connected(orm.em.fork(), id, `10.0.0.${i % 250}`, 'v1')));
    const rows = await orm.em.fork().find(HostRecord, { id: { $in: ids } });
    expect(rows.every((h) => h.online && h.alive && h.connectedTo === 'r1' && h.agentVersion === 'v1')).toBe(true);
    expect(rows.find((h) => h.name === 'h-7')!.lastAddress).toBe('10.0.0.7');
    const events = await orm.em.fork().find(HostStatusEventRecord, { hostId: { $in: ids } });
    expect(events.filter((e) => e.change === 'CONNECTED')).toHaveLength(ids.length);
    expect(events.filter((e) => e.change === 'ALIVE')).toHaveLength(ids.length);
  });

  it('a close and the reconnect right after it leave the host online, events in order', async () => {
    await Promise.all(ids.flatMap((id) => [hosts.disconnected(orm.em.fork(), id, 'connection closed'), hosts.connected(orm.em.fork(), id, '10.0.0.9')]));
    const rows = await orm.em.fork().find(HostRecord, { id: { $in: ids } });
    expect(rows.filter((h) => !h.online).map((h) => h.name)).toEqual([]);
    const events = await orm.em.fork().find(HostStatusEventRecord, { hostId: ids[3]!, change: { $in: ['CONNECTED', 'DISCONNECTED'] } }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => e.change)).toEqual(['CONNECTED', 'DISCONNECTED', 'CONNECTED']);
  });

  it('another replica’s close changes nothing', async () => {
    const other = new HostService({ pubsub, aliveWindowMs: 180_000, replicaId: 'r2' });
    await other.disconnected(orm.em.fork(), ids[0]!, 'not mine');
    expect((await orm.em.fork().findOneOrFail(HostRecord, { id: ids[0]! })).online).toBe(true);
  });
});
