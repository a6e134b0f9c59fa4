import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login, wsClient, wsOnce } from '../helpers/graphql.js';
import { waitFor } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const ENROLL = 'mutation($t: String!, $n: String!) { enrollAgent(token: $t, name: $n) { hostId hostName secret } }';
type Enrolled = { hostId: number; hostName: string; secret: string };
const NOW = new Date().toISOString();

/** `hostChanged(name)`: one event per recorded restart batch, cron-run batch or state change, for that host only. */
describe.each(databaseKinds())('hostChanged on $name', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: string;
  let watcher: Client;
  const seen: { host: string; part: string }[] = [];
  const agents = new Map<string, Client>();

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url);
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 2 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    for (const name of ['live-01', 'other-01']) {
      const e = (await gql<{ enrollAgent: Enrolled }>(server.url, ENROLL, { t: token, n: name })).data!.enrollAgent;
      agents.set(name, wsClient(server.url, { hostId: e.hostId, secret: e.secret, agentVersion: 'test' }).client);
    }
    watcher = wsClient(server.url, { token: admin }).client;
    watcher.subscribe<{ hostChanged: { host: string; part: string } }>({ query: 'subscription { hostChanged(name: "LIVE-01") { host part } }' }, { next: (v) => void (v.data && seen.push(v.data.hostChanged)), error: () => undefined, complete: () => undefined });
    // The subscription is registered once an event published after it arrives; give it a moment.
    await new Promise((r) => setTimeout(r, 300));
  });
  afterAll(async () => {
    await watcher?.dispose();
    for (const a of agents.values()) await a.dispose();
    await server?.close();
    await db?.drop();
  });

  const report = async (host: string, field: string, value: unknown) => {
    const r = await wsOnce(agents.get(host)!, `mutation($r: String!) { ${field}(report: $r) }`, { r: JSON.stringify(value) });
    expect(r.errors).toBeUndefined();
  };

  it.each([
    { name: 'a restart is recorded', field: 'reportProcessEvents', value: [{ process: 'web', at: NOW, exitCode: 1, count: 1, outcome: 'RESTART' }], part: 'RESTARTS' },
    { name: 'a cron run is recorded', field: 'reportCronRuns', value: [{ name: 'nightly', startedAt: NOW, finishedAt: NOW, exitCode: 0, status: 'SUCCEEDED' }], part: 'CRON_RUNS' },
    { name: 'the observed state is reported', field: 'reportObservedState', value: { hash: null, observed: { processes: [], cron: [], files: [] } }, part: 'STATE' },
  ])('says so when $name, for that host only', async ({ field, value, part }) => {
    seen.length = 0;
    await report('other-01', field, value);
    await report('live-01', field, value);
    await waitFor(() => seen.some((e) => e.part === part), 5000);
    expect(seen.filter((e) => e.part === part)[0]).toEqual({ host: 'live-01', part });
    expect(seen.every((e) => e.host === 'live-01')).toBe(true);
  });

  it('says nothing for an empty report', async () => {
    seen.length = 0;
    await report('live-01', 'reportProcessEvents', []);
    await report('live-01', 'reportCronRuns', [{ name: 'marker', startedAt: NOW, status: 'SUCCEEDED' }]);
    await waitFor(() => seen.length > 0, 5000);
    expect(seen).toEqual([{ host: 'live-01', part: 'CRON_RUNS' }]);
  });
});
