import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mysql2 from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSocket } from '../bench/fleet/admin-client.js';
import { converge, convergenceProfile, pushBenchArtifact } from '../bench/fleet/convergence.js';
import { fanout } from '../bench/fleet/fanout.js';
import { Fleet } from '../bench/fleet/fleet.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { spawnServer, waitFor, type ServerProcess } from '../helpers/processes.js';

const redisUrl = process.env.IOMS_TEST_REDIS_URL;
const mysql = databaseKinds().find((k) => k.name === 'mysql');
const SIZE = 20;
const PASSWORD = 'replicas-admin-pw';

/** A TCP load balancer without sticky sessions: each new connection goes to the next live backend. */
function balancer(backends: () => number[]): Promise<net.Server> {
  let next = 0;
  const server = net.createServer((client) => {
    const ports = backends();
    const tryPort = (left: number) => {
      if (left === 0) return client.destroy();
      const port = ports[next++ % ports.length]!;
      const upstream = net.connect(port, '127.0.0.1');
      upstream.once('connect', () => {
        client.pipe(upstream).pipe(client);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
      });
      upstream.once('error', () => tryPort(left - 1));
    };
    tryPort(ports.length);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Two real replicas (processes) sharing MariaDB and Redis behind a plain TCP balancer: a job
 * submitted on B reaches the agents held by A and its results reach B's subscriber; hostUpdated
 * raised on A reaches B; when A is SIGKILLed mid-job, its agents reconnect to B and every target
 * ends with exactly one result.
 */
describe.skipIf(!redisUrl || !mysql)('two replicas on MariaDB and Redis', () => {
  let dir: string;
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let lb: net.Server;
  let lbUrl: string;
  let fleet: Fleet;
  let tokenB: string;
  const alive = new Set<number>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-replicas-'));
    db = await mysql!.create();
    // This run's own channel namespace: other test files' replicas may share this Redis at the same time.
    const namespace = `ioms-test-${crypto.randomBytes(4).toString('hex')}`;
    const env = (id: string) => ({ IOMS_DATABASE_URL: db.url, IOMS_REDIS_URL: redisUrl!, IOMS_REDIS_CHANNEL_PREFIX: namespace, IOMS_REPLICA_ID: id, IOMS_ADMIN_PASSWORD: PASSWORD, IOMS_DATA_DIR: path.join(dir, id), IOMS_LOG_LEVEL: 'info' });
    a = await spawnServer(env('replica-a'), dir);
    b = await spawnServer(env('replica-b'), dir);
    for (const s of [a, b]) alive.add(Number(new URL(s.url).port));
    lb = await balancer(() => [...alive]);
    lbUrl = `http://127.0.0.1:${(lb.address() as net.AddressInfo).port}`;
    tokenB = await login(b.url, 'admin', PASSWORD);
    fleet = await Fleet.start({ server: lbUrl, adminToken: tokenB, size: SIZE, workers: 2, cacheFile: path.join(dir, 'credentials.json'), policy: { delayMs: 1500 }, heartbeatMs: 2_000 });
    await fleet.waitFor((c) => c.connected === SIZE, 60_000);
  }, 120_000);
  afterAll(async () => {
    // Replicas first (the agents then only back off), so stopping the fleet is quick.
    const bounded = (work: Promise<unknown> | undefined) => Promise.race([work, new Promise((r) => setTimeout(r, 20_000))]);
    await bounded(a?.stop('SIGKILL'));
    await bounded(b?.stop('SIGKILL'));
    await bounded(fleet?.stop());
    lb?.close();
    await bounded(db?.drop());
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  // Which replica holds a host is not in the API; read it where the replicas write it.
  const hosts = async () => {
    const conn = await mysql2.createConnection(db.url);
    try {
      const [rows] = await conn.query('select name, online, connected_to from hosts');
      return (rows as { name: string; online: number; connected_to: string | null }[]).map((r) => ({ name: r.name, online: Number(r.online) === 1, connectedTo: r.connected_to }));
    } finally {
      await conn.end();
    }
  };

  it('spreads the agents over both replicas', async () => {
    const held = await waitFor(async () => {
      const h = await hosts();
      return h.filter((x) => x.online).length === SIZE ? h : null;
    }, 20_000, 'all hosts online');
    const by = new Set(held.map((h) => h.connectedTo));
    expect(by).toEqual(new Set(['replica-a', 'replica-b']));
  });

  it('runs a job submitted on B on the agents of both, and B’s subscriber sees every result', async () => {
    const socket = adminSocket(b.url, tokenB);
    const run = await fanout(b.url, tokenB, socket, 'fleet=sim', 'echo hi', 20_000).catch((err: unknown) => {
      for (const [n, s] of [['A', a], ['B', b]] as const) console.log(n, s.output().split('\n').filter((l) => /"level":(40|50)/.test(l)).slice(0, 5).join('\n').slice(0, 2000));
      throw err;
    });
    await socket.dispose();
    expect(run.statuses).toEqual({ SUCCEEDED: SIZE });
    expect(run.finishedBy).toBe('event');
  }, 90_000);

  it('delivers hostUpdated raised on A to a dashboard subscribed on B', async () => {
    const socket = adminSocket(b.url, tokenB);
    const seen = new Promise<string>((resolve) => {
      socket.subscribe<{ hostUpdated: { name: string; labels: Record<string, string> } }>(
        { query: 'subscription { hostUpdated { name labels } }' },
        { next: (v) => v.data?.hostUpdated.labels.crossed === 'yes' && resolve(v.data.hostUpdated.name), error: () => undefined, complete: () => undefined },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    const tokenA = await login(a.url, 'admin', PASSWORD);
    await gql(a.url, 'mutation { setHostLabels(name: "sim-00000", set: { crossed: "yes" }) { name } }', {}, tokenA);
    expect(await seen).toBe('sim-00000');
    await socket.dispose();
  });

  it('a profile applied on B converges every host, those held by A too', async () => {
    await pushBenchArtifact(b.url, tokenB);
    const socket = adminSocket(b.url, tokenB);
    try {
      // Twice: the second change finds every row already on the first revision (the stale-write race).
      for (const generation of ['replicas-1', 'replicas-2']) {
        const run = await converge(b.url, tokenB, socket, convergenceProfile(generation), 'fleet=sim', SIZE, 30_000);
        expect(run.latenciesMs).toHaveLength(SIZE);
      }
    } finally {
      await socket.dispose();
    }
    for (const s of [a, b]) expect(s.output()).not.toMatch(/reconcile (failed|write conflicted)/);
  }, 90_000);

  it('when A dies mid-job its agents move to B and no target is left hanging', async () => {
    const socket = adminSocket(b.url, tokenB);
    const running = fanout(b.url, tokenB, socket, 'fleet=sim', 'echo after-crash', 90_000);
    await new Promise((r) => setTimeout(r, 700)); // sent, the agents are "running" (1.5 s)
    alive.delete(Number(new URL(a.url).port));
    await a.stop('SIGKILL');
    const run = await running;
    await socket.dispose();
    expect(run.statuses).toEqual({ SUCCEEDED: SIZE });
    const h = await waitFor(async () => {
      const all = await hosts();
      return all.every((x) => x.online && x.connectedTo === 'replica-b') ? all : null;
    }, 30_000, 'every host on B');
    expect(h).toHaveLength(SIZE);
    // Every simulated agent ran both commands (exactly-once storage is asserted by the statuses above).
    expect(fleet.counters().commands).toBe(2 * SIZE);
  }, 120_000);
});
