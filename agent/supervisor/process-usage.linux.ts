/**
 * Process-group usage on Linux from `/proc/<pid>/stat`: one pass over the process table per
 * reading, summing every live member of each asked-for group. `statm` is not needed: field 24 of
 * `stat` is the same resident page count. Zombies are skipped (they run nothing and hold no
 * memory); a member's CPU time moves into its parent's `cutime`/`cstime` when it is reaped, so
 * counting those keeps the group's total from dropping when a child the tree reaps exits.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { GroupTotals, UsageReader } from './process-usage.js';

/** The `/proc/<pid>/stat` fields a usage reading needs. */
export interface UsageStat {
  readonly state: string;
  readonly pgrp: number;
  /** utime + stime + cutime + cstime, in clock ticks. */
  readonly cpuTicks: number;
  readonly rssPages: number;
}

/** Parses `/proc/<pid>/stat` (the command name may contain spaces and parentheses). */
export function parseUsageStat(text: string): UsageStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  // After "pid (comm) ": state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(14) stime cutime cstime ... rss(24)
  const f = text.slice(close + 2).trim().split(/\s+/);
  const state = f[0];
  const numbers = [f[2], f[11], f[12], f[13], f[14], f[21]].map(Number);
  if (state === undefined || numbers.some((n) => !Number.isFinite(n))) return undefined;
  const [pgrp, utime, stime, cutime, cstime, rssPages] = numbers as [number, number, number, number, number, number];
  return { state, pgrp, cpuTicks: utime + stime + cutime + cstime, rssPages };
}

/** A `getconf` value, or `fallback` when getconf is missing or prints something else. */
function getconf(name: string, fallback: number): number {
  try {
    const n = Number(execFileSync('getconf', [name], { encoding: 'utf8', timeout: 2_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(n) && n > 0 ? n : fallback;
  } catch {
    return fallback;
  }
}

/** Sums the live members of `pgids` found under `procRoot`. */
export function readGroupTotals(pgids: readonly number[], procRoot: string, pageSize: number): Map<number, GroupTotals> {
  const wanted = new Set(pgids);
  const out = new Map<number, { cpuTicks: number; rssBytes: number }>();
  if (wanted.size === 0) return out;
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: UsageStat | undefined;
    try {
      stat = parseUsageStat(readFileSync(`${procRoot}/${entry}/stat`, 'utf8'));
    } catch {
      continue; // exited between the listing and the read
    }
    if (stat === undefined || !wanted.has(stat.pgrp) || stat.state === 'Z' || stat.state === 'X') continue;
    const sum = out.get(stat.pgrp) ?? { cpuTicks: 0, rssBytes: 0 };
    sum.cpuTicks += stat.cpuTicks;
    sum.rssBytes += stat.rssPages * pageSize;
    out.set(stat.pgrp, sum);
  }
  return out;
}

/** The reader over the real /proc; page size and USER_HZ are asked of `getconf` once. */
export function procUsageReader(procRoot = '/proc'): UsageReader {
  let constants: { pageSize: number; ticksPerSecond: number } | undefined;
  const lazy = () => (constants ??= { pageSize: getconf('PAGESIZE', 4096), ticksPerSecond: getconf('CLK_TCK', 100) });
  return {
    get ticksPerSecond() {
      return lazy().ticksPerSecond;
    },
    read: (pgids) => readGroupTotals(pgids, procRoot, lazy().pageSize),
  };
}
