import http from 'node:http';
import https from 'node:https';
import type { ClientTlsOptions } from '../../protocol/client-trust.js';

export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** One GraphQL operation over HTTP(S), for the few calls the agent makes before it has a socket. */
export function postGraphql<T>(serverUrl: string, tls: ClientTlsOptions, query: string, variables: Record<string, unknown>, timeoutMs = 30_000): Promise<T> {
  const url = new URL('/graphql', serverUrl);
  const body = JSON.stringify({ query, variables });
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      url,
      { method: 'POST', ...(url.protocol === 'https:' ? tls : {}), timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'ioms-agent' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
            const first = parsed.errors?.[0];
            if (first) return reject(new GraphqlRequestError(first.message, first.extensions?.code));
            if (!parsed.data) return reject(new GraphqlRequestError(`HTTP ${res.statusCode} without data`));
            resolve(parsed.data);
          } catch {
            reject(new GraphqlRequestError(`HTTP ${res.statusCode}: not a GraphQL answer`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => reject(new GraphqlRequestError(`cannot reach ${url.origin}: ${err.message}`)));
    req.end(body);
  });
}
