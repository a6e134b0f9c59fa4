import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { KeepaliveWheel } from './keepalive.js';

/**
 * What each socket's graphql-ws context carries. `request` is the upgrade request, there for
 * `onConnect` (address, cookie); `onConnect` should take what it needs and drop it
 * (`extra.request = undefined`), so that a socket held for days does not keep its request's
 * headers and parser state alive.
 */
export interface WsExtra {
  readonly socket: WebSocket;
  /** The TCP socket under the WebSocket (the upgrade request's), for corking ({@link pushMessage}). */
  readonly raw: Duplex;
  request?: IncomingMessage;
}

/**
 * graphql-ws's core on a `ws` server: the library's `graphql-ws/use/ws` adapter, thinner per
 * socket. Where that one keeps a ping interval, a pong time-out and a pong listener for every
 * socket, this one hands the socket to a shared {@link KeepaliveWheel}; and a message is turned
 * into text before the (long) async handling starts, so a subscription that runs for the
 * socket's life does not pin the frame's read buffer. The protocol work is graphql-ws's own
 * (`makeServer`); this file is only the socket glue, as the library intends adapters to be.
 */
/*
 * NAMED_CLOSURES: the server runs through tsx, whose esbuild transform keeps function names
 * (`keepNames`): an arrow assigned to a property or a const is wrapped in a
 * `defineProperty(fn, 'name')`, which turns that function into a dictionary-mode object — about
 * 256 bytes more per closure, and a slow path each time one is made. Closures made per socket or
 * per message are therefore written as methods (or passed inline), which esbuild leaves alone.
 */
export function serveGraphqlWs<P extends Record<string, unknown>, E extends WsExtra>(
  options: ServerOptions<P, E>,
  glue: {
    readonly wsServer: WebSocketServer;
    readonly keepalive: KeepaliveWheel<WebSocket>;
    /** Close reasons without error messages. */
    readonly production: boolean;
    readonly logError: (err: unknown, what: string) => void;
    /**
     * Answers a message itself instead of graphql-ws, returning true when it did (the agent's
     * instruction push, agent-lane.ts). Called for every message of an open socket.
     */
    readonly take?: (extra: E, text: string) => boolean;
    /** The socket closed (one listener for the glue's every per-socket chore). */
    readonly closed?: (extra: E) => void;
  },
): { dispose(): Promise<void> } {
  const { wsServer, keepalive, production, logError, take, closed: onClosed } = glue;
  const server = makeServer<P, E>(options);
  wsServer.options.handleProtocols = handleProtocols;
  const reason = (err: unknown) => (production ? 'Internal server error' : (err instanceof Error ? err.message : String(err)).slice(0, 120));
  wsServer.once('error', (err) => {
    logError(err, 'internal error emitted on the WebSocket server');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, reason(err));
  });
  const onHandlerError = (socket: WebSocket, err: unknown) => {
    logError(err, 'internal error while handling a WebSocket message');
    socket.close(CloseCode.InternalServerError, reason(err));
  };
  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    socket.once('error', (err) => {
      logError(err, 'internal error emitted on a WebSocket socket');
      socket.close(CloseCode.InternalServerError, reason(err));
    });
    keepalive.add(socket);
    const raw = request.socket;
    const base: WsExtra = { socket, raw, request };
    const extra = base as E;
    // Methods, not arrow properties: see NAMED_CLOSURES below.
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send(data) {
          return send(socket, raw, data);
        },
        close(code, why) {
          socket.close(code, why);
        },
        onMessage(cb) {
          socket.on('message', (data) => {
            keepalive.heard(socket);
            const text = String(data);
            if (take?.(extra, text)) return;
            void deliver(socket, cb, text, onHandlerError);
          });
        },
      },
      extra,
    );
    socket.once('close', (code, why) => {
      keepalive.remove(socket);
      void closed(code, String(why));
      onClosed?.(extra);
    });
  });
  return {
    dispose: async () => {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/**
 * What may wait in a socket's send buffer before a send waits for its flush (graphql-ws awaits
 * every send: above this, a subscriber that cannot keep up slows its stream down).
 */
export const SEND_HIGH_WATER_BYTES = 64 * 1024;

/**
 * Sends one graphql-ws message. The frames one turn of the event loop sends to a socket go out
 * in one write: an operation's answer is two messages (`next`, then `complete`), and each was a
 * system call of its own — the largest CPU cost of an idle fleet's heartbeats. So the TCP socket
 * is corked until the turn's end, and a send resolves at once while the buffer is small (graphql-
 * ws sends `complete` only after `next` resolved), waiting for the flush only above
 * {@link SEND_HIGH_WATER_BYTES}. A failed write errors and closes the socket, as before.
 */
function send(socket: WebSocket, raw: Duplex, data: string): Promise<void> {
  if (socket.readyState !== socket.OPEN) return Promise.resolve();
  corkForTurn(raw);
  if (socket.bufferedAmount < SEND_HIGH_WATER_BYTES) {
    socket.send(data);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => socket.send(data, (err) => (err ? reject(err) : resolve())));
}

/**
 * Sends one message the adapter composed itself (not graphql-ws), corked like {@link send}, not
 * awaited: a failed write errors and closes the socket.
 */
export function pushMessage(extra: WsExtra, data: string): void {
  const { socket, raw } = extra;
  if (socket.readyState !== socket.OPEN) return;
  corkForTurn(raw);
  socket.send(data);
}

/** Corks `raw` until the end of this turn of the event loop (once per turn). */
function corkForTurn(raw: Duplex): void {
  if (raw.writableCorked > 0) return;
  raw.cork();
  setImmediate(uncork, raw);
}

function uncork(raw: Duplex): void {
  raw.uncork();
}

/** Runs graphql-ws's handler for one message; its frame holds the text only, never the read buffer. */
async function deliver(socket: WebSocket, cb: (data: string) => Promise<void>, text: string, onError: (socket: WebSocket, err: unknown) => void): Promise<void> {
  try {
    await cb(text);
  } catch (err) {
    onError(socket, err);
  }
}
