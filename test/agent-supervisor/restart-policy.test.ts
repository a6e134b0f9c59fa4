import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESTART_TUNING,
  EMPTY_HISTORY,
  RESTART_REASONS,
  type RestartInput,
  backoffDelayMs,
  decideRestart,
} from '../../agent/supervisor/restart-policy.js';
import type { RestartSpec } from '../../agent/supervisor/types.js';

const always: RestartSpec = { policy: 'always', backoffSeconds: 1, maxBackoffSeconds: 8, startLimit: 3 };
const T0 = 1_700_000_000_000;

function input(overrides: Partial<RestartInput>): RestartInput {
  return {
    restart: always,
    exit: { code: 1 },
    startedAtMs: T0,
    exitedAtMs: T0 + 100,
    history: EMPTY_HISTORY,
    tuning: DEFAULT_RESTART_TUNING,
    random: () => 0.5,
    ...overrides,
  };
}

describe('decideRestart', () => {
  const cases: { name: string; input: RestartInput; expected: { kind: string; reason: string; delayMs?: number } }[] = [
    { name: 'never policy leaves a crash exited', input: input({ restart: { ...always, policy: 'never' }, exit: { signal: 'SIGKILL' } }), expected: { kind: 'exit', reason: RESTART_REASONS.POLICY_NEVER } },
    { name: 'on-failure leaves a clean exit exited', input: input({ restart: { ...always, policy: 'on-failure' }, exit: { code: 0 } }), expected: { kind: 'exit', reason: RESTART_REASONS.EXITED_CLEANLY } },
    { name: 'on-failure restarts a non-zero exit', input: input({ restart: { ...always, policy: 'on-failure' }, exit: { code: 2 } }), expected: { kind: 'restart', reason: RESTART_REASONS.QUICK_FAILURE, delayMs: 0 } },
    { name: 'on-failure restarts a signal death', input: input({ restart: { ...always, policy: 'on-failure' }, exit: { signal: 'SIGKILL' } }), expected: { kind: 'restart', reason: RESTART_REASONS.QUICK_FAILURE, delayMs: 0 } },
    { name: 'on-failure restarts an exit of unknown cause (adopted)', input: input({ restart: { ...always, policy: 'on-failure' }, exit: {} }), expected: { kind: 'restart', reason: RESTART_REASONS.QUICK_FAILURE, delayMs: 0 } },
    { name: 'always restarts a clean exit', input: input({ exit: { code: 0 } }), expected: { kind: 'restart', reason: RESTART_REASONS.QUICK_FAILURE, delayMs: 0 } },
    {
      name: 'a healthy run resets the history and restarts at once',
      input: input({ exitedAtMs: T0 + 60_000, history: { quickFailuresAtMs: [T0 - 2, T0 - 1] } }),
      expected: { kind: 'restart', reason: RESTART_REASONS.HEALTHY_RUN_ENDED, delayMs: 0 },
    },
    {
      name: 'the second quick failure waits the base backoff',
      input: input({ history: { quickFailuresAtMs: [T0 - 10] } }),
      expected: { kind: 'restart', reason: RESTART_REASONS.QUICK_FAILURE, delayMs: 1000 },
    },
    {
      name: 'reaching the start limit is fatal',
      input: input({ history: { quickFailuresAtMs: [T0 - 20, T0 - 10] } }),
      expected: { kind: 'fatal', reason: RESTART_REASONS.START_LIMIT_REACHED },
    },
    {
      name: 'quick failures outside the window do not count',
      input: input({ history: { quickFailuresAtMs: [T0 - 120_000, T0 - 10] } }),
      expected: { kind: 'restart', reason: RESTART_REASONS.QUICK_FAILURE, delayMs: 1000 },
    },
    {
      name: 'a spawn error is a failure',
      input: input({ restart: { ...always, policy: 'on-failure' }, exit: { error: 'spawn ENOENT' } }),
      expected: { kind: 'restart', reason: RESTART_REASONS.QUICK_FAILURE, delayMs: 0 },
    },
  ];
  it.each(cases)('$name', ({ input: given, expected }) => {
    const { decision } = decideRestart(given);
    expect(decision.kind).toBe(expected.kind);
    expect(decision.reason).toBe(expected.reason);
    if (expected.delayMs !== undefined && decision.kind === 'restart') expect(decision.delayMs).toBe(expected.delayMs);
  });

  it('does not mutate the history it is given', () => {
    const history = { quickFailuresAtMs: [T0 - 10] };
    const { history: next } = decideRestart(input({ history }));
    expect(history.quickFailuresAtMs).toEqual([T0 - 10]);
    expect(next.quickFailuresAtMs).toEqual([T0 - 10, T0 + 100]);
  });
});

describe('backoffDelayMs', () => {
  const cases = [
    { name: 'first attempt is immediate', attempt: 1, random: 0.9, expected: 0 },
    { name: 'second attempt is the base (jitter clamped below at base)', attempt: 2, random: 0, expected: 1000 },
    { name: 'third attempt doubles', attempt: 3, random: 0.5, expected: 2000 },
    { name: 'jitter spreads upward by up to 20 %', attempt: 3, random: 1, expected: 2400 },
    { name: 'jitter spreads downward by up to 20 %', attempt: 4, random: 0, expected: 3200 },
    { name: 'capped at the maximum', attempt: 10, random: 1, expected: 8000 },
  ];
  it.each(cases)('$name', ({ attempt, random, expected }) => {
    expect(backoffDelayMs(attempt, 1000, 8000, () => random)).toBe(expected);
  });
});
