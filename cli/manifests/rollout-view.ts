/**
 * `ioms rollout status` as pure functions: the per-host table, the counts line, folding a
 * `rolloutProgressed` row into the view, and the `--until-converged` test.
 *
 * A host's rollout states (the server owns the transitions):
 *
 *   apply ──▶ PENDING ──plan empty──▶ CONVERGED
 *                │  ▲                    │
 *        actions │  └────── new apply ───┘
 *                ▼                       │ observed state differs
 *             DRIFTED ◀──────────────────┘
 *                │ dispatch fails past its retries
 *                ▼
 *             FAILED
 */
import { renderTable } from '../output.js';
import type { HostRolloutWire, RolloutStatusWire } from './manifest-wire.js';
import { fitCell } from '../output.js';

export interface RolloutView {
  /** The revision in force: the server's answer, raised by newer revisions seen in rows. */
  readonly revision: number | null;
  /** Sorted by host name. */
  readonly hosts: readonly HostRolloutWire[];
}

export interface RolloutCounts {
  readonly converged: number;
  readonly drifted: number;
  readonly pending: number;
  readonly failed: number;
  readonly offline: number;
  readonly total: number;
}

const MAX_DETAIL_CHARS = 80;

function byHost(a: HostRolloutWire, b: HostRolloutWire): number {
  return a.host < b.host ? -1 : a.host > b.host ? 1 : 0;
}

export function rolloutView(status: Pick<RolloutStatusWire, 'revision' | 'hosts'>): RolloutView {
  return { revision: status.revision, hosts: [...status.hosts].sort(byHost) };
}

/** A new view with `row` replacing the host's row (or added); unchanged rows keep their identity. */
export function mergeRolloutRow(view: RolloutView, row: HostRolloutWire): RolloutView {
  const others = view.hosts.filter((h) => h.host !== row.host);
  const revision = row.revision !== null && (view.revision === null || row.revision > view.revision) ? row.revision : view.revision;
  return { revision, hosts: [...others, row].sort(byHost) };
}

export function countRollout(hosts: readonly HostRolloutWire[]): RolloutCounts {
  const n = (status: string) => hosts.filter((h) => h.status === status).length;
  return { converged: n('CONVERGED'), drifted: n('DRIFTED'), pending: n('PENDING'), failed: n('FAILED'), offline: hosts.filter((h) => !h.online).length, total: hosts.length };
}

/** `revision 7: 3 converged, 1 drifted, 0 pending, 0 failed · 4 hosts, 1 offline` */
export function rolloutCountLine(view: RolloutView): string {
  const c = countRollout(view.hosts);
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

/** True when a row is news for the view: a host not yet shown or a different status, revision, drift or error. */
export function rowChanged(view: RolloutView, row: HostRolloutWire): boolean {
  const old = view.hosts.find((h) => h.host === row.host);
  if (!old) return true;
  const key = (h: HostRolloutWire) => JSON.stringify([h.online, h.status, h.revision, h.convergedRevision, h.error, h.drift.map((d) => [d.key, d.reason])]);
  return key(old) !== key(row);
}

/**
 * `--until-converged`: every online host is converged on the revision it should run.
 * Offline hosts are not waited for (they converge when they return); no online host is
 * vacuously done.
 */
export function isRolloutConverged(view: RolloutView): boolean {
  return view.hosts.filter((h) => h.online).every((h) => h.status === 'CONVERGED' && (h.revision === null || h.convergedRevision === h.revision));
}

/** The online hosts still keeping `--until-converged` waiting, for the timeout message. */
export function hostsNotConverged(view: RolloutView): HostRolloutWire[] {
  return view.hosts.filter((h) => h.online && !isRolloutConverged({ revision: view.revision, hosts: [h] }));
}
