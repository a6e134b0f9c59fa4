import { describe, expect, it } from 'vitest';
import { restartDetail } from '../../cli/commands/host-events.js';
import { describeExit, exitStatus, UNKNOWN_EXIT } from '../../cli/process-exit.js';

describe('how a guarded process’s exit reads', () => {
  const cases = [
    { name: 'killed by a signal', r: { exitCode: null, signal: 'SIGKILL', pid: 41 }, column: 'SIGKILL', sentence: 'killed by SIGKILL' },
    { name: 'an exit code', r: { exitCode: 3, signal: null, pid: 41 }, column: '3', sentence: 'exited 3' },
    { name: 'exit code 0', r: { exitCode: 0, signal: null, pid: 41 }, column: '0', sentence: 'exited 0' },
    { name: 'an adopted instance (not the agent’s child): status unknown', r: { exitCode: null, signal: null, pid: 41 }, column: UNKNOWN_EXIT, sentence: 'ended, exit status unknown (adopted)' },
    { name: 'never started (spawn failure)', r: { exitCode: null, signal: null, pid: null }, column: 'not started', sentence: 'could not start' },
  ];
  it.each(cases)('$name', ({ r, column, sentence }) => {
    expect(exitStatus(r)).toBe(column);
    expect(describeExit(r)).toBe(sentence);
  });

  it('describe host says so in its event line', () => {
    const line = restartDetail({ process: 'game', at: '2026-12-01T00:00:00Z', exitCode: null, signal: null, pid: 41, newPid: 52, count: 1, backoffMs: 1000, outcome: 'RESTART' });
    expect(line).toBe('ended, exit status unknown (adopted) (pid 41 → 52), restarted after 1.0s, restart #1');
  });
});
