import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');
export const WEB_DIR = path.join(ROOT, 'web');
/**
 * The pure files outside web/ that the dashboard bundles (imported by relative path, like the
 * CLI imports them): test/manifests/imports.test.ts keeps this list equal to what web/src imports.
 */
export const DASHBOARD_SHARED_SOURCES = ['manifests/plan-groups.ts', 'manifests/rollout-fold.ts'] as const;
/** What the static export is built from: a newer file here means the export is stale. */
const SOURCES = [
  path.join(WEB_DIR, 'src'),
  path.join(WEB_DIR, 'next.config.mjs'),
  path.join(WEB_DIR, 'tsconfig.json'),
  path.join(ROOT, 'package-lock.json'),
  ...DASHBOARD_SHARED_SOURCES.map((f) => path.join(ROOT, f)),
];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why the dashboard needs building, or undefined when `web/out` is newer than its sources. */
export function dashboardStaleReason(outDir = path.join(WEB_DIR, 'out')): string | undefined {
  const built = newestMtime(path.join(outDir, 'index.html'));
  if (!built) return 'not built yet';
  const sources = Math.max(...SOURCES.map(newestMtime));
  return sources > built ? 'its sources changed since the last build' : undefined;
}

/** Runs `next build web` (a static export to web/out) in the foreground; throws when it fails. */
export function buildDashboard(opts: { quiet?: boolean } = {}): void {
  const next = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  const res = spawnSync(process.execPath, [next, 'build', 'web'], { cwd: ROOT, stdio: opts.quiet ? 'pipe' : 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`building the dashboard failed (exit ${res.status ?? res.signal})${opts.quiet ? `:\n${res.stdout}\n${res.stderr}` : ''}`);
}

/** Builds the dashboard when it is missing or older than its sources; returns whether it did. */
export function ensureDashboard(log: (line: string) => void, opts: { quiet?: boolean } = {}): boolean {
  const reason = dashboardStaleReason();
  if (!reason) return false;
  log(`Building the dashboard (${reason}); this takes a minute…`);
  buildDashboard(opts);
  return true;
}
