/**
 * `npm run bench`: every benchmark in test/bench, one after another, each beside its raw
 * baseline measured in the same run. Results go in docs/BENCHMARKS.md by hand, with machine and date.
 *
 *   npm run bench               full run (fleet benchmarks at 1,000 / 5,000 / 10,000 agents)
 *   npm run bench -- --quick    a few minutes: fleet at 1,000 agents, one fan-out, short idle window
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const quick = process.argv.includes('--quick');
const dir = import.meta.dirname;
/** Arguments per benchmark file; a file not listed runs once without arguments. */
const runs: Record<string, string[][]> = quick
  ? { 'fleet.bench.ts': [['--n', '1000', '--quick']], 'link.bench.ts': [['1000']], 'job-history.bench.ts': [['200000']] }
  : { 'fleet.bench.ts': [['--n', '1000'], ['--n', '5000', '--runs', '2'], ['--n', '10000', '--runs', '2']] };
console.log(`${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · node ${process.version} · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}${quick ? ' · --quick' : ''}\n`);
let failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  for (const args of runs[file] ?? [[]]) {
    console.log(`── ${file} ${args.join(' ')}`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file), ...args], { stdio: 'inherit', timeout: 40 * 60_000 });
    if (r.status !== 0) failed++;
    console.log();
  }
}
process.exit(failed ? 1 : 0);
