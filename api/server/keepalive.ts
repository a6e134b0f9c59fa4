/**
 * One keepalive for every socket of a server, instead of graphql-ws's timer per socket (an
 * interval, and per ping a time-out and a `pong` listener: at 10,000 agents 30,000 timer and
 * closure objects, and 10,000 timer callbacks every period).
 *
 * The sockets are spread over `slots`; every `intervalMs / slots` one slot is visited. A visit
 * terminates a socket that has not answered the previous visit's ping, and pings the others:
 *
 *   add ──▶ ALIVE ──visit: ping──▶ PINGED ──pong──▶ ALIVE
 *                                    │
 *                                    └──next visit, no pong──▶ terminate()
 *
 * So each socket is pinged once per `intervalMs`, in a steady trickle rather than all at once,
 * and one that went silent is terminated at most `2 × intervalMs` after its last pong — the
 * same bound as graphql-ws's (a ping every 12 s, terminated 12 s later without a pong).
 */
export interface KeepaliveSocket {
  readonly readyState: number;
  readonly OPEN: number;
  ping(): void;
  terminate(): void;
  on(event: 'pong', listener: (this: KeepaliveSocket) => void): unknown;
  off(event: 'pong', listener: (this: KeepaliveSocket) => void): unknown;
}

export interface KeepaliveOptions {
  /** How often each socket is pinged. @default 12 000 ms (graphql-ws's default) */
  readonly intervalMs?: number;
  /** Groups visited in turn, one every `intervalMs / slots`. @default 12 */
  readonly slots?: number;
}

export const KEEPALIVE_INTERVAL_MS = 12_000;

export class KeepaliveWheel<S extends KeepaliveSocket = KeepaliveSocket> {
  readonly intervalMs: number;
  /** Per slot, each socket and whether it answered since the last visit. */
  private readonly slots: Map<S, boolean>[];
  private readonly slotOf = new Map<S, Map<S, boolean>>();
  private nextSlot = 0;
  private cursor = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The one `pong` listener every socket shares (`this` is the socket). */
  private readonly onPong: (this: S) => void;

  constructor(opts: KeepaliveOptions = {}) {
    this.intervalMs = opts.intervalMs ?? KEEPALIVE_INTERVAL_MS;
    this.slots = Array.from({ length: Math.max(1, opts.slots ?? 12) }, () => new Map<S, boolean>());
    const slotOf = this.slotOf;
    this.onPong = function (this: S) {
      slotOf.get(this)?.set(this, true);
    };
  }

  /** Starts visiting (an unref'd timer: it never keeps the process alive). */
  start(): this {
    this.timer ??= setInterval(() => this.tick(), this.intervalMs / this.slots.length).unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  add(socket: S): void {
    if (this.slotOf.has(socket)) return;
    const slot = this.slots[this.nextSlot++ % this.slots.length]!;
    slot.set(socket, true);
    this.slotOf.set(socket, slot);
    socket.on('pong', this.onPong as (this: KeepaliveSocket) => void);
  }

  /** Forgets a socket (call on close). */
  remove(socket: S): void {
    const slot = this.slotOf.get(socket);
    if (!slot) return;
    slot.delete(socket);
    this.slotOf.delete(socket);
    socket.off('pong', this.onPong as (this: KeepaliveSocket) => void);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Visits the next slot: terminates the sockets that did not answer, pings the rest. */
  tick(): void {
    const slot = this.slots[this.cursor++ % this.slots.length]!;
    for (const [socket, answered] of slot) {
      if (socket.readyState !== socket.OPEN) continue;
      if (!answered) {
        this.remove(socket);
        socket.terminate();
        continue;
      }
      slot.set(socket, false);
      socket.ping();
    }
  }
}
