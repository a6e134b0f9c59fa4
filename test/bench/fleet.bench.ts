/**
 * Fleet benchmarks with the simulator (test/bench/fleet/): N simulated agents against a real
 * `ioms server` process on MariaDB, each figure beside a raw `ws` baseline over the same number
 * of sockets, measured in the same run. Numbers are issue 9's benchmark list:
 *
 *   npx tsx test/bench/fleet.bench.ts [--n 1000] [--quick] [--runs 3] [--idle 30] [--replicas 2] [--profile DIR] [--fresh] [--only convergence|fanout]
 *
 * 1. connect storm: all N agents dial at once → all authenticated and online (connection_ack);
 *    server RSS per connected agent vs the raw server holding the same sockets.
 * 2. fan-out: `runCommand echo` to all N → every result stored, p50 / p99 / all; then the same
 *    through the real `ioms exec` (spawn → every result printed).
 * 3. reconnect storm: the server is SIGKILLed and restarted on its port → all N online again, none
 *    refused or lost; raw: the same N sockets reconnecting with the agent's backoff.
 * 4. convergence: a profile change (`applyManifests`) → all N rollout rows CONVERGED on it; raw: a
 *    broadcast of a desired-state-sized payload and a reply of the same size.
 * 6. idle: server CPU and RSS with N idle agents (heartbeats every 15 s, metrics every 60 s); raw:
 *    the raw server holding N sockets that send a heartbeat-sized message every 15 s.
 *
 * `--profile DIR`: the servers write CPU profiles there when they stop (the reconnect storm is
 * left out, since a SIGKILLed server writes none); `npx tsx test/bench/fleet/profile-summary.ts FILE`.
 *
 * `--replicas 2`: two server processes sharing MariaDB and Redis (IOMS_BENCH_REDIS_URL, default
 * redis://127.0.0.1:6379), agents spread over both, every job and profile submitted on the second
 * (so instructions cross replicas through Redis); the reconnect storm is left out.
 * `--only convergence`: the connect storm and figure 4 alone (no fan-outs, idle or reconnect).
 * `--only fanout`: the connect storm and figure 2 alone (fan-outs, `ioms exec`), each fan-out
 * window printed as `FANOUT_WINDOW <from µs> <to µs> server CPU <s>` on the monotonic clock a
 * `--cpu-prof` profile uses, for `profile-summary.ts FILE --window FROM-TO[,FROM-TO…]`.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { adminLogin, adminSocket } from './fleet/admin-client.js';
import { benchDatabase, BENCH_ADMIN_PASSWORD, credentialCache, percentile, procStats, startBenchServer } from './fleet/bench-server.js';
import { cliExec } from './fleet/cli-exec.js';
import { converge, convergenceProfile, desiredInstructionBytes, pushBenchArtifact } from './fleet/convergence.js';
import { fanout } from './fleet/fanout.js';
import { Fleet } from './fleet/fleet.js';
import { RawBaseline } from './fleet/raw-baseline.js';
import { rawReconnectStorm } from './fleet/raw-reconnect.js';
import { figure, item, printFigures, type Figure } from './fleet/report.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, quick: { type: 'boolean', default: false }, runs: { type: 'string' }, profile: { type: 'string' }, idle: { type: 'string' }, fresh: { type: 'boolean', default: false }, replicas: { type: 'string', default: '1' }, only: { type: 'string' } } });
const N = Number(values.n);
const runs = Number(values.runs ?? (values.quick ? 1 : 3));
const idleSeconds = Number(values.idle ?? (values.quick ? 10 : 30));
const replicas = Number(values.replicas);
if (replicas !== 1 && replicas !== 2) throw new Error('--replicas is 1 or 2');
if (values.only !== undefined && values.only !== 'convergence' && values.only !== 'fanout') throw new Error('--only takes convergence or fanout');
const onlyConvergence = values.only === 'convergence';
const onlyFanout = values.only === 'fanout';
/** Now on the monotonic clock of `--cpu-prof` profiles (µs), to cut a window out of one. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
const where = replicas === 2 ? ', 2 replicas' : '';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const figures: Figure[] = [];
const generation = new Date().toISOString();
const profile = convergenceProfile(generation);
const HEARTBEAT_MS = 15_000;

// ── raw baseline, alone on the machine
const raw = await RawBaseline.start(N, 4, HEARTBEAT_MS);
const rawRssWith = await raw.rssBytes();
const rawFanouts: { p50: number; p99: number; all: number }[] = [];
for (let i = 0; i < (onlyConvergence ? 0 : runs); i++) {
  const l = (await raw.broadcast(N)).sort((a, b) => a - b);
  rawFanouts.push({ p50: percentile(l, 50), p99: percentile(l, 99), all: l[l.length - 1]! });
}
const padBytes = desiredInstructionBytes(profile);
const rawDesired = onlyFanout ? [] : (await raw.broadcast(N, padBytes)).sort((a, b) => a - b);
await sleep(3000);
const ra = procStats(raw.serverPid);
await sleep(onlyConvergence || onlyFanout ? 0 : idleSeconds * 1000);
const rb = procStats(raw.serverPid);
const rawIdleCpu = ((rb.cpuSeconds - ra.cpuSeconds) / idleSeconds) * 100;
await raw.stop();
const rawReconnect = replicas === 1 && !values.profile && !values.only ? await rawReconnectStorm(N) : undefined;

// ── IOMS
// A kept database is only of use with the credentials cached beside it (another checkout's hosts
// cannot be reused): without the cache, start fresh.
const databaseUrl = await benchDatabase(`n${N}`, values.fresh || !fs.existsSync(credentialCache(`n${N}`)));
const redisUrl = process.env.IOMS_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const replicaEnv = (id: number): Record<string, string> => (replicas === 2 ? { IOMS_REDIS_URL: redisUrl, IOMS_REDIS_CHANNEL_PREFIX: `ioms-bench-${process.pid}`, IOMS_REPLICA_ID: `bench-${id}` } : {});
const servers: Awaited<ReturnType<typeof startBenchServer>>[] = [];
for (let i = 0; i < replicas; i++) servers.push(await startBenchServer({ databaseUrl, cpuProfDir: values.profile, env: replicaEnv(i) }));
/** Jobs and profiles go to the last replica; agents are spread over all. */
const submit = servers[servers.length - 1]!;
const token = await adminLogin(submit.url, BENCH_ADMIN_PASSWORD);
const rss = () => servers.reduce((sum, s) => sum + procStats(s.proc.pid!).rssBytes, 0);
const cpu = () => servers.reduce((sum, s) => sum + procStats(s.proc.pid!).cpuSeconds, 0);
const rssBefore = rss();
const fleet = await Fleet.start({ server: submit.url, connectTo: servers.map((s) => s.url), adminToken: token, size: N, cacheFile: credentialCache(`n${N}`), heartbeatMs: HEARTBEAT_MS });
const connectMs = await fleet.waitFor((c) => c.connected >= N, 600_000);
console.log(`connected ${N} in ${(connectMs / 1000).toFixed(1)} s`);
figures.push(item(1, figure(`connect storm, ${N} agents${where}`, 's', connectMs / 1000, raw.connectMs / 1000, N >= 10_000 ? '≤ 30 s' : undefined)));
await sleep(5000);
const rssWith = rss();
figures.push(item(1, figure(`server RSS with ${N} agents${where}`, 'MB', rssWith / 2 ** 20, rawRssWith / 2 ** 20)));
figures.push(item(1, figure(`server RSS per agent (total / N)${where}`, 'KB', rssWith / N / 1024, rawRssWith / N / 1024, '≤ 50 KB')));
// Not the target's figure: what each agent adds, without the server's own no-agent footprint.
figures.push(item(1, figure(`server RSS per agent, marginal ((with N − before) / N)${where}`, 'KB', (rssWith - rssBefore) / N / 1024, (rawRssWith - raw.rssBeforeBytes) / N / 1024)));

