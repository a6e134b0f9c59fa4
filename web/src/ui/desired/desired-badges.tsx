'use client';
import { useT } from '../../lib/prefs';

const ROLLOUT_TONE: Record<string, string> = { CONVERGED: 'ok', DRIFTED: 'warn', PENDING: 'info', FAILED: 'bad' };
const CHANGE_TONE: Record<string, string> = { ADDED: 'ok', CHANGED: 'warn', REMOVED: 'bad' };

/** A host's rollout state (PENDING, CONVERGED, DRIFTED, FAILED). */
export function RolloutBadge({ status }: { status: string }) {
  const { t } = useT();
  return (
    <span className={`badge tone-${ROLLOUT_TONE[status] ?? 'muted'}`} data-rollout={status}>
      {ROLLOUT_TONE[status] ? t(`desired.status.${status}`) : status}
    </span>
  );
}

/** A document's change between two revisions (ADDED, CHANGED, REMOVED). */
export function ChangeBadge({ change }: { change: string }) {
  const { t } = useT();
  return <span className={`badge tone-${CHANGE_TONE[change] ?? 'muted'}`}>{CHANGE_TONE[change] ? t(`desired.change.${change}`) : change}</span>;
}
