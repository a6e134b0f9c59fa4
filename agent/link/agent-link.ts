import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ClientTlsOptions } from '../../protocol/client-trust.js';
import { FINAL_REFUSALS } from '../../protocol/error-codes.js';
import type { AgentLogger } from '../log.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';

/** An instruction from the server (the `agentInstructions` subscription). */
export interface Instruction {
  readonly id: string;
  readonly kind: string;
  readonly payload: unknown;
}

/** What runs while one connection is up; returns a function that ends it. */
export type SessionHandler = (session: LinkSession) => () => void;

/** The current connection, for sending reports. */
export interface LinkSession {
  /** Runs one operation over the socket; rejects when the socket closes first or after `timeoutMs`. */
  request<T>(query: string, variables?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
}

export interface AgentLinkOptions {
  /** ws:// or wss:// URL of the server's /graphql. */
  readonly url: string;
  readonly tls: ClientTlsOptions;
  readonly connectionParams: Record<string, unknown>;
  readonly logger: AgentLogger;
  readonly onSession: SessionHandler;
  readonly onInstruction: (instruction: Instruction, session: LinkSession) => void;
  /** @default 500 ms doubling to 60 s, with jitter */
  readonly backoff?: BackoffPolicy;
  /** A connection that lasted this long resets the backoff. @default 30000 */
  readonly stableAfterMs?: number;
  /**
   * Interval of graphql-ws pings from the agent (0: none). None by default: the link is never
   * idle — the heartbeat goes out every 15 s — and the server pings any socket that falls quiet
   * (api/server/keepalive.ts), which keeps NATs and proxies open as well. A ping of its own every
   * 20 s was a message and a `pong` write per agent for nothing: a third of an idle server's
   * socket writes at 10,000 agents. @default 0
   */
  readonly keepAliveMs?: number;
  readonly random?: () => number;
}

const INSTRUCTIONS = 'subscription { agentInstructions { id kind payload } }';

/** Close codes after which reconnecting is pointless until a human acts; the agent keeps trying slowly. */
const CREDENTIAL_REFUSED = new Set([4401, 4403]);

/**
 * The agent's one connection to the server. It dials out, keeps one subscription open for
 * instructions, sends reports over the same socket, and reconnects by itself forever:
 *
 *   idle ──start──▶ connecting ──ack──▶ connected ──close──▶ waiting (backoff) ──▶ connecting …
 *                        └──────── refused / error ───────────────┘
 */
export class AgentLink {
  private stopped = true;
  private wakeUp: (() => void) | undefined;
  private current: Client | undefined;
  private loopDone: Promise<void> = Promise.resolve();
  /** Times connected, for tests and logs. */
  connections = 0;

  constructor(private readonly opts: AgentLinkOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await disposeQuietly(this.current);
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const startedAt = Date.now();
      const { code, reason, connected } = await this.connectOnce();
      if (this.stopped) return;
      if (connected && Date.now() - startedAt >= (this.opts.stableAfterMs ?? 30_000)) attempt = 0;
      const refused = code !== undefined && CREDENTIAL_REFUSED.has(code);
      const delay = refused ? (this.opts.backoff ?? DEFAULT_BACKOFF).maxMs : backoffDelay(attempt++, this.opts.backoff, this.opts.random);
      const log = refused ? this.opts.logger.error : this.opts.logger.warn;
      log(refused ? 'the server refused this agent’s credential; retrying slowly (re-enroll if the host was revoked)' : 'disconnected from the server; reconnecting', { code, reason, retryInMs: delay });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** One connection, from dialing to close. */
  private connectOnce(): Promise<{ code?: number; reason?: string; connected: boolean }> {
    const tls = this.opts.tls;
    class TlsWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { ...tls, maxPayload: 8 * 1024 * 1024 });
      }
    }
    return new Promise((resolve) => {
      let connected = false;
      let endSession: (() => void) | undefined;
      let settled = false;
      const finish = (code?: number, reason?: string) => {
        if (settled) return;
        settled = true;
        endSession?.();
        void disposeQuietly(client);
        if (this.current === client) this.current = undefined;
        resolve({ code, reason, connected });
      };
      const client = createClient({
        url: this.opts.url,
        webSocketImpl: TlsWebSocket,
        connectionParams: this.opts.connectionParams,
        lazy: false,
        retryAttempts: 0,
        keepAlive: this.opts.keepAliveMs ?? 0,
        on: {
          connected: () => {
            connected = true;
            this.connections++;
            this.opts.logger.info('connected to the server', { url: this.opts.url });
            const session = this.session(client);
            client.subscribe<{ agentInstructions: Instruction }>(
              { query: INSTRUCTIONS },
              {
                next: (v) => v.data && this.opts.onInstruction(v.data.agentInstructions, session),
                error: (err) => this.opts.logger.warn('instruction stream ended with an error', { err: describe(err) }),
                complete: () => undefined,
              },
            );
            endSession = this.opts.onSession(session);
          },
          closed: (event) => {
            const e = event as { code?: number; reason?: string };
            finish(e.code, e.reason);
          },
          error: (err) => this.opts.logger.debug('socket error', { err: describe(err) }),
        },
        onNonLazyError: (err) => {
          const e = err as { code?: number; reason?: string };
          finish(typeof e.code === 'number' ? e.code : undefined, typeof e.reason === 'string' ? e.reason : describe(err));
        },
      });
      this.current = client;
    });
  }

  private session(client: Client): LinkSession {
    return {
      request: <T>(query: string, variables: Record<string, unknown> = {}, timeoutMs = 30_000) =>
        new Promise<T>((resolve, reject) => {
          let result: T | undefined;
          const timer = setTimeout(() => {
            cancel();
            reject(new Error(`no answer within ${timeoutMs} ms`));
          }, timeoutMs);
          const cancel = client.subscribe<T>(
            { query, variables },
            {
              next: (v) => {
                if (v.errors?.length) {
                  clearTimeout(timer);
                  reject(new ServerError(v.errors.map((e) => e.message).join('; '), errorCode(v.errors)));
                } else result = v.data as T;
              },
              error: (err) => {
                clearTimeout(timer);
                reject(new Error(describe(err)));
              },
              complete: () => {
                clearTimeout(timer);
                if (result !== undefined) resolve(result);
                else reject(new Error('the connection closed before the server answered'));
              },
            },
          );
        }),
    };
  }
}

/**
 * Closes a client whatever state it is in. graphql-ws rejects `dispose()` when the server closed the
 * socket before acknowledging it (4401, 4403): that is an answer the loop already handled, and left
 * unhandled it would end the agent process.
 */
async function disposeQuietly(client: Client | undefined): Promise<void> {
  try {
    await client?.dispose();
  } catch {
    // The close code was already taken from the `closed` event.
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (Array.isArray(err)) return err.map((e) => (e as { message?: string }).message ?? String(e)).join('; ');
  const e = err as { code?: number; reason?: string; message?: string };
  if (typeof e?.code === 'number') return `closed ${e.code}${e.reason ? `: ${e.reason}` : ''}`;
  return e?.message ?? String(err);
}

/** The server answered a request with a GraphQL error; `code` is its first `extensions.code`. */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

function errorCode(errors: readonly { extensions?: Record<string, unknown> }[]): string | undefined {
  const code = errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when the server refused the request for good (see FINAL_REFUSALS): sending it again cannot help. */
export function isFinalRefusal(err: unknown): err is ServerError {
  return err instanceof ServerError && err.code !== undefined && (FINAL_REFUSALS as ReadonlySet<string>).has(err.code);
}
