import { describe, expect, it } from 'vitest';
import { RestartRecorder, type RestartReport } from '../../agent/supervisor/restart-records.js';
import type { SupervisorEvent } from '../../agent/supervisor/types.js';

const exited = (over: Partial<Extract<SupervisorEvent, { type: 'exited' }>> = {}): SupervisorEvent => ({
  type: 'exited',
  name: 'web',
  pid: 100,
  restart: { at: '2026-01-01T00:00:00.000Z', signal: 'SIGKILL', count: 1 },
  next: 'restart',
  delayMs: 1000,
  ...over,
});
const started = (pid: number, name = 'web'): SupervisorEvent => ({ type: 'started', name, pid, at: '2026-01-01T00:00:01.000Z', adopted: false, specHash: 'sha256:x' });

describe('RestartRecorder', () => {
  const cases: { name: string; events: SupervisorEvent[]; advanceMs?: number; want: Partial<RestartReport>[] }[] = [
    { name: 'a restart is sent with the old and the new pid and the backoff', events: [exited(), started(101)], want: [{ process: 'web', signal: 'SIGKILL', pid: 100, newPid: 101, backoffMs: 1000, outcome: 'RESTART', count: 1 }] },
    { name: 'nothing is sent before the replacement starts', events: [exited()], want: [] },
    { name: 'an exit the policy leaves down is sent at once', events: [exited({ next: 'exit', restart: { at: 'x', code: 0, count: 1 } })], want: [{ outcome: 'EXIT', exitCode: 0, newPid: null, backoffMs: null }] },
    { name: 'a FATAL exit is sent at once', events: [exited({ next: 'fatal' })], want: [{ outcome: 'FATAL', pid: 100, newPid: null }] },
    { name: 'a stop before the restart sends it without a new pid', events: [exited(), { type: 'stopped', name: 'web', at: 'x' }], want: [{ outcome: 'RESTART', newPid: null }] },
    { name: 'another process starting does not pair', events: [exited(), started(300, 'db')], want: [] },
    { name: 'an overdue restart is sent without a new pid', events: [exited()], advanceMs: 60_000, want: [{ outcome: 'RESTART', newPid: null, pid: 100 }] },
  ];
  it.each(cases)('$name', ({ events, advanceMs, want }) => {
    let t = 0;
    const sent: RestartReport[] = [];
    const r = new RestartRecorder((x) => sent.push(x), () => t);
    for (const e of events) r.onEvent(e);
    if (advanceMs) {
      t += advanceMs;
      r.flushExpired();
    }
    expect(sent).toHaveLength(want.length);
    want.forEach((w, i) => expect(sent[i]).toMatchObject(w));
  });
});
