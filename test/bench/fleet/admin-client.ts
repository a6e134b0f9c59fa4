import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** GraphQL over HTTP as an admin (the benchmarks' operator side). */
export async function gql<T>(server: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(new URL('/graphql', server), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`}`);
  return body.data;
}

export async function adminLogin(server: string, password: string, username = 'admin'): Promise<string> {
  const r = await gql<{ login: { token: string } }>(server, undefined, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
  return r.login.token;
}

export function wsUrlOf(server: string): string {
  const u = new URL('/graphql', server);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

/** A graphql-ws client as an operator (for subscriptions such as jobProgressed). */
export function adminSocket(server: string, token: string): Client {
  return createClient({ url: wsUrlOf(server), webSocketImpl: WebSocket, connectionParams: { token }, lazy: false, retryAttempts: 0 });
}

/** Does this agent credential still open a socket? (The cache may be from another database.) */
export function probeCredential(server: string, hostId: number, secret: string): Promise<boolean> {
  return new Promise((resolve) => {
    const client = createClient({
      url: wsUrlOf(server),
      webSocketImpl: WebSocket,
      connectionParams: { hostId, secret, trial: true },
      lazy: false,
      retryAttempts: 0,
      on: {
        connected: () => {
          resolve(true);
          void client.dispose();
        },
        closed: () => resolve(false),
      },
      onNonLazyError: () => resolve(false),
    });
  });
}
