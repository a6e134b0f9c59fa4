import type { EntityManager } from '@mikro-orm/core';
import { HostRecord } from '../../db/entities/index.js';
import { compileTarget } from '../../manifests/target.js';
import { badInput } from '../errors.js';
import { effectiveLabels } from '../hosts/host-view.js';

/** A host as reports see it. */
export interface ReportHost {
  readonly id: number;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly revokedAtMs: number | null;
}

/**
 * The hosts a report covers: every host, or those matching `selector` (the `-l` syntax). Labels
 * are JSON, so the selector is matched in memory, as `hosts` does.
 * @throws AppError BAD_USER_INPUT for a selector that does not parse
 */
export async function loadReportHosts(em: EntityManager, selector: string | null | undefined): Promise<ReportHost[]> {
  let matches: (h: ReportHost) => boolean = () => true;
  if (selector !== null && selector !== undefined && selector.trim() !== '') {
    try {
      const m = compileTarget({ selector });
      matches = (h) => m({ name: h.name, labels: h.labels });
    } catch (err) {
      throw badInput(err instanceof Error ? err.message : String(err));
    }
  }
  const rows = await em.find(HostRecord, {}, { fields: ['id', 'name', 'agentLabels', 'serverLabels', 'revokedAt'], orderBy: { id: 'asc' }, disableIdentityMap: true });
  return rows.map((h) => ({ id: h.id, name: h.name, labels: effectiveLabels(h), revokedAtMs: h.revokedAt?.getTime() ?? null })).filter(matches);
}

