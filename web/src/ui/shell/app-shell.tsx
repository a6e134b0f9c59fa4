'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useContext, type ReactNode } from 'react';
import { LANGUAGES, type Language } from '../../lib/i18n';
import { usePrefs, useT } from '../../lib/prefs';
import { signOut, useCan, useSession } from '../../lib/session';
import { LinkStatusContext } from './link-status';
import { NAV_ITEMS, type NavItem } from './nav-items';

function NavLink({ item }: { item: NavItem }) {
  const { t } = useT();
  const path = usePathname();
  const allowed = useCan(item.role);
  if (!allowed) return null;
  const active = item.href === '/' ? path === '/' : path.startsWith(item.href) || (item.also ?? []).some((p) => path.startsWith(p));
  return (
    <li>
      <Link href={item.href} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined}>
        {t(item.label)}
      </Link>
    </li>
  );
}

/** Sidebar navigation, the header with the user, language, time zone and live-link state. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useT();
  const user = useSession();
  const { language, setLanguage, utc, setUtc } = usePrefs();
  const link = useContext(LinkStatusContext);
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          IOMS
        </div>
        <ul>
          {NAV_ITEMS.map((item) => (
            <NavLink key={item.href} item={item} />
          ))}
        </ul>
      </nav>
      <div className="main-col">
        <header className="topbar">
          <span className={`link-dot link-${link}`} role="status" title={t(`link.${link}`)}>
            {t(`link.${link}`)}
          </span>
          <div className="topbar-right">
            <label className="inline-field">
              <input type="checkbox" checked={utc} onChange={(e) => setUtc(e.target.checked)} /> {t('prefs.utc')}
            </label>
            <label className="inline-field">
              <span className="sr-only">{t('prefs.language')}</span>
              <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('prefs.language')} data-testid="language">
                {LANGUAGES.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.label}
                  </option>
                ))}
              </select>
            </label>
            <span className="user" data-testid="user">
              {user.username} <span className="role">{t(`role.${user.role}`)}</span>
            </span>
            <button type="button" className="btn btn-ghost" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </button>
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
