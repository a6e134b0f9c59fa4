'use client';
import { useMemo } from 'react';
import { useT } from '../../lib/prefs';
import { diffRows } from './diff-rows';
import { yamlLines } from './yaml-tokens';

function Highlighted({ text }: { text: string }) {
  const tokens = yamlLines(text)[0] ?? [];
  return (
    <>
      {tokens.map((tok, j) =>
        tok.kind === 'text' ? (
          tok.text
        ) : (
          <span key={j} className={`yaml-${tok.kind}`}>
            {tok.text}
          </span>
        ),
      )}
    </>
  );
}

/** A unified line diff of two YAML texts, unchanged runs folded; text only, never markup. */
export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const { t } = useT();
  const { rows, added, removed } = useMemo(() => diffRows(before, after), [before, after]);
  if (added === 0 && removed === 0) return <p className="muted">{t('desired.diff.identical')}</p>;
  return (
    <div className="diff" data-testid="diff-view">
      <p className="diff-stat small">
        <span className="ok-text">+{added}</span> <span className="bad-text">−{removed}</span> <span className="muted">{t('desired.diff.lines')}</span>
      </p>
      <div className="yaml-view" role="region" aria-label={label} tabIndex={0}>
        <table className="code-table">
          <tbody>
            {rows.map((r, i) =>
              r.kind === 'fold' ? (
                <tr key={i} className="diff-fold">
                  <td className="code-no" aria-hidden="true" />
                  <td className="code-no" aria-hidden="true" />
                  <td className="code-text muted">{t('desired.diff.folded', { count: r.count })}</td>
                </tr>
              ) : (
                <tr key={i} className={`code-line diff-${r.kind}`} data-diff={r.kind}>
                  <td className="code-no" aria-hidden="true">
                    {r.oldNo ?? ''}
                  </td>
                  <td className="code-no" aria-hidden="true">
                    {r.newNo ?? ''}
                  </td>
                  <td className="code-text">
                    <span className="diff-sign" aria-hidden="true">
                      {r.kind === 'add' ? '+' : r.kind === 'del' ? '−' : ' '}
                    </span>
                    {r.kind === 'add' ? <span className="sr-only">{t('desired.diff.added')}</span> : r.kind === 'del' ? <span className="sr-only">{t('desired.diff.removed')}</span> : null}
                    <Highlighted text={r.text} />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
