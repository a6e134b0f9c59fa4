import type { EntityManager } from '@mikro-orm/core';
import { AuditEventRecord, type ActorType, type AuditOutcome } from '../../db/entities/index.js';
import { redactSecrets } from './redact.js';

export interface AuditEntry {
  readonly actorType: ActorType;
  readonly actor: string;
  readonly ip: string;
  readonly action: string;
  readonly target?: string;
  readonly args?: Record<string, unknown>;
  readonly outcome: AuditOutcome;
  readonly reason?: string;
}

export interface AuditFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly outcome?: AuditOutcome;
  readonly since?: Date;
  readonly until?: Date;
}

/**
 * Writes audit rows. Callers that must fail closed (commands) await `record` inside their own
 * unit of work before dispatching; a failed write then aborts the action.
 */
export class AuditService {
  constructor(
    private readonly now: () => Date = () => new Date(),
    /** Told of every row `record` wrote (the live audit feed). */
    private readonly onRecorded?: (row: AuditEventRecord) => void,
  ) {}

  async record(em: EntityManager, entry: AuditEntry): Promise<AuditEventRecord> {
    const row = this.build(em, entry);
    await em.persistAndFlush(row);
    this.onRecorded?.(row);
    return row;
  }

  /**
   * Adds the row to `em` without flushing, for callers that commit it with their own changes
   * (and then call `recorded(row)` to publish it).
   */
  build(em: EntityManager, entry: AuditEntry): AuditEventRecord {
    return em.create(AuditEventRecord, {
      at: this.now(),
      actorType: entry.actorType,
      actor: entry.actor.slice(0, 128),
      ip: entry.ip.slice(0, 64),
      action: entry.action.slice(0, 64),
      target: entry.target?.slice(0, 255) ?? null,
      args: entry.args ? (redactSecrets(entry.args) as Record<string, unknown>) : null,
      outcome: entry.outcome,
      reason: entry.reason?.slice(0, 1024) ?? null,
    });
  }

  recorded(row: AuditEventRecord): void {
    this.onRecorded?.(row);
  }

  /** Newest first; `after` is the id of the last row of the previous page. */
  async list(em: EntityManager, filter: AuditFilter, first: number, after?: number): Promise<AuditEventRecord[]> {
    const where: Record<string, unknown> = {};
    if (filter.actor) where.actor = filter.actor;
    if (filter.action) where.action = filter.action;
    if (filter.outcome) where.outcome = filter.outcome;
    if (filter.since || filter.until) where.at = { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.until ? { $lt: filter.until } : {}) };
    if (after !== undefined) where.id = { $lt: after };
    return em.find(AuditEventRecord, where, { orderBy: { id: 'desc' }, limit: first });
  }
}
