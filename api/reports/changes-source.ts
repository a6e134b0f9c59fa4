import type { EntityManager } from '@mikro-orm/core';
import { AgentChangeRecord, ProcessRestartRecord } from '../../db/entities/index.js';
import type { ChangeKind, ChangeOutcome } from '../../protocol/change-report.schema.js';
import { mergeChangeCounts, type ChangeEntry } from './changes.js';
import type { DailyCount } from './daily-counts.js';
import { loadDailyCounts } from './daily-counts-source.js';
import type { ReportRange } from './report-scope.js';

/**
 * The changes report's reads: two day counts (see {@link loadDailyCounts}) — changes by kind and
 * outcome, supervisor restarts — and the newest `limit` changes and restarts themselves.
 */
export async function loadChangeInput(em: EntityManager, range: ReportRange, hostIds: readonly number[] | null, byDay: boolean, limit: number, hostNames: ReadonlyMap<number, string>): Promise<{ counts: DailyCount[]; newest: ChangeEntry[] }> {
  const byKindAndOutcome = await loadDailyCounts(em, 'change', range, hostIds, byDay);
  const restarts = await loadDailyCounts(em, 'restart', range, hostIds, byDay);
  const when = { $gte: new Date(range.fromMs), $lt: new Date(range.toMs) };
  const hosts = hostIds ? { hostId: { $in: [...hostIds] } } : {};
  const changes = await em.find(AgentChangeRecord, { at: when, ...hosts }, { orderBy: { at: 'desc', id: 'desc' }, limit, disableIdentityMap: true });
  const restartRows = await em.find(ProcessRestartRecord, { at: when, outcome: 'RESTART', ...hosts }, { orderBy: { at: 'desc', id: 'desc' }, limit, disableIdentityMap: true });
  const newest: ChangeEntry[] = [
    ...changes.filter((c) => hostNames.has(c.hostId)).map((c) => ({ host: hostNames.get(c.hostId)!, at: c.at, resource: c.resource, action: c.action, reason: c.reason, kind: c.kind as ChangeKind, outcome: c.outcome as ChangeOutcome, revision: c.revision ?? null, error: c.error ?? null })),
    ...restartRows.filter((r) => hostNames.has(r.hostId)).map((r) => ({ host: hostNames.get(r.hostId)!, at: r.at, resource: `process:${r.process}`, action: 'SupervisorRestart', reason: 'EXITED', kind: 'CORRECTIVE' as const, outcome: 'DONE' as const, revision: null, error: null })),
  ];
  return { counts: mergeChangeCounts(byKindAndOutcome, restarts), newest };
}
