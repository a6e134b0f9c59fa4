import type { WebSocket } from 'ws';

/** Close codes the server uses beyond graphql-ws's own. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;

interface Entry {
  readonly socket: WebSocket;
  readonly userId: number;
  readonly sessionHash: string;
}

/**
 * Open WebSockets by user and session, so that ending a session, disabling a user or changing an
 * allow-list closes that user's sockets at once instead of at their next message.
 */
export class ConnectionRegistry {
  private readonly entries = new Set<Entry>();

  add(socket: WebSocket, userId: number, sessionHash: string): void {
    const entry = { socket, userId, sessionHash };
    this.entries.add(entry);
    socket.once('close', () => this.entries.delete(entry));
  }

  closeUser(userId: number, reason: string, code = CLOSE_UNAUTHORIZED): number {
    return this.closeWhere((e) => e.userId === userId, code, reason);
  }

  closeSession(sessionHash: string, reason: string, code = CLOSE_UNAUTHORIZED): number {
    return this.closeWhere((e) => e.sessionHash === sessionHash, code, reason);
  }

  closeAll(code: number, reason: string): number {
    return this.closeWhere(() => true, code, reason);
  }

  get size(): number {
    return this.entries.size;
  }

  private closeWhere(match: (e: Entry) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const entry of [...this.entries]) {
      if (!match(entry)) continue;
      entry.socket.close(code, reason.slice(0, 120));
      this.entries.delete(entry);
      closed++;
    }
    return closed;
  }
}
