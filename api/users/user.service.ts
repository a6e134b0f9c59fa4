import type { EntityManager } from '@mikro-orm/core';
import { ROLES, UserRecord, type Role } from '../../db/entities/index.js';
import { invalidCidrs } from '../auth/allow-list.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { badInput, conflict, notFound } from '../errors.js';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_ALLOW_LIST = 64;

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly allowList?: readonly string[];
  readonly disabled?: boolean;
}

export interface UserChanges {
  readonly role?: Role;
  readonly password?: string;
  readonly allowList?: readonly string[];
  readonly disabled?: boolean;
}

/** Returned by `update`: whether the user's sessions had to end (password, role, allow-list, disabled). */
export interface UpdateOutcome {
  readonly user: UserRecord;
  readonly sessionsEnded: boolean;
}

export class UserService {
  constructor(private readonly now: () => Date = () => new Date()) {}

  list(em: EntityManager): Promise<UserRecord[]> {
    return em.find(UserRecord, {}, { orderBy: { username: 'asc' } });
  }

  findByName(em: EntityManager, username: string): Promise<UserRecord | null> {
    return em.findOne(UserRecord, { username });
  }

  async get(em: EntityManager, username: string): Promise<UserRecord> {
    const user = await this.findByName(em, username);
    if (!user) throw notFound(`no user named "${username}"`);
    return user;
  }

  async create(em: EntityManager, input: NewUser): Promise<UserRecord> {
    if (!USERNAME.test(input.username)) throw badInput(`username "${input.username}" must be 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit`);
    checkRole(input.role);
    checkPassword(input.password);
    const allowList = checkAllowList(input.allowList ?? []);
    if (await this.findByName(em, input.username)) throw conflict(`user "${input.username}" already exists`);
    const now = this.now();
    const user = em.create(UserRecord, {
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      allowList,
      disabled: input.disabled ?? false,
      createdAt: now,
      updatedAt: now,
    });
    await em.persistAndFlush(user);
    return user;
  }

  async update(em: EntityManager, username: string, changes: UserChanges): Promise<UpdateOutcome> {
    const user = await this.get(em, username);
    if (changes.role !== undefined) checkRole(changes.role);
    if (changes.password !== undefined) checkPassword(changes.password);
    const allowList = changes.allowList === undefined ? undefined : checkAllowList(changes.allowList);
    const losesAdmin = user.role === 'ADMIN' && !user.disabled && ((changes.role !== undefined && changes.role !== 'ADMIN') || changes.disabled === true);
    if (losesAdmin) await this.assertAnotherAdmin(em, user.id);
    let sessionsEnded = false;
    if (changes.role !== undefined && changes.role !== user.role) {
      user.role = changes.role;
      sessionsEnded = true;
    }
    if (changes.disabled !== undefined && changes.disabled !== user.disabled) {
      user.disabled = changes.disabled;
      sessionsEnded ||= changes.disabled;
    }
    if (allowList !== undefined && JSON.stringify(allowList) !== JSON.stringify(user.allowList)) {
      user.allowList = allowList;
      sessionsEnded = true;
    }
    if (changes.password !== undefined) {
      user.passwordHash = await hashPassword(changes.password);
      sessionsEnded = true;
    }
    user.updatedAt = this.now();
    await em.flush();
    return { user, sessionsEnded };
  }

  async delete(em: EntityManager, username: string): Promise<UserRecord> {
    const user = await this.get(em, username);
    if (user.role === 'ADMIN' && !user.disabled) await this.assertAnotherAdmin(em, user.id);
    await em.removeAndFlush(user);
    return user;
  }

  /** First start: creates `admin` when there are no users at all. Returns the password to print, if generated. */
  async ensureAdmin(em: EntityManager, password: string | undefined, generate: () => string): Promise<{ created: boolean; generatedPassword?: string }> {
    if ((await em.count(UserRecord, {})) > 0) return { created: false };
    const chosen = password ?? generate();
    await this.create(em, { username: 'admin', password: chosen, role: 'ADMIN' });
    return { created: true, generatedPassword: password ? undefined : chosen };
  }

  private async assertAnotherAdmin(em: EntityManager, exceptId: number): Promise<void> {
    const others = await em.count(UserRecord, { role: 'ADMIN', disabled: false, id: { $ne: exceptId } });
    if (others === 0) throw conflict('refused: this is the last enabled admin; create or enable another admin first');
  }
}

function checkRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) throw badInput(`role must be one of ${ROLES.join(', ')}`);
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw badInput(problem);
}

function checkAllowList(list: readonly string[]): string[] {
  if (list.length > MAX_ALLOW_LIST) throw badInput(`an allow-list holds at most ${MAX_ALLOW_LIST} entries`);
  const bad = invalidCidrs(list);
  if (bad.length > 0) throw badInput(`not an IP address or CIDR: ${bad.join(', ')}`);
  return [...new Set(list.map((c) => c.trim()))];
}
