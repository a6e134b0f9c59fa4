import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { sendObservedState } from '../../agent/desired/send-reports.js';
import { AgentLink, type LinkSession } from '../../agent/link/agent-link.js';
import { sendCommandResult, sendCommandStarted, sendHeartbeat, sendInventory, sendMetrics } from '../../agent/link/reports.js';
import { classifyDocument } from '../../api/server/agent-fast-path.js';
import { EMPTY_OBSERVED_STATE } from '../../manifests/index.js';
import { clientTlsOptions } from '../../protocol/client-trust.js';
import { validInventory, validMetrics } from '../protocol/fixtures.js';

/** A session that records the documents the agent's senders send, answering `true`. */
function recordingSession(): { session: LinkSession; documents: string[] } {
  const documents: string[] = [];
  return {
    documents,
    session: {
      request: async <T>(query: string) => {
        documents.push(query);
        return { [/\{\s*(\w+)/.exec(query)![1]!]: true } as T;
      },
    },
  };
}

const now = new Date().toISOString();
const result = { id: 't1', attempt: 1, status: 'SUCCEEDED' as const, exitCode: 0, stdout: '', stderr: '', stdoutTruncated: false, stderrTruncated: false, startedAt: now, finishedAt: now, durationMs: 1 };

/**
 * The server answers the agent's hot operations on the socket only when a document is exactly one
 * it knows (api/server/agent-fast-path.ts). These are the documents the agent really sends, taken
 * from its senders: if one changes, the fast path would silently stop matching; this test says so.
 */
describe('the agent’s documents take the socket fast path', () => {
  it.each<[string, string, (s: LinkSession) => Promise<unknown>]>([
    ['reportHeartbeat', 'heartbeat', (s) => sendHeartbeat(s, { seq: 0, at: now })],
    ['reportMetrics', 'metrics', (s) => sendMetrics(s, validMetrics())],
    ['reportInventory', 'inventory', (s) => sendInventory(s, validInventory())],
    ['reportCommandStarted', 'command started, first attempt', (s) => sendCommandStarted(s, { id: 't1' })],
    ['reportCommandStarted', 'command started, a later attempt', (s) => sendCommandStarted(s, { id: 't1', attempt: 2 })],
    ['reportCommandResult', 'command result', (s) => sendCommandResult(s, result)],
    ['reportObservedState', 'observed state', (s) => sendObservedState(s, { hash: null, observed: EMPTY_OBSERVED_STATE })],
  ])('%s (%s)', async (field, _what, send) => {
    const { session, documents } = recordingSession();
    await send(session);
    expect(documents).toHaveLength(1);
    expect(classifyDocument(parse(documents[0]!))).toMatchObject({ kind: 'report', name: field });
  });

  it('agentInstructions (the subscription AgentLink opens)', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'graphql-transport-ws' });
    const subscribed = new Promise<string>((resolve) => {
      wss.on('connection', (socket) => {
        socket.on('message', (raw: Buffer) => {
          const msg = JSON.parse(raw.toString()) as { type: string; payload?: { query?: string } };
          if (msg.type === 'connection_init') socket.send(JSON.stringify({ type: 'connection_ack' }));
          if (msg.type === 'subscribe') resolve(msg.payload!.query!);
        });
      });
    });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const link = new AgentLink({
      url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/graphql`,
      tls: clientTlsOptions({}),
      connectionParams: { hostId: 1, secret: 'x', agentVersion: 'test' },
      logger: quiet,
      onSession: () => () => undefined,
      onInstruction: () => undefined,
    });
    link.start();
    try {
      const query = await subscribed;
      expect(classifyDocument(parse(query))).toEqual({ kind: 'instructions', fields: ['id', 'kind', 'payload'] });
    } finally {
      await link.stop();
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(r));
    }
  });
});
