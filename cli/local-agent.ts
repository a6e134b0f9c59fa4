import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from '../api/server/start-server.js';

/** Labels of the agent `ioms start` runs, so the example manifests (role=demo) apply to it. */
export const LOCAL_AGENT_LABELS = { role: 'demo', env: 'dev' };

export interface LocalAgent {
  readonly name: string;
  readonly logFile: string;
  stop(): Promise<void>;
  /** Guarded processes still running after `stop()` (by design; the next start adopts them). */
  guardedProcesses(): { name: string; pid: number }[];
}

/** The supervisor's pid records (read only: `<stateDir>/supervisor/processes/*.json`) whose process is alive. */
export function runningGuardedProcesses(stateDir: string): { name: string; pid: number }[] {
  const dir = path.join(stateDir, 'supervisor', 'processes');
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const out: { name: string; pid: number }[] = [];
  for (const f of files) {
    try {
      const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { name?: unknown; pid?: unknown };
      if (typeof r.name !== 'string' || typeof r.pid !== 'number') continue;
      process.kill(r.pid, 0);
      out.push({ name: r.name, pid: r.pid });
    } catch {
      // unreadable record or a process that is gone: not running
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Runs one agent on this machine beside the server (what `npm start` shows a newcomer). The first
 * start enrolls it with a one-use token made in-process; later starts reuse its credential in
 * `<dataDir>/local-agent`. Its output goes to `<dataDir>/local-agent/agent.log`.
 */
export async function startLocalAgent(server: RunningServer, bin: string): Promise<LocalAgent> {
  const { config, enrollment, orm } = server.services;
  const stateDir = path.join(config.dataDir, 'local-agent');
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const name = os.hostname().replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '') || 'localhost';
  const args = [bin, 'agent', '--server', server.url, '--state-dir', stateDir, '--name', name, '--labels', Object.entries(LOCAL_AGENT_LABELS).map(([k, v]) => `${k}=${v}`).join(',')];
  if (config.tlsCert) args.push('--ca', path.join(config.dataDir, 'tls', 'ca.pem'));
  // The one-use enrollment token goes in the environment, not on the command line that `ps` shows.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.IOMS_ENROLL_TOKEN;
  if (!fs.existsSync(path.join(stateDir, 'credential.json'))) {
    const { token } = await enrollment.createToken(orm.em.fork(), { createdBy: 'system', maxUses: 1, ttlSeconds: 600, description: 'local agent of `ioms start`' });
    env.IOMS_ENROLL_TOKEN = token;
  }
  const logFile = path.join(stateDir, 'agent.log');
  const log = fs.openSync(logFile, 'a');
  let child: ChildProcess | undefined = spawn(process.execPath, args, { stdio: ['ignore', log, log], env, detached: true });
  fs.closeSync(log);
  let stopping = false;
  child.once('exit', (code, signal) => {
    child = undefined;
    if (!stopping) server.services.logger.warn({ code, signal, logFile }, 'the local agent stopped');
  });
  return {
    name,
    logFile,
    guardedProcesses: () => runningGuardedProcesses(stateDir),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (!child) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * On the first start only (no revision yet), applies `manifests/examples/` so the local agent
 * (labelled role=demo) gets the demo profile: a guarded process and cron entries.
 */
export async function applyExamplesOnce(server: RunningServer, dir: string): Promise<number | undefined> {
  const { manifests, orm, reconciler, now } = server.services;
  const { currentRevision } = await import('../api/manifests/manifest.service.js');
  const em = orm.em.fork();
  if (await currentRevision(em)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ path: path.join('manifests', 'examples', f), content: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const { result, revision } = await manifests.apply(em, { files, message: 'example manifests applied by `ioms start`' }, { actor: 'system', now: now() });
  if (result.errors.length) throw new Error(`the example manifests do not apply: ${result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('; ')}`);
  await reconciler.markAll();
  return revision?.id;
}
