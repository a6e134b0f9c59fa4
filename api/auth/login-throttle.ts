import type { EntityManager } from '@mikro-orm/core';
import type { AuditService } from '../audit/audit.service.js';
import { lastUnlockAt } from '../users/account-recovery.js';

export interface ThrottlePolicy {
  readonly maxFailuresPerUser: number;
  readonly maxFailuresPerIp: number;
  readonly windowSeconds: number;
}

/**
 * Failed-login throttle. Its memory is the audit table itself (failed `login` rows by username
 * and by client address in the window), so it holds across replicas and restarts, and it is
 * consulted inside the resolver: fifty aliased `login` fields in one request are fifty attempts.
 */
export class LoginThrottle {
  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A refusal message when either limit is reached, else undefined. */
  async check(em: EntityManager, username: string, ip: string): Promise<string | undefined> {
    const since = new Date(this.now().getTime() - this.policy.windowSeconds * 1000);
    const minutes = Math.ceil(this.policy.windowSeconds / 60);
    // An unlock (`ioms user unlock`, `ioms user reset-password`) forgives the failures before it.
    const unlockedAt = await lastUnlockAt(em, username);
    const userSince = unlockedAt && unlockedAt > since ? unlockedAt : since;
    if ((await this.audit.countLoginFailures(em, { actor: username }, userSince)) >= this.policy.maxFailuresPerUser) {
      return `too many failed sign-ins for ${username}; try again in up to ${minutes} minutes`;
    }
    if ((await this.audit.countLoginFailures(em, { ip }, since)) >= this.policy.maxFailuresPerIp) {
      return `too many failed sign-ins from ${ip}; try again in up to ${minutes} minutes`;
    }
    return undefined;
  }
}
