import { describe, expect, it } from 'vitest';
import { CHANGE_SIGNS, changeSign, PLAN_ACTION_TYPES, type PlanActionType, Reason } from '../../manifests/index.js';

describe('changeSign', () => {
  it.each<[PlanActionType, Reason, string]>([
    ['StartProcess', Reason.MISSING, '+'],
    ['StartProcess', Reason.NOT_RUNNING, '+'],
    ['UpdateProcess', Reason.SPEC_CHANGED, '~'],
    ['StopProcess', Reason.NOT_DESIRED, '-'],
    ['PutFile', Reason.MISSING, '+'],
    ['PutFile', Reason.CHECKSUM_MISMATCH, '~'],
    ['PutFile', Reason.MODE_CHANGED, '~'],
    ['RemoveFile', Reason.NOT_DESIRED, '-'],
    ['SetCron', Reason.MISSING, '+'],
    ['SetCron', Reason.SPEC_CHANGED, '~'],
    ['RemoveCron', Reason.NOT_DESIRED, '-'],
    ['RestartProcess', Reason.FILE_CHANGED, '~'],
    ['Hold', Reason.FATAL, '!'],
    ['Hold', Reason.MODIFIED_BY_HAND, '!'],
    ['Hold', Reason.ARTIFACT_MISSING, '!'],
  ])('%s (%s) → %s', (type, reason, want) => {
    expect(changeSign({ type, reason })).toBe(want);
  });

  it('gives every action type and reason a sign from the vocabulary', () => {
    for (const type of PLAN_ACTION_TYPES) for (const reason of Object.values(Reason)) expect(CHANGE_SIGNS).toContain(changeSign({ type, reason }));
  });
});
