import { describe, expect, it } from 'vitest';
import { resultsStoredWithStart, type Report } from '../../api/jobs/result-ingest.js';
import type { TargetRow } from '../../api/jobs/target-rows.js';
import type { CommandResultReport } from '../../protocol/index.js';

const target = (over: Partial<TargetRow> = {}): TargetRow => ({ id: 7, jobId: 1, hostId: 3, hostName: 'web-1', status: 'SENT', attempts: 1, attempt: 1, ...over });
const started = (over: Partial<Report & { kind: 'started' }> = {}): { item: Report } => ({ item: { kind: 'started', hostId: 3, commandId: 't7', at: new Date(0), attempt: 1, ...over } });
const result = (hostId = 3, attempt = 1, id = 't7'): { item: Report } => ({
  item: { kind: 'result', hostId, report: { id, attempt, status: 'SUCCEEDED', exitCode: 0, stdout: '', stderr: '', stdoutTruncated: false, stderrTruncated: false, startedAt: '', finishedAt: '', durationMs: 1 } satisfies CommandResultReport },
});

describe('resultsStoredWithStart: a start and its stored result in one batch make one change', () => {
  it.each([
    { name: 'start and result of a SENT target', batch: [started(), result()], row: target(), merged: true },
    { name: 'result before its start in the batch', batch: [result(), started()], row: target(), merged: true },
    { name: 'result alone', batch: [result()], row: target(), merged: false },
    { name: 'start alone', batch: [started()], row: target(), merged: false },
    { name: 'already RUNNING (the start was stored before)', batch: [started(), result()], row: target({ status: 'RUNNING' }), merged: false },
    { name: 'the result names a stale attempt (refused: the start must count alone)', batch: [started({ attempt: 2 }), result(3, 1)], row: target({ attempt: 2, attempts: 2 }), merged: false },
    { name: 'the start names a stale attempt', batch: [started({ attempt: 1 }), result(3, 2)], row: target({ attempt: 2, attempts: 2 }), merged: false },
    { name: 'another host sends the result', batch: [started(), result(4)], row: target(), merged: false },
    { name: 'another host sends the start', batch: [started({ hostId: 4 }), result()], row: target(), merged: false },
    { name: 'unknown target', batch: [started({ commandId: 't8' }), result(3, 1, 't8')], row: target(), merged: false },
  ])('$name', ({ batch, row, merged }) => {
    expect(resultsStoredWithStart(batch, new Map([[row.id, row]])).has(row.id)).toBe(merged);
  });
});
