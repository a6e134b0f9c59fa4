/**
 * The plan as `ioms diff` prints it (cli/manifests/plan-output.ts), for the page: the same
 * signs per action and the same grouping of hosts with identical plans. Pure.
 */
export interface PlanItemLike {
  readonly type: string;
  readonly key: string;
  readonly reason: string;
  readonly message: string;
}

export interface HostPlanLike {
  readonly host: string;
  readonly changed: boolean;
  readonly profiles: readonly string[];
  readonly actions: readonly PlanItemLike[];
}

export type ChangeSign = '+' | '~' | '-' | '!';

/** `+` creates, `~` changes in place, `-` removes, `!` held: drift the agent leaves to a human. */
export function changeSign(item: Pick<PlanItemLike, 'type' | 'reason'>): ChangeSign {
  switch (item.type) {
    case 'Hold':
      return '!';
    case 'StopProcess':
    case 'RemoveFile':
    case 'RemoveCron':
      return '-';
    case 'UpdateProcess':
      return '~';
    case 'StartProcess':
      return '+';
    default:
      return item.reason === 'MISSING' ? '+' : '~';
  }
}

export interface PlanGroup<I extends PlanItemLike = PlanItemLike> {
  readonly hosts: readonly string[];
  readonly profiles: readonly string[];
  readonly actions: readonly I[];
}

/** The hosts an apply changes (desired state changes, or the agent has work), grouped by identical plan in server order. */
export function groupPlans<I extends PlanItemLike>(hosts: readonly (HostPlanLike & { readonly actions: readonly I[] })[]): PlanGroup<I>[] {
  const groups = new Map<string, { hosts: string[]; profiles: readonly string[]; actions: readonly I[] }>();
  for (const h of hosts) {
    if (!h.changed && h.actions.length === 0) continue;
    const key = JSON.stringify([h.profiles, h.actions.map((a) => [a.type, a.key, a.reason, a.message])]);
    const g = groups.get(key);
    if (g) g.hosts.push(h.host);
    else groups.set(key, { hosts: [h.host], profiles: h.profiles, actions: h.actions });
  }
  return [...groups.values()];
}

export function countSigns(actions: readonly PlanItemLike[]): { add: number; change: number; remove: number } {
  const signs = actions.map(changeSign);
  return { add: signs.filter((s) => s === '+').length, change: signs.filter((s) => s === '~').length, remove: signs.filter((s) => s === '-').length };
}
