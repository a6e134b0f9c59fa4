'use client';
import { labelPairs } from '../lib/format';
import { useT } from '../lib/prefs';

/** A host's single status word, in the order an operator cares about. */
export type HostState = 'revoked' | 'online' | 'alive' | 'dead';

export function hostState(h: { online: boolean; alive: boolean; revoked: boolean }): HostState {
  if (h.revoked) return 'revoked';
  if (h.online) return 'online';
  return h.alive ? 'alive' : 'dead';
}

export function HostBadge({ host }: { host: { online: boolean; alive: boolean; revoked: boolean } }) {
  const { t } = useT();
  const s = hostState(host);
  return (
    <span className={`badge badge-${s}`} data-status={s}>
      {t(`hostState.${s}`)}
    </span>
  );
}

const TARGET_TONE: Record<string, string> = { SUCCEEDED: 'ok', FAILED: 'bad', TIMED_OUT: 'bad', UNREACHABLE: 'warn', CANCELLED: 'muted', QUEUED: 'muted', SENT: 'info', RUNNING: 'info' };
const JOB_TONE: Record<string, string> = { RUNNING: 'info', PAUSED: 'warn', STOPPED: 'bad', CANCELLED: 'muted', COMPLETED: 'ok' };

export function TargetBadge({ status }: { status: string }) {
  const { t } = useT();
  return <span className={`badge tone-${TARGET_TONE[status] ?? 'muted'}`}>{t(`targetStatus.${status}`)}</span>;
}

export function JobBadge({ status }: { status: string }) {
  const { t } = useT();
  return <span className={`badge tone-${JOB_TONE[status] ?? 'muted'}`}>{t(`jobStatus.${status}`)}</span>;
}

/** Labels as chips; keys and values are agent- or user-supplied text. */
export function Labels({ labels, max }: { labels: unknown; max?: number }) {
  const pairs = labelPairs(labels);
  const shown = max ? pairs.slice(0, max) : pairs;
  if (pairs.length === 0) return <span className="muted">—</span>;
  return (
    <span className="labels">
      {shown.map(([k, v]) => (
        <span key={k} className="chip">
          {k}={v}
        </span>
      ))}
      {shown.length < pairs.length ? <span className="chip chip-more">+{pairs.length - shown.length}</span> : null}
    </span>
  );
}
