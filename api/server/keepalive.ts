/**
 * One keepalive for every socket of a server, instead of graphql-ws's timer per socket (an
 * interval, and per ping a time-out and a `pong` listener: at 10,000 agents 30,000 timer and
 * closure objects, and 10,000 timer callbacks every period).
 *
 * The sockets are spread over `slots`; every `intervalMs / slots` one slot is visited. Anything
 * a socket sends (a pong, or any message: {@link KeepaliveWheel.heard}) proves its peer is there,
 * so a visit pings only a socket that was quiet for `quietVisits` visits in a row, and
 * terminates one that did not answer that ping by the next — the way MQTT's keepalive pings
 * only an idle link:
 *
 *   add ──▶ HEARD ──visit──▶ QUIET ×quietVisits ──visit: ping──▶ PINGED ──visit──▶ terminate()
 *             ▲                   │                                │
 *             └────── pong or message (from any state) ◀──────────┘
 *
 * Two quiet visits by default: an agent heartbeats every 15 s, so two 10-s windows in a row
 * always hold one of its messages and it is never pinged (with one, every third window was empty
 * and each agent was pinged every 30 s: a write and a pong for nothing). A socket that went
 * silent is terminated at most `(quietVisits + 2) × intervalMs` after the last thing heard from
 * it (40 s by default).
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
  /** How often each socket is visited (pinged if it was quiet since the last visit). @default 10 000 ms */
  readonly intervalMs?: number;
  /** Groups visited in turn, one every `intervalMs / slots`. @default 12 */
  readonly slots?: number;
  /** Visits a socket may be found quiet (nothing heard since the previous) before it is pinged. @default 2 */
  readonly quietVisits?: number;
}

export const KEEPALIVE_INTERVAL_MS = 10_000;

/**
 * A socket's state between visits (see the diagram above): 0 is HEARD, 1 … quietVisits the
 * quiet visits so far, quietVisits + 1 PINGED.
 */
type Liveness = number;
const HEARD: Liveness = 0;

export class KeepaliveWheel<S extends KeepaliveSocket = KeepaliveSocket> {
  readonly intervalMs: number;
  private readonly quietVisits: number;
  /** Per slot, each socket and what was heard from it since the last visit. */
  private readonly slots: Map<S, Liveness>[];
  private readonly slotOf = new Map<S, Map<S, Liveness>>();
  private nextSlot = 0;
  private cursor = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The one `pong` listener every socket shares (`this` is the socket). */
  private readonly onPong: (this: S) => void;

  constructor(opts: KeepaliveOptions = {}) {
    this.intervalMs = opts.intervalMs ?? KEEPALIVE_INTERVAL_MS;
    this.quietVisits = Math.max(1, opts.quietVisits ?? 2);
    this.slots = Array.from({ length: Math.max(1, opts.slots ?? 12) }, () => new Map<S, Liveness>());
    const slotOf = this.slotOf;
    this.onPong = function (this: S) {
      slotOf.get(this)?.set(this, HEARD);
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
    slot.set(socket, HEARD);
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

  /** Something arrived from `socket` (any message): its peer is there, no ping needed this round. */
  heard(socket: S): void {
    this.slotOf.get(socket)?.set(socket, HEARD);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Visits the next slot: terminates the sockets that did not answer a ping, pings the quiet ones. */
  tick(): void {
    const slot = this.slots[this.cursor++ % this.slots.length]!;
    for (const [socket, state] of slot) {
      if (socket.readyState !== socket.OPEN) continue;
      if (state < this.quietVisits) slot.set(socket, state + 1);
      else if (state === this.quietVisits) {
        slot.set(socket, state + 1);
        socket.ping();
      } else {
        this.remove(socket);
        socket.terminate();
      }
    }
  }
}
