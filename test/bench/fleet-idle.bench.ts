/**
 * The connect storm and the idle cost alone (issue 9, figures 1 and 6), without the fan-out,
 * convergence and reconnect parts of fleet.bench.ts: N simulated agents against a real
 * `ioms server` on MariaDB; server RSS before and with them, the storm's time, idle CPU.
 *
 *   npx tsx test/bench/fleet-idle.bench.ts [--n 2000] [--idle 30] [--snapshots DIR] [--profile DIR] [--fresh] [--node-args=--heap-growing-percent=50]
 *
 * `--snapshots DIR`: a V8 heap snapshot of the server before the fleet connects and one with it
 * connected; `npx tsx test/bench/fleet/heap-diff.ts DIR/before DIR/after N` then attributes the
 * heap's growth per agent by constructor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminLogin } from './fleet/admin-client.js';
import { benchDatabase, BENCH_ADMIN_PASSWORD, credentialCache, procStats, startBenchServer } from './fleet/bench-server.js';
import { Fleet } from './fleet/fleet.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' }, idle: { type: 'string', default: '30' }, snapshots: { type: 'string' }, profile: { type: 'string' }, fresh: { type: 'boolean', default: false }, 'node-args': { type: 'string' } } });
const N = Number(values.n);
const idleSeconds = Number(values.idle);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MB = 2 ** 20;

const snapDir = values.snapshots ? path.resolve(values.snapshots) : undefined;
if (snapDir) fs.mkdirSync(snapDir, { recursive: true });
const databaseUrl = await benchDatabase(`n${N}`, values.fresh || !fs.existsSync(credentialCache(`n${N}`)));
/** Now on the monotonic clock of `--cpu-prof` profiles (µs), as fleet.bench.ts prints its windows. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
const server = await startBenchServer({ databaseUrl, cpuProfDir: values.profile, nodeArgs: [...(snapDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapDir}`] : []), ...(values['node-args']?.split(/\s+/).filter(Boolean) ?? [])] });
const pid = server.proc.pid!;

/** Signals the server for a heap snapshot and renames it to `name` once written. */
async function snapshot(name: string): Promise<void> {
  if (!snapDir) return;
  const before = new Set(fs.readdirSync(snapDir));
  process.kill(pid, 'SIGUSR2');
  for (let last = -1; ; ) {
    await sleep(1000);
    const file = fs.readdirSync(snapDir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (!file) continue;
    const size = fs.statSync(path.join(snapDir, file)).size;
    if (size === last && size > 0) {
      fs.renameSync(path.join(snapDir, file), path.join(snapDir, name));
      return;
    }
    last = size;
  }
}

/** The server's own heap figures, from its /metrics (prom-client's defaults), in MB. */
async function heap(): Promise<Record<string, number>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^ioms_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / MB;
  return { heapUsedMB: +read('nodejs_heap_size_used_bytes').toFixed(0), heapTotalMB: +read('nodejs_heap_size_total_bytes').toFixed(0), externalMB: +read('nodejs_external_memory_bytes').toFixed(0) };
}

/** The write system calls a process made so far (`syscw` of /proc/PID/io; Linux). */
function writeCalls(pid: number): number {
  return Number(/^syscw: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);
}

/** Waits (up to a minute) until the server's CPU stays under a fifth of a core for 2 s: the storm's aftermath is done. */
async function quiet(): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const c0 = procStats(pid).cpuSeconds;
    await sleep(2000);
    if (procStats(pid).cpuSeconds - c0 < 0.4) return;
  }
}

const token = await adminLogin(server.url, BENCH_ADMIN_PASSWORD);
await sleep(3000);
const rss0 = procStats(pid).rssBytes;
const heap0 = await heap();
await snapshot('before.heapsnapshot');
const fleet = await Fleet.start({ server: server.url, adminToken: token, size: N, cacheFile: credentialCache(`n${N}`), heartbeatMs: 15_000 });
const connectMs = await fleet.waitFor((c) => c.connected >= N, 600_000);
await sleep(5000);
await quiet();
const rss1 = procStats(pid).rssBytes;
const heap1 = await heap();
await snapshot('after.heapsnapshot');
await sleep(3000);
const a = procStats(pid).cpuSeconds;
const writes0 = writeCalls(pid);
const idleFrom = monotonicMicros();
await sleep(idleSeconds * 1000);
const idleTo = monotonicMicros();
const b = procStats(pid).cpuSeconds;
const writes1 = writeCalls(pid);
const rss2 = procStats(pid).rssBytes;
const heap2 = await heap();
const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
const counters = fleet.counters();
await fleet.stop();
await server.stop('SIGTERM');
fs.mkdirSync('.ioms-bench', { recursive: true });
fs.writeFileSync(`.ioms-bench/fleet-idle-n${N}-server.log`, server.output());
const out = {
  n: N,
  connectStormS: +(connectMs / 1000).toFixed(1),
  rssBeforeMB: +(rss0 / MB).toFixed(0),
  rssWithMB: +(rss1 / MB).toFixed(0),
  rssPerAgentTotalKB: +(rss1 / N / 1024).toFixed(1),
  rssPerAgentMarginalKB: +((rss1 - rss0) / N / 1024).toFixed(1),
  idleCpuPercent: +(((b - a) / idleSeconds) * 100).toFixed(1),
  // Write system calls (socket writes, mostly) per second and per agent-minute while idle: a count, steady under load.
  idleWritesPerSecond: +((writes1 - writes0) / idleSeconds).toFixed(0),
  idleWritesPerAgentMinute: +(((writes1 - writes0) / idleSeconds / N) * 60).toFixed(2),
  idleSeconds,
  // For `profile-summary.ts FILE 30 --window FROM-TO` (µs on the profiles' monotonic clock).
  idleWindow: `${idleFrom}-${idleTo}`,
  rssAfterIdleMB: +(rss2 / MB).toFixed(0),
  heapBefore: heap0,
  heapWith: heap1,
  heapAfterIdle: heap2,
  rssAnon: /RssAnon:\s+(\d+ kB)/.exec(status)?.[1],
  counters,
};
console.log(JSON.stringify(out, null, 2));
process.exit(0);