const socket = adminSocket(submit.url, token);
for (let i = 0; i < (onlyConvergence ? 0 : runs); i++) {
  const from = monotonicMicros();
  const cpuBefore = cpu();
  const r = await fanout(submit.url, token, socket, 'fleet=sim');
  console.log(`FANOUT_WINDOW ${from} ${monotonicMicros()} server CPU ${(cpu() - cpuBefore).toFixed(2)} s`);
  const l = r.latenciesMs;
  const rw = rawFanouts[i]!;
  console.log(`fan-out ${i + 1}: job ${r.jobId}, ${l.length} results ${JSON.stringify(r.statuses)}, p50 ${percentile(l, 50)} ms, p99 ${percentile(l, 99)} ms, last stored ${l[l.length - 1]} ms, job end seen by a subscriber after ${r.totalMs.toFixed(0)} ms (${r.finishedBy})${r.errors.length ? `, stream errors: ${r.errors.slice(0, 3).join(' | ')}` : ''}`);
  figures.push(item(2, figure(`fan-out ${N}${where} run ${i + 1}: p50`, 's', percentile(l, 50) / 1000, rw.p50 / 1000)));
  figures.push(item(2, figure(`fan-out ${N}${where} run ${i + 1}: p99`, 's', percentile(l, 99) / 1000, rw.p99 / 1000, N >= 10_000 ? '≤ 3 s, ≤ 10× raw' : '≤ 0.5 s at 1,000, ≤ 10× raw')));
  figures.push(item(2, figure(`fan-out ${N}${where} run ${i + 1}: all stored`, 's', l[l.length - 1]! / 1000, rw.all / 1000)));
  await sleep(2000);
}

