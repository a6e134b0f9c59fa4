/**
 * A job's results as the job page shows them: per-host results grouped by identical outcome and
 * output (like `ioms exec`), and the fold that keeps them while the job runs — the stored
 * targets, then every `jobProgressed` event after the seq they were read at. Applying an event
 * and reading a count cost O(1) (like the CLI's cli/jobs/job-progress.ts, whose rules it follows:
 * an event at or before the seq held is a repeat, a final target status is never taken back), so
 * 10,000 targets reporting cost O(events) — not a copy of every event so far per event. Pure; the
 * fold owns its state and changes nothing passed in. Import-free, so Node tests load it as it is.
 */

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

export interface JobProgressEvent {
  readonly seq: number;
  readonly type: string;
  readonly host?: string | null;
  readonly status: string;
  readonly data?: unknown;
}

export interface StoredTarget {
  readonly host: string;
  readonly status: string;
  readonly exitCode?: number | null;
  readonly signal?: string | null;
  readonly stdout?: string | null;
  readonly stderr?: string | null;
  readonly durationMs?: number | null;
  readonly error?: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export class JobResults {
  private readonly targets = new Map<string, TargetResult>();
  private readonly tally = new Map<string, number>();
  private jobStatus: string;
  private seq: number;

  constructor(job: { readonly status: string; readonly lastSeq: number; readonly targets: readonly StoredTarget[] }) {
    this.jobStatus = job.status;
    this.seq = job.lastSeq;
    for (const x of job.targets) {
      this.put({ host: x.host, status: x.status, exitCode: x.exitCode ?? undefined, signal: x.signal ?? undefined, stdout: x.stdout ?? undefined, stderr: x.stderr ?? undefined, durationMs: x.durationMs ?? undefined, error: x.error ?? undefined });
    }
  }

  get status(): string {
    return this.jobStatus;
  }

  /** The latest event applied: the subscription resumes after it. */
  get lastSeq(): number {
    return this.seq;
  }

  get total(): number {
    return this.targets.size;
  }

  /** Targets now in `status`. */
  count(status: string): number {
    return this.tally.get(status) ?? 0;
  }

  /** Targets in a final status. */
  done(): number {
    let n = 0;
    for (const s of FINAL_TARGET_STATUSES) n += this.count(s);
    return n;
  }

  target(host: string): TargetResult | undefined {
    return this.targets.get(host);
  }

  /** Every target's latest result, in the order first seen (O(targets): once per render, not per event). */
  results(): TargetResult[] {
    return [...this.targets.values()];
  }

  /** Folds in one event; false when it changed nothing (a repeat, or a final target reported again). */
  apply(ev: JobProgressEvent): boolean {
    if (ev.seq <= this.seq) return false;
    this.seq = ev.seq;
    if (ev.type === 'JOB') {
      const changed = this.jobStatus !== ev.status;
      this.jobStatus = ev.status;
      return changed;
    }
    if (ev.type !== 'TARGET' || !ev.host) return false;
    const prev = this.targets.get(ev.host);
    if (prev && FINAL_TARGET_STATUSES.has(prev.status)) return false;
    const d = (ev.data && typeof ev.data === 'object' ? ev.data : {}) as Record<string, unknown>;
    this.put({
      host: ev.host,
      status: ev.status,
      exitCode: num(d.exitCode) ?? prev?.exitCode,
      signal: str(d.signal) ?? prev?.signal,
      stdout: str(d.stdout) ?? prev?.stdout,
      stderr: str(d.stderr) ?? prev?.stderr,
      durationMs: num(d.durationMs) ?? prev?.durationMs,
      error: str(d.error) ?? prev?.error,
    });
    return true;
  }

  private put(result: TargetResult): void {
    const prev = this.targets.get(result.host);
    if (prev) this.tally.set(prev.status, this.count(prev.status) - 1);
    this.targets.set(result.host, result);
    this.tally.set(result.status, this.count(result.status) + 1);
  }
}
