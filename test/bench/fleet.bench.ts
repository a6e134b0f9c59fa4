/**
 * Fleet benchmarks with the simulator (test/bench/fleet/): N simulated agents against a real
 * `ioms server` process on MariaDB, each figure beside a raw `ws` baseline over the same number
 * of sockets, measured in the same run.
 *
 *   npx tsx test/bench/fleet.bench.ts [--n 1000] [--quick] [--runs 3] [--profile DIR]
 *
 * 1. connect storm: all N agents dial at once → all authenticated and online (connection_ack).
 * 2. server RSS per connected agent.
 * 3. fan-out: `runCommand echo` to all N → every result stored, p50 / p99 / all.
 * 6. idle: server CPU and RSS with N idle agents (heartbeats every 15 s, metrics every 60 s).
 * 3. reconnect storm: the server is SIGKILLed and restarted on its port → all N online again.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { adminLogin, adminSocket } from './fleet/admin-client.js';
import { benchDatabase, BENCH_ADMIN_PASSWORD, credentialCache, percentile, procStats, startBenchServer } from './fleet/bench-server.js';
import { fanout } from './fleet/fanout.js';
import { Fleet } from './fleet/fleet.js';
import { RawBaseline } from './fleet/raw-baseline.js';
import { figure, printFigures, type Figure } from './fleet/report.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, quick: { type: 'boolean', default: false }, runs: { type: 'string' }, profile: { type: 'string' }, idle: { type: 'string' }, fresh: { type: 'boolean', default: false } } });
const N = Number(values.n);
const runs = Number(values.runs ?? (values.quick ? 1 : 3));
const idleSeconds = Number(values.idle ?? (values.quick ? 10 : 30));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const figures: Figure[] = [];

// ── raw baseline, alone on the machine
const raw = await RawBaseline.start(N);
const rawRssWith = await raw.rssBytes();
const rawFanouts: { p50: number; p99: number; all: number }[] = [];
for (let i = 0; i < runs; i++) {
  const l = (await raw.broadcast(N)).sort((a, b) => a - b);
  rawFanouts.push({ p50: percentile(l, 50), p99: percentile(l, 99), all: l[l.length - 1]! });
}
await raw.stop();

// ── IOMS
const databaseUrl = await benchDatabase(`n${N}`, values.fresh);
const server = await startBenchServer({ databaseUrl, cpuProfDir: values.profile });
const token = await adminLogin(server.url, BENCH_ADMIN_PASSWORD);
const fleet = await Fleet.start({ server: server.url, adminToken: token, size: N, cacheFile: credentialCache(`n${N}`) });
const connectMs = await fleet.waitFor((c) => c.connected >= N, 600_000);
console.log(`connected ${N} in ${(connectMs / 1000).toFixed(1)} s`);
figures.push(figure(`connect storm, ${N} agents`, 's', connectMs / 1000, raw.connectMs / 1000, N >= 10_000 ? '≤ 30 s' : undefined));
await sleep(5000);
const rssWith = procStats(server.proc.pid!).rssBytes;
figures.push(figure(`server RSS with ${N} agents`, 'MB', rssWith / 2 ** 20, rawRssWith / 2 ** 20));
figures.push(figure('server RSS per agent (total / N)', 'KB', rssWith / N / 1024, rawRssWith / N / 1024, '≤ 50 KB'));

const socket = adminSocket(server.url, token);
for (let i = 0; i < runs; i++) {
  const r = await fanout(server.url, token, socket, 'fleet=sim');
  const l = r.latenciesMs;
  const rw = rawFanouts[i]!;
  console.log(`fan-out ${i + 1}: job ${r.jobId}, ${l.length} results ${JSON.stringify(r.statuses)}, p50 ${percentile(l, 50)} ms, p99 ${percentile(l, 99)} ms, last stored ${l[l.length - 1]} ms, job end seen by a subscriber after ${r.totalMs.toFixed(0)} ms (${r.finishedBy})${r.errors.length ? `, stream errors: ${r.errors.slice(0, 3).join(' | ')}` : ''}`);
  figures.push(figure(`fan-out ${N} run ${i + 1}: p50`, 's', percentile(l, 50) / 1000, rw.p50 / 1000));
  figures.push(figure(`fan-out ${N} run ${i + 1}: p99`, 's', percentile(l, 99) / 1000, rw.p99 / 1000, N >= 10_000 ? '≤ 3 s, ≤ 10× raw' : '≤ 0.5 s at 1,000, ≤ 10× raw'));
  figures.push(figure(`fan-out ${N} run ${i + 1}: all stored`, 's', l[l.length - 1]! / 1000, rw.all / 1000));
  await sleep(2000);
}
await socket.dispose();

// ── idle cost
await sleep(3000);
const a = procStats(server.proc.pid!);
await sleep(idleSeconds * 1000);
const b = procStats(server.proc.pid!);
figures.push(figure(`idle server CPU with ${N} agents (${idleSeconds} s)`, '% of a core', ((b.cpuSeconds - a.cpuSeconds) / idleSeconds) * 100, null, '≤ 10 % at 10,000'));
figures.push(figure(`idle server RSS with ${N} agents`, 'MB', b.rssBytes / 2 ** 20, null));

// ── reconnect storm: the server is SIGKILLed and started again on the same port
const port = Number(new URL(server.url).port);
const before = fleet.counters().connections;
await server.stop('SIGKILL');
fs.mkdirSync('.ioms-bench', { recursive: true });
fs.writeFileSync(`.ioms-bench/fleet-n${N}-server-1.log`, server.output());
await fleet.waitFor((c) => c.connected === 0, 60_000);
const restartedAt = performance.now();
const again = await startBenchServer({ databaseUrl, port, cpuProfDir: values.profile });
const listeningMs = performance.now() - restartedAt;
await fleet.waitFor((c) => c.connected >= N, 600_000);
const reconnectMs = performance.now() - restartedAt;
const c2 = fleet.counters();
console.log(`reconnect storm: listening after ${(listeningMs / 1000).toFixed(1)} s, all ${N} online after ${(reconnectMs / 1000).toFixed(1)} s; ${c2.connections - before} reconnections, ${c2.refused} refused`);
figures.push(figure(`reconnect storm after SIGKILL, ${N} agents: server listening`, 's', listeningMs / 1000, null));
figures.push(figure(`reconnect storm after SIGKILL, ${N} agents: all online`, 's', reconnectMs / 1000, raw.connectMs / 1000));

const counters = fleet.counters();
await fleet.stop();
await again.stop('SIGTERM');
fs.writeFileSync(`.ioms-bench/fleet-n${N}-server-2.log`, again.output());
printFigures('fleet', { n: N, runs, date: new Date().toISOString(), counters, simulatorRssMB: Math.round(fleet.rssBytes() / 2 ** 20) }, figures);
process.exit(0);
