import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureDashboard, WEB_DIR } from '../../cli/dashboard-build.js';
import { waitFor } from './processes.js';

/** Debian's Chromium; `.ci/run` installs it. Never a downloaded browser. */
export const CHROMIUM = process.env.IOMS_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--lang=en-US'] });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core over the page as it is now: the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // A string, so the DOM types stay out of the Node test program.
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Where the browser tests save their screenshots (printed by the tests). */
export function screenshotDir(): string {
  const dir = process.env.IOMS_SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'ioms-dashboard-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** One lock per checkout: browser test files may run at once in several vitest workers. */
const BUILD_LOCK = path.join(os.tmpdir(), `ioms-dashboard-build-${crypto.createHash('sha256').update(WEB_DIR).digest('hex').slice(0, 12)}.lock`);

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * {@link ensureDashboard} for browser tests: builds `web/out` when it is missing or stale, one
 * worker at a time (two `next build`s into one `web/out` would break each other). A worker that
 * waited finds the build done and goes on; a lock left by a killed worker is taken over.
 */
export async function ensureDashboardBuilt(log: (line: string) => void = (line) => console.log(line)): Promise<void> {
  await waitFor(() => {
    try {
      fs.writeFileSync(BUILD_LOCK, String(process.pid), { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(BUILD_LOCK, 'utf8'));
      if (holder && !pidAlive(holder)) fs.rmSync(BUILD_LOCK, { force: true });
      return false;
    }
  }, 280_000, 'the dashboard build of another test worker');
  try {
    ensureDashboard(log, { quiet: true });
  } finally {
    fs.rmSync(BUILD_LOCK, { force: true });
  }
}
