import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { HostStateRecord } from '../../db/entities/index.js';
import type { z } from 'zod';
import { canonicalJson, withoutUsage, type observedReportSchema } from '../../manifests/index.js';
import { Coalescer } from '../batching/coalescer.js';
import { retryOnDeadlock } from '../batching/lock-retry.js';
import { isDatabaseUnavailable } from '../graphql/database-errors.js';
import { parseObserved } from './manifest.service.js';

/** A report as the schema parsed it. */
export type ObservedReport = z.output<typeof observedReportSchema>;

/** One validated observed-state report of host `hostId`, received at `at`. */
export interface ObservedStateItem {
  readonly hostId: number;
  readonly report: ObservedReport;
  readonly at: Date;
}

/** What storing a report meant for its host: the plan may have changed (mark the reconciler), or only CPU/RSS did. */
export interface ObservedStateOutcome {
  readonly planChanged: boolean;
}

/** Hosts per statement (the `IN` read and the multi-row upsert). */
const OBSERVED_CHUNK = 500;
/** The columns a report sets on an existing row; a new row also gets `drift`, `status` and `updated_at`. */
const REPORT_FIELDS = ['agentHash', 'observed', 'observedAt', 'error'] as const;

type Stored = Pick<HostStateRecord, 'hostId' | 'agentHash' | 'observed' | 'error'>;

/** The report plans the same as `before` (the host's stored state or its previous report): only CPU/RSS differ. */
export function plansSame(before: Pick<Stored, 'agentHash' | 'error' | 'observed'> | undefined, r: ObservedReport): boolean {
  return before !== undefined && (before.agentHash ?? null) === r.hash && (before.error ?? null) === (r.error ?? null) && canonicalJson(withoutUsage(parseObserved(before.observed))) === canonicalJson(withoutUsage(r.observed));
}

/** A host's reports of one batch, folded: what its row will hold. */
export interface FoldedReports {
  readonly latest: ObservedStateItem;
  /** When a new row is created: the time of the report that created it (undefined: the row exists). */
  readonly createdAt: Date | undefined;
  readonly planChanged: boolean;
}

/**
 * Folds a batch's reports per host as storing them one at a time would: the latest report is
 * what the row holds, a new row keeps the time of the first report that created it, and the
 * plan changed when any report differed from the one before it (the stored row for the first).
 */
export function foldObservedReports(items: readonly ObservedStateItem[], stored: ReadonlyMap<number, Stored>): Map<number, FoldedReports> {
  const out = new Map<number, FoldedReports>();
  for (const item of items) {
    const prev = out.get(item.hostId);
    const before = prev ? { agentHash: prev.latest.report.hash, error: prev.latest.report.error ?? null, observed: prev.latest.report.observed as unknown as Record<string, unknown> } : stored.get(item.hostId);
    const changed = !plansSame(before, item.report);
    out.set(item.hostId, { latest: item, createdAt: prev ? prev.createdAt : stored.has(item.hostId) ? undefined : item.at, planChanged: (prev?.planChanged ?? false) || changed });
  }
  return out;
}

/**
 * The agents' observed-state reports, stored in batches like metrics and command results:
 * reports arriving within the {@link Coalescer}'s window cost, per 500 hosts, one `IN` read of
 * the stored rows and one multi-row upsert (latest report per host wins), instead of a read and
 * a flush each. Each caller's promise settles once its host's row is stored; a chunk the
 * database refuses is tried again host by host, so only the report that cannot be stored fails
 * (`store observed state`, with the database's error as cause: the agent gets the answer it got
 * before, DATABASE_UNAVAILABLE in an outage and an internal error otherwise; it logs it and sends
 * its state again on its own schedule: on change, on reconnect, every metrics interval while a
 * guarded process runs). Per-report validation and its refusal happen before a report is queued.
 */
export class ObservedStateIngest {
  /** A batch answers each report with its outcome or with the error that kept its host's row from being stored. */
  private readonly batches: Coalescer<ObservedStateItem, ObservedStateOutcome | { readonly failed: unknown }>;

  constructor(private readonly fork: () => EntityManager) {
    this.batches = new Coalescer((items) => this.store(items));
  }

  /** Stores one report; resolves once its host's row holds it (or a later report of the same batch). */
  async submit(item: ObservedStateItem): Promise<ObservedStateOutcome> {
    const answer = await this.batches.submit(item);
    if ('failed' in answer) throw new Error('store observed state', { cause: answer.failed });
    return answer;
  }

  /** Resolves once everything submitted so far is stored. */
  settled(): Promise<void> {
    return this.batches.settled();
  }

  private async store(items: readonly ObservedStateItem[]): Promise<(ObservedStateOutcome | { readonly failed: unknown })[]> {
    const em = this.fork();
    // Sorted: like every writer of many rows, locks are taken in primary-key order.
    const hostIds = [...new Set(items.map((i) => i.hostId))].sort((a, b) => a - b);
    const failed = new Map<number, unknown>();
    const folded = new Map<number, FoldedReports>();
    for (let i = 0; i < hostIds.length; i += OBSERVED_CHUNK) {
      const chunk = new Set(hostIds.slice(i, i + OBSERVED_CHUNK));
      const mine = items.filter((it) => chunk.has(it.hostId));
      try {
        for (const [id, f] of await this.storeChunk(em, [...chunk], mine)) folded.set(id, f);
      } catch (err) {
        // The database is away: every host of the chunk gets that answer, without a try each.
        if (isDatabaseUnavailable(err)) {
          for (const id of chunk) failed.set(id, err);
          continue;
        }
        // One bad row fails a multi-row statement: find it, storing the others one by one.
        for (const id of chunk) {
          try {
            for (const [h, f] of await this.storeChunk(em, [id], mine.filter((it) => it.hostId === id))) folded.set(h, f);
          } catch (err) {
            failed.set(id, err);
          }
        }
      }
    }
    return items.map((it) => (failed.has(it.hostId) ? { failed: failed.get(it.hostId) } : { planChanged: folded.get(it.hostId)!.planChanged }));
  }

  /** One `IN` read of the hosts' rows and one multi-row upsert of their folded reports. */
  private async storeChunk(em: EntityManager, hostIds: readonly number[], items: readonly ObservedStateItem[]): Promise<Map<number, FoldedReports>> {
    const rows = await em.find(HostStateRecord, { hostId: { $in: [...hostIds] } }, { fields: ['hostId', 'agentHash', 'observed', 'error'], disableIdentityMap: true });
    const folded = foldObservedReports(items, new Map(rows.map((r) => [r.hostId, r])));
    const values = [...folded.entries()].map(([hostId, f]) => ({
      hostId,
      agentHash: f.latest.report.hash,
      observed: f.latest.report.observed as unknown as Record<string, unknown>,
      observedAt: f.latest.at,
      error: f.latest.report.error ?? null,
      drift: [],
      status: 'PENDING' as const,
      updatedAt: f.createdAt ?? f.latest.at,
    }));
    await retryOnDeadlock(() =>
      (em as SqlEntityManager)
        .createQueryBuilder(HostStateRecord)
        .insert(values)
        .onConflict('hostId')
        .merge([...REPORT_FIELDS])
        .execute(),
    );
    return folded;
  }
}
