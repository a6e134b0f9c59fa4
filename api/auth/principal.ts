import type { Role } from '../../db/entities/index.js';

/** Who is calling. Agents join this union when they authenticate (Agents issue). */
export type Principal = {
  readonly kind: 'user';
  readonly userId: number;
  readonly username: string;
  readonly role: Role;
  readonly sessionHash: string;
};

/** Why a presented credential was not accepted, for the refusal message and the audit row. */
export type AuthFailure =
  | { readonly code: 'NO_TOKEN' }
  | { readonly code: 'INVALID_TOKEN' }
  | { readonly code: 'EXPIRED' }
  | { readonly code: 'DISABLED'; readonly username: string }
  | { readonly code: 'IP_NOT_ALLOWED'; readonly username: string; readonly ip: string };

export type AuthResult = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly failure: AuthFailure };

export function describeAuthFailure(f: AuthFailure): string {
  switch (f.code) {
    case 'NO_TOKEN':
      return 'sign in first: no session token was sent';
    case 'INVALID_TOKEN':
      return 'the session token is not valid (signed out or revoked); sign in again';
    case 'EXPIRED':
      return 'the session has expired; sign in again';
    case 'DISABLED':
      return `user ${f.username} is disabled`;
    case 'IP_NOT_ALLOWED':
      return `user ${f.username} may not connect from ${f.ip}`;
  }
}

/** Roles ordered by power: a rule naming a role admits it and every role above it. */
const ROLE_RANK: Record<Role, number> = { VIEWER: 1, OPERATOR: 2, ADMIN: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}