// ── the same fan-out through the real CLI
if (!onlyConvergence) {
  const execFrom = monotonicMicros();
  const execCpu = cpu();
  const exec = await cliExec(submit.url, token, 'fleet=sim', N);
  console.log(`EXEC_WINDOW ${execFrom} ${monotonicMicros()} server CPU ${(cpu() - execCpu).toFixed(2)} s`);
  console.log(`ioms exec: ${exec.results} results ${JSON.stringify(exec.statuses)} printed after ${(exec.wallMs / 1000).toFixed(2)} s (CLI start-up alone ${(exec.startupMs / 1000).toFixed(2)} s)`);
  figures.push(item(2, figure(`fan-out ${N}${where} through \`ioms exec\`: spawn → all results printed`, 's', exec.wallMs / 1000, rawFanouts[0]!.all / 1000)));
  figures.push(item(2, figure(`fan-out ${N}${where} through \`ioms exec\`, less its start-up (\`ioms --version\` ${(exec.startupMs / 1000).toFixed(1)} s)`, 's', (exec.wallMs - exec.startupMs) / 1000, rawFanouts[0]!.all / 1000)));
}

if (!onlyFanout) {
  // ── convergence: a profile change reaching every host
  await pushBenchArtifact(submit.url, token);
  // A convergence that does not finish within its time-out is reported as such; the other figures stay.
  const convergeTimeoutMs = Number(process.env.IOMS_BENCH_CONVERGE_TIMEOUT_S ?? 900) * 1000;
  try {
    const conv = await converge(submit.url, token, socket, profile, 'fleet=sim', N, convergeTimeoutMs);
    const cl = conv.latenciesMs;
    console.log(`convergence: revision ${conv.revision}, applyManifests answered after ${(conv.applyMs / 1000).toFixed(2)} s, ${cl.length} hosts CONVERGED, p50 ${percentile(cl, 50).toFixed(0)} ms, all ${cl[cl.length - 1]!.toFixed(0)} ms (${conv.finishedBy}); desired-state instruction ${padBytes} bytes`);
    figures.push(item(4, figure(`convergence, ${N} hosts${where}: p50`, 's', percentile(cl, 50) / 1000, percentile(rawDesired, 50) / 1000)));
    figures.push(item(4, figure(`convergence, ${N} hosts${where}: all CONVERGED`, 's', cl[cl.length - 1]! / 1000, rawDesired[rawDesired.length - 1]! / 1000)));
  } catch (err) {
    console.log(`convergence did not finish: ${err instanceof Error ? err.message : String(err)}`);
    figures.push(item(4, figure(`convergence, ${N} hosts${where}: all CONVERGED — did not finish within ${convergeTimeoutMs / 1000} s`, 's', NaN, rawDesired[rawDesired.length - 1]! / 1000)));
  }
}
await socket.dispose();

