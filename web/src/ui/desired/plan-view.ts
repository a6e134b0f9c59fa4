/**
 * The plan as `ioms diff` prints it (cli/manifests/plan-output.ts), for the page: the server's
 * sign per action (`PlanItem.sign`) and the same grouping of hosts with identical plans. Pure.
 */
export interface PlanItemLike {
  readonly type: string;
  readonly key: string;
  readonly reason: string;
  readonly message: string;
  /** The server's sign (`+` creates, `~` changes, `-` removes, `!` held), declared in manifests/plan-sign.ts. */
  readonly sign: string;
}

export interface HostPlanLike {
  readonly host: string;
  readonly changed: boolean;
  readonly profiles: readonly string[];
  readonly actions: readonly PlanItemLike[];
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
  const signs = actions.map((a) => a.sign);
  return { add: signs.filter((s) => s === '+').length, change: signs.filter((s) => s === '~').length, remove: signs.filter((s) => s === '-').length };
}
