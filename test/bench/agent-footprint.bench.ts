/**
 * Agent footprint (issue 9, benchmark 7): RSS and idle CPU of the real agent, connected to a
 * bench server and left idle, beside a bare Node process holding one `ws` socket, same run:
 *
 * - `ioms agent` from the checkout (bin/ioms.js: the TypeScript sources through tsx's loader);
 * - the one-file bundle hosts run (`npm run build:agent`, built here into a temporary file);
 * - the same bundle without the V8 flags the agent sets on itself (`IOMS_AGENT_V8_FLAGS=`,
 *   see agent/v8-flags.ts), to show what they save;
 * - baseline: `node -e` with one `ws` socket open to a `ws` server in this process.
 *
 * RSS is split from /proc into private memory (RssAnon: heap, code, buffers) and file pages
 * (RssFile: mostly the node binary's own pages, shared by every node process on the host).
 *
 *   npx tsx test/bench/agent-footprint.bench.ts [--idle 120]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocketServer } from 'ws';
import { buildAgentBundle } from '../../agent/bundle/build-agent.js';
import { IOMS_BIN, waitFor } from '../helpers/processes.js';
import { adminLogin, gql } from './fleet/admin-client.js';
import { BENCH_ADMIN_PASSWORD, procStats, startBenchServer } from './fleet/bench-server.js';
import { figure, item, printFigures, type Figure } from './fleet/report.js';

const { values } = parseArgs({ options: { idle: { type: 'string', default: '120' } } });
const IDLE_S = Number(values.idle);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-bench-footprint-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RssAnon and RssFile of a process, in bytes (/proc/PID/status). */
function rssParts(pid: number): { anon: number; file: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { anon: kb('RssAnon'), file: kb('RssFile') };
}

const children: ChildProcess[] = [];
process.once('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
function run(args: string[], env: Record<string, string> = {}): ChildProcess {
  const c = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  c.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  c.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  c.once('exit', (code) => code && code !== 0 && console.error(`${args.slice(0, 2).join(' ')} exited ${code}:\n${out}`));
  children.push(c);
  return c;
}

const server = await startBenchServer({ databaseUrl: `sqlite:${path.join(dir, 'ioms.db')}` });
try {
  const token = await adminLogin(server.url, BENCH_ADMIN_PASSWORD);
  const enroll = (await gql<{ createEnrollmentToken: { token: string } }>(server.url, token, 'mutation { createEnrollmentToken(input: { maxUses: 3, ttlSeconds: 600 }) { token } }')).createEnrollmentToken.token;
  const bundle = await buildAgentBundle({ outfile: path.join(dir, 'ioms-agent.mjs') });
  console.log(`bundle ${(bundle.bytes / 2 ** 20).toFixed(2)} MiB`);

  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const opened = new Promise((r) => wss.once('connection', r));
  const bareCode = `import WebSocket from 'ws'; const s = new WebSocket('ws://127.0.0.1:${(wss.address() as { port: number }).port}'); s.on('error', () => process.exit(1)); setInterval(() => s.ping(), 20000);`;

  const agentArgs = (name: string) => ['agent', '--server', server.url, '--token', enroll, '--name', name, '--state-dir', path.join(dir, name)];
  const procs = {
    'ioms agent (checkout, through tsx)': run([IOMS_BIN, ...agentArgs('footprint-cli')]),
    'one-file bundle (npm run build:agent)': run([bundle.outfile, ...agentArgs('footprint-bundle')]),
    'one-file bundle without its V8 flags': run([bundle.outfile, ...agentArgs('footprint-noflags')], { IOMS_AGENT_V8_FLAGS: '' }),
    'bare node, one ws socket': run(['--input-type=module', '-e', bareCode]),
  };
  await opened;
  for (const name of ['footprint-cli', 'footprint-bundle', 'footprint-noflags']) {
    await waitFor(async () => (await gql<{ host: { online: boolean } | null }>(server.url, token, 'query($n: String!) { host(name: $n) { online } }', { n: name })).host?.online, 60_000, `${name} online`);
  }
  // Start-up work (inventory, first reports) is over before the idle window starts.
  await sleep(5000);
  const before = Object.fromEntries(Object.entries(procs).map(([k, p]) => [k, procStats(p.pid!)]));
  console.log(`all connected; idle for ${IDLE_S} s`);
  await sleep(IDLE_S * 1000);
  const figures: Figure[] = [];
  const bare = procs['bare node, one ws socket'];
  const bareStats = procStats(bare.pid!);
  const bareCpu = ((bareStats.cpuSeconds - before['bare node, one ws socket']!.cpuSeconds) / IDLE_S) * 100;
  const bareParts = rssParts(bare.pid!);
  for (const [label, p] of Object.entries(procs)) {
    if (p === bare) continue;
    const s = procStats(p.pid!);
    const parts = rssParts(p.pid!);
    const cpu = ((s.cpuSeconds - before[label]!.cpuSeconds) / IDLE_S) * 100;
    figures.push(item(7, figure(`agent RSS after ${IDLE_S} s idle: ${label}`, 'MB', s.rssBytes / 2 ** 20, bareStats.rssBytes / 2 ** 20, label === 'one-file bundle (npm run build:agent)' ? '≤ 60 MB' : undefined)));
    figures.push(item(7, figure(`  of it private (RssAnon): ${label}`, 'MB', parts.anon / 2 ** 20, bareParts.anon / 2 ** 20)));
    figures.push(item(7, figure(`  of it file pages (RssFile, node binary): ${label}`, 'MB', parts.file / 2 ** 20, bareParts.file / 2 ** 20)));
    figures.push(item(7, figure(`agent idle CPU over ${IDLE_S} s: ${label}`, '% of a core', cpu, bareCpu)));
  }
  printFigures('agent-footprint', { idleSeconds: IDLE_S, bundleBytes: bundle.bytes, date: new Date().toISOString() }, figures);
  wss.close();
} finally {
  for (const c of children) c.kill('SIGTERM');
  await sleep(500);
  await server.stop('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
