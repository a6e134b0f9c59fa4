/**
 * Reports at fleet scale: a MariaDB seeded with 5,000 hosts × 30 days — status changes (an outage
 * every ~3 days per host), 1-hour metric rollups (3.6 M rows), guarded-process restarts, hourly cron
 * runs (3.6 M rows), changes and jobs, each table in time order as a server writes it (rollups hour by
 * hour, events as they happen), then what the maintenance chore derives (the daily histograms and
 * the per-day event counts, timed) — then each 30-day report through its service (gather + the pure
 * aggregation + CSV), beside the raw SQL of the same aggregation sent with mysql2 (what the database
 * alone needs; for availability a window-function version of the outage arithmetic).
 *
 *   npx tsx test/bench/reports.bench.ts [hosts] [days]
 *   (IOMS_BENCH_ONLY=availability,cron runs only reports whose label starts so; IOMS_BENCH_TRACE=1 prints each
 *   statement of a report's warm-up run with its time; IOMS_BENCH_RUNS=n
 *   timed runs each, default 3; IOMS_BENCH_KEEP_DB=name keeps the seeded database and reuses it on the next run, with
 *   the clock it was seeded at)
 */
import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import mysql from 'mysql2/promise';
import { DailyRollupService } from '../../api/metrics/daily-rollup.service.js';
import { EventCountRollupService } from '../../api/metrics/event-count-rollup.service.js';
import { AVAILABILITY_COLUMNS, CHANGE_COLUMNS, COMMAND_DAY_COLUMNS, CRON_COLUMNS, FORECAST_COLUMNS, reportCsv, RESOURCE_COLUMNS, RESTART_COLUMNS } from '../../api/reports/report-columns.js';
import { reportRequest } from '../../api/reports/report-request.js';
import { availabilityReport, changesReport, commandsReport, cronReport, resourcesReport, restartsReport } from '../../api/reports/report.service.js';
import { migrateDatabase, openDatabase } from '../../db/orm.js';

const HOSTS = Number(process.argv[2] ?? 5000);
const DAYS = Number(process.argv[3] ?? 30);
const HOURS = DAYS * 24;
const server = process.env.IOMS_BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306';
const keep = process.env.IOMS_BENCH_KEEP_DB;
const dbName = keep ?? `ioms_bench_reports_${process.pid}`;
const DAY_MS = 86_400_000;

