/**
 * How a guarded process's exit reads in every view (`get restarts`, `describe host`, `rollout
 * status`). A restart record carries an exit code or a signal when the agent was the process's
 * parent. When it has neither but has the pid that ended, the instance had been ADOPTED from an
 * earlier agent (after an agent restart or upgrade): it is not the new agent's child, so its end
 * is noticed by polling and its status is gone (Linux gives a non-parent no way to read it —
 * `waitid` and `pidfd` wait only for children; see docs/manifests.md, "Adopted processes"). With
 * neither and no pid, it never started (a spawn failure).
 */
export interface ExitFields {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly pid: number | null;
}

/** The words for an exit status the agent could not know. */
export const UNKNOWN_EXIT = 'unknown (adopted)';

/** `SIGKILL`, `3`, `unknown (adopted)`, or `not started`: the EXIT column. */
export function exitStatus(r: ExitFields): string {
  if (r.signal) return r.signal;
  if (r.exitCode !== null) return String(r.exitCode);
  return r.pid !== null ? UNKNOWN_EXIT : 'not started';
}

/** `killed by SIGKILL`, `exited 3`, `ended, exit status unknown (adopted)`, `could not start`: for sentences. */
export function describeExit(r: ExitFields): string {
  if (r.signal) return `killed by ${r.signal}`;
  if (r.exitCode !== null) return `exited ${r.exitCode}`;
  return r.pid !== null ? `ended, exit status ${UNKNOWN_EXIT}` : 'could not start';
}
