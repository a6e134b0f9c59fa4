import type { Role } from '../../db/entities/index.js';

/** A signed-in person. */
export type UserPrincipal = {
  readonly kind: 'user';
  readonly userId: number;
  readonly username: string;
  readonly role: Role;
  readonly sessionHash: string;
};

/**
 * An agent, authenticated by its host id and per-host secret. Its identity comes from the
 * connection, never from a field in a message: an agent acts only for this host.
 */
export type AgentPrincipal = {
  readonly kind: 'agent';
  readonly hostId: number;
  readonly hostName: string;
};

/** Who is calling. */
export type Principal = UserPrincipal | AgentPrincipal;

/** Why a presented credential was not accepted, for the refusal message and the audit row. */
export type AuthFailure =
  | { readonly code: 'NO_TOKEN' }
  | { readonly code: 'INVALID_TOKEN' }
  | { readonly code: 'EXPIRED' }
  | { readonly code: 'DISABLED'; readonly username: string }
  | { readonly code: 'IP_NOT_ALLOWED'; readonly username: string; readonly ip: string }
  | { readonly code: 'HOST_REVOKED'; readonly hostName: string }
  | { readonly code: 'BAD_AGENT_CREDENTIAL' };

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
    case 'HOST_REVOKED':
      return `host ${f.hostName} has been revoked`;
    case 'BAD_AGENT_CREDENTIAL':
      return 'unknown host or wrong agent credential';
  }
}

/** Roles ordered by power: a rule naming a role admits it and every role above it. */
const ROLE_RANK: Record<Role, number> = { VIEWER: 1, OPERATOR: 2, ADMIN: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}
