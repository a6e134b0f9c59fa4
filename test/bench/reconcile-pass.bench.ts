/**
 * The reconciler alone, in process, against a database: N hosts of one profile, timed and with
 * the SQL statements counted for (1) a first pass (every row new), (2) a pass with nothing to do,
 * (3) a pass after a new revision (every row changes). No agents: what the reconciler itself costs.
 *
 *   npx tsx test/bench/reconcile-pass.bench.ts [--n 1000] [--db sqlite|mysql]
 *
 * MySQL at IOMS_BENCH_MYSQL_URL (default mysql://root@127.0.0.1:3306/), database
 * `<IOMS_BENCH_DB_PREFIX>reconcile_pass`, dropped and made again on each run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { Reconciler } from '../../api/reconciler/reconciler.js';
import { createPubSub } from '../../api/pubsub/pubsub.js';
import type { Logger } from '../../api/logger.js';
import { HostRecord, ManifestRevisionRecord } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase } from '../../db/orm.js';
import { loadManifests } from '../../manifests/index.js';
import { convergenceProfile } from './fleet/convergence.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, db: { type: 'string', default: 'mysql' } } });
const N = Number(values.n);

async function databaseUrl(): Promise<string> {
  if (values.db === 'sqlite') return `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-reconcile-pass-')), 'ioms.db')}`;
  const base = process.env.IOMS_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  const name = `${process.env.IOMS_BENCH_DB_PREFIX ?? 'ioms_bench_'}reconcile_pass`;
  const conn = await mysql.createConnection(base);
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await conn.end();
  return `${base.replace(/\/$/, '')}/${name}`;
}

let statements = 0;
const orm = await openDatabase(await databaseUrl(), { debug: true, log: (m) => void (m.includes('[query]') && statements++) });
await migrateDatabase(orm);
const now = new Date();
const revision = async (generation: string) => {
  const { documents, errors } = loadManifests([{ path: 'bench.yaml', content: convergenceProfile(generation) }]);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  const em = orm.em.fork();
  em.create(ManifestRevisionRecord, { createdBy: 'bench', createdAt: now, source: {}, files: [], documents: documents as unknown[] });
  await em.flush();
};
const em = orm.em.fork();
const ids: number[] = [];
for (let i = 0; i < N; i += 500) {
  const batch = Array.from({ length: Math.min(500, N - i) }, (_, j) => em.create(HostRecord, { name: `sim-${String(i + j).padStart(5, '0')}`, credentialHash: 'x', agentLabels: { fleet: 'sim' }, serverLabels: {}, enrolledAt: now, online: true, alive: true }));
  await em.flush();
  ids.push(...batch.map((h) => h.id));
}
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (o: unknown, m: string) => console.error(m, o) } as unknown as Logger;
const reconciler = new Reconciler({ orm, pubsub: createPubSub(), logger: quiet, now: () => new Date(), serverUrl: () => 'http://127.0.0.1:8888' });
const pass = async (what: string) => {
  const s0 = statements;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const id of ids) reconciler.mark(id);
  await reconciler.idle();
  const cpu = process.cpuUsage(c0);
  console.log(`${what}: ${N} hosts in ${(performance.now() - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ${statements - s0} SQL statements`);
};
await revision('one');
await pass('first pass (rows new)');
await pass('nothing to do');
await revision('two');
await pass('new revision (every row changes)');
reconciler.stop();
await orm.close(true);
