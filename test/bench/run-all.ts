/**
 * `npm run bench`: every benchmark in test/bench, one after another, each beside its raw
 * baseline measured in the same run. At the end, issue 9's eight figures (each with its
 * baseline and ratio) as one table, and every figure as JSON (printed as `BENCH_ALL {...}` and
 * written to .ioms-bench/bench-<date>.json). Results go in docs/BENCHMARKS.md by hand, with
 * machine, date and load.
 *
 *   npm run bench               full run: fleet at 1,000 / 5,000 / 10,000 agents and 10,000 over
 *                               two replicas, 2 minutes of agent idle, and every other benchmark
 *   npm run bench -- --quick    under 5 minutes on a quiet machine: issue 9's figures only (fleet at 500 agents,
 *                               one fan-out, short idle windows); the others say they were skipped
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './fleet/report.js';

const quick = process.argv.includes('--quick');
const dir = import.meta.dirname;
/** Arguments per benchmark file (one run per list); a file not listed runs once without arguments. */
const runs: Record<string, string[][]> = quick
  ? {
      'fleet.bench.ts': [['--n', '500', '--quick']],
      'agent-footprint.bench.ts': [['--idle', '20']],
      'guarded-restart.bench.ts': [['--kills', '20']],
      'metrics-insert.bench.ts': [['--rows', '20000']],
    }
  : {
      'fleet.bench.ts': [['--n', '1000'], ['--n', '5000', '--runs', '2'], ['--n', '10000', '--runs', '2'], ['--n', '10000', '--runs', '1', '--replicas', '2']],
      'agent-footprint.bench.ts': [['--idle', '120']],
      'guarded-restart.bench.ts': [['--kills', '100']],
    };
const ITEMS = ['connect storm and server memory per agent', 'fan-out (runCommand and `ioms exec`)', 'reconnect storm after SIGKILL', 'convergence of a profile change', 'metric ingest on MariaDB', 'idle cost of the server', 'agent footprint', 'guarded-process restart latency'];

const started = Date.now();
const header = `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · node ${process.version} · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}${quick ? ' · --quick' : ''}`;
console.log(`${header}\n`);
const results: { bench: string; args: string[]; ok: boolean; seconds: number; json: Record<string, unknown>[] }[] = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (quick && !runs[file]) {
    console.log(`── ${file}: skipped in --quick (not one of issue 9's figures; \`npm run bench\` runs it)\n`);
    continue;
  }
  for (const args of runs[file] ?? [[]]) {
    console.log(`── ${file} ${args.join(' ')}`);
    const t0 = Date.now();
    const json: Record<string, unknown>[] = [];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60 * 60_000);
      let rest = '';
      child.stdout.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop()!;
        for (const line of lines) if (line.startsWith('BENCH_JSON ')) json.push(JSON.parse(line.slice('BENCH_JSON '.length)) as Record<string, unknown>);
      });
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const seconds = (Date.now() - t0) / 1000;
    results.push({ bench: file, args, ok: code === 0, seconds, json });
    console.log(`── ${file} ${args.join(' ')}: ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s\n`);
  }
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3));
const figures = results.flatMap((r) => r.json.flatMap((j) => (j.figures as Figure[] | undefined) ?? []));
const totalS = (Date.now() - started) / 1000;
console.log(`## Issue 9's figures (${header}; ${totalS.toFixed(0)} s in all)\n`);
console.log('| # | figure | IOMS | raw baseline, same run | ratio | target |');
console.log('|---|---|---|---|---|---|');
for (const [i, what] of ITEMS.entries()) {
  const mine = figures.filter((f) => f.item === i + 1);
  if (mine.length === 0) console.log(`| ${i + 1} | ${what}: **missing** (its benchmark failed or did not run) | | | | |`);
  for (const f of mine) console.log(`| ${i + 1} | ${f.name.trim()} (${f.unit}) | ${fmt(f.ioms)} | ${fmt(f.raw)} | ${f.ratio === null ? '—' : `${fmt(f.ratio)}×`} | ${f.target ?? ''} |`);
}
const failed = results.filter((r) => !r.ok);
console.log(`\n${results.length} runs, ${failed.length} failed${failed.length ? ` (${failed.map((r) => `${r.bench} ${r.args.join(' ')}`.trim()).join(', ')})` : ''}; ${totalS.toFixed(0)} s in all; load at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const all = { header, quick, seconds: totalS, load: os.loadavg(), runs: results };
fs.mkdirSync('.ioms-bench', { recursive: true });
const out = path.join('.ioms-bench', `bench-${new Date(started).toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
fs.writeFileSync(out, `${JSON.stringify(all, null, 2)}\n`);
console.log(`BENCH_ALL ${JSON.stringify(all)}`);
console.log(`(also written to ${out})`);
process.exit(failed.length ? 1 : 0);
