import { describe, expect, it } from 'vitest';
import { changeSign, type PlanAction } from '../../manifests/index.js';
import { changedHosts, countGroupSigns, countSigns, groupPlans, type HostPlanLike, type PlanItemLike } from '../../manifests/plan-groups.js';

/** The sign is the server's, computed as the server does (manifests/plan-sign.ts). */
const item = (type: string, key: string, reason = 'MISSING', message = `${key} is missing`): PlanItemLike => ({ type, key, reason, message, sign: changeSign({ type, reason } as Pick<PlanAction, 'type' | 'reason'>) });
const host = (name: string, actions: PlanItemLike[], profiles = ['demo'], changed = true): HostPlanLike => ({ host: name, changed, profiles, actions });
const start = item('StartProcess', 'process:web', 'MISSING', 'start process web: not running on the host');
const cron = item('SetCron', 'cron:tick', 'MISSING', 'schedule tick');
const stop = item('StopProcess', 'process:old', 'NOT_DESIRED', 'stop old');
const update = item('UpdateProcess', 'process:web', 'SPEC_CHANGED', 'update web');
const hold = item('Hold', 'file:/etc/x', 'MODIFIED_BY_HAND', 'left to a human');

describe('groupPlans', () => {
  const cases: { name: string; hosts: HostPlanLike[]; want: string[][] }[] = [
    { name: 'identical plans share a group', hosts: [host('web-01', [start]), host('web-02', [start])], want: [['web-01', 'web-02']] },
    { name: 'different actions split', hosts: [host('a', [start]), host('b', [cron])], want: [['a'], ['b']] },
    { name: 'same actions, different profiles split', hosts: [host('a', [start], ['p']), host('b', [start], ['q'])], want: [['a'], ['b']] },
    { name: 'same key, different reason split', hosts: [host('a', [start]), host('b', [{ ...start, reason: 'FATAL' }])], want: [['a'], ['b']] },
    { name: 'same key and reason, different sentence split', hosts: [host('a', [start]), host('b', [{ ...start, message: 'other' }])], want: [['a'], ['b']] },
    { name: 'order of first appearance is kept', hosts: [host('z', [cron]), host('a', [start]), host('y', [cron])], want: [['z', 'y'], ['a']] },
    { name: 'no hosts, no groups', hosts: [], want: [] },
  ];
  it.each(cases)('$name', ({ hosts, want }) => {
    expect(groupPlans(hosts).map((g) => g.hosts)).toEqual(want);
  });
});

describe('changedHosts', () => {
  it('keeps hosts whose desired state changes or that have work, in order', () => {
    const hosts = [host('h1', [start]), host('h2', [], ['x'], false), host('h3', [start], ['x'], false), host('h4', [], ['y'])];
    expect(changedHosts(hosts).map((h) => h.host)).toEqual(['h1', 'h3', 'h4']);
    expect(groupPlans(changedHosts(hosts)).map((g) => g.hosts)).toEqual([['h1'], ['h3'], ['h4']]);
  });
});

describe('countSigns and countGroupSigns', () => {
  it.each([
    { name: 'nothing', actions: [], want: { add: 0, change: 0, remove: 0 } },
    { name: 'one of each', actions: [start, update, stop], want: { add: 1, change: 1, remove: 1 } },
    { name: 'held actions are not counted', actions: [hold, start, cron], want: { add: 2, change: 0, remove: 0 } },
  ])('$name', ({ actions, want }) => {
    expect(countSigns(actions)).toEqual(want);
  });
  it("counts a group's actions once per host in it", () => {
    const groups = groupPlans([host('a', [start, stop]), host('b', [start, stop]), host('c', [update]), host('d', [])]);
    expect(countGroupSigns(groups)).toEqual({ add: 2, change: 1, remove: 2, hosts: 4, actions: 5 });
  });
});
