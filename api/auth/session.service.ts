import type { EntityManager } from '@mikro-orm/core';
import { SessionRecord, UserRecord } from '../../db/entities/index.js';
import { ipAllowed } from './allow-list.js';
import { generateToken, hashToken } from './tokens.js';
import type { AuthResult } from './principal.js';

export interface SessionPolicy {
  readonly idleSeconds: number;
  readonly maxSeconds: number;
}

/** How stale `lastUsedAt` may get before a request refreshes it (saves a write per request). */
const TOUCH_AFTER_MS = 60_000;

/** Opaque bearer sessions: the token goes to the client once, only its SHA-256 is stored. */
export class SessionService {
  constructor(
    private readonly policy: SessionPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(em: EntityManager, user: UserRecord, ip: string, userAgent?: string): Promise<{ token: string; session: SessionRecord }> {
    const token = generateToken();
    const now = this.now();
    const session = em.create(SessionRecord, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.policy.maxSeconds * 1000),
      ip: ip.slice(0, 64),
      userAgent: userAgent?.slice(0, 255) ?? null,
    });
    await em.persistAndFlush(session);
    return { token, session };
  }

  /** Checks a presented token from `ip`: session live, user enabled, address allowed. */
  async authenticate(em: EntityManager, token: string | undefined, ip: string): Promise<AuthResult> {
    if (!token) return { ok: false, failure: { code: 'NO_TOKEN' } };
    if (token.length > 200) return { ok: false, failure: { code: 'INVALID_TOKEN' } };
    const tokenHash = hashToken(token);
    const session = await em.findOne(SessionRecord, { tokenHash });
    if (!session) return { ok: false, failure: { code: 'INVALID_TOKEN' } };
    const now = this.now();
    const idleDeadline = session.lastUsedAt.getTime() + this.policy.idleSeconds * 1000;
    if (now >= session.expiresAt || now.getTime() >= idleDeadline) {
      await em.nativeDelete(SessionRecord, { tokenHash });
      return { ok: false, failure: { code: 'EXPIRED' } };
    }
    const user = await em.findOne(UserRecord, { id: session.userId });
    if (!user) return { ok: false, failure: { code: 'INVALID_TOKEN' } };
    if (user.disabled) return { ok: false, failure: { code: 'DISABLED', username: user.username } };
    if (!ipAllowed(user.allowList, ip)) return { ok: false, failure: { code: 'IP_NOT_ALLOWED', username: user.username, ip } };
    if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
      await em.nativeUpdate(SessionRecord, { tokenHash }, { lastUsedAt: now });
    }
    return { ok: true, principal: { kind: 'user', userId: user.id, username: user.username, role: user.role, sessionHash: tokenHash } };
  }

  revoke(em: EntityManager, tokenHash: string): Promise<number> {
    return em.nativeDelete(SessionRecord, { tokenHash });
  }

  revokeAllFor(em: EntityManager, userId: number): Promise<number> {
    return em.nativeDelete(SessionRecord, { userId });
  }

  /** Deletes expired sessions; run periodically. */
  purgeExpired(em: EntityManager): Promise<number> {
    const now = this.now();
    return em.nativeDelete(SessionRecord, {
      $or: [{ expiresAt: { $lte: now } }, { lastUsedAt: { $lte: new Date(now.getTime() - this.policy.idleSeconds * 1000) } }],
    });
  }
}
