/**
 * A fleet-wide plan folded for people: the hosts an apply changes, grouped by identical plan, and
 * the signs counted. `ioms diff` / `ioms apply` (cli/manifests/plan-output.ts) and the dashboard's
 * plan page (web/src/ui/desired/plan-result.tsx) both print through these, so a change to 5,000
 * identical hosts is one group in either.
 *
 * Pure and import-free: the dashboard's static export bundles this file for the browser, where
 * the rest of manifests/ (yaml, node:fs in load.ts) cannot go. The shapes are structural, so the
 * CLI's wire types and the dashboard's generated GraphQL types both fit.
 */

/** One action as the server sends it (`PlanItem`); `sign` is the server's (manifests/plan-sign.ts). */
export interface PlanItemLike {
  readonly type: string;
  readonly key: string;
  readonly reason: string;
  readonly message: string;
  readonly sign: string;
}

export interface HostPlanLike<I extends PlanItemLike = PlanItemLike> {
  readonly host: string;
  /** The host's desired state changes with this apply. */
  readonly changed: boolean;
  readonly profiles: readonly string[];
  readonly actions: readonly I[];
}

export interface PlanGroup<I extends PlanItemLike = PlanItemLike> {
  readonly hosts: readonly string[];
  readonly profiles: readonly string[];
  readonly actions: readonly I[];
}

export interface SignCounts {
  readonly add: number;
  readonly change: number;
  readonly remove: number;
}

/** The hosts an apply changes: desired state changes, or the agent has work to do. */
export function changedHosts<H extends HostPlanLike>(hosts: readonly H[]): H[] {
  return hosts.filter((h) => h.changed || h.actions.length > 0);
}

/** Hosts with the same profiles and the same actions, in the order first seen (the server sorts hosts). */
export function groupPlans<I extends PlanItemLike>(hosts: readonly HostPlanLike<I>[]): PlanGroup<I>[] {
  const groups = new Map<string, { hosts: string[]; profiles: readonly string[]; actions: readonly I[] }>();
  for (const h of hosts) {
    const key = JSON.stringify([h.profiles, h.actions.map((a) => [a.type, a.key, a.reason, a.message])]);
    const g = groups.get(key);
    if (g) g.hosts.push(h.host);
    else groups.set(key, { hosts: [h.host], profiles: h.profiles, actions: h.actions });
  }
  return [...groups.values()];
}

/** `+`, `~` and `-` actions counted (`!` held actions change nothing and are not counted). */
export function countSigns(actions: readonly PlanItemLike[]): SignCounts {
  let add = 0;
  let change = 0;
  let remove = 0;
  for (const a of actions) {
    if (a.sign === '+') add += 1;
    else if (a.sign === '~') change += 1;
    else if (a.sign === '-') remove += 1;
  }
  return { add, change, remove };
}

/** The signs over every host of every group: a group's actions count once per host in it. */
export function countGroupSigns(groups: readonly PlanGroup[]): SignCounts & { readonly hosts: number; readonly actions: number } {
  let add = 0;
  let change = 0;
  let remove = 0;
  let hosts = 0;
  let actions = 0;
  for (const g of groups) {
    const c = countSigns(g.actions);
    const n = g.hosts.length;
    add += c.add * n;
    change += c.change * n;
    remove += c.remove * n;
    hosts += n;
    actions += g.actions.length * n;
  }
  return { add, change, remove, hosts, actions };
}
