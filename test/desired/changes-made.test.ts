import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChangeSpool } from '../../agent/desired/change-spool.js';
import { changesMade } from '../../agent/desired/changes-made.js';
import type { ActionOutcome } from '../../agent/desired/execute-plan.js';
import type { PlanAction } from '../../manifests/index.js';
import type { ChangeRecord } from '../../protocol/change-report.schema.js';

const put: PlanAction = { type: 'PutFile', key: 'file:/etc/a', reason: 'CHECKSUM_MISMATCH', message: 'write /etc/a', file: { path: '/etc/a', artifact: 'a' } as never, specHash: 's' };
const hold: PlanAction = { type: 'Hold', key: 'process:p', reason: 'FATAL', message: 'p gave up' };
const restart: PlanAction = { type: 'RestartProcess', key: 'process:p', reason: 'FILE_CHANGED', message: 'restart p', name: 'p', afterFile: 'file:/etc/a' };
let n = 0;
const pass = (convergedHash: string | null) => ({ hash: 'h2', revision: 7, convergedHash, at: '2026-12-01T00:00:00.000Z', newId: () => `id-${String(++n).padStart(6, '0')}` });

describe('changesMade: which changes a pass made, and of what kind', () => {
  const cases: { name: string; outcomes: ActionOutcome[]; converged: string | null; want: [string, string, string, string][] }[] = [
    { name: 'a hash the host never converged on: intended', outcomes: [{ action: put, result: 'done' }], converged: null, want: [['file:/etc/a', 'PutFile', 'INTENDED', 'DONE']] },
    { name: 'a new hash after converging on an older one: intended', outcomes: [{ action: put, result: 'done' }], converged: 'h1', want: [['file:/etc/a', 'PutFile', 'INTENDED', 'DONE']] },
    { name: 'the hash it had converged on: corrective', outcomes: [{ action: put, result: 'done' }], converged: 'h2', want: [['file:/etc/a', 'PutFile', 'CORRECTIVE', 'DONE']] },
    {
      name: 'failures and skipped restarts are changes not carried out; holds are no changes',
      outcomes: [{ action: put, result: 'failed', error: 'disk full' }, { action: restart, result: 'skipped' }, { action: hold, result: 'done' }],
      converged: 'h2',
      want: [['file:/etc/a', 'PutFile', 'CORRECTIVE', 'FAILED'], ['process:p', 'RestartProcess', 'CORRECTIVE', 'SKIPPED']],
    },
  ];
  it.each(cases)('$name', ({ outcomes, converged, want }) => {
    const made = changesMade(outcomes, pass(converged));
    expect(made.map((c) => [c.key, c.action, c.kind, c.outcome])).toEqual(want);
    for (const c of made) expect(c).toMatchObject({ hash: 'h2', revision: 7, at: '2026-12-01T00:00:00.000Z' });
    expect(new Set(made.map((c) => c.id)).size).toBe(made.length);
  });
  it('keeps the error of a failed action', () => {
    expect(changesMade([{ action: put, result: 'failed', error: 'disk full' }], pass(null))[0]?.error).toBe('disk full');
  });
});

describe('ChangeSpool: changes survive a dropped link and an agent restart', () => {
  const record = (i: number): ChangeRecord => ({ id: `change-${String(i).padStart(4, '0')}`, at: '2026-12-01T00:00:00.000Z', key: `file:/f${i}`, action: 'PutFile', reason: 'MISSING', kind: 'INTENDED', outcome: 'DONE', hash: 'h', revision: 1 });
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-change-spool-'));

  it('keeps what the server did not take, on disk, and sends it after a restart', async () => {
    const d = dir();
    const spool = await ChangeSpool.open(d);
    await spool.push([record(1), record(2)]);
    await expect(spool.flush(() => Promise.reject(new Error('link down')))).rejects.toThrow('link down');
    const reopened = await ChangeSpool.open(d);
    expect(reopened.size).toBe(2);
    const sent: string[][] = [];
    await reopened.flush(async (batch) => void sent.push(batch.map((c) => c.id)));
    expect(sent).toEqual([['change-0001', 'change-0002']]);
    expect((await ChangeSpool.open(d)).size).toBe(0);
    fs.rmSync(d, { recursive: true, force: true });
  });

  it('is bounded: the oldest are dropped and counted; an unreadable file starts it empty', async () => {
    const d = dir();
    const spool = await ChangeSpool.open(d, 3);
    await spool.push([1, 2, 3, 4, 5].map(record));
    expect(spool.size).toBe(3);
    expect(spool.dropped).toBe(2);
    const sent: string[] = [];
    await spool.flush(async (batch) => void sent.push(...batch.map((c) => c.id)));
    expect(sent).toEqual(['change-0003', 'change-0004', 'change-0005']);
    fs.writeFileSync(path.join(d, 'changes.json'), '{not json');
    expect((await ChangeSpool.open(d)).size).toBe(0);
    fs.rmSync(d, { recursive: true, force: true });
  });
});
