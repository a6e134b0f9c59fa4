import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IOMS_BIN } from '../../helpers/processes.js';

export interface CliExecRun {
  /** Spawn of `ioms exec` → the process exited with every result printed. */
  readonly wallMs: number;
  /** Spawn → exit of `ioms --version` in the same setting: the CLI's start-up alone. */
  readonly startupMs: number;
  readonly results: number;
  readonly statuses: Record<string, number>;
}

/** A directory for a `--cpu-prof` profile of each CLI process (IOMS_BENCH_CLI_PROFILE), or none. */
const PROFILE_DIR = process.env.IOMS_BENCH_CLI_PROFILE;

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), IOMS_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.once('exit', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 }));
  });
}

/**
 * The fan-out through the real CLI: `ioms exec -l SELECTOR -o json -- echo hi` as a process
 * against the bench server (logged in through its config file), timed until it exits with
 * every result printed.
 */
export async function cliExec(server: string, token: string, selector: string, expect: number): Promise<CliExecRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-bench-cli-'));
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ server, token, username: 'admin' }), { mode: 0o600 });
  const env = { IOMS_CONFIG: config };
  try {
    const version = await run(['--version'], env);
    const r = await run(['--server', server, 'exec', '-l', selector, '--queue-for', '120s', '-o', 'json', '--', 'echo hi'], env);
    if (r.code !== 0) throw new Error(`ioms exec exited ${r.code}: ${r.stderr.slice(0, 500)}`);
    const out = JSON.parse(r.stdout) as { results: { status: string }[] };
    const statuses: Record<string, number> = {};
    for (const x of out.results) statuses[x.status] = (statuses[x.status] ?? 0) + 1;
    if (out.results.length !== expect) throw new Error(`ioms exec printed ${out.results.length} of ${expect} results`);
    return { wallMs: r.ms, startupMs: version.ms, results: out.results.length, statuses };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
