import type { WebSocket } from 'ws';
import type { AuthResult } from '../auth/principal.js';
import { describeAuthFailure } from '../auth/principal.js';
import { CLOSE_HOST_REVOKED } from '../hosts/agent-connections.js';
import { agentInstructionsTopic, CLOSE_AGENT_TOPIC } from '../hosts/topics.js';
import { AGENT_FANOUT_TOPIC, localInstructions, type FanoutMessage } from '../jobs/agent-fanout.js';
import type { Services } from '../services.js';

/** What an agent puts in graphql-ws `connectionParams`. */
export interface AgentConnectionParams {
  readonly hostId: number;
  readonly secret: string;
  readonly agentVersion?: string;
}

export function isAgentParams(params: Readonly<Record<string, unknown>> | undefined): boolean {
  return params !== undefined && 'hostId' in params;
}

/**
 * Authenticates an agent socket. A refusal is audited (a wrong secret, a revoked host, or an
 * agent presenting another host's id), and nothing changes.
 */
export async function authenticateAgentSocket(services: Services, params: Readonly<Record<string, unknown>>, ip: string): Promise<AuthResult> {
  const em = services.orm.em.fork();
  const auth = await services.hosts.authenticateAgent(em, params.hostId, params.secret);
  if (!auth.ok) {
    await services.audit.record(em, {
      actorType: 'AGENT',
      actor: typeof params.hostId === 'number' ? `host#${params.hostId}` : '-',
      ip,
      action: 'agentConnect',
      target: typeof params.hostId === 'number' ? String(params.hostId) : undefined,
      outcome: 'DENIED',
      reason: describeAuthFailure(auth.failure),
    });
  }
  return auth;
}

/** Registers an authenticated agent's socket and marks the host online; offline again when it closes. */
export async function attachAgentSocket(services: Services, socket: WebSocket, hostId: number, ip: string, agentVersion: unknown): Promise<void> {
  services.agentConnections.add(hostId, socket, () => {
    services.agentConnections.track(services.hosts.disconnected(services.orm.em.fork(), hostId, 'connection closed').catch((err: unknown) => services.logger.warn({ err, hostId }, 'could not record a disconnect')));
  });
  await services.hosts.connected(services.orm.em.fork(), hostId, ip, typeof agentVersion === 'string' ? agentVersion : undefined);
}

/** Closes agent sockets on this replica when any replica revokes their host. Returns a stop function. */
export function watchAgentClosures(services: Services): () => void {
  const iterator = services.pubsub.subscribe(CLOSE_AGENT_TOPIC)[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const { hostId, reason } = next.value as { hostId: number; reason: string };
      services.agentConnections.close(hostId, CLOSE_HOST_REVOKED, reason);
    }
  })().catch((err: unknown) => services.logger.error({ err }, 'agent closure watcher stopped'));
  return () => void iterator.return?.();
}

/**
 * Hands each job fan-out message (one per job and dispatch step, from any replica) to the agent
 * sockets this replica holds. Returns a stop function.
 */
export function watchAgentFanout(services: Services): () => void {
  const iterator = services.pubsub.subscribe(AGENT_FANOUT_TOPIC)[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      for (const { hostId, instruction } of localInstructions(next.value as FanoutMessage, (id) => services.agentConnections.isConnected(id))) {
        services.pubsub.emitLocal(agentInstructionsTopic(hostId), instruction);
      }
    }
  })().catch((err: unknown) => services.logger.error({ err }, 'agent fan-out watcher stopped'));
  return () => void iterator.return?.();
}
