import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login, wsClient } from '../helpers/graphql.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const redisUrl = process.env.IOMS_TEST_REDIS_URL;

/** Two replicas sharing one database and Redis: an event raised on one reaches a subscriber on the other. */
describe.skipIf(!redisUrl)('pub/sub across replicas through Redis', () => {
  let db: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  /** Another cluster on the same Redis, under its own channel namespace. */
  let other: TestServer;
  // Each run its own namespace: other test files' replicas may share this Redis at the same time.
  const namespace = `ioms-test-${crypto.randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const kinds = databaseKinds();
    db = await (kinds.find((k) => k.name === 'mysql') ?? kinds[0]!).create();
    a = await startTestServer(db.url, { IOMS_REDIS_URL: redisUrl!, IOMS_REDIS_CHANNEL_PREFIX: namespace });
    b = await startTestServer(db.url, { IOMS_REDIS_URL: redisUrl!, IOMS_REDIS_CHANNEL_PREFIX: namespace });
    other = await startTestServer(db.url, { IOMS_REDIS_URL: redisUrl!, IOMS_REDIS_CHANNEL_PREFIX: `${namespace}-other` });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await other?.close();
    await db?.drop();
  });

  it('delivers an audit row written on replica B to a subscriber on replica A', async () => {
    const token = await login(a.url, 'admin', ADMIN_PASSWORD);
    const { client } = wsClient(a.url, { token });
    const seen = new Promise<{ action: string; actor: string }>((resolve) => {
      client.subscribe<{ auditEventRecorded: { action: string; actor: string } }>(
        { query: 'subscription { auditEventRecorded { action actor } }' },
        { next: (v) => v.data?.auditEventRecorded.actor === 'ghost' && resolve(v.data.auditEventRecorded), error: () => undefined, complete: () => undefined },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    await gql(b.url, 'mutation { login(username: "ghost", password: "whatever-pass") { token } }');
    expect(await seen).toEqual({ action: 'login', actor: 'ghost' });
    await client.dispose();
  });

  it('keeps clusters with different channel namespaces apart on one Redis', async () => {
    const watch = async (server: TestServer) => {
      const { client } = wsClient(server.url, { token: await login(server.url, 'admin', ADMIN_PASSWORD) });
      const actors: string[] = [];
      client.subscribe<{ auditEventRecorded: { actor: string } }>(
        { query: 'subscription { auditEventRecorded { actor } }' },
        { next: (v) => void (v.data && actors.push(v.data.auditEventRecorded.actor)), error: () => undefined, complete: () => undefined },
      );
      return { client, actors };
    };
    const same = await watch(a);
    const apart = await watch(other);
    await new Promise((r) => setTimeout(r, 300));
    await gql(b.url, 'mutation { login(username: "ghost-two", password: "whatever-pass") { token } }');
    for (let i = 0; i < 100 && !same.actors.includes('ghost-two'); i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(same.actors).toContain('ghost-two');
    await new Promise((r) => setTimeout(r, 300));
    expect(apart.actors).not.toContain('ghost-two');
    await same.client.dispose();
    await apart.client.dispose();
  });
});
