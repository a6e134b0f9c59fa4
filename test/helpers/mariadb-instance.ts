import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort, waitFor } from './processes.js';

/**
 * A MariaDB server of the test's own (own datadir and port), so a test can stop and start the
 * database under a running IOMS server. Runs as root with --user=root and no grant tables:
 * loopback only, thrown away afterwards.
 */
export interface MariaDbInstance {
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

export async function createMariaDb(database = 'ioms'): Promise<MariaDbInstance> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-mariadb-'));
  const datadir = path.join(dir, 'data');
  const install = spawnSync('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=normal'], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  const port = await freePort();
  const args = ['--no-defaults', `--datadir=${datadir}`, `--port=${port}`, '--bind-address=127.0.0.1', `--socket=${path.join(dir, 'mysqld.sock')}`, `--pid-file=${path.join(dir, 'mysqld.pid')}`, `--log-error=${path.join(dir, 'error.log')}`, '--user=root', '--skip-grant-tables', '--skip-log-bin', '--innodb-buffer-pool-size=32M'];
  let proc: ChildProcess | undefined;
  const admin = `mysql://root@127.0.0.1:${port}/`;
  const instance: MariaDbInstance = {
    url: `mysql://root@127.0.0.1:${port}/${database}`,
    async start() {
      proc = spawn('/usr/sbin/mariadbd', args, { stdio: 'ignore' });
      await waitFor(async () => {
        const c = await mysql.createConnection(admin);
        await c.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4`);
        await c.end();
        return true;
      }, 30_000, 'MariaDB accepting connections');
    },
    async stop() {
      const p = proc;
      proc = undefined;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      });
    },
    async destroy() {
      await instance.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return instance;
}
