/**
 * Guarded-process restart latency (issue 9, benchmark 8): a process run by the agent's real
 * Supervisor (agent/supervisor) is killed with SIGKILL; the figure is the time from the kill to
 * the supervisor's `started` event for the new pid. Each instance first runs past the healthy
 * uptime, so every kill is a one-off crash (restarted at once, no backoff). Raw baseline in the
 * same run: a bare `child_process.spawn` respawned from its own 'exit' handler.
 *
 *   npx tsx test/bench/guarded-restart.bench.ts [--kills 50]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { processSchema, specHash } from '../../manifests/index.js';
import { Supervisor } from '../../agent/supervisor/supervisor.js';
import { percentile } from './fleet/bench-server.js';
import { figure, item, printFigures } from './fleet/report.js';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '50' } } });
const KILLS = Number(values.kills);
const UPTIME_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function supervised(): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-bench-guarded-'));
  const sup = new Supervisor({ stateDir: dir, stopGraceMs: 500, restartTuning: { healthyUptimeMs: UPTIME_MS / 2 } });
  const spec = processSchema.parse({ name: 'bench-sleeper', command: 'sleep', args: ['3600'], restart: { policy: 'always', backoffSeconds: 1, maxBackoffSeconds: 30 } });
  let onStarted: ((pid: number) => void) | undefined;
  sup.onEvent((e) => e.type === 'started' && onStarted?.(e.pid));
  const started = new Promise<number>((r) => (onStarted = r));
  await sup.start(spec, specHash(spec));
  let pid = await started;
  const latencies: number[] = [];
  try {
    for (let i = 0; i < KILLS; i++) {
      await sleep(UPTIME_MS);
      const next = new Promise<number>((r) => (onStarted = r));
      const t0 = performance.now();
      process.kill(pid, 'SIGKILL');
      const newPid = await next;
      latencies.push(performance.now() - t0);
      if (newPid === pid) throw new Error('the supervisor reported the killed pid as started');
      pid = newPid;
    }
  } finally {
    await sup.stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return latencies.sort((a, b) => a - b);
}

async function raw(): Promise<number[]> {
  const latencies: number[] = [];
  let t0 = 0;
  let child: ChildProcess;
  let onSpawn: (() => void) | undefined;
  let stopping = false;
  const run = () => {
    child = spawn('sleep', ['3600'], { stdio: 'ignore', detached: true });
    child.once('spawn', () => onSpawn?.());
    child.once('exit', () => !stopping && run());
  };
  await new Promise<void>((r) => {
    onSpawn = r;
    run();
  });
  for (let i = 0; i < KILLS; i++) {
    await sleep(UPTIME_MS);
    const next = new Promise<void>((r) => (onSpawn = r));
    t0 = performance.now();
    child!.kill('SIGKILL');
    await next;
    latencies.push(performance.now() - t0);
  }
  stopping = true;
  child!.kill('SIGKILL');
  return latencies.sort((a, b) => a - b);
}

const rawMs = await raw();
const iomsMs = await supervised();
printFigures('guarded-restart', { kills: KILLS, date: new Date().toISOString() }, [
  item(8, figure(`guarded process kill -9 → new pid, median of ${KILLS}`, 'ms', percentile(iomsMs, 50), percentile(rawMs, 50), 'systemd: 100 ms default RestartSec')),
  item(8, figure(`guarded process kill -9 → new pid, p99 of ${KILLS}`, 'ms', percentile(iomsMs, 99), percentile(rawMs, 99))),
]);
