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

  beforeAll(async () => {
    const kinds = databaseKinds();
    db = await (kinds.find((k) => k.name === 'mysql') ?? kinds[0]!).create();
    a = await startTestServer(db.url, { IOMS_REDIS_URL: redisUrl! });
    b = await startTestServer(db.url, { IOMS_REDIS_URL: redisUrl! });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
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
});
