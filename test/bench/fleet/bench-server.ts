import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { spawnServer, type ServerProcess } from '../../helpers/processes.js';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

/** The MariaDB the fleet benchmarks use. @default mysql://root@127.0.0.1:3306 (IOMS_BENCH_MYSQL_URL) */
export function benchMysqlBase(): string {
  return process.env.IOMS_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
}

/**
 * A database kept between runs (`ioms_bench_<name>`, prefix from IOMS_BENCH_DB_PREFIX so runs
 * from several checkouts on one MariaDB do not share hosts), so the fleet's cached credentials stay
 * valid and enrollment is paid once. `fresh` drops it first.
 */
export async function benchDatabase(name: string, fresh = false): Promise<string> {
  const base = new URL(benchMysqlBase());
  base.pathname = '/';
  const db = `${process.env.IOMS_BENCH_DB_PREFIX ?? 'ioms_bench_'}${name}`;
  const conn = await mysql.createConnection(base.toString());
  if (fresh) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await conn.query(`CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4`);
  await conn.end();
  const url = new URL(base);
  url.pathname = `/${db}`;
  return url.toString();
}

export function credentialCache(name: string): string {
  return path.join(process.cwd(), '.ioms-bench', `${process.env.IOMS_BENCH_DB_PREFIX ?? ''}${name}.credentials.json`);
}

export interface BenchServerOptions {
  readonly databaseUrl: string;
  readonly port?: number;
  readonly env?: Record<string, string>;
  /** Directory for a `--cpu-prof` profile of the server. */
  readonly cpuProfDir?: string;
}

/** A real `ioms server` process for a benchmark (its CPU and RSS are read from /proc). */
export async function startBenchServer(opts: BenchServerOptions): Promise<ServerProcess & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-bench-server-'));
  const server = await spawnServer(
    {
      IOMS_DATABASE_URL: opts.databaseUrl,
      IOMS_DATA_DIR: dataDir,
      IOMS_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      IOMS_LOG_LEVEL: 'info',
      IOMS_PORT: String(opts.port ?? 0),
      ...opts.env,
    },
    process.cwd(),
    opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [],
    // A restart under a reconnect storm of thousands of agents shares the CPU with them.
    120_000,
  );
  // A benchmark that fails half way must not leave its server running on the shared machine.
  process.once('exit', () => server.proc.exitCode === null && server.proc.kill('SIGKILL'));
  return Object.assign(server, { dataDir });
}

/** CPU seconds (user + system) and RSS of a process, from /proc (Linux). */
export function procStats(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpuSeconds: ticks / 100, rssBytes: rssPages * 4096 };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
