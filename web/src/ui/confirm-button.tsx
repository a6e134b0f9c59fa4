'use client';
import { useState } from 'react';
import { useT } from '../lib/prefs';
import './guarded.css';

/**
 * A destructive action in two steps inside the page (no browser dialog): the first click asks,
 * "confirm" runs it, "cancel" or leaving it alone does nothing.
 */
export function ConfirmButton({ label, question, onConfirm, disabled, testId }: { label: string; question: string; onConfirm: () => void; disabled?: boolean; testId?: string }) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn-small btn-danger" disabled={disabled} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="btn btn-small btn-danger-solid"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {t('admin.confirm')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        {t('admin.cancel')}
      </button>
    </span>
  );
}
