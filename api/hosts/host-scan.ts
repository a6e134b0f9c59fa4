import type { EntityManager } from '@mikro-orm/core';
import { HostRecord } from '../../db/entities/index.js';
import { hostView, type HostView } from './host-view.js';

/** The columns every list needs (filters, sort, the table's text columns); never the inventory unless asked. */
const LIGHT_FIELDS = ['id', 'name', 'online', 'lastSeenAt', 'lastConnectedAt', 'enrolledAt', 'revokedAt', 'lastAddress', 'agentVersion'] as const;

export interface ScanOptions {
  /** Read the labels (a selector, or the rows are returned as they are). */
  readonly labels?: boolean;
  /** Read the inventory (a search looks into its hostname and addresses). */
  readonly inventory?: boolean;
}

/**
 * Every host as a {@link HostView} from the few columns asked for, as plain rows: no entity is
 * hydrated or tracked, so 10,000 hosts cost one light read instead of 10,000 entities with
 * their inventories. Fields not read are empty (`{}` labels, null inventory).
 */
export async function scanHosts(em: EntityManager, opts: ScanOptions, now: Date, aliveWindowMs: number): Promise<HostView[]> {
  const fields: string[] = [...LIGHT_FIELDS, ...(opts.labels ? ['agentLabels', 'serverLabels'] : []), ...(opts.inventory ? ['inventory'] : [])];
  // The driver maps columns to properties, dates and booleans, without building entities.
  const rows = (await em.getDriver().find(HostRecord.name, {}, { fields: fields as never, orderBy: { name: 'asc' } as never })) as unknown as Record<string, unknown>[];
  const none = {};
  return rows.map((r) => {
    // Set in place on the driver's own plain rows (no copies: 10,000 of them are garbage soon).
    r.agentLabels = opts.labels ? jsonObject(r.agentLabels) : none;
    r.serverLabels = opts.labels ? jsonObject(r.serverLabels) : none;
    r.inventory = opts.inventory && r.inventory != null ? jsonObject(r.inventory) : null;
    return hostView(r as unknown as HostRecord, now, aliveWindowMs);
  });
}

/** The whole rows of the given hosts, in the order of `ids`. */
export async function hostViewsById(em: EntityManager, ids: readonly number[], now: Date, aliveWindowMs: number): Promise<HostView[]> {
  if (ids.length === 0) return [];
  const rows = await em.find(HostRecord, { id: { $in: [...ids] } }, { disableIdentityMap: true });
  const byId = new Map(rows.map((h) => [h.id, hostView(h, now, aliveWindowMs)]));
  return ids.map((id) => byId.get(id)).filter((v): v is HostView => v !== undefined);
}

/** JSON columns read past the ORM's custom type: MariaDB hands over text, SQLite too. */
function jsonObject(v: unknown): Record<string, unknown> {
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return {};
    }
  }
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
