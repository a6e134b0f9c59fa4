/**
 * What `ioms apply`, `ioms diff` and `ioms rollback` print, as pure functions of the server's
 * answer: validation errors in the compiler form, the fleet-wide plan, the applied summary.
 *
 * Hosts with the same plan are printed once with their names folded (`web-[01-50]`), so a
 * change to 5,000 identical hosts is a few lines, not 5,000 blocks; the grouping is
 * manifests/plan-groups.ts, which the dashboard's plan page uses too.
 */
import { changedHosts, countSigns, groupPlans, type PlanGroup } from '../../manifests/plan-groups.js';
import { foldHostNames } from '../jobs/host-ranges.js';
import { fitCell, renderTable } from '../output.js';
import type { ApplyResultWire, HostPlanWire, ManifestErrorWire, PlanItemWire, RevisionSourceWire, RevisionWire } from './manifest-wire.js';

/** `file:line:column: message [CODE]`; the position is left out when the server has none (0). */
export function formatApplyError(e: ManifestErrorWire): string {
  const where = e.line > 0 ? `${e.file}:${e.line}:${e.column > 0 ? e.column : 1}` : e.file;
  return `${where}: ${e.message} [${e.code}]`;
}

/** `+ StartProcess process:web (MISSING: process web is not running)`; the sign is the server's. */
export function formatPlanItem(item: PlanItemWire): string {
  return `${item.sign} ${item.type} ${item.key} (${item.reason}: ${item.message})`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function groupHeader(g: PlanGroup): string {
  const who = g.hosts.length === 1 ? g.hosts[0]! : `${foldHostNames(g.hosts)} (${g.hosts.length} hosts)`;
  const profiles = g.profiles.length ? ` · ${g.profiles.length === 1 ? 'profile' : 'profiles'} ${g.profiles.join(', ')}` : ' · no profile';
  return `${who}${profiles}`;
}

/**
 * The plan, host group by host group, then a totals line; `No host changes.` when nothing
 * changes. Every line ends with a newline.
 */
export function renderPlan(hosts: readonly HostPlanWire[]): string {
  const changed = changedHosts(hosts);
  if (changed.length === 0) return 'No host changes.\n';
  const lines: string[] = [];
  for (const g of groupPlans(changed)) {
    lines.push(groupHeader(g));
    if (g.actions.length === 0) lines.push('  (desired state changes; nothing to do on the host)');
    for (const a of g.actions) lines.push(`  ${formatPlanItem(a)}`);
  }
  lines.push('', totalsLine(changed));
  return `${lines.join('\n')}\n`;
}

/** `2 hosts change: 4 to add, 1 to change, 0 to remove` (actions summed over hosts). */
export function totalsLine(changed: readonly HostPlanWire[]): string {
  const sum = countSigns(changed.flatMap((h) => h.actions));
  return `${plural(changed.length, 'host')} ${changed.length === 1 ? 'changes' : 'change'}: ${sum.add} to add, ${sum.change} to change, ${sum.remove} to remove`;
}

const MAX_ACTIONS_CELL = 60;

/** One row per host group: who, profiles, `+2 ~1 -0`, the action keys (clipped). */
/** ACTIONS is cut only on a terminal without `-o wide` (output.ts `fitCell`). */
export function renderHostSummary(hosts: readonly HostPlanWire[], isTerminal?: boolean): string {
  const groups = groupPlans(changedHosts(hosts));
  if (groups.length === 0) return 'No host changes.\n';
  return renderTable(groups, [
    { header: 'hosts', value: (g) => (g.hosts.length === 1 ? g.hosts[0] : `${foldHostNames(g.hosts)} (${g.hosts.length})`) },
    { header: 'profiles', value: (g) => g.profiles },
    {
      header: 'changes',
      value: (g) => {
        const c = countSigns(g.actions);
        return `+${c.add} ~${c.change} -${c.remove}`;
      },
    },
    { header: 'actions', value: (g) => fitCell(g.actions.map((a) => `${a.sign}${a.key}`).join(' '), MAX_ACTIONS_CELL, isTerminal) },
  ]);
}

/** `1a2b3c4d5e6f on main, dirty, git@example.com:ops/fleet.git` — what a revision was applied from. */
export function describeSource(source: RevisionSourceWire | null | undefined): string {
  if (!source) return '';
  const parts = [
    source.commit ? `commit ${source.commit.slice(0, 12)}${source.branch ? ` on ${source.branch}` : ''}` : source.branch ? `branch ${source.branch}` : '',
    source.dirty ? 'dirty' : '',
    source.repository ?? '',
  ].filter(Boolean);
  return parts.join(', ');
}

/** The first line after a successful apply or rollback. */
export function appliedLine(revision: RevisionWire): string {
  const from = describeSource(revision.source);
  const rollback = revision.rollbackOf !== null ? ` (rollback to revision ${revision.rollbackOf})` : '';
  return `Revision ${revision.id} applied${rollback}${from ? ` from ${from}` : ''}.`;
}

/**
 * The table form of an apply or rollback that stored a revision or found nothing to store:
 * the revision line, then the per-host summary. (Errors are printed by the caller.)
 */
export function renderApplied(result: ApplyResultWire): string {
  if (result.unchanged || !result.revision) {
    const current = result.revision ? ` (revision ${result.revision.id} is current)` : '';
    return `unchanged${current}: the documents equal the current revision.\n`;
  }
  return `${appliedLine(result.revision)}\n${renderHostSummary(result.hosts)}`;
}
