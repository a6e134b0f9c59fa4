/**
 * `npm run bench`: every benchmark in test/bench, one after another, each beside its raw
 * baseline measured in the same run. Results go in docs/BENCHMARKS.md by hand, with machine and date.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = import.meta.dirname;
console.log(`${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · node ${process.version}\n`);
let failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`── ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit', timeout: 10 * 60_000 });
  if (r.status !== 0) failed++;
  console.log();
}
process.exit(failed ? 1 : 0);
