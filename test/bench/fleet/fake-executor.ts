import type { CommandInstruction, CommandResultReport } from '../../../protocol/index.js';

/**
 * How the simulator's fake executor answers a command. Each instruction draws once: with
 * probability `dropRate` it never answers (a host that vanished mid-command), with `failRate`
 * it answers FAILED with exit code 1, otherwise SUCCEEDED; the answer comes after `delayMs`
 * plus up to `jitterMs`.
 */
export interface ExecutorPolicy {
  /** @default 0 */
  readonly delayMs: number;
  /** @default 0 */
  readonly jitterMs: number;
  /** @default 0 */
  readonly failRate: number;
  /** @default 0 */
  readonly dropRate: number;
}

export const DEFAULT_EXECUTOR_POLICY: ExecutorPolicy = { delayMs: 0, jitterMs: 0, failRate: 0, dropRate: 0 };

export type ExecutorDecision = { readonly outcome: 'DROP' } | { readonly outcome: 'SUCCEEDED' | 'FAILED'; readonly afterMs: number };

/** The pure decision: what to do with one instruction, given a random source. */
export function decideExecution(policy: ExecutorPolicy, random: () => number): ExecutorDecision {
  const draw = random();
  if (draw < policy.dropRate) return { outcome: 'DROP' };
  const outcome = draw < policy.dropRate + policy.failRate ? 'FAILED' : 'SUCCEEDED';
  return { outcome, afterMs: policy.delayMs + Math.round(random() * policy.jitterMs) };
}

/** The result report the real agent would send for `instruction` (same shape, same schema). */
export function fakeResult(instruction: CommandInstruction, outcome: 'SUCCEEDED' | 'FAILED', startedAt: Date, finishedAt: Date, hostName: string): CommandResultReport {
  const ok = outcome === 'SUCCEEDED';
  return {
    id: instruction.id,
    attempt: instruction.payload.attempt,
    status: outcome,
    exitCode: ok ? 0 : 1,
    stdout: ok ? `${instruction.kind === 'SHELL' ? instruction.payload.command : instruction.kind} on ${hostName}\n` : '',
    stderr: ok ? '' : 'simulated failure\n',
    stdoutTruncated: false,
    stderrTruncated: false,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  };
}
