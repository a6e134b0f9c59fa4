import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One GraphQL operation over HTTP, as any client would send it. */
export async function gql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GqlResult<T>;
  return { ...body, status: res.status };
}

export function codes(result: GqlResult): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const r = await gql<{ login: { token: string } }>(url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
  if (!r.data?.login) throw new Error(`login as ${username} failed: ${JSON.stringify(r.errors)}`);
  return r.data.login.token;
}

/** A graphql-ws client; `closed` resolves with the close code when the server closes the socket. */
export function wsClient(url: string, connectionParams: Record<string, unknown> | undefined): { client: Client; closed: Promise<{ code: number; reason: string }> } {
  let resolveClosed: (v: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((r) => (resolveClosed = r));
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    shouldRetry: () => false,
    on: { closed: (e) => resolveClosed({ code: (e as { code: number }).code, reason: (e as { reason: string }).reason }) },
    onNonLazyError: () => undefined,
  });
  return { client, closed };
}

/** Runs one operation over the socket and returns its first result. */
export function wsOnce<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  return new Promise((resolve, reject) => {
    let result: GqlResult<T> | undefined;
    client.subscribe<T>(
      { query, variables },
      {
        next: (v) => (result = { status: 200, data: v.data as T, errors: v.errors as GqlResult['errors'] }),
        error: (e) => (Array.isArray(e) ? resolve({ status: 200, errors: e as GqlResult['errors'] }) : reject(e)),
        complete: () => resolve(result ?? { status: 200 }),
      },
    );
  });
}
