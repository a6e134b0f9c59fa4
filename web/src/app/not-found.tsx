'use client';
import Link from 'next/link';
import { useT } from '../lib/prefs';

export default function NotFound() {
  const { t } = useT();
  return (
    <main className="login-page">
      <div className="login-card">
        <h1>{t('notFound.title')}</h1>
        <p className="muted">{t('notFound.body')}</p>
        <Link className="btn btn-primary" href="/">
          {t('notFound.home')}
        </Link>
      </div>
    </main>
  );
}
