import http from 'node:http';
import { writeErr } from './output.js';
import https from 'node:https';
import { assertSecureUrl, clientTlsOptions } from '../protocol/client-trust.js';
import { CliError } from './errors.js';

export interface ApiClientOptions {
  /** Base URL, e.g. http://127.0.0.1:8888 */
  readonly server: string;
  readonly token?: string;
  /** PEM CA file to trust instead of the system store. */
  readonly caFile?: string;
  /** Allow plain http to a non-loopback server. @default false */
  readonly insecure?: boolean;
  /** @default 30000 */
  readonly timeoutMs?: number;
  /** Say "not logged in to SERVER: run `ioms login`" when the server wants a session we lack. @default true */
  readonly loginHint?: boolean;
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL error from the server, with its code (UNAUTHENTICATED, FORBIDDEN, …). */
export class ApiError extends CliError {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Talks to one IOMS server over HTTP(S) GraphQL. */
export class ApiClient {
  private readonly url: URL;
  private readonly tls: ReturnType<typeof clientTlsOptions>;

  constructor(private readonly opts: ApiClientOptions) {
    const checked = assertSecureUrl(opts.server, { insecure: opts.insecure });
    if (checked.warning) writeErr(`warning: ${checked.warning}\n`);
    this.url = new URL('/graphql', checked.url);
    this.tls = clientTlsOptions({ caFile: opts.caFile });
  }

  /** Runs one operation; throws ApiError with the first GraphQL error's message. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ query, variables });
    const raw = await this.post(body);
    let parsed: GraphQLResponse<T>;
    try {
      parsed = JSON.parse(raw.body) as GraphQLResponse<T>;
    } catch {
      throw new CliError(`${this.url.origin} answered HTTP ${raw.status} with something that is not GraphQL: is it an IOMS server (check --server and the port)?`);
    }
    const first = parsed.errors?.[0];
    if (first) {
      const code = first.extensions?.code;
      if (code === 'UNAUTHENTICATED' && !this.opts.token && this.opts.loginHint !== false) throw new ApiError(`not logged in to ${this.opts.server}: run \`ioms login --server ${this.opts.server}\``, code);
      if (code === 'UNAUTHENTICATED' && this.opts.token) throw new ApiError(`${first.message}: your session ended (expired, logged out, or the user changed); run \`ioms login --server ${this.opts.server}\``, code);
      throw new ApiError(first.message, code);
    }
    if (!parsed.data) throw new CliError(`the server answered HTTP ${raw.status} without data`);
    return parsed.data;
  }

  private post(body: string): Promise<{ status: number; body: string }> {
    const mod = this.url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(
        this.url,
        {
          method: 'POST',
          ...(this.url.protocol === 'https:' ? this.tls : {}),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'ioms-cli',
            ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}),
          },
          timeout: this.opts.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', (err: NodeJS.ErrnoException) => reject(new CliError(describeNetworkError(this.url, err))));
      req.end(body);
    });
  }
}

/** One line: what went wrong reaching `url`, and what to try. */
export function describeNetworkError(url: URL, err: NodeJS.ErrnoException): string {
  const where = url.origin;
  const plain = new URL(url.href);
  plain.protocol = 'http:';
  const tls = new URL(url.href);
  tls.protocol = 'https:';
  if (url.protocol === 'https:' && (err.code === 'ERR_SSL_WRONG_VERSION_NUMBER' || err.code === 'EPROTO' || /wrong version number|packet length too long|http request/i.test(err.message))) {
    return `${where} does not speak TLS (it answered in plain HTTP): use --server ${plain.origin}, or configure TLS on the server (docs/tls.md)`;
  }
  switch (err.code) {
    case 'ECONNREFUSED':
      return `cannot reach the IOMS server at ${where}: connection refused (is it running, and on this port? check --server or IOMS_SERVER_URL)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach the IOMS server at ${where}: the name ${url.hostname} does not resolve (check --server)`;
    case 'ETIMEDOUT':
      return `cannot reach the IOMS server at ${where}: no answer within the timeout (check the address and any firewall)`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot reach the IOMS server at ${where}: no route to the host (check the address and the network)`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_SIGNATURE_FAILURE':
      return `refusing ${where}: its TLS certificate is not signed by a CA this CLI trusts (pass the server's CA with --ca FILE, e.g. .ioms/tls/ca.pem from \`ioms tls init\`)`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `refusing ${where}: its TLS certificate is not valid for the name ${url.hostname} (use a name the certificate lists, or remake it with \`ioms tls init --hosts ${url.hostname}\`)`;
    case 'CERT_HAS_EXPIRED':
      return `refusing ${where}: its TLS certificate has expired (renew it: \`ioms tls init --reuse-ca\`)`;
    case 'ECONNRESET':
    case 'EPIPE':
      return url.protocol === 'http:'
        ? `the connection to ${where} was closed before an answer: if the server uses TLS, use --server ${tls.origin}`
        : `the connection to ${where} was reset before an answer (is it an IOMS server? check --server and the port)`;
    default:
      return `request to ${where} failed: ${err.message}`;
  }
}
