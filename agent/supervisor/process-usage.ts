/**
 * CPU and resident memory of guarded processes, for the observed state (`cpu`, `rss`).
 *
 * A guarded process is spawned as the leader of its own process group (`process-tree.posix.ts`),
 * so its whole tree is the group: the platform reader sums every live member in one pass over the
 * process table. CPU is a rate, so it needs two readings: the first reading of a process gives
 * only its RSS, later ones the CPU use since the previous reading, in percent of one core (a
 * process busy on two cores reads 200).
 *
 * Platforms (sibling files): Linux reads `/proc/<pid>/stat` (`process-usage.linux.ts`); Windows
 * and the others report nothing (`process-usage.win32.ts` says why) and the fields stay absent.
 */
import * as linux from './process-usage.linux.js';
import * as win32 from './process-usage.win32.js';

/** What one reading found for one process group. */
export interface GroupTotals {
  /** CPU time of every live member so far (user + system, with reaped children's), in clock ticks. */
  readonly cpuTicks: number;
  readonly rssBytes: number;
}

/** Reads the totals of process groups; a group with no live member is left out. */
export interface UsageReader {
  readonly ticksPerSecond: number;
  read(pgids: readonly number[]): ReadonlyMap<number, GroupTotals>;
}

/** One guarded process's usage as reported. */
export interface ProcessUsage {
  /** Percent of one core since the previous reading; absent on the first one. */
  readonly cpu?: number;
  readonly rssBytes: number;
}

/** Readings closer together than this reuse the previous one (a rate over 200 ms is noise). @default 1 s */
export const MIN_SAMPLE_INTERVAL_MS = 1_000;

const UNAVAILABLE: UsageReader = { ticksPerSecond: 100, read: () => new Map() };

/** The platform's reader, picked once. */
export const platformUsageReader: UsageReader =
  process.platform === 'linux' ? linux.procUsageReader() : process.platform === 'win32' ? win32.windowsUsageReader() : UNAVAILABLE;

/**
 * CPU use between two readings of one group, in percent of one core, rounded to 0.1. Never
 * negative: a member that exited unreaped takes its ticks with it, which is not negative work.
 */
export function cpuPercentBetween(
  before: { readonly cpuTicks: number; readonly atMs: number },
  after: { readonly cpuTicks: number; readonly atMs: number },
  ticksPerSecond: number,
): number | undefined {
  const seconds = (after.atMs - before.atMs) / 1000;
  if (seconds <= 0) return undefined;
  const busy = Math.max(0, after.cpuTicks - before.cpuTicks) / ticksPerSecond;
  return Math.round((busy / seconds) * 1000) / 10;
}

/** Keeps the previous reading per process so that each sample yields a CPU rate. */
export class ProcessUsageSampler {
  private previous = new Map<number, { cpuTicks: number; atMs: number }>();
  private last: { atMs: number; usage: ReadonlyMap<number, ProcessUsage> } | undefined;
  private readonly reader: UsageReader;
  private readonly now: () => number;
  private readonly minIntervalMs: number;

  constructor(opts: { reader?: UsageReader; now?: () => number; minIntervalMs?: number } = {}) {
    this.reader = opts.reader ?? platformUsageReader;
    this.now = opts.now ?? Date.now;
    this.minIntervalMs = opts.minIntervalMs ?? MIN_SAMPLE_INTERVAL_MS;
  }

  /**
   * Usage of each of `pids` (group leaders) that runs; pids it cannot measure are left out. Pass
   * every guarded pid each time: a pid left out loses its previous reading.
   */
  sample(pids: readonly number[]): ReadonlyMap<number, ProcessUsage> {
    const atMs = this.now();
    if (this.last && atMs - this.last.atMs < this.minIntervalMs) {
      const cached = this.last.usage;
      return new Map(pids.flatMap((pid) => (cached.has(pid) ? [[pid, cached.get(pid)!] as const] : [])));
    }
    const totals = this.reader.read(pids);
    const usage = new Map<number, ProcessUsage>();
    const next = new Map<number, { cpuTicks: number; atMs: number }>();
    for (const [pid, t] of totals) {
      const before = this.previous.get(pid);
      const cpu = before ? cpuPercentBetween(before, { cpuTicks: t.cpuTicks, atMs }, this.reader.ticksPerSecond) : undefined;
      usage.set(pid, { rssBytes: t.rssBytes, ...(cpu !== undefined ? { cpu } : {}) });
      next.set(pid, { cpuTicks: t.cpuTicks, atMs });
    }
    this.previous = next;
    this.last = { atMs, usage };
    return usage;
  }
}
