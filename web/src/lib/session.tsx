'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { Role } from '../gql/graphql';
import { suppressLoginRedirect } from './urql';

export interface SessionUser {
  readonly username: string;
  readonly role: Role;
}

const RANK: Record<Role, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };

const SessionContext = createContext<SessionUser | undefined>(undefined);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionUser {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The page hides what the role may not do; the server enforces the same rule regardless. */
export function useCan(role: Role): boolean {
  return RANK[useSession().role] >= RANK[role];
}

export async function signOut(): Promise<void> {
  suppressLoginRedirect();
  await fetch('/session/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  window.location.assign('/login/');
}
