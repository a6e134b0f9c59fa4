import type { EntityManager } from '@mikro-orm/core';
import { availabilityRows, type AvailabilityRow } from './availability.js';
import { loadAvailabilityInput } from './availability-source.js';
import { loadReportHosts } from './report-hosts.js';
import type { ReportRequest } from './report-request.js';

/**
 * Each report: gather (a few indexed reads) → the pure aggregation → rows. The GraphQL queries
 * call these; the CLI calls the queries, so every form shows the same figures.
 */
export async function availabilityReport(em: EntityManager, req: ReportRequest, aliveWindowMs: number): Promise<AvailabilityRow[]> {
  const hosts = await loadReportHosts(em, req.selector);
  const input = await loadAvailabilityInput(em, hosts, req.range);
  return availabilityRows(input, req.range, { aliveWindowMs, by: req.by, period: req.period });
}

/** Hosts in the database (to skip host-id filters when a report covers all of them). */
