import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSocket } from '../bench/fleet/admin-client.js';
import { fanout } from '../bench/fleet/fanout.js';
import { Fleet } from '../bench/fleet/fleet.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const SIZE = 60;

/**
 * The batched dispatch and result paths with many agents at once (the fleet simulator's agents:
 * the real link and protocol, a fake executor): every target gets exactly one row, one final
 * status and one final event, the event sequence has no gap, and the agents ran each command once.
 */
describe.each(databaseKinds())('fan-out to %s simulated agents ($name)'.replace('%s', String(SIZE)), (kind) => {
  let dir: string;
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;
  const fleets: Fleet[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-fanout-'));
    db = await kind.create();
    server = await startTestServer(db.url, { IOMS_LOG_LEVEL: 'info' });
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    // In parallel: a worker that does not stop in time is killed after 15 s, and three in a row would pass the hook's minute.
    await Promise.all(fleets.map((f) => f.stop()));
    await server?.close();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { name: 'all succeed', prefix: 'ok-', policy: {}, want: { SUCCEEDED: SIZE } },
    { name: 'all fail with exit 1', prefix: 'bad-', policy: { failRate: 1 }, want: { FAILED: SIZE } },
    { name: 'answers spread over 300 ms', prefix: 'slow-', policy: { delayMs: 50, jitterMs: 250 }, want: { SUCCEEDED: SIZE } },
  ])('$name: one stored result and one final event per target', async ({ prefix, policy, want }) => {
    const fleet = await Fleet.start({ server: server.url, adminToken: admin, size: SIZE, workers: 2, cacheFile: path.join(dir, `${prefix}credentials.json`), namePrefix: prefix, labels: { group: prefix.slice(0, -1) }, policy, heartbeatMs: 2_000 });
    fleets.push(fleet);
    await fleet.waitFor((c) => c.connected === SIZE, 60_000);
    const socket = adminSocket(server.url, admin);
    const run = await fanout(server.url, admin, socket, `group=${prefix.slice(0, -1)}`, 'echo hi', 60_000);
    await socket.dispose();
    expect(run.errors).toEqual([]);
    expect(run.finishedBy).toBe('event');
    expect(run.statuses).toEqual(want);
    const job = (await gql<{ job: { status: string; counts: { total: number; done: number }; targets: { host: string; status: string; attempts: number }[] } }>(server.url, 'query($id: ID!) { job(id: $id) { status counts { total done } targets { host status attempts } } }', { id: run.jobId }, admin)).data!.job;
    expect(job.status).toBe('COMPLETED');
    expect(job.counts).toEqual({ total: SIZE, done: SIZE });
    expect(new Set(job.targets.map((t) => t.host)).size).toBe(SIZE);
    // Replayed from the start: gapless, and exactly one final event per host.
    const events = await replay(server.url, admin, run.jobId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const finals = events.filter((e) => e.type === 'TARGET' && ['SUCCEEDED', 'FAILED'].includes(e.status));
    expect(finals.length).toBe(SIZE);
    expect(new Set(finals.map((e) => e.host)).size).toBe(SIZE);
    // The workers report their counters periodically: the last acknowledgement may still be on its way.
    await fleet.waitFor((c) => c.results >= SIZE, 10_000).catch(() => undefined);
    const c = fleet.counters();
    expect(c.commands).toBe(SIZE);
    expect(c.results).toBe(SIZE);
  });
});

async function replay(url: string, token: string, jobId: string): Promise<{ seq: number; type: string; status: string; host: string | null; data: { finished?: boolean } }[]> {
  const socket = adminSocket(url, token);
  const events: { seq: number; type: string; status: string; host: string | null; data: { finished?: boolean } }[] = [];
  await new Promise<void>((resolve, reject) => {
    const stop = socket.subscribe<{ jobProgressed: (typeof events)[number] }>(
      { query: 'subscription($j: ID!) { jobProgressed(jobId: $j, afterSeq: 0) { seq type status host data } }', variables: { j: jobId } },
      {
        next: (v) => {
          const e = v.data?.jobProgressed;
          if (!e) return reject(new Error(JSON.stringify(v.errors)));
          events.push(e);
          if (e.type === 'JOB' && e.data.finished) {
            stop();
            resolve();
          }
        },
        error: reject,
        complete: () => resolve(),
      },
    );
  });
  await socket.dispose();
  return events;
}
