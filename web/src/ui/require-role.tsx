'use client';
import type { ReactNode } from 'react';
import type { Role } from '../gql/graphql';
import { useT } from '../lib/prefs';
import { useCan } from '../lib/session';
import './guarded.css';

/**
 * A page (or panel) only a role may use: below it the page says so and renders nothing of the
 * content, so no query runs and no action shows. The server refuses regardless.
 */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { t } = useT();
  const allowed = useCan(role);
  if (allowed) return <>{children}</>;
  return (
    <div className="state state-denied" role="alert" data-testid="not-allowed">
      <strong>{t('admin.notAllowedTitle')}</strong>
      <span>{t('admin.notAllowed', { role: t(`role.${role}`) })}</span>
    </div>
  );
}
