import { describe, expect, it } from 'vitest';
import { describeJob, parseJobId } from '../../cli/commands/jobs.js';
import type { JobWithTargets } from '../../cli/jobs/watch-job.js';

describe('parseJobId', () => {
  const cases: { name: string; text: string; ok: boolean }[] = [
    { name: 'a number', text: '42', ok: true },
    { name: 'zero', text: '0', ok: false },
    { name: 'a leading zero', text: '042', ok: false },
    { name: 'negative', text: '-1', ok: false },
    { name: 'words', text: 'last', ok: false },
    { name: 'too long', text: '12345678901234567', ok: false },
  ];
  it.each(cases)('$name: $text', ({ text, ok }) => {
    if (ok) expect(parseJobId(text)).toBe(text);
    else expect(() => parseJobId(text)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('describeJob', () => {
  const job: JobWithTargets = {
    id: '7',
    kind: 'SHELL',
    command: 'uptime',
    status: 'STOPPED',
    selector: '',
    hosts: [],
    batchSize: 2,
    maxFailures: 1,
    timeoutSeconds: 30,
    queueForSeconds: 600,
    createdBy: 'admin',
    createdAt: '2025-01-01T00:00:00.000Z',
    finishedAt: null,
    lastSeq: 9,
    counts: { total: 2, queued: 0, sent: 0, running: 0, succeeded: 1, failed: 1, timedOut: 0, unreachable: 0, cancelled: 0, done: 2 },
    targets: [
      { host: 'a', status: 'SUCCEEDED', exitCode: 0, signal: null, stdout: '', stderr: '', stdoutTruncated: false, stderrTruncated: false, startedAt: null, finishedAt: null, durationMs: 1, error: null },
      { host: 'b', status: 'FAILED', exitCode: 1, signal: null, stdout: '', stderr: '', stdoutTruncated: false, stderrTruncated: false, startedAt: null, finishedAt: null, durationMs: 1, error: null },
    ],
  };
  it('shows what, where, how and who', () => {
    expect(describeJob(job)).toBe(
      [
        'Job:      7 (SHELL)',
        'Command:  uptime',
        "Targets:  -l '' (every host)",
        'Status:   STOPPED',
        'Hosts:    2 hosts: 1 succeeded, 1 failed',
        'Batch:    2 at once, stop when more than 1 failed',
        'Timeout:  30s (queue for 600s)',
        'Created:  2025-01-01T00:00:00.000Z by admin',
        'Finished: -',
        '',
      ].join('\n'),
    );
  });
  it('names hosts and a selector together', () => {
    expect(describeJob({ ...job, selector: 'role=web', hosts: ['a', 'b*'] })).toContain('Targets:  -l role=web and a b*\n');
  });
});
