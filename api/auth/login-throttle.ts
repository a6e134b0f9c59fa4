import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { LoginAttemptRecord } from '../../db/entities/index.js';

export interface ThrottlePolicy {
  readonly maxFailuresPerUser: number;
  readonly maxFailuresPerIp: number;
  readonly windowSeconds: number;
}

/** A reserved attempt: `release` when the password was right, `keep` when it was wrong. */
export interface LoginReservation {
  release(): Promise<void>;
}

/**
 * Failed-login throttle that holds under any concurrency and across replicas.
 *
 *   reserve: INSERT attempt (committed) ──▶ COUNT attempts in window (user, ip)
 *              │ over a limit                    │ within both limits
 *              ▼                                 ▼
 *        DELETE it, refuse                verify password (slow) ──▶ right: DELETE it (release)
 *                                                                 └▶ wrong: keep (it counts)
 *
 * The attempt is committed before it is counted, so of N concurrent attempts the k-th to commit
 * sees at least k rows: no more than the limit are ever verified, whatever the interleaving.
 * Refused attempts are removed again so a flood does not extend the lockout without bound; the
 * refusal is still in the audit log.
 */
export class LoginThrottle {
  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly fork: () => EntityManager,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A reservation to verify one password, or the refusal message when a limit is reached. */
  async reserve(username: string, ip: string): Promise<{ ok: true; reservation: LoginReservation } | { ok: false; message: string }> {
    const em = this.fork();
    const at = this.now();
    const row = em.create(LoginAttemptRecord, { username: username.slice(0, 128), ip: ip.slice(0, 64), at });
    await em.flush();
    const since = new Date(at.getTime() - this.policy.windowSeconds * 1000);
    const minutes = Math.ceil(this.policy.windowSeconds / 60);
    const remove = async () => {
      await this.fork().nativeDelete(LoginAttemptRecord, { id: row.id });
    };
    let message: string | undefined;
    if ((await em.count(LoginAttemptRecord, { username: row.username, at: { $gte: since } })) > this.policy.maxFailuresPerUser) {
      message = `too many failed sign-ins for ${row.username}; try again in up to ${minutes} minutes`;
    } else if ((await em.count(LoginAttemptRecord, { ip: row.ip, at: { $gte: since } })) > this.policy.maxFailuresPerIp) {
      message = `too many failed sign-ins from ${row.ip}; try again in up to ${minutes} minutes`;
    }
    if (message) {
      await remove();
      return { ok: false, message };
    }
    return { ok: true, reservation: { release: remove } };
  }

  /**
   * The usernames whose next sign-in is refused: failed attempts in the window reached the
   * per-user limit (what `reserve` counts). One grouped query, whatever the number of users.
   */
  async lockedUsernames(): Promise<Set<string>> {
    const since = new Date(this.now().getTime() - this.policy.windowSeconds * 1000);
    const rows = await (this.fork() as SqlEntityManager)
      .createQueryBuilder(LoginAttemptRecord)
      .select('username')
      .where({ at: { $gte: since } })
      .groupBy('username')
      .having('count(*) >= ?', [this.policy.maxFailuresPerUser])
      .execute<{ username: string }[]>('all');
    return new Set(rows.map((r) => r.username));
  }

  /** Drops attempts older than the window (called with the session purge). */
  async purge(): Promise<number> {
    return this.fork().nativeDelete(LoginAttemptRecord, { at: { $lt: new Date(this.now().getTime() - this.policy.windowSeconds * 1000) } });
  }
}
