/**
 * The graphql-ws transport for `rolloutProgressed`: the same URL, CA and token as the HTTP
 * client. Reconnecting is left to `watchRollout` (it resubscribes and re-reads the snapshot),
 * so the graphql-ws client itself never retries.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { assertSecureUrl, clientTlsOptions } from '../../api/tls/client-trust.js';
import { graphqlWsUrl } from '../jobs/job-events-client.js';
import { ROLLOUT_PROGRESSED, type HostRolloutWire } from './manifest-wire.js';
import type { SubscribeRollout } from './watch-rollout.js';

export interface RolloutEventsClientOptions {
  /** The server's base URL, e.g. https://ioms.example.com:8888 */
  readonly server: string;
  readonly token: string;
  readonly caFile?: string;
  readonly insecure?: boolean;
  /** A ping every this often; no pong within the same time closes the socket (4408). @default 10000 */
  readonly keepAliveMs?: number;
}

export interface RolloutEventsClient {
  readonly subscribe: SubscribeRollout;
  dispose(): Promise<void>;
}

export function createRolloutEventsClient(o: RolloutEventsClientOptions): RolloutEventsClient {
  const checked = assertSecureUrl(o.server, { insecure: o.insecure });
  const tls = checked.encrypted ? clientTlsOptions({ caFile: o.caFile }) : {};
  class TrustingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { ...tls, headers: { 'user-agent': 'ioms-cli' } });
    }
  }
  const keepAlive = o.keepAliveMs ?? 10_000;
  let socket: WebSocket | undefined;
  let pongTimer: NodeJS.Timeout | undefined;
  const client: Client = createClient({
    url: graphqlWsUrl(checked.url),
    webSocketImpl: TrustingWebSocket,
    connectionParams: { token: o.token },
    lazy: true,
    retryAttempts: 0,
    keepAlive,
    on: {
      connected: (s) => (socket = s as WebSocket),
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, 'Pong timeout');
        }, keepAlive);
        pongTimer.unref();
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: () => clearTimeout(pongTimer),
    },
  });
  return {
    subscribe: (sink) =>
      client.subscribe<{ rolloutProgressed: HostRolloutWire }>(
        { query: ROLLOUT_PROGRESSED },
        {
          next: (result) => {
            if (result.errors?.length) sink.error(result.errors);
            else if (result.data?.rolloutProgressed) sink.next(result.data.rolloutProgressed);
          },
          error: (err) => sink.error(err),
          complete: () => sink.complete(),
        },
      ),
    dispose: async () => {
      clearTimeout(pongTimer);
      await client.dispose();
    },
  };
}
