import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { HostRecord, MetricSampleRecord } from '../../db/entities/index.js';
import type { SampleRow } from '../../api/metrics/sample-row.js';
import { migrateDatabase, openDatabase, type Orm } from '../../db/orm.js';
import type { MetricsSample } from '../../protocol/index.js';
import type { DatabaseKind } from '../helpers/databases.js';

/** A migrated database with SQL statements recorded, for one test. */
export interface MetricsDb {
  readonly orm: Orm;
  readonly url: string;
  /** SQL of every statement run since the last `statements.length = 0`. */
  readonly statements: string[];
  addHost(name: string): Promise<number>;
  close(): Promise<void>;
}

export async function openMetricsDb(kind: DatabaseKind): Promise<MetricsDb> {
  const db = await kind.create();
  const statements: string[] = [];
  const orm = await openDatabase(db.url);
  // every statement, the ORM's and hand-written ones alike, goes through this knex instance
  (orm.em.getConnection() as AbstractSqlConnection).getKnex().on('query', (q: { sql: string }) => statements.push(q.sql));
  await migrateDatabase(orm);
  statements.length = 0;
  return {
    orm,
    url: db.url,
    statements,
    async addHost(name) {
      const em = orm.em.fork();
      const host = em.create(HostRecord, { name, credentialHash: 'x'.repeat(64), enrolledAt: new Date(0), agentLabels: {}, serverLabels: {}, online: false, alive: false });
      await em.flush();
      return host.id;
    },
    async close() {
      await orm.close(true);
      await db.drop();
    },
  };
}

/** INSERT statements into `table` among `statements`. */
export function insertsInto(statements: readonly string[], table: string): string[] {
  return statements.filter((s) => new RegExp(`insert into \`${table}\``, 'i').test(s));
}

export const T0 = Date.UTC(2026, 0, 1);

/** A complete, valid sample at `atMs` with the given overrides. */
export function sample(atMs: number, over: Partial<MetricsSample> = {}): MetricsSample {
  return {
    at: new Date(atMs).toISOString(),
    cpuPercent: 10,
    load: [0.5, 0.4, 0.3],
    memory: { usedBytes: 1_000, totalBytes: 8_000 },
    swap: { usedBytes: 0, totalBytes: 0 },
    disks: [{ mount: '/', usedBytes: 10, totalBytes: 100 }],
    network: { rxBytesPerSec: 100, txBytesPerSec: 50 },
    processCount: 100,
    ...over,
  };
}

/** A logger that keeps nothing. */
export const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

/** A raw `metric_samples` row with the given overrides, for inserting directly. */
export function rawRow(hostId: number, atMs: number, over: Partial<SampleRow> = {}): SampleRow {
  return { hostId, atMs, cpuPercent: 10, load1: 1, load5: 1, load15: 1, memUsedBytes: 100, memTotalBytes: 1000, swapUsedBytes: 0, swapTotalBytes: 0, netRxBytesPerSec: 10, netTxBytesPerSec: 1, processCount: 5, disks: [], ...over };
}

export async function insertRows(orm: Orm, rows: readonly SampleRow[]): Promise<void> {
  await orm.em.fork().insertMany(MetricSampleRecord, [...rows]);
}
