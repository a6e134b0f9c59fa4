/**
 * Getting back into an account without a running server or another admin: what
 * `ioms user reset-password NAME` does on the server machine, straight on the database
 * (IOMS_DATABASE_URL). It sets the new password, ends the user's sessions, lifts the sign-in
 * lockout, and writes an audit row (actor type SYSTEM, the OS user and machine) — all in one
 * transaction, so there is no change without its audit row.
 *
 * The lockout is lifted by forgetting the user's recorded sign-in attempts (`login_attempts`, the
 * login throttle's memory), in the same transaction as the password and the audit row.
 */
import os from 'node:os';
import type { EntityManager } from '@mikro-orm/core';
import { LoginAttemptRecord, SessionRecord, UserRecord } from '../../db/entities/index.js';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { AppError, notFound } from '../errors.js';

/**
 * Lifts `username`'s sign-in lockout: the attempts the login throttle counts are forgotten.
 * Returns how many were. Runs in the caller's transaction (the unit that writes the audit row).
 */
export async function forgetLoginAttempts(em: EntityManager, username: string): Promise<number> {
  return em.nativeDelete(LoginAttemptRecord, { username: username.slice(0, 128) });
}

export interface ResetPasswordResult {
  readonly username: string;
  readonly sessionsEnded: number;
}

/** Who ran it, for the audit row: `root@db-host (ioms user reset-password)`. */
export function localActor(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return `${user}@${os.hostname()}`;
}

export async function resetPassword(em: EntityManager, username: string, password: string, opts: { actor?: string; now?: () => Date } = {}): Promise<ResetPasswordResult> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) throw new AppError('BAD_USER_INPUT', `the password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  const hash = await hashPassword(password);
  const now = opts.now ?? (() => new Date());
  return em.transactional(async (tx) => {
    const user = await tx.findOne(UserRecord, { username });
    if (!user) throw notFound(`no user named "${username}"`);
    user.passwordHash = hash;
    user.updatedAt = now();
    const sessionsEnded = await tx.nativeDelete(SessionRecord, { userId: user.id });
    await forgetLoginAttempts(tx, username);
    await new AuditService(now).record(tx, {
      actorType: 'SYSTEM',
      actor: opts.actor ?? localActor(),
      ip: 'local',
      action: 'resetPassword',
      target: username,
      args: { sessionsEnded, via: 'ioms user reset-password (database)' },
      outcome: 'SUCCESS',
    });
    return { username: user.username, sessionsEnded };
  });
}
