'use client';
import type { CombinedError } from 'urql';
import { useT } from '../lib/prefs';

/** Loading, empty and error states: one look for every panel. */
export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <div className="state state-loading" role="status" aria-busy="true">
      <span className="spinner" aria-hidden="true" /> {label ?? t('state.loading')}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** The server's message for a GraphQL error (it is text from the server, shown as text). */
export function errorMessage(error: CombinedError | Error | string): string {
  if (typeof error === 'string') return error;
  if ('graphQLErrors' in error && error.graphQLErrors.length > 0) return error.graphQLErrors.map((e) => e.message).join('; ');
  if ('networkError' in error && error.networkError) return error.networkError.message;
  return error.message;
}

export function ErrorBox({ error, onRetry }: { error: CombinedError | Error | string; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <div className="state state-error" role="alert">
      <strong>{t('state.error')}</strong> <span>{errorMessage(error)}</span>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Panel({ title, actions, children, className }: { title: string; actions?: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <section className={`panel ${className ?? ''}`} aria-label={title}>
      <header className="panel-head">
        <h2>{title}</h2>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
