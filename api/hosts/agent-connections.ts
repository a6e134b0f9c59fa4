import type { WebSocket } from 'ws';

/** Close codes for agent sockets. */
export const CLOSE_HOST_REVOKED = 4403;
/** A newer connection of the same host took over. */
export const CLOSE_REPLACED = 4409;

/**
 * The agent sockets open on this replica, by host id. A host has at most one: a new connection
 * replaces (closes) the old, so a flapping link never leaves two sessions reporting for one host.
 */
export class AgentConnections {
  private readonly sockets = new Map<number, WebSocket>();
  private readonly pending = new Set<Promise<unknown>>();

  /** Keeps track of work started by a socket event (recording a disconnect), so shutdown can wait for it. */
  track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work)).catch(() => undefined);
  }

  /** Resolves when every tracked piece of work has ended. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Registers `socket` for `hostId`, closing any previous one; `onClose` runs only if it is still current. */
  add(hostId: number, socket: WebSocket, onClose: () => void): void {
    const previous = this.sockets.get(hostId);
    this.sockets.set(hostId, socket);
    if (previous && previous !== socket) previous.close(CLOSE_REPLACED, 'replaced by a newer connection of this host');
    socket.once('close', () => {
      if (this.sockets.get(hostId) !== socket) return;
      this.sockets.delete(hostId);
      onClose();
    });
  }

  isConnected(hostId: number): boolean {
    return this.sockets.has(hostId);
  }

  close(hostId: number, code: number, reason: string): boolean {
    const socket = this.sockets.get(hostId);
    if (!socket) return false;
    socket.close(code, reason.slice(0, 120));
    return true;
  }

  get size(): number {
    return this.sockets.size;
  }
}
