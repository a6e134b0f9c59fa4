/** Shared set-up for supervisor tests with real processes: state dirs, markers, cleanup. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processSchema, specHash } from '../../manifests/index.js';
import { Supervisor, type SupervisorOptions } from '../../agent/supervisor/supervisor.js';
import type { ProcessSnapshot, ProcessSpec, SupervisorEvent } from '../../agent/supervisor/types.js';
import { killMarked } from './process-helpers.js';

type RestartInput = { policy: 'always' | 'on-failure' | 'never'; backoffSeconds: number; maxBackoffSeconds: number; startLimit: number; retryAfterSeconds?: number };

/** Fast policy for tests: quick backoff, small start limit. */
export const always: RestartInput = { policy: 'always', backoffSeconds: 0.05, maxBackoffSeconds: 0.4, startLimit: 4 };

/** A process spec as the manifests parse it (defaults applied). */
export function spec(input: Record<string, unknown>): ProcessSpec {
  return processSchema.parse(input);
}

export function sleeper(name: string, mark: string, restart: RestartInput = always): ProcessSpec {
  return spec({ name, command: 'sleep', args: [mark], restart });
}

export function shell(name: string, script: string, restart: RestartInput = always): ProcessSpec {
  return spec({ name, command: 'sh', args: ['-c', script], restart });
}

/** StartProcess as the plan would carry it out. */
export function start(sup: Supervisor, process: ProcessSpec): Promise<void> {
  return sup.start(process, specHash(process));
}

export interface Harness {
  /** A unique `sleep` duration (about 30 s) that doubles as a marker in command lines. */
  marker(): string;
  stateDir(): string;
  supervisor(dir: string, options?: Partial<SupervisorOptions>): { sup: Supervisor; events: SupervisorEvent[] };
  only(sup: Supervisor): ProcessSnapshot;
  /** Stops every supervisor, kills every marked process, removes the state dirs. */
  cleanUp(): Promise<void>;
}

export function createHarness(): Harness {
  const supervisors: Supervisor[] = [];
  const dirs: string[] = [];
  const markers: string[] = [];
  let seq = 0;
  return {
    marker() {
      seq += 1;
      const value = `30.${String(process.pid).padStart(7, '0')}${String(seq).padStart(3, '0')}`;
      markers.push(value);
      return value;
    },
    stateDir() {
      const dir = mkdtempSync(join(tmpdir(), 'ioms-supervisor-'));
      dirs.push(dir);
      return dir;
    },
    supervisor(dir, options = {}) {
      const sup = new Supervisor({ stateDir: dir, stopGraceMs: 500, adoptPollMs: 50, ...options });
      const events: SupervisorEvent[] = [];
      sup.onEvent((event) => events.push(event));
      supervisors.push(sup);
      return { sup, events };
    },
    only(sup) {
      const [snap] = sup.snapshot();
      if (snap === undefined) throw new Error('no process in snapshot');
      return snap;
    },
    async cleanUp() {
      for (const sup of supervisors.splice(0)) {
        try {
          await sup.stopAll();
        } catch {
          // detached supervisors refuse; their processes are killed below
        }
      }
      for (const mark of markers.splice(0)) killMarked(mark);
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
