/**
 * `ioms rollout status` as pure functions of a {@link RolloutFold} (manifests/rollout-fold.ts,
 * where the host states and the fold of `rolloutProgressed` rows live): the per-host table, the
 * counts line, the detail and revision cells, the change line of a non-TTY watch.
 */
import { RolloutFold } from '../../manifests/rollout-fold.js';
import { fitCell, renderTable } from '../output.js';
import type { HostRolloutWire, RolloutStatusWire } from './manifest-wire.js';

/** The CLI's rollout view: the shared fold over the wire rows. */
export type RolloutView = RolloutFold<HostRolloutWire>;

/** The view of a `rolloutStatus` answer, sorted by host. */
export function rolloutView(status: Pick<RolloutStatusWire, 'revision' | 'hosts'>): RolloutView {
  return new RolloutFold(status);
}

const MAX_DETAIL_CHARS = 80;

/** `revision 7: 3 converged, 1 drifted, 0 pending, 0 failed · 4 hosts, 1 offline` */
export function rolloutCountLine(view: RolloutView): string {
  const c = view.counts();
  const rev = view.revision === null ? 'no revision applied' : `revision ${view.revision}`;
  const offline = c.offline ? `, ${c.offline} offline` : '';
  return `${rev}: ${c.converged} converged, ${c.drifted} drifted, ${c.pending} pending, ${c.failed} failed · ${c.total} ${c.total === 1 ? 'host' : 'hosts'}${offline}`;
}

/** The reasons behind a status: drift items (`process:web NOT_RUNNING`), the error, or offline. */
/** Cut to MAX_DETAIL_CHARS only on a terminal without `-o wide` (output.ts `fitCell`). */
export function rolloutDetail(row: HostRolloutWire, isTerminal?: boolean): string {
  const parts: string[] = [];
  if (row.error) parts.push(row.error);
  if (row.drift.length) parts.push(row.drift.map((d) => `${d.key} ${d.reason}`).join(', '));
  if (!row.online) parts.push('offline');
  const text = parts.join('; ').replace(/\s+/g, ' ');
  return fitCell(text, MAX_DETAIL_CHARS, isTerminal);
}

/** `6` when the host runs the revision it should; `6 → 7` while it moves. */
export function revisionCell(row: HostRolloutWire): string {
  const runs = row.convergedRevision === null ? '-' : String(row.convergedRevision);
  if (row.revision === null || row.revision === row.convergedRevision) return runs;
  return `${runs} → ${row.revision}`;
}

export function renderRolloutTable(view: RolloutView): string {
  const table = view.hosts.length
    ? renderTable(view.hosts, [
        { header: 'host', value: (h) => h.host },
        { header: 'status', value: (h) => h.status.toLowerCase() },
        { header: 'revision', value: revisionCell },
        { header: 'detail', value: rolloutDetail },
      ])
    : 'No hosts.\n';
  return `${table}${rolloutCountLine(view)}\n`;
}

/** One line per change for a non-TTY watch: `12:03:04 web-01 drifted 7 process:web NOT_RUNNING`. */
export function rolloutChangeLine(row: HostRolloutWire): string {
  const at = row.updatedAt.length >= 19 ? row.updatedAt.slice(11, 19) : row.updatedAt;
  const detail = rolloutDetail(row);
  return `${at} ${row.host} ${row.status.toLowerCase()} ${revisionCell(row)}${detail ? ` ${detail}` : ''}`;
}