// ── idle cost
if (!values.only) {
  await sleep(3000);
  const a = cpu();
  await sleep(idleSeconds * 1000);
  const b = cpu();
  figures.push(item(6, figure(`idle server CPU with ${N} agents${where} (${idleSeconds} s)`, '% of a core', ((b - a) / idleSeconds) * 100, rawIdleCpu, '≤ 10 % at 10,000')));
  figures.push(item(6, figure(`idle server RSS with ${N} agents${where}`, 'MB', rss() / 2 ** 20, rawRssWith / 2 ** 20)));
}

// ── reconnect storm: the server is SIGKILLed and started again on the same port. Left out with
// `--profile`: a SIGKILLed process writes no CPU profile, and the profile is of the figures above.
let lastServers = servers;
if (values.profile && !values.only) console.log('reconnect storm left out: --profile keeps the server alive to write its CPU profile');
if (replicas === 1 && !values.profile && !values.only) {
  const server = servers[0]!;
  const port = Number(new URL(server.url).port);
  const before = fleet.counters();
  await server.stop('SIGKILL');
  fs.mkdirSync('.ioms-bench', { recursive: true });
  fs.writeFileSync(`.ioms-bench/fleet-n${N}-server-1.log`, server.output());
  await fleet.waitFor((c) => c.connected === 0, 60_000);
  const restartedAt = performance.now();
  const again = await startBenchServer({ databaseUrl, port, cpuProfDir: values.profile });
  lastServers = [again];
  const listeningMs = performance.now() - restartedAt;
  await fleet.waitFor((c) => c.connected >= N, 600_000);
  const reconnectMs = performance.now() - restartedAt;
  const c2 = fleet.counters();
  const reconnections = c2.connections - before.connections;
  const refused = c2.refused - before.refused;
  console.log(`reconnect storm: listening after ${(listeningMs / 1000).toFixed(1)} s, all ${N} online after ${(reconnectMs / 1000).toFixed(1)} s; ${reconnections} reconnections, ${refused} refused, ${Math.max(0, N - reconnections)} lost`);
  figures.push(item(3, figure(`reconnect storm after SIGKILL, ${N} agents: server listening again`, 's', listeningMs / 1000, null)));
  figures.push(item(3, figure(`reconnect storm after SIGKILL, ${N} agents: all online (${refused} refused, ${Math.max(0, N - reconnections)} lost)`, 's', reconnectMs / 1000, rawReconnect!.reconnectMs / 1000)));
}

const counters = fleet.counters();
await fleet.stop();
for (const [i, s] of lastServers.entries()) {
  await s.stop('SIGTERM');
  fs.mkdirSync('.ioms-bench', { recursive: true });
  fs.writeFileSync(`.ioms-bench/fleet-n${N}-server-${replicas === 1 ? 2 : `replica-${i}`}.log`, s.output());
}
printFigures('fleet', { n: N, runs, replicas, date: new Date().toISOString(), counters, simulatorRssMB: Math.round(fleet.rssBytes() / 2 ** 20), rawReconnectConnectMs: rawReconnect?.connectMs }, figures);
process.exit(0);
