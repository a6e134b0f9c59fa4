/**
 * A worker process of the fleet simulator: runs a share of the simulated agents and reports
 * their summed counters to the orchestrator (fleet.ts) over IPC whenever they change.
 */
import { clientTlsOptions } from '../../../protocol/client-trust.js';
import { postGraphql } from '../../../agent/link/http-graphql.js';
import type { ExecutorPolicy } from './fake-executor.js';
import { SimAgent, type SimCounters, type SimCredential } from './sim-agent.js';

export type WorkerRequest =
  | { type: 'enroll'; server: string; token: string; agents: { index: number; name: string }[]; labels: Record<string, string>; concurrency: number }
  | { type: 'start'; wsUrl: string; credentials: SimCredential[]; policy: ExecutorPolicy; heartbeatMs: number; metricsMs: number; agentVersion: string }
  | { type: 'stop' };

export type WorkerReply =
  | { type: 'enrolled'; credentials: SimCredential[]; errors: string[] }
  | { type: 'counters'; counters: SimCounters; rssBytes: number }
  | { type: 'stopped' };

const ENROLL = `mutation($token: String!, $name: String!, $labels: JSON) {
  enrollAgent(token: $token, name: $name, labels: $labels) { hostId hostName secret }
}`;

const counters: SimCounters = { connected: 0, connections: 0, refused: 0, instructions: 0, commands: 0, starts: 0, results: 0, resultRetries: 0, desiredStates: 0, reportErrors: 0 };
const agents: SimAgent[] = [];
let last = '';

function send(reply: WorkerReply): void {
  process.send?.(reply);
}

setInterval(() => {
  const now = JSON.stringify(counters);
  if (now === last) return;
  last = now;
  send({ type: 'counters', counters, rssBytes: process.memoryUsage().rss });
}, 50).unref();

async function enroll(req: Extract<WorkerRequest, { type: 'enroll' }>): Promise<void> {
  const credentials: SimCredential[] = [];
  const errors: string[] = [];
  const queue = [...req.agents];
  const one = async (): Promise<void> => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      try {
        const r = await postGraphql<{ enrollAgent: { hostId: number; secret: string } }>(req.server, clientTlsOptions({}), ENROLL, { token: req.token, name: a.name, labels: req.labels });
        credentials.push({ index: a.index, name: a.name, hostId: r.enrollAgent.hostId, secret: r.enrollAgent.secret });
      } catch (err) {
        errors.push(`${a.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: req.concurrency }, one));
  send({ type: 'enrolled', credentials, errors });
}

process.on('message', (msg: WorkerRequest) => {
  switch (msg.type) {
    case 'enroll':
      void enroll(msg);
      break;
    case 'start':
      for (const credential of msg.credentials) {
        const agent = new SimAgent({ url: msg.wsUrl, credential, policy: msg.policy, heartbeatMs: msg.heartbeatMs, metricsMs: msg.metricsMs, counters, random: Math.random, agentVersion: msg.agentVersion });
        agents.push(agent);
        agent.start();
      }
      break;
    case 'stop':
      void Promise.all(agents.map((a) => a.stop())).finally(() => {
        send({ type: 'counters', counters, rssBytes: process.memoryUsage().rss });
        send({ type: 'stopped' });
        setTimeout(() => process.exit(0), 50);
      });
      break;
  }
});
process.on('disconnect', () => process.exit(0));
