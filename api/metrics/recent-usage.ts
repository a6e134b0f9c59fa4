import type { EntityManager } from '@mikro-orm/core';
import { MetricSampleRecord } from '../../db/entities/index.js';
import { knexColumns } from '../../db/knex-columns.js';

/**
 * The window "current" CPU and memory average over, for the fleet map's colours and the hosts
 * table's columns and sort: long enough to smooth one spike, short enough to be now.
 * @default 5 minutes
 */
export const RECENT_USAGE_WINDOW_MS = 5 * 60_000;

export interface RecentUsage {
  /** Mean CPU % of the window's samples. */
  readonly cpuPercent: number;
  /** Mean memory used over the newest total, in %; null when the host reports no total. */
  readonly memoryPercent: number | null;
}

/**
 * Mean CPU and memory per host over the raw samples since `sinceMs`: one range scan on the
 * (at) index for the whole fleet, or on (host, at) for the given hosts. Hosts without a sample
 * in the window are absent.
 */
export async function recentUsageByHost(em: EntityManager, sinceMs: number, hostIds?: readonly number[]): Promise<Map<number, RecentUsage>> {
  if (hostIds && hostIds.length === 0) return new Map();
  const s = knexColumns(em, MetricSampleRecord);
  let q = s
    .knex(s.table)
    .select(`${s.col('hostId')} as hostId`)
    .avg({ cpu: s.col('cpuPercent'), mem: s.col('memUsedBytes') })
    .max({ memTotal: s.col('memTotalBytes') })
    .where(s.col('atMs'), '>=', sinceMs);
  if (hostIds) q = q.whereIn(s.col('hostId'), [...hostIds]);
  const rows = (await q.groupBy(s.col('hostId'))) as { hostId: number | string; cpu: number | string; mem: number | string; memTotal: number | string }[];
  return new Map(
    rows.map((r) => {
      const total = Number(r.memTotal);
      return [Number(r.hostId), { cpuPercent: Number(r.cpu), memoryPercent: total > 0 ? (100 * Number(r.mem)) / total : null }];
    }),
  );
}
