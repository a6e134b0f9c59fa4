import http from 'node:http';
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
    if (checked.warning) process.stderr.write(`warning: ${checked.warning}\n`);
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
      throw new CliError(`the server at ${this.url.origin} answered HTTP ${raw.status} with something that is not GraphQL`);
    }
    const first = parsed.errors?.[0];
    if (first) {
      const code = first.extensions?.code;
      const hint = code === 'UNAUTHENTICATED' && !this.opts.token ? ' (run `ioms login`)' : '';
      throw new ApiError(`${first.message}${hint}`, code);
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
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (err: NodeJS.ErrnoException) => reject(new CliError(describeNetworkError(this.url, err))));
      req.end(body);
    });
  }
}

function describeNetworkError(url: URL, err: NodeJS.ErrnoException): string {
  const where = url.origin;
  switch (err.code) {
    case 'ECONNREFUSED':
      return `cannot reach the IOMS server at ${where}: connection refused (is it running?)`;
    case 'ENOTFOUND':
      return `cannot resolve the server name in ${where}`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_SIGNATURE_FAILURE':
      return `refusing ${where}: its TLS certificate is not signed by a trusted CA (pass the server's CA with --ca FILE)`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `refusing ${where}: its TLS certificate is not valid for this host name`;
    case 'CERT_HAS_EXPIRED':
      return `refusing ${where}: its TLS certificate has expired`;
    case 'ECONNRESET':
      return `the connection to ${where} was reset (does the server speak ${url.protocol === 'https:' ? 'plain HTTP' : 'HTTPS'}?)`;
    default:
      return `request to ${where} failed: ${err.message}`;
  }
}
