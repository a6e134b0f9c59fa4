/**
 * The "what happened" list of `ioms describe host`: status changes, guarded-process restarts
 * and cron runs, merged in time order (oldest first, like a log). Pure: wire rows in, rows out.
 */
import { formatElapsed } from '../jobs/result-groups.js';
import { describeExit } from '../process-exit.js';
import type { RestartRow } from './processes.js';

export interface StatusEventWire {
  at: string;
  change: string;
  reason: string | null;
}

export interface CronRunWire {
  name: string;
  startedAt: string;
  finishedAt: string | null;
  exitCode: number | null;
  status: string;
}

export type HostEventKind = 'status' | 'restart' | 'cron';

export interface HostEvent {
  at: string;
  kind: HostEventKind;
  /** The process, cron entry, or status change. */
  what: string;
  detail: string;
}

export function restartDetail(r: Omit<RestartRow, 'host'>): string {
  const how = describeExit(r);
  const pids = r.pid !== null ? ` (pid ${r.pid}${r.newPid !== null ? ` → ${r.newPid}` : ''})` : '';
  const next = r.outcome === 'RESTART' ? `restarted${r.backoffMs !== null ? ` after ${formatElapsed(r.backoffMs, true)}` : ''}` : r.outcome === 'FATAL' ? 'FATAL: start limit reached, left down' : 'left down by its restart policy';
  return `${how}${pids}, ${next}, restart #${r.count}`;
}

/** Every event, oldest first; the newest `limit` when there are more. */
export function hostEvents(input: { status: readonly StatusEventWire[]; restarts: readonly Omit<RestartRow, 'host'>[]; cron: readonly CronRunWire[] }, limit = 30): HostEvent[] {
  const events: HostEvent[] = [
    ...input.status.map((e) => ({ at: e.at, kind: 'status' as const, what: e.change, detail: e.reason ?? '' })),
    ...input.restarts.map((r) => ({ at: r.at, kind: 'restart' as const, what: r.process, detail: restartDetail(r) })),
    ...input.cron.map((c) => ({ at: c.startedAt, kind: 'cron' as const, what: c.name, detail: `${c.status}${c.exitCode !== null ? `, exit ${c.exitCode}` : ''}${c.finishedAt ? `, ${formatElapsed(Date.parse(c.finishedAt) - Date.parse(c.startedAt), true)}` : ''}` })),
  ];
  // Ties keep a stable, meaningful order: a status change before what followed it.
  const rank: Record<HostEventKind, number> = { status: 0, restart: 1, cron: 2 };
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : rank[a.kind] - rank[b.kind]));
  return events.slice(-limit);
}
