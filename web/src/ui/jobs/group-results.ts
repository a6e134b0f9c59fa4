/** Per-host results → groups of hosts with identical outcome and output (like `ioms exec`). */
export interface TargetResult {
  readonly host: string;
  readonly status: string;
  readonly exitCode?: number;
  readonly signal?: string;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly durationMs?: number;
  readonly error?: string;
}

export interface ResultGroup {
  readonly key: string;
  readonly status: string;
  readonly exitCode?: number;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly error?: string;
  /** The longest duration in the group. */
  readonly durationMs?: number;
  readonly hosts: string[];
}

export const FINAL_TARGET_STATUSES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED']);

/** Final targets only, biggest group first, hosts by name within a group. */
export function groupResults(targets: readonly TargetResult[]): { groups: ResultGroup[]; finalStatuses: ReadonlySet<string> } {
  const byKey = new Map<string, { g: Omit<ResultGroup, 'hosts' | 'durationMs'>; hosts: string[]; durationMs?: number }>();
  for (const x of targets) {
    if (!FINAL_TARGET_STATUSES.has(x.status)) continue;
    const key = JSON.stringify([x.status, x.exitCode ?? null, x.stdout ?? '', x.stderr ?? '', x.error ?? '']);
    const entry = byKey.get(key) ?? { g: { key, status: x.status, exitCode: x.exitCode, stdout: x.stdout, stderr: x.stderr, error: x.error }, hosts: [] };
    entry.hosts.push(x.host);
    if (x.durationMs !== undefined) entry.durationMs = Math.max(entry.durationMs ?? 0, x.durationMs);
    byKey.set(key, entry);
  }
  const groups = [...byKey.values()]
    .map((e) => ({ ...e.g, durationMs: e.durationMs, hosts: e.hosts.sort() }))
    .sort((a, b) => b.hosts.length - a.hosts.length || a.key.localeCompare(b.key));
  return { groups, finalStatuses: FINAL_TARGET_STATUSES };
}