const admin = await mysql.createConnection(server);
const [existing] = (await admin.query('SHOW DATABASES LIKE ?', [dbName])) as unknown as [unknown[]];
const reuse = keep !== undefined && existing.length > 0;
// the clock: the current hour, or for a kept database the hour it was seeded up to
const [[seededUntil]] = reuse ? ((await admin.query(`SELECT MAX(bucket_start_ms) + 3600000 AS until FROM \`${dbName}\`.metric_rollups WHERE step_seconds = 3600`)) as unknown as [[{ until: string | null }]]) : [[{ until: null }]];
const NOW = seededUntil?.until ? Number(seededUntil.until) : Math.floor(Date.now() / 3_600_000) * 3_600_000;
const FROM = NOW - DAYS * DAY_MS;
if (!reuse) await admin.query(`CREATE DATABASE \`${dbName}\``);
const orm = await openDatabase(`${server}/${dbName}`);
try {
  await migrateDatabase(orm);
  const raw = await mysql.createConnection({ uri: `${server}/${dbName}`, timezone: 'Z' });
  await raw.query("SET time_zone = '+00:00'");
  const seed = async (what: string, sql: string, params: unknown[] = []) => {
    // a kept database is reused table by table: what is already seeded is not seeded again
    const table = /INSERT INTO (\w+)/.exec(sql)?.[1];
    if (reuse && table && ((await raw.query(`SELECT 1 FROM ${table} LIMIT 1`)) as unknown as [unknown[]])[0].length > 0) return;
    const t = performance.now();
    const [res] = (await raw.query(sql, params)) as unknown as [{ affectedRows: number }];
    console.log(`  seeded ${what.padEnd(28)} ${String(res.affectedRows).padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const from = new Date(FROM);
  // the SEQUENCE engine (seq_0_to_N) generates rows server-side
  await seed('hosts', `INSERT INTO hosts (id, name, credential_hash, agent_labels, server_labels, enrolled_at, online, alive) SELECT seq, CONCAT('host-', LPAD(seq, 5, '0')), REPEAT('x', 64), JSON_OBJECT('role', CONCAT('role-', seq % 10)), '{}', ? - INTERVAL 40 DAY, 1, 1 FROM seq_1_to_${HOSTS}`, [from]);
  await seed('status: first ALIVE', `INSERT INTO host_status_events (host_id, at, \`change\`) SELECT id, ? - INTERVAL 40 DAY, 'ALIVE' FROM hosts`, [from]);
  // an outage every third day per host at a host-dependent hour, 1–60 minutes long
  const outages = `SELECT h.id AS host_id, ? + INTERVAL (d.seq * 86400 + (h.id * 7919) % 86000) SECOND AS start, 1 + (h.id * d.seq) % 60 AS minutes FROM hosts h JOIN seq_0_to_${DAYS - 1} d ON (h.id + d.seq) % 3 = 0`;
  await seed('status: outages (4 rows each)', `INSERT INTO host_status_events (host_id, at, \`change\`) SELECT host_id, at, ch FROM (
      SELECT host_id, start AS at, 'DISCONNECTED' AS ch FROM (${outages}) o UNION ALL
      SELECT host_id, start + INTERVAL 180 SECOND, 'DEAD' FROM (${outages}) o UNION ALL
      SELECT host_id, start + INTERVAL minutes MINUTE + INTERVAL 181 SECOND, 'CONNECTED' FROM (${outages}) o UNION ALL
      SELECT host_id, start + INTERVAL minutes MINUTE + INTERVAL 181 SECOND, 'ALIVE' FROM (${outages}) o) x ORDER BY at`, [from, from, from, from]);
  await seed('metric_rollups (1 h)', `INSERT INTO metric_rollups (host_id, step_seconds, bucket_start_ms, samples, cpu_min, cpu_avg, cpu_max, mem_used_min, mem_used_avg, mem_used_max, mem_total_bytes, load1avg, load1max, net_rx_avg, net_rx_max, net_tx_avg, net_tx_max, process_count_avg, process_count_max)
      SELECT h.id, 3600, ? + s.seq * 3600000, 60, 1, @c := (h.id % 50) + RAND() * 40, @c + RAND() * 20, 1e9, @m := 2e9 + RAND() * 4e9, @m + 5e8, 8e9, 0.5, 1, 1e5, 2e5, 5e4, 1e5, 200, 220 FROM seq_0_to_${HOURS - 1} s JOIN hosts h ORDER BY s.seq, h.id`, [FROM]);
  await seed('process_restarts', `INSERT INTO process_restarts (host_id, process, at, exit_code, count, outcome) SELECT h.id, CONCAT('proc-', d.seq % 3), ? + INTERVAL (d.seq * 86400 + (h.id * 31) % 86000) SECOND, 1, 1, IF((h.id + d.seq) % 97 = 0, 'FATAL', 'RESTART') FROM hosts h JOIN seq_0_to_${DAYS - 1} d ON (h.id + d.seq) % 2 = 0 ORDER BY 3`, [from]);
  await seed('cron_runs (hourly)', `INSERT INTO cron_runs (host_id, name, started_at, finished_at, exit_code, status) SELECT h.id, IF(s.seq % 24 = 4, 'nightly', 'hourly'), ? + INTERVAL s.seq HOUR, ? + INTERVAL s.seq HOUR + INTERVAL 2 SECOND, 0, IF((h.id + s.seq) % 53 = 0, 'FAILED', 'SUCCEEDED') FROM seq_0_to_${HOURS - 1} s JOIN hosts h ORDER BY s.seq, h.id`, [from, from]);
  await seed('jobs (50 a day)', `INSERT INTO jobs (id, kind, command, env, args, timeout_seconds, host_patterns, batch_size, queue_for_seconds, status, created_by, created_at, last_seq) SELECT seq, 'SHELL', CONCAT('cmd-', seq % 17), '{}', '{}', 60, '[]', 0, 600, 'COMPLETED', CONCAT('user-', seq % 5), ? + INTERVAL (seq * ${Math.floor(86400 / 50)}) SECOND, 0 FROM seq_1_to_${DAYS * 50}`, [from]);
  await seed('job_targets (200 a job)', `INSERT INTO job_targets (job_id, host_id, host_name, status, attempts, queue_deadline, duration_ms, stdout_truncated, stderr_truncated) SELECT j.id, 1 + (j.id * 37 + t.seq) % ${HOSTS}, 'h', IF((j.id + t.seq) % 41 = 0, 'FAILED', 'SUCCEEDED'), 1, j.created_at, (j.id * t.seq) % 90000, 0, 0 FROM jobs j JOIN seq_0_to_199 t`);
  // what the maintenance chore writes from the hours: the daily CPU/memory histograms (timed: the
  // chore's cost for 30 days at once, a one-off backfill; in service it rewrites one day at a time)
  if (((await raw.query('SELECT 1 FROM metric_daily LIMIT 1')) as unknown as [unknown[]])[0].length === 0) {
    const daily = new DailyRollupService(orm);
    let rows = 0;
    const t = performance.now();
    for (let day = FROM - (FROM % DAY_MS); day < NOW; day += DAY_MS) rows += await daily.rollUpRange(day, Math.min(day + DAY_MS, NOW));
    const s = (performance.now() - t) / 1000;
    console.log(`  rolled up metric_daily (chore, a day at a time) ${rows} rows  ${s.toFixed(1)} s (${((1000 * s) / (DAYS + 1)).toFixed(0)} ms a day)`);
  }
  // daily disk rows: two mounts a host, "/" growing a host-dependent amount a day, "/data" flat
  await seed('disk_rollups (daily, 2 mounts)', `INSERT INTO disk_rollups (host_id, step_seconds, bucket_start_ms, mount, samples, used_avg, used_max, total_max)
      SELECT h.id, 86400, ? + d.seq * ${DAY_MS}, m.mount, 1440, IF(m.mount = '/', 1e10 + d.seq * (h.id % 7) * 1e8, 5e10 + RAND() * 1e8), IF(m.mount = '/', 1e10 + d.seq * (h.id % 7) * 1e8 + 5e7, 5.1e10), IF(m.mount = '/', 1e11, 2e11)
      FROM seq_0_to_${DAYS} d JOIN hosts h JOIN (SELECT '/' AS mount UNION ALL SELECT '/data') m ORDER BY d.seq, h.id, m.mount`, [FROM - (FROM % DAY_MS)]);
  // changes: two a host and day (a put-back every other day), over 30 files and processes
  await seed('agent_changes (2 a day)', `INSERT INTO agent_changes (host_id, change_id, at, resource, action, reason, kind, outcome, hash, revision)
      SELECT h.id, CONCAT('c-', d.seq, '-', k.seq), ? + INTERVAL (d.seq * 86400 + (h.id * 13 + k.seq * 3600) % 86000) SECOND, CONCAT('file:/etc/app-', (h.id + d.seq + k.seq) % 30, '.conf'), 'PutFile', IF(k.seq = 0, 'SPEC_CHANGED', 'CHECKSUM_MISMATCH'), IF(k.seq = 0 AND d.seq % 2 = 0, 'INTENDED', 'CORRECTIVE'), IF((h.id + d.seq) % 89 = 0, 'FAILED', 'DONE'), 'h', d.seq
      FROM hosts h JOIN seq_0_to_${DAYS - 1} d JOIN seq_0_to_1 k ORDER BY 3`, [from]);
  // what the chore counts from the event tables: restarts, cron runs and changes per host and day
  // (timed: catching up on the whole history, a few passes of at most 500,000 ids each)
  if (((await raw.query('SELECT 1 FROM event_day_counts LIMIT 1')) as unknown as [unknown[]])[0].length === 0) {
    const counter = new EventCountRollupService(orm);
    const t = performance.now();
    let passes = 0;
    let rows = 0;
    for (let runs = await counter.follow(); passes === 0 || runs.length > 0; runs = await counter.follow(), passes++) rows += runs.reduce((a, r) => a + r.rows, 0);
    console.log(`  counted event_day_counts (chore, ${passes} passes) ${rows} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await raw.query('ANALYZE TABLE event_day_counts, hosts, host_status_events, metric_rollups, metric_daily, disk_rollups, agent_changes, process_restarts, cron_runs, jobs, job_targets');

  const req = reportRequest({ from: new Date(FROM), to: new Date(NOW), by: 'label:role', period: 'DAY' }, NOW);
  const reqHost = reportRequest({ from: new Date(FROM), to: new Date(NOW) }, NOW);
  const em = () => orm.em.fork() as EntityManager;
  const RUNS = Number(process.env.IOMS_BENCH_RUNS ?? 3);
  const only = process.env.IOMS_BENCH_ONLY?.split(',');
  // IOMS_BENCH_TRACE=1: each statement of the warm-up run with its time (where a report spends it)
  const trace = process.env.IOMS_BENCH_TRACE === '1';
  let tracing = false;
  if (trace) {
    const knex = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const started = new Map<string, number>();
    knex.on('query', (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now()));
    knex.on('query-response', (_res: unknown, q: { __knexQueryUid: string; sql: string }) => {
      if (tracing) console.log(`      ${(performance.now() - (started.get(q.__knexQueryUid) ?? 0)).toFixed(0).padStart(6)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 140)}`);
    });
  }
  const time = async (label: string, f: () => Promise<unknown>, rawSql: string, params: unknown[]) => {
    if (only && !only.some((o) => label.startsWith(o))) return;
    tracing = trace;
    if (trace) console.log(`  ${label}, warm-up statements:`);
    await f();
    tracing = false;
    let t = performance.now();
    for (let i = 0; i < RUNS; i++) await f();
    const ours = (performance.now() - t) / RUNS;
    t = performance.now();
    for (let i = 0; i < RUNS; i++) await raw.query(rawSql, params);
    const base = (performance.now() - t) / RUNS;
    console.log(`  ${label.padEnd(44)} ${ours.toFixed(0).padStart(7)} ms   raw SQL ${base.toFixed(0).padStart(7)} ms   ratio ${(ours / base).toFixed(2)}`);
  };
  const to = new Date(NOW);
  console.log(`\n${HOSTS} hosts × ${DAYS} days, each report over the ${DAYS} days (mean of ${RUNS} runs after one warm-up):`);
  // The status changes read and reduced to outages by the database alone; the report's grouping
  // (per host, or per label and day) is done on those rows, so both availability reports are
  // measured against it.
  const availabilityRaw = `SELECT host_id, SUM(TIMESTAMPDIFF(MICROSECOND, GREATEST(start, ?), LEAST(COALESCE(next_at, ?), ?))) / 6e7 AS downtime_min, COUNT(*) AS outages
       FROM (SELECT host_id, \`change\`, LEAST(at - INTERVAL 180 SECOND, COALESCE(prev_disc, at)) AS start, next_at FROM (
         SELECT host_id, at, \`change\`, LEAD(at) OVER w AS next_at, IF(LAG(\`change\`) OVER w = 'DISCONNECTED', LAG(at) OVER w, NULL) AS prev_disc
         FROM host_status_events WHERE at < ? AND \`change\` IN ('DISCONNECTED', 'DEAD', 'ALIVE') WINDOW w AS (PARTITION BY host_id ORDER BY at, id)) e
       WHERE \`change\` = 'DEAD' AND COALESCE(next_at, ?) > ?) o GROUP BY host_id`;
  const availabilityParams = [from, to, to, to, to, from];
  await time(
    'availability by host (rows + CSV)',
    async () => reportCsv(AVAILABILITY_COLUMNS, await availabilityReport(em(), reqHost, 180_000)),
    availabilityRaw,
    availabilityParams,
  );
  await time('availability by label:role per day', async () => reportCsv(AVAILABILITY_COLUMNS, await availabilityReport(em(), req, 180_000)), availabilityRaw, availabilityParams);
  await time(
    'resources top 20 (CPU, memory, disks, forecast)',
    async () => {
      const r = await resourcesReport(em(), reqHost, 20);
      return reportCsv(RESOURCE_COLUMNS, r.cpu) + reportCsv(FORECAST_COLUMNS, r.forecast);
    },
    // the same reads in the database alone: the daily histograms, the edge hours, the disk days and the trend sums
    `SELECT (SELECT COUNT(*) FROM (SELECT host_id, metric, hours, max_percent, hist FROM metric_daily WHERE day_start_ms >= ? AND day_start_ms < ?) a)
          + (SELECT COUNT(*) FROM (SELECT host_id, FLOOR(cpu_avg), COUNT(*) FROM metric_rollups WHERE step_seconds = 3600 AND ((bucket_start_ms >= ? AND bucket_start_ms < ?) OR (bucket_start_ms >= ? AND bucket_start_ms < ?)) GROUP BY host_id, FLOOR(cpu_avg)) b)
          + (SELECT COUNT(*) FROM (SELECT host_id, mount, COUNT(*), MAX(used_max / total_max), SUM(used_avg), SUM(used_avg * bucket_start_ms) FROM disk_rollups WHERE step_seconds = 86400 AND bucket_start_ms >= ? AND bucket_start_ms < ? GROUP BY host_id, mount) c)`,
    [Math.ceil(FROM / DAY_MS) * DAY_MS, Math.floor(NOW / DAY_MS) * DAY_MS, FROM, Math.ceil(FROM / DAY_MS) * DAY_MS, Math.floor(NOW / DAY_MS) * DAY_MS, NOW, FROM - (FROM % DAY_MS), NOW],
  );
  await time(
    'resources before: the 1-hour rollup scan',
    async () => raw.query(`SELECT host_id, FLOOR(cpu_avg) AS bin, COUNT(*) AS n, MAX(cpu_max) FROM metric_rollups WHERE step_seconds = 3600 AND bucket_start_ms >= ? AND bucket_start_ms < ? GROUP BY host_id, FLOOR(cpu_avg)`, [FROM, NOW]),
    `SELECT host_id, MAX(cpu_max), MAX(100 * mem_used_max / mem_total_bytes), COUNT(*) FROM metric_rollups WHERE step_seconds = 3600 AND bucket_start_ms >= ? AND bucket_start_ms < ? GROUP BY host_id`,
    [FROM, NOW],
  );
  await time(
    'changes by label:role per day',
    async () => reportCsv(CHANGE_COLUMNS, (await changesReport(em(), req)).rows),
    `SELECT host_id, resource, DATE(at), kind, COUNT(*) FROM agent_changes WHERE at >= ? AND at < ? GROUP BY host_id, resource, DATE(at), kind`,
    [from, to],
  );
  await time('restarts by host per day', async () => reportCsv(RESTART_COLUMNS, (await restartsReport(em(), { ...reqHost, period: 'DAY' })).rows), `SELECT host_id, process, DATE(at), outcome, COUNT(*) FROM process_restarts WHERE at >= ? AND at < ? GROUP BY host_id, process, DATE(at), outcome`, [from, to]);
  await time('cron by host (3.6 M runs)', async () => reportCsv(CRON_COLUMNS, await cronReport(em(), reqHost)), `SELECT host_id, name, status, COUNT(*) FROM cron_runs WHERE started_at >= ? AND started_at < ? GROUP BY host_id, name, status`, [from, to]);
  await time(
    'commands (days, users, hosts, slowest)',
    async () => reportCsv(COMMAND_DAY_COLUMNS, (await commandsReport(em(), reqHost)).days),
    `SELECT DATE(j.created_at), j.created_by, t.host_id, t.status, COUNT(*) FROM jobs j JOIN job_targets t ON t.job_id = j.id WHERE j.created_at >= ? AND j.created_at < ? GROUP BY DATE(j.created_at), j.created_by, t.host_id, t.status`,
    [from, to],
  );
  await raw.end();
} finally {
  await orm.close(true);
  if (keep === undefined) await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.end();
}
