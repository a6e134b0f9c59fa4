'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { useT } from '../../lib/prefs';
import { RequireRole } from '../require-role';
import './admin.css';

const TABS = [
  { href: '/admin/', label: 'admin.tabs.users' },
  { href: '/admin/tokens/', label: 'admin.tabs.tokens' },
  { href: '/admin/hosts/', label: 'admin.tabs.hosts' },
] as const;

/** The admin section: its title and tabs, shown to admins only (the server refuses the rest). */
export function AdminSection({ children }: { children: ReactNode }) {
  const { t } = useT();
  const path = usePathname();
  return (
    <RequireRole role="ADMIN">
      <div className="page">
        <div className="page-head">
          <h1>{t('admin.title')}</h1>
          <nav className="admin-tabs" aria-label={t('admin.sections')}>
            {TABS.map((tab) => {
              const active = path === tab.href || path === tab.href.slice(0, -1);
              return (
                <Link key={tab.href} href={tab.href} className={active ? 'admin-tab active' : 'admin-tab'} aria-current={active ? 'page' : undefined}>
                  {t(tab.label)}
                </Link>
              );
            })}
          </nav>
        </div>
        {children}
      </div>
    </RequireRole>
  );
}
