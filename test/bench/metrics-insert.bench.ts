/**
 * Metrics insert throughput: MetricsWriter (its own multi-row INSERT through knex, 500 rows each) against
 * raw mysql2 multi-row INSERTs of the same rows, on a scratch database that is dropped after.
 *
 *   npx tsx test/bench/metrics-insert.bench.ts [--rows 50000] [--batch 500]
 *
 * MySQL/MariaDB from IOMS_BENCH_MYSQL_URL, else IOMS_TEST_MYSQL_URL, else
 * mysql://root@127.0.0.1:3306/. Stops by itself after 50 s at the latest.
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { MetricsWriter } from '../../api/metrics/metrics-writer.service.js';
import { toSampleRow, type SampleRow } from '../../api/metrics/sample-row.js';
import type { MetricsSample } from '../../protocol/index.js';
import { HostRecord } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase } from '../../db/orm.js';
import { figure, item, printFigures } from './fleet/report.js';

const DEADLINE_MS = 50_000;
const watchdog = setTimeout(() => {
  console.error(`metrics-insert bench: gave up after ${DEADLINE_MS / 1000} s (the scratch database may be left behind)`);
  process.exit(2);
}, DEADLINE_MS);
watchdog.unref();

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, batch: { type: 'string', default: '500' } } });
const ROWS = Number(values.rows);
const BATCH = Number(values.batch);
const HOSTS = 100;
const WARM_UP_ROWS = Math.min(2000, ROWS);

const server = new URL(process.env.IOMS_BENCH_MYSQL_URL ?? process.env.IOMS_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/');
server.pathname = '/';
const dbName = `ioms_bench_${crypto.randomBytes(4).toString('hex')}`;
const dbUrl = new URL(server);
dbUrl.pathname = `/${dbName}`;

/** ROWS samples, 100 hosts reporting once a minute, ending now. */
function makeSamples(hostIds: readonly number[], nowMs: number): { hostId: number; sample: MetricsSample }[] {
  return Array.from({ length: ROWS }, (_, i) => {
    const hostId = hostIds[i % hostIds.length] ?? 0;
    const atMs = nowMs - Math.floor((ROWS - i) / hostIds.length) * 60_000;
    return {
      hostId,
      sample: {
        at: new Date(atMs).toISOString(),
        cpuPercent: (i * 7) % 100,
        load: [1.5, 1.2, 0.9],
        memory: { usedBytes: 4e9 + i, totalBytes: 16e9 },
        swap: { usedBytes: 0, totalBytes: 2e9 },
        disks: [
          { mount: '/', usedBytes: 2e10, totalBytes: 1e11 },
          { mount: '/var', usedBytes: 5e9, totalBytes: 5e10 },
        ],
        network: { rxBytesPerSec: 12_345.5, txBytesPerSec: 6789.25 },
        processCount: 200 + (i % 50),
      },
    };
  });
}

async function main(): Promise<void> {
  const admin = await mysql.createConnection(server.toString());
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4`);
  try {
    const orm = await openDatabase(dbUrl.toString());
    try {
      await migrateDatabase(orm);
      const em = orm.em.fork();
      const hosts = Array.from({ length: HOSTS }, (_, i) => em.create(HostRecord, { name: `bench-${i}`, credentialHash: '0'.repeat(64), enrolledAt: new Date(), agentLabels: {}, serverLabels: {}, online: false, alive: false }));
      await em.flush();
      const nowMs = Date.now();
      const samples = makeSamples(hosts.map((h) => h.id), nowMs);

      // warm-up (JIT, connection pool) for both sides, not timed
      const warm = samples.slice(0, WARM_UP_ROWS);
      const writer = new MetricsWriter({ orm, logger: console, now: () => new Date(nowMs), maxBatchRows: BATCH, maxBufferedRows: ROWS, flushIntervalMs: 1000 });
      for (const s of warm) writer.enqueue(s.hostId, s.sample);
      await writer.flush();
      const t0 = performance.now();
      for (const s of samples) writer.enqueue(s.hostId, s.sample);
      await writer.close();
      const writerMs = performance.now() - t0;
      const stats = writer.stats();
      if (stats.written !== ROWS + WARM_UP_ROWS) throw new Error(`writer wrote ${stats.written - WARM_UP_ROWS} of ${ROWS} rows (${JSON.stringify(stats)})`);

      const rows = samples.map((s) => toSampleRow(s.hostId, s.sample, nowMs)).flatMap((r) => (r.ok ? [r.row] : []));
      const raw = await mysql.createConnection(dbUrl.toString());
      let rawMs: number;
      try {
        await raw.query('CREATE TABLE raw_samples LIKE metric_samples');
        for (let i = 0; i < WARM_UP_ROWS; i += BATCH) await raw.query(`INSERT INTO raw_samples (${COLUMNS.join(', ')}) VALUES ?`, [rows.slice(i, Math.min(i + BATCH, WARM_UP_ROWS)).map(toValues)]);
        await raw.query('TRUNCATE TABLE raw_samples');
        const t1 = performance.now();
        for (let i = 0; i < rows.length; i += BATCH) await raw.query(`INSERT INTO raw_samples (${COLUMNS.join(', ')}) VALUES ?`, [rows.slice(i, i + BATCH).map(toValues)]);
        rawMs = performance.now() - t1;
        const [[count]] = (await raw.query('SELECT COUNT(*) AS n FROM raw_samples')) as unknown as [[{ n: number }]];
        if (Number(count.n) !== ROWS) throw new Error(`raw insert wrote ${count.n} of ${ROWS} rows`);
      } finally {
        await raw.end();
      }

      const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
      console.log(`metrics insert, ${ROWS} rows in INSERTs of ${BATCH}, MySQL at ${server.host}`);
      console.log(`  MetricsWriter   ${writerMs.toFixed(0).padStart(6)} ms  ${String(rate(writerMs)).padStart(8)} rows/s`);
      console.log(`  raw mysql2      ${rawMs.toFixed(0).padStart(6)} ms  ${String(rate(rawMs)).padStart(8)} rows/s`);
      console.log(`  writer / raw    ${(rate(writerMs) / rate(rawMs)).toFixed(2)}× the raw rate (the writer's time includes mapping each protocol sample to a row)`);
      printFigures('metrics-insert', { rows: ROWS, batch: BATCH, date: new Date().toISOString() }, [
        item(5, figure(`metric ingest on MariaDB, ${ROWS} samples in INSERTs of ${BATCH} (MetricsWriter vs raw mysql2)`, 'rows/s', rate(writerMs), rate(rawMs), '≥ 70 % of raw')),
      ]);
    } finally {
      await orm.close(true);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  }
}

const COLUMNS = ['host_id', 'at_ms', 'cpu_percent', 'load1', 'load5', 'load15', 'mem_used_bytes', 'mem_total_bytes', 'swap_used_bytes', 'swap_total_bytes', 'net_rx_bytes_per_sec', 'net_tx_bytes_per_sec', 'process_count', 'disks'];
function toValues(r: SampleRow): unknown[] {
  return [r.hostId, r.atMs, r.cpuPercent, r.load1, r.load5, r.load15, r.memUsedBytes, r.memTotalBytes, r.swapUsedBytes, r.swapTotalBytes, r.netRxBytesPerSec, r.netTxBytesPerSec, r.processCount, JSON.stringify(r.disks)];
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
