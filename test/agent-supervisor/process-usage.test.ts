import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cpuPercentBetween, ProcessUsageSampler, type GroupTotals, type UsageReader } from '../../agent/supervisor/process-usage.js';
import { parseUsageStat, procUsageReader, readGroupTotals } from '../../agent/supervisor/process-usage.linux.js';
import { waitFor } from '../helpers/processes.js';

/** A /proc/<pid>/stat line: utime, stime, cutime, cstime and rss are the fields that matter here. */
const statLine = (o: { pid: number; comm?: string; state?: string; pgrp: number; utime?: number; stime?: number; cutime?: number; cstime?: number; rss?: number }) =>
  `${o.pid} (${o.comm ?? 'sh'}) ${o.state ?? 'S'} 1 ${o.pgrp} ${o.pgrp} 0 -1 4194304 100 0 0 0 ${o.utime ?? 0} ${o.stime ?? 0} ${o.cutime ?? 0} ${o.cstime ?? 0} 20 0 1 0 12345 1000000 ${o.rss ?? 0} 18446744073709551615\n`;

describe('parsing /proc/<pid>/stat for usage', () => {
  const cases = [
    { name: 'a plain line', text: statLine({ pid: 7, pgrp: 7, utime: 10, stime: 5, cutime: 2, cstime: 1, rss: 300 }), want: { state: 'S', pgrp: 7, cpuTicks: 18, rssPages: 300 } },
    { name: 'a command name with spaces and parentheses', text: statLine({ pid: 8, comm: 'evil ) (name) 9 9', pgrp: 7, utime: 1, rss: 2 }), want: { state: 'S', pgrp: 7, cpuTicks: 1, rssPages: 2 } },
    { name: 'a zombie', text: statLine({ pid: 9, state: 'Z', pgrp: 7 }), want: { state: 'Z', pgrp: 7, cpuTicks: 0, rssPages: 0 } },
    { name: 'no closing parenthesis', text: '9 (sh S 1 2 3', want: undefined },
    { name: 'a truncated line', text: '9 (sh) S 1 7 7 0', want: undefined },
  ];
  it.each(cases)('$name', ({ text, want }) => {
    expect(parseUsageStat(text)).toEqual(want);
  });
});

describe('summing a process group from a /proc tree', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-proc-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const put = (pid: number, line: string) => {
    fs.mkdirSync(path.join(root, String(pid)), { recursive: true });
    fs.writeFileSync(path.join(root, String(pid), 'stat'), line);
  };
  put(100, statLine({ pid: 100, pgrp: 100, utime: 50, stime: 10, cutime: 5, rss: 1000 }));
  put(101, statLine({ pid: 101, pgrp: 100, utime: 30, rss: 500 }));
  put(102, statLine({ pid: 102, pgrp: 100, state: 'Z', utime: 99, rss: 0 }));
  put(200, statLine({ pid: 200, pgrp: 200, utime: 1, rss: 10 }));
  put(300, statLine({ pid: 300, pgrp: 300, utime: 7, rss: 70 }));
  fs.mkdirSync(path.join(root, 'self'));
  fs.mkdirSync(path.join(root, '400')); // exited between listing and reading: no stat file

  const cases: { name: string; pgids: number[]; want: [number, GroupTotals][] }[] = [
    { name: 'a leader, a child, a zombie skipped', pgids: [100], want: [[100, { cpuTicks: 95, rssBytes: 1500 * 4096 }]] },
    { name: 'two groups at once, an unknown one left out', pgids: [100, 200, 999], want: [[100, { cpuTicks: 95, rssBytes: 1500 * 4096 }], [200, { cpuTicks: 1, rssBytes: 10 * 4096 }]] },
    { name: 'nothing asked, nothing read', pgids: [], want: [] },
  ];
  it.each(cases)('$name', ({ pgids, want }) => {
    expect([...readGroupTotals(pgids, root, 4096)].sort((a, b) => a[0] - b[0])).toEqual(want);
  });

  it('a missing /proc reads as nothing measured', () => {
    expect(readGroupTotals([1], path.join(root, 'nope'), 4096).size).toBe(0);
  });
});

describe('CPU percent between two readings', () => {
  const cases = [
    { name: 'half a core', before: { cpuTicks: 0, atMs: 0 }, after: { cpuTicks: 50, atMs: 1000 }, want: 50 },
    { name: 'two cores busy', before: { cpuTicks: 100, atMs: 0 }, after: { cpuTicks: 500, atMs: 2000 }, want: 200 },
    { name: 'idle', before: { cpuTicks: 7, atMs: 0 }, after: { cpuTicks: 7, atMs: 60_000 }, want: 0 },
    { name: 'a member left with its ticks: not negative', before: { cpuTicks: 90, atMs: 0 }, after: { cpuTicks: 40, atMs: 1000 }, want: 0 },
    { name: 'no time passed: no rate', before: { cpuTicks: 0, atMs: 5 }, after: { cpuTicks: 3, atMs: 5 }, want: undefined },
    { name: 'rounded to a tenth', before: { cpuTicks: 0, atMs: 0 }, after: { cpuTicks: 1, atMs: 3000 }, want: 0.3 },
  ];
  it.each(cases)('$name', ({ before, after, want }) => {
    expect(cpuPercentBetween(before, after, 100)).toBe(want);
  });
});

describe('the sampler', () => {
  it('gives RSS first, CPU from the second reading on, and reuses a reading taken under a second ago', () => {
    let now = 0;
    let ticks = 0;
    let reads = 0;
    const reader: UsageReader = {
      ticksPerSecond: 100,
      read: (pgids) => {
        reads += 1;
        return new Map(pgids.filter((p) => p === 10).map((p) => [p, { cpuTicks: ticks, rssBytes: 4096 }]));
      },
    };
    const sampler = new ProcessUsageSampler({ reader, now: () => now });
    expect([...sampler.sample([10, 11])]).toEqual([[10, { rssBytes: 4096 }]]);
    now = 200;
    ticks = 100;
    expect(sampler.sample([10]).get(10)).toEqual({ rssBytes: 4096 });
    expect(reads).toBe(1);
    now = 2000;
    expect(sampler.sample([10]).get(10)).toEqual({ rssBytes: 4096, cpu: 50 });
    expect(reads).toBe(2);
  });
});

describe.runIf(process.platform === 'linux')('the real /proc reader on a real process tree', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('measures a busy child of a group leader (the whole tree) and its memory', async () => {
    // The leader sleeps; its child spins and holds 64 MiB: only the tree sum sees both.
    const busy = `const b = Buffer.alloc(64 * 1024 * 1024, 1); setInterval(() => b[0]++, 1000); for (;;) { if (Date.now() < 0) break; }`;
    child = spawn('/bin/sh', ['-c', `${JSON.stringify(process.execPath)} -e ${JSON.stringify(busy)} & wait`], { detached: true, stdio: 'ignore' });
    const pid = child.pid!;
    const sampler = new ProcessUsageSampler({ reader: procUsageReader(), minIntervalMs: 0 });
    await waitFor(() => (sampler.sample([pid]).get(pid)?.rssBytes ?? 0) > 64 * 1024 * 1024, 10_000, 'the child holds its buffer');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const usage = sampler.sample([pid]).get(pid);
    // A spinning loop on a loaded shared machine still gets a good share of a core.
    expect(usage?.cpu).toBeGreaterThan(10);
    expect(usage?.rssBytes).toBeGreaterThan(64 * 1024 * 1024);
    process.kill(-pid, 'SIGKILL');
    await waitFor(() => !sampler.sample([pid]).has(pid), 5_000, 'the group gone');
  });
});
