/**
 * Per-host results folded into groups of identical outcome, the way `pssh`/`salt` summaries
 * read: hosts with the same status, exit code, stdout, stderr and error are printed once.
 * Pure: targets in, text or plain data out.
 */
import { foldHostNames } from './host-ranges.js';
import type { JobTargetWire, TargetStatus } from './job-wire.js';

/** The fields of a target that decide and show its outcome. */
export type TargetResult = Pick<JobTargetWire, 'host' | 'status' | 'exitCode' | 'stdout' | 'stderr' | 'durationMs' | 'error'> &
  Partial<Pick<JobTargetWire, 'stdoutTruncated' | 'stderrTruncated' | 'signal'>>;

export interface ResultGroup {
  /** Sorted host names. */
  readonly hosts: readonly string[];
  readonly status: TargetStatus;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: string | null;
  readonly stdoutTruncated: boolean;
  readonly stderrTruncated: boolean;
}

/** Display order: successes first, so the failures end up next to the summary line. */
const STATUS_ORDER: readonly TargetStatus[] = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'UNREACHABLE', 'CANCELLED', 'RUNNING', 'SENT', 'QUEUED'];

const byHost = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function groupResults(targets: readonly TargetResult[]): ResultGroup[] {
  const groups = new Map<string, { hosts: string[]; first: TargetResult; stdoutTruncated: boolean; stderrTruncated: boolean }>();
  for (const t of targets) {
    const key = JSON.stringify([t.status, t.exitCode, t.stdout ?? '', t.stderr ?? '', t.error ?? null]);
    const g = groups.get(key);
    if (g) {
      g.hosts.push(t.host);
      g.stdoutTruncated ||= Boolean(t.stdoutTruncated);
      g.stderrTruncated ||= Boolean(t.stderrTruncated);
    } else groups.set(key, { hosts: [t.host], first: t, stdoutTruncated: Boolean(t.stdoutTruncated), stderrTruncated: Boolean(t.stderrTruncated) });
  }
  return [...groups.values()]
    .map(
      (g): ResultGroup => ({
        hosts: [...g.hosts].sort(byHost),
        status: g.first.status,
        exitCode: g.first.exitCode,
        signal: g.first.signal ?? null,
        stdout: g.first.stdout ?? '',
        stderr: g.first.stderr ?? '',
        error: g.first.error ?? null,
        stdoutTruncated: g.stdoutTruncated,
        stderrTruncated: g.stderrTruncated,
      }),
    )
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || b.hosts.length - a.hosts.length || byHost(a.hosts[0]!, b.hosts[0]!));
}

const INDENT = '    ';

function indentBlock(text: string): string[] {
  return text.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => `${INDENT}${line}`.trimEnd());
}

/** One header line per group (`web-[01-03] (3 hosts): SUCCEEDED, exit 0`), then its output indented. */
export function renderGroups(groups: readonly ResultGroup[]): string {
  const blocks = groups.map((g) => {
    const who = g.hosts.length > 1 ? `${foldHostNames(g.hosts)} (${g.hosts.length} hosts)` : g.hosts[0]!;
    const facts = [g.status, g.exitCode !== null ? `exit ${g.exitCode}` : null, g.signal ? `signal ${g.signal}` : null, g.error].filter(Boolean);
    const lines = [`${who}: ${facts.join(', ')}`];
    if (g.stdout) lines.push(...indentBlock(g.stdout));
    if (g.stdoutTruncated) lines.push(`${INDENT}[stdout truncated]`);
    if (g.stderr || g.stderrTruncated) lines.push('  stderr:');
    if (g.stderr) lines.push(...indentBlock(g.stderr));
    if (g.stderrTruncated) lines.push(`${INDENT}[stderr truncated]`);
    return lines.join('\n');
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

/** `3 hosts: 2 succeeded, 1 failed` — every status present, in display order. */
export function countLine(targets: readonly Pick<TargetResult, 'status'>[]): string {
  const parts = STATUS_ORDER.map((s) => [s, targets.filter((t) => t.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s.toLowerCase().replace('_', ' ')}`);
  return `${targets.length} host${targets.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

const JOB_STATUS_NOTES: Record<string, string> = {
  STOPPED: 'failures passed the budget, nothing more was dispatched',
  CANCELLED: 'cancelled',
  PAUSED: 'paused',
};

/** The final line: counts, the job and how long it took. */
export function summaryLine(jobId: string, jobStatus: string, targets: readonly Pick<TargetResult, 'status'>[], elapsedMs?: number): string {
  const note = JOB_STATUS_NOTES[jobStatus];
  const job = `job ${jobId} ${jobStatus}${note && note !== jobStatus.toLowerCase() ? ` (${note})` : ''}`;
  return `${countLine(targets)} · ${job}${elapsedMs !== undefined ? ` · ${formatElapsed(elapsedMs, true)}` : ''}`;
}

/** `850ms`, `7.2s` (precise) or `7s`, `1m05s`, `2h03m`. */
export function formatElapsed(ms: number, precise = false): string {
  if (precise && ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 60_000) return precise ? `${(ms / 1000).toFixed(1)}s` : `${Math.floor(ms / 1000)}s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** True when every target SUCCEEDED (and there was at least one). */
export function allSucceeded(targets: readonly Pick<TargetResult, 'status'>[]): boolean {
  return targets.length > 0 && targets.every((t) => t.status === 'SUCCEEDED');
}

export interface JsonResult {
  host: string;
  status: TargetStatus;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number | null;
}

/**
 * What `ioms exec -o json` prints: exactly `{ job, results }`, the job id as a number, results
 * sorted by host, output as strings (`""` when there was none).
 */
export function jsonResults(jobId: string, targets: readonly TargetResult[]): { job: number; results: JsonResult[] } {
  return {
    job: Number(jobId),
    results: [...targets]
      .sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0))
      .map((t) => ({ host: t.host, status: t.status, exitCode: t.exitCode, stdout: t.stdout ?? '', stderr: t.stderr ?? '', durationMs: t.durationMs })),
  };
}
