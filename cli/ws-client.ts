/**
 * The CLI's graphql-ws connection: the same URL, CA and token as the HTTP client, a keep-alive
 * ping whose missing pong closes the socket (4408), and no retries of its own — the commands
 * that follow a stream resubscribe themselves from where they were.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { assertSecureUrl, clientTlsOptions } from '../protocol/client-trust.js';

export interface CliWsClientOptions {
  /** The server's base URL, e.g. https://ioms.example.com:8888 */
  readonly server: string;
  readonly token: string;
  readonly caFile?: string;
  readonly insecure?: boolean;
  /** A ping every this often; no pong within the same time closes the socket (4408). @default 10000 */
  readonly keepAliveMs?: number;
}

/** The WebSocket URL of the GraphQL endpoint: http → ws, https → wss. */
export function graphqlWsUrl(server: string | URL): string {
  const url = new URL('/graphql', server);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function createCliWsClient(o: CliWsClientOptions): { client: Client; dispose(): Promise<void> } {
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
    client,
    dispose: async () => {
      clearTimeout(pongTimer);
      await client.dispose();
    },
  };
}
