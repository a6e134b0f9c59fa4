import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { gql, login } from '../helpers/graphql.js';
import { freePort, IOMS_BIN, spawnServer, waitFor, type ServerProcess } from '../helpers/processes.js';
import { FAIL_ON_UNHANDLED, UNHANDLED } from '../helpers/unhandled.js';

const ADMIN_PW = 'agent-faults-admin';
const RECONNECTING = /disconnected from the server; reconnecting/g;
/** Run the agent as an unprivileged user when the tests run as root, so a read-only state dir is read-only to it. */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Agent {
  proc: ChildProcess;
  output(): string;
  /** How many times it logged a lost or failed connection so far. */
  reconnects(): number;
}

function startAgent(args: string[]): Agent {
  const proc = spawn(process.execPath, ['--require', FAIL_ON_UNHANDLED, IOMS_BIN, 'agent', '--log-level', 'debug', ...args], {
    env: { ...process.env, HOME: os.tmpdir() },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...AS_NOBODY,
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return { proc, output: () => out, reconnects: () => out.match(RECONNECTING)?.length ?? 0 };
}

const alive = (a: Agent) => a.proc.exitCode === null && a.proc.signalCode === null;

/** A listener on `port` that is not an IOMS server, for one phase of the walk. */
async function listen(port: number, kind: 'garbage-tcp' | 'garbage-ws' | 'refuse-4401'): Promise<() => Promise<void>> {
  if (kind === 'garbage-tcp') {
    const sockets = new Set<net.Socket>();
    const srv = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n\u0000\u00ff{]}garbage\r\n\r\n', () => socket.destroy());
    });
    await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
    return () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      });
  }
  const wss = new WebSocketServer({ port, host: '127.0.0.1' });
  wss.on('connection', (ws) => {
    ws.on('message', () => {
      if (kind === 'refuse-4401') ws.close(4401, 'Unauthorized');
      else {
        ws.send('{"type":"connection_ack"'); // not JSON
        ws.send(Buffer.from([0xff, 0x00, 0x13]));
        ws.send(JSON.stringify({ type: 'next', id: 'nope', payload: { data: { agentInstructions: 42 } } }));
      }
    });
  });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  return () =>
    new Promise((r) => {
      for (const c of wss.clients) c.terminate();
      wss.close(() => r());
    });
}

/**
 * A real `ioms agent` process walked through the faults it meets in the field, one after the
 * other on the server's port: its state directory made read-only while it runs a command, the
 * server killed (connection refused), a listener answering garbage over TCP, a WebSocket server
 * answering garbage, the real server back on the same port, and a server refusing the handshake
 * (4401); a second agent whose server name does not resolve. Both run with a preload that makes
 * any unhandled rejection print a marker and exit: the test fails on either, or on any exit.
 */
