/**
 * Job results at scale: a million job_targets rows in MariaDB, then the queries behind `job(id)`
 * (targets of one job, counts by status) and a host's history, through the service, beside the
 * same SQL sent raw with mysql2. Checks with EXPLAIN that each uses an index.
 *
 *   npx tsx test/bench/job-history.bench.ts [rows]
 */
import mysql from 'mysql2/promise';
import { JobService } from '../../api/jobs/job.service.js';
import { createPubSub } from '../../api/pubsub/pubsub.js';
import { migrateDatabase, openDatabase } from '../../db/orm.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const HOSTS = 5000;
const server = process.env.IOMS_BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306';
const dbName = `ioms_bench_jobs_${process.pid}`;

const admin = await mysql.createConnection(server);
await admin.query(`CREATE DATABASE \`${dbName}\``);
const orm = await openDatabase(`${server}/${dbName}`);
try {
  await migrateDatabase(orm);
  const raw = await mysql.createConnection(`${server}/${dbName}`);
  const jobs = Math.ceil(ROWS / HOSTS);
  const t0 = performance.now();
  for (let j = 1; j <= jobs; j++) {
    await raw.query("insert into jobs (id, kind, command, env, args, timeout_seconds, host_patterns, batch_size, queue_for_seconds, status, created_by, created_at, last_seq) values (?, 'SHELL', 'uptime', '{}', '{}', 60, '[]', 100, 600, 'COMPLETED', 'bench', now(3), 0)", [j]);
    const values = Array.from({ length: HOSTS }, (_, h) => [j, h + 1, `host-${h + 1}`, h % 50 === 0 ? 'FAILED' : 'SUCCEEDED', 1, new Date(), 0, ' 12:00:01 up 3 days\n', 0, 0, 12]);
    for (let i = 0; i < values.length; i += 1000) {
      await raw.query('insert into job_targets (job_id, host_id, host_name, status, attempts, queue_deadline, exit_code, stdout, stdout_truncated, stderr_truncated, duration_ms) values ?', [values.slice(i, i + 1000)]);
    }
  }
  console.log(`inserted ${jobs * HOSTS} job_targets rows (${jobs} jobs × ${HOSTS} hosts) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const service = new JobService({ pubsub: createPubSub(), audit: {} as never, hosts: {} as never, now: () => new Date(), onChange: () => undefined });
  const time = async (label: string, f: () => Promise<unknown>, rawSql: string, params: unknown[]) => {
    const runs = 20;
    let t = performance.now();
    for (let i = 0; i < runs; i++) await f();
    const ours = (performance.now() - t) / runs;
    t = performance.now();
    for (let i = 0; i < runs; i++) await raw.query(rawSql, params);
    const base = (performance.now() - t) / runs;
    const [plan] = (await raw.query(`explain ${rawSql}`, params)) as unknown as [{ key: string | null; rows: number }[]];
    console.log(`  ${label.padEnd(34)} ${ours.toFixed(2).padStart(8)} ms   raw ${base.toFixed(2).padStart(8)} ms   ratio ${(ours / base).toFixed(2)}   index ${plan[0]?.key ?? 'NONE'} (~${plan[0]?.rows} rows read)`);
  };
  const mid = Math.ceil(jobs / 2);
  await time(`job(${mid}) targets (${HOSTS} rows)`, () => service.targets(orm.em.fork(), mid), 'select * from job_targets where job_id = ? order by host_name asc', [mid]);
  await time(`job(${mid}) counts by status`, () => service.counts(orm.em.fork(), mid), 'select status, count(*) as n from job_targets where job_id = ? group by status', [mid]);
  await time('host-777 history (20 newest)', () => service.hostHistory(orm.em.fork(), 777, 20), 'select * from job_targets where host_id = ? order by id desc limit 20', [777]);
  await raw.end();
} finally {
  await orm.close(true);
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.end();
}
