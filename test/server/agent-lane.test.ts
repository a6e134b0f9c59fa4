import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentInstructionsTopic } from '../../api/hosts/topics.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { gql, login, wsClient, wsOnce } from '../helpers/graphql.js';
import { waitFor } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const ENROLL = 'mutation($t: String!, $n: String!) { enrollAgent(token: $t, name: $n) { hostId secret } }';
const STREAM = 'subscription { agentInstructions { id kind payload } }';
type Enrolled = { hostId: number; secret: string };
type Instruction = { id: string; kind: string; payload: unknown };

/** What one subscription received, and how it ended. */
function open(client: Client, query: string) {
  const got: Instruction[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const stop = client.subscribe<{ agentInstructions: Instruction }>(
    { query },
    {
      next: (v) => (v.data ? got.push(v.data.agentInstructions) : errors.push(v.errors)),
      error: (e) => errors.push(e),
      complete: () => (completed = true),
    },
  );
  return { got, errors, stop, completed: () => completed };
}

/**
 * An agent's reports are answered and its instruction stream pushed on its socket
 * (api/server/agent-lane.ts), not by graphql-ws: what the agent sees must be what graphql-ws
 * would have sent.
 */
describe.each(databaseKinds().slice(0, 1))('the agent lane ($name)', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  let agent: Enrolled;
  const publish = (n: number) => server.services.pubsub.publish(agentInstructionsTopic(agent.hostId), { id: `x${n}`, kind: 'SHELL', payload: { n } });

  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url);
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    agent = (await gql<{ enrollAgent: Enrolled }>(server.url, ENROLL, { t: token, n: 'push-1' })).data!.enrollAgent;
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('delivers each instruction as the selected fields, stops at complete, and a second stream on the socket still works', async () => {
    const { client } = wsClient(server.url, { hostId: agent.hostId, secret: agent.secret, agentVersion: 'test' });
    try {
      const first = open(client, STREAM);
      // Through graphql-ws (the socket's second stream, selecting fewer fields).
      const second = open(client, 'subscription { agentInstructions { kind id } }');
      await waitFor(() => server.services.agentConnections.isConnected(agent.hostId), 10_000, 'the agent socket');
      await waitFor(() => {
        publish(1);
        return first.got.length > 0 && second.got.length > 0;
      }, 10_000, 'both streams to deliver');
      expect(first.got[0]).toEqual({ id: 'x1', kind: 'SHELL', payload: { n: 1 } });
      expect(second.got[0]).toEqual({ kind: 'SHELL', id: 'x1' });
      first.stop();
      const before = first.got.length;
      await new Promise((r) => setTimeout(r, 200));
      publish(2);
      await waitFor(() => second.got.some((i) => i.id === 'x2'), 10_000, 'the second stream to deliver x2');
      expect(first.got.length).toBe(before);
      expect([first.errors, second.errors]).toEqual([[], []]);
    } finally {
      await client.dispose();
    }
  });

  it.each([
    { name: 'a heartbeat', query: 'mutation($r: String!) { reportHeartbeat(report: $r) }', variables: { r: JSON.stringify({ seq: 1, at: new Date().toISOString() }) }, data: { reportHeartbeat: true }, error: undefined },
    { name: 'an aliased heartbeat (graphql-ws)', query: 'mutation($r: String!) { beat: reportHeartbeat(report: $r) }', variables: { r: JSON.stringify({ seq: 2, at: new Date().toISOString() }) }, data: { beat: true }, error: undefined },
    { name: 'an invalid heartbeat', query: 'mutation($r: String!) { reportHeartbeat(report: $r) }', variables: { r: '{"seq":"x"}' }, data: null, error: 'invalid heartbeat report' },
    { name: 'a report of the wrong type (graphql-ws)', query: 'mutation($r: String!) { reportHeartbeat(report: $r) }', variables: { r: 5 }, data: undefined, error: 'String cannot represent' },
  ])('answers $name as graphql-ws would', async ({ query, variables, data, error }) => {
    const { client } = wsClient(server.url, { hostId: agent.hostId, secret: agent.secret, agentVersion: 'test' });
    try {
      const r = await wsOnce(client, query, variables);
      expect(r.data).toEqual(data);
      if (error) expect(r.errors?.[0]?.message).toContain(error);
      else expect(r.errors).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });

  it('refuses a user’s socket the stream, as before (the access rule, not the push)', async () => {
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const { client } = wsClient(server.url, { token: admin });
    try {
      const s = open(client, STREAM);
      await waitFor(() => s.errors.length > 0, 10_000, 'a refusal');
      expect(JSON.stringify(s.errors)).toContain('FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });
});

