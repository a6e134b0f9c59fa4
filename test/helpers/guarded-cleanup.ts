/**
 * Guarded processes outlive their agent on purpose (`agent/supervisor/supervisor.ts`: an agent
 * restart adopts them; the systemd unit has `KillMode=process`). In a test that is a leak: an
 * agent stopped with SIGKILL (or SIGTERM, which detaches) leaves its `/bin/sh -c 'while true; …'`
 * running after the test file is done. This kills what an agent's state dir says is still
 * running, the way the next agent would find it: each pid record in
 * `<stateDir>/supervisor/processes/`, checked by pid + kernel start time, then its whole process
 * group (guarded processes lead their own group).
 *
 * Only at the end of a test file, never in `stop()`: tests restart an agent on the same state
 * dir and expect it to adopt what the previous one left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkIdentity } from '../../agent/supervisor/process-identity.js';
import { pidRecordSchema } from '../../agent/supervisor/pid-store.js';

/** Where an agent with this state dir records its guarded instances (see `agent/agent.ts`). */
export function guardedPidDir(stateDir: string): string {
  return path.join(stateDir, 'supervisor', 'processes');
}

/** A guarded instance as its pid record names it. */
export interface GuardedIdentity {
  readonly pid: number;
  readonly startTime?: string;
}

/** The guarded instances recorded under `stateDir` (unreadable records skipped). */
export function recordedGuarded(stateDir: string): GuardedIdentity[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(guardedPidDir(stateDir));
  } catch {
    return [];
  }
  const found: GuardedIdentity[] = [];
  for (const entry of entries) {
    if (!entry.endsWith('.json')) continue;
    try {
      const record = pidRecordSchema.parse(JSON.parse(fs.readFileSync(path.join(guardedPidDir(stateDir), entry), 'utf8')));
      found.push({ pid: record.pid, ...(record.startTime === undefined ? {} : { startTime: record.startTime }) });
    } catch {
      // a torn or foreign file: nothing to kill
    }
  }
  return found;
}

/**
 * SIGKILLs the process group of each instance that is still the recorded process (pid + start
 * time; an unverifiable pid may be an unrelated program by now and is left alone). Call it
 * after the agent itself is dead: a live agent would restart them. Returns the pids signalled.
 */
export function killGuarded(identities: Iterable<GuardedIdentity>): number[] {
  const killed: number[] = [];
  for (const identity of identities) {
    if (checkIdentity(identity) !== 'same') continue;
    try {
      process.kill(process.platform === 'win32' ? identity.pid : -identity.pid, 'SIGKILL');
      killed.push(identity.pid);
    } catch {
      // gone in the meantime
    }
  }
  return killed;
}

/** {@link killGuarded} over what `stateDir` records: for tests that run an agent in-process. */
export function killGuardedProcesses(stateDir: string): number[] {
  return killGuarded(recordedGuarded(stateDir));
}

/** Something with a child process's exit state (a `ChildProcess`). */
interface AgentLike {
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  kill(signal: NodeJS.Signals): boolean;
  once(event: 'exit', listener: () => void): unknown;
}

const agents = new Map<AgentLike, string | undefined>();
const leftBehind = new Map<string, GuardedIdentity>();

function remember(stateDir: string): void {
  for (const identity of recordedGuarded(stateDir)) leftBehind.set(`${identity.pid}:${identity.startTime ?? ''}`, identity);
}

/** The state dir an `ioms agent` command line names (`--state-dir DIR`, `--state-dir=DIR`, or the env fallback). */
export function stateDirOf(args: readonly string[], env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--state-dir') return args[i + 1];
    if (arg.startsWith('--state-dir=')) return arg.slice('--state-dir='.length);
  }
  return env.IOMS_AGENT_STATE_DIR;
}

/**
 * Remembers an agent process for {@link cleanUpSpawnedAgents}. When it exits, however it was
 * stopped, the instances its state dir records are noted at once: tests often delete the
 * state dir in their own `afterAll`, before the cleanup runs.
 */
export function trackSpawnedAgent(proc: AgentLike, stateDir: string | undefined): void {
  const dir = stateDir === undefined ? undefined : path.resolve(stateDir);
  agents.set(proc, dir);
  if (dir !== undefined) proc.once('exit', () => remember(dir));
}

/**
 * SIGKILLs every tracked agent still running, then the process groups of the guarded instances
 * they left. Synchronous, so it can also run from a process `exit` handler.
 */
export function cleanUpSpawnedAgents(): number[] {
  for (const [proc, dir] of agents) {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    if (dir !== undefined) remember(dir);
  }
  agents.clear();
  const killed = killGuarded(leftBehind.values());
  leftBehind.clear();
  return killed;
}