describe.runIf(process.platform === 'linux')('an agent process through faults', { timeout: 150_000 }, () => {
  let dir: string;
  let port: number;
  let server: ServerProcess | undefined;
  let admin: string;
  let agent: Agent;
  const others: Agent[] = [];
  let stopFake: (() => Promise<void>) | undefined;
  const stateDir = () => path.join(dir, 'agent');
  const startServer = async () => {
    server = await spawnServer({ IOMS_PORT: String(port), IOMS_ADMIN_PASSWORD: ADMIN_PW, IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}` }, dir);
    admin = await login(server.url, 'admin', ADMIN_PW);
  };
  const online = async () => (await gql<{ host: { online: boolean } | null }>(server!.url, '{ host(name: "faulty") { online } }', {}, admin)).data?.host?.online === true;
  const expectHealthy = (a: Agent) => {
    expect(alive(a), a.output().slice(-3000)).toBe(true);
    expect(a.output()).not.toMatch(UNHANDLED);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-agent-faults-'));
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(stateDir(), { mode: 0o700 });
    if (AS_NOBODY.uid !== undefined) fs.chownSync(stateDir(), AS_NOBODY.uid, AS_NOBODY.gid);
    port = await freePort();
    await startServer();
    const token = (await gql<{ createEnrollmentToken: { token: string } }>(server!.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, admin)).data!.createEnrollmentToken.token;
    agent = startAgent(['--server', server!.url, '--token', token, '--name', 'faulty', '--state-dir', stateDir(), '--heartbeat-interval', '1s']);
    await waitFor(online, 45_000, 'the agent online').catch((err: unknown) => {
      throw new Error(`${String(err)}\n${agent.output().slice(-3000)}`);
    });
  }, 90_000);
  afterAll(async () => {
    for (const a of [agent, ...others]) if (a && alive(a)) a.proc.kill('SIGKILL');
    await stopFake?.();
    await server?.stop('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the preload this walk relies on turns an unhandled rejection into a marker and an exit', async () => {
    const proc = spawn(process.execPath, ['--require', FAIL_ON_UNHANDLED, '-e', 'setTimeout(() => Promise.reject(new Error("lost")), 10); setTimeout(() => {}, 5000)'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => proc.once('exit', r));
    expect(code).toBe(70);
    expect(err).toMatch(UNHANDLED);
  });

  it('a read-only state directory while a command runs: the agent keeps running and says why', async () => {
    const walk = (d: string, mode: (isDir: boolean) => number) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p, mode);
        fs.chmodSync(p, mode(e.isDirectory()));
      }
      fs.chmodSync(d, mode(true));
    };
    walk(stateDir(), (isDir) => (isDir ? 0o500 : 0o400));
    try {
      const before = agent.output().length;
      const job = (await gql<{ runCommand: { id: string } }>(server!.url, 'mutation { runCommand(input: { hosts: ["faulty"], command: "echo read-only" }) { id } }', {}, admin)).data!.runCommand.id;
      // The command cannot be recorded in the result spool (its idempotency record), so the agent
      // must say so, and not die, rather than run it unrecorded.
      await waitFor(() => /"could not send the result of [^"]*","err":"write spool record/.test(agent.output().slice(before)), 20_000, 'the agent logging the spool write failure').catch((err: unknown) => {
        throw new Error(`${String(err)}\n${agent.output().slice(before).slice(-3000)}`);
      });
      await new Promise((r) => setTimeout(r, 2_000));
      expectHealthy(agent);
      expect(job).toBeTruthy();
    } finally {
      walk(stateDir(), (isDir) => (isDir ? 0o700 : 0o600));
    }
  });

  it('the server killed: connection refused, then garbage over TCP, then garbage over WebSocket', async () => {
    let seen = agent.reconnects();
    await server!.stop('SIGKILL');
    server = undefined;
    await waitFor(() => agent.reconnects() >= seen + 2, 20_000, 'two refused connections');
    expectHealthy(agent);
    for (const kind of ['garbage-tcp', 'garbage-ws'] as const) {
      seen = agent.reconnects();
      stopFake = await listen(port, kind);
      await waitFor(() => agent.reconnects() >= seen + 1, 30_000, `a failed connection to ${kind}`).catch((err: unknown) => {
        throw new Error(`${String(err)}\n${agent.output().slice(-3000)}`);
      });
      await stopFake();
      stopFake = undefined;
      expectHealthy(agent);
    }
  });

  it('the real server back on the same port: the agent reconnects and runs commands again', async () => {
    await startServer();
    await waitFor(online, 45_000, 'the agent online again');
    const job = (await gql<{ runCommand: { id: string } }>(server!.url, 'mutation { runCommand(input: { hosts: ["faulty"], command: "echo back" }) { id } }', {}, admin)).data!.runCommand.id;
    const done = await waitFor(async () => {
      const t = (await gql<{ job: { targets: { status: string; stdout: string | null }[] } }>(server!.url, 'query($id: ID!) { job(id: $id) { targets { status stdout } } }', { id: job }, admin)).data?.job.targets[0];
      return t?.status === 'SUCCEEDED' ? t : null;
    }, 30_000, 'the command after the restart');
    expect(done.stdout).toBe('back\n');
    expectHealthy(agent);
  });

  /** A second agent process with a copy of the enrolled credential, pointed at `server`. */
  const copyAgent = (name: string, serverUrl: string, extra: string[] = []): Agent => {
    const copy = path.join(dir, name);
    fs.mkdirSync(copy, { mode: 0o700 });
    fs.copyFileSync(path.join(stateDir(), 'credential.json'), path.join(copy, 'credential.json'));
    if (AS_NOBODY.uid !== undefined) {
      fs.chownSync(copy, AS_NOBODY.uid, AS_NOBODY.gid);
      fs.chownSync(path.join(copy, 'credential.json'), AS_NOBODY.uid, AS_NOBODY.gid);
    }
    const a = startAgent(['--server', serverUrl, '--state-dir', copy, ...extra]);
    others.push(a);
    return a;
  };

  it('a server that closes the handshake with 4401: the agent logs the refusal and keeps running', async () => {
    const fakePort = await freePort();
    stopFake = await listen(fakePort, 'refuse-4401');
    const refused = copyAgent('refused-agent', `http://127.0.0.1:${fakePort}`);
    await waitFor(() => refused.output().includes('refused this agent’s credential'), 30_000, 'the 4401 refusal logged');
    await new Promise((r) => setTimeout(r, 3_000));
    expectHealthy(refused);
  });

  it('a server name that does not resolve: the agent keeps trying', async () => {
    // `.invalid` never resolves (RFC 2606); --insecure because the name is not loopback.
    const lost = copyAgent('dns-agent', `http://ioms-agent-faults.invalid:${port}`, ['--insecure']);
    await waitFor(() => lost.reconnects() >= 2, 30_000, 'two failed lookups').catch((err: unknown) => {
      throw new Error(`${String(err)}\n${lost.output().slice(-3000)}`);
    });
    expectHealthy(lost);
    expectHealthy(agent);
  });
});
