import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CommandInstructionOf } from '../../protocol/index.js';

/** The bundle being replaced, kept for rollback: `<bundle>.prev.mjs`. */
const PREVIOUS_SUFFIX = '.prev.mjs';
/** Written when a new bundle is swapped in; removed once it connected. */
export const UPGRADE_MARKER = 'upgrade.json';
/** Exit code that asks the service manager to start the agent again (systemd Restart=always). */
export const RESTART_EXIT_CODE = 75;
/** A trial run of the new bundle must connect within this. @default 30 s */
export const TRIAL_DEADLINE_MS = 30_000;
/** After the swap, the new bundle must connect within this or the previous one comes back. @default 120 s */
export const CONNECT_DEADLINE_MS = 120_000;

export class UpgradeError extends Error {}

/** The bundle this agent runs from, or undefined when it runs from source (no self-upgrade then). */
export function runningBundle(argv1 = process.argv[1]): string | undefined {
  if (!argv1 || !argv1.endsWith('.mjs')) return undefined;
  try {
    return fs.statSync(argv1).isFile() ? path.resolve(argv1) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Self-upgrade, the original "updateself":
 *
 *   download + verify ──▶ trial run (connects with this host's credential?) ──no──▶ FAILED, nothing changed
 *        │ yes
 *        ▼
 *   keep current as .prev.mjs, rename new into place, write upgrade.json ──▶ report, exit 75
 *        ▼ (service manager restarts)
 *   new bundle connects ──▶ upgrade.json removed      doesn't within the deadline ──▶ .prev.mjs back, exit 75
 */
export async function installBundle(opts: {
  instruction: CommandInstructionOf<'UPGRADE_AGENT'>;
  stateDir: string;
  download: (dest: string) => Promise<void>;
  trialArgs: string[];
  bundle?: string;
}): Promise<string> {
  const bundle = opts.bundle ?? runningBundle();
  if (!bundle) throw new UpgradeError('self-upgrade needs the agent to run from its one-file bundle (npm run build:agent), under a service manager');
  const next = `${bundle.slice(0, -'.mjs'.length)}.next.mjs`;
  await opts.download(next);
  const trial = await trialRun(next, opts.trialArgs);
  if (!trial.ok) {
    await fs.promises.rm(next, { force: true });
    throw new UpgradeError(`the new bundle did not connect in a trial run, so nothing changed: ${trial.detail}`);
  }
  const previous = `${bundle.slice(0, -'.mjs'.length)}${PREVIOUS_SUFFIX}`;
  await fs.promises.copyFile(bundle, previous);
  await fs.promises.chmod(next, 0o755).catch(() => undefined);
  await fs.promises.rename(next, bundle);
  await fs.promises.writeFile(path.join(opts.stateDir, UPGRADE_MARKER), JSON.stringify({ bundle, previous, at: new Date().toISOString(), artifact: opts.instruction.payload.artifact.sha256 }));
  return `installed ${opts.instruction.payload.artifact.sha256.slice(0, 12)} (${trial.detail}); the agent restarts now, and goes back to the previous bundle if the new one cannot connect within ${CONNECT_DEADLINE_MS / 1000} s`;
}

function trialRun(bundle: string, args: string[]): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, 'agent', ...args, '--trial-connect'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: TRIAL_DEADLINE_MS });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-4000)));
    child.stderr.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-4000)));
    child.once('error', (err) => resolve({ ok: false, detail: err.message }));
    child.once('exit', (code, signal) => {
      const version = /"trialVersion":"([^"]+)"/.exec(out)?.[1];
      resolve(code === 0 ? { ok: true, detail: `version ${version ?? '?'} connected` } : { ok: false, detail: `exit ${code ?? signal}: ${out.trim().split('\n').slice(-2).join(' | ')}` });
    });
  });
}

/**
 * At start: when the last start swapped a bundle in, arms the rollback — unless `connected()` is
 * called within the deadline, the previous bundle is restored and the agent exits to be restarted.
 */
export function armRollback(stateDir: string, onRollback: (message: string) => void, deadlineMs = CONNECT_DEADLINE_MS): { connected(): void } {
  const markerFile = path.join(stateDir, UPGRADE_MARKER);
  let marker: { bundle: string; previous: string } | undefined;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as { bundle: string; previous: string };
  } catch {
    return { connected: () => undefined };
  }
  const timer = setTimeout(() => {
    try {
      fs.copyFileSync(marker!.previous, marker!.bundle);
      fs.rmSync(markerFile, { force: true });
      onRollback(`the new bundle did not connect within ${deadlineMs / 1000} s; restored the previous one`);
    } finally {
      process.exit(RESTART_EXIT_CODE);
    }
  }, deadlineMs);
  timer.unref();
  return {
    connected: () => {
      clearTimeout(timer);
      fs.rmSync(markerFile, { force: true });
    },
  };
}
