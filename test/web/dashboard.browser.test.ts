import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HostRecord, MetricSampleRecord } from '../../db/entities/index.js';
import { ensureDashboardBuilt, launchChromium, screenshotDir, seriousAxeViolations } from '../helpers/browser.js';
import { gql, login } from '../helpers/graphql.js';
import { spawnAgent, waitFor, type AgentProcess } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const AGENT = 'web-agent';
const XSS = '<img src=x onerror=window.__xss=1>';
const HOSTILE_HOST = `${XSS}\u001b[31mhost`;
const EXAMPLES = path.join(import.meta.dirname, '..', '..', 'manifests', 'examples');

/**
 * The dashboard in Debian's Chromium against a real server and a real agent process: sign-in,
 * live status, a command's output arriving, a guarded-process restart, the agent going offline,
 * Chinese, accessibility, hostile data as text. Screenshots of every page go to screenshotDir().
 */
describe('the dashboard in a browser', () => {
  let dir: string;
  let server: TestServer;
  let agent: AgentProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const shots = screenshotDir();
  const errors: string[] = [];

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  };
  const axeClean = async (what: string) => {
    const v = await seriousAxeViolations(page);
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  const goto = async (p: string) => {
    await page.goto(`${server.url}${p}`);
  };

  beforeAll(async () => {
    await ensureDashboardBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-web-e2e-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`, { IOMS_ALIVE_WINDOW: '60', IOMS_LIVENESS_SWEEP_SECONDS: '1' });
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => ({ path: f, content: fs.readFileSync(path.join(EXAMPLES, f), 'utf8') }));
    const applied = await gql<{ applyManifests: { applied: boolean; errors: unknown[] } }>(server.url, 'mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { applied errors { message } } }', { i: { files } }, token);
    expect(applied.data?.applyManifests.errors).toEqual([]);
    const enroll = await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, token);
    agent = spawnAgent(['--server', server.url, '--name', AGENT, '--state-dir', path.join(dir, 'agent'), '--labels', 'role=demo,env=dev', '--heartbeat-interval', '1s', '--metrics-interval', '5s', '--token', enroll.data!.createEnrollmentToken.token]);
    // Hostile data as a compromised or older writer could have left it: straight into the table.
    const em = server.services.orm.em.fork();
    em.create(HostRecord, { name: HOSTILE_HOST, credentialHash: 'x'.repeat(64), agentLabels: { note: XSS }, serverLabels: {}, enrolledAt: new Date(), online: false, alive: false, lastAddress: '127.0.0.1' });
    await em.flush();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    console.log(`dashboard screenshots: ${shots}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.stop('SIGKILL');
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends a visitor without a session to the login page, keeping the place', async () => {
    await goto('/hosts/?status=ONLINE');
    await page.waitForURL(/\/login\/\?next=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('next') ?? '')).toBe('/hosts/?status=ONLINE');
    await page.getByLabel('Username').waitFor();
    await shot('01-login');
    await axeClean('login');
  });

  it('signs in and returns to the kept place; the script never sees the token', async () => {
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/hosts\/\?status=ONLINE/);
    expect(await page.evaluate('document.cookie')).not.toContain('ioms_session');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'ioms_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('shows the local agent online in the hosts table', async () => {
    await goto('/hosts/');
    const row = page.locator(`tr[data-host="${AGENT}"]`);
    await row.locator('[data-status="online"]').waitFor({ timeout: 30_000 });
    await shot('03-hosts');
    await axeClean('hosts');
  });

  it('shows hostile host names and labels as text', async () => {
    const hostile = page.locator('tr[data-host]').filter({ hasText: XSS }).first();
    await hostile.waitFor();
    expect(await hostile.locator('a.host-link').textContent()).toBe(`${XSS}\u001b[31mhost`);
    expect(await hostile.locator('.chip').first().textContent()).toBe(`note=${XSS}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
  });

  it('reports a selector error inline', async () => {
    await page.getByTestId('selector').fill('role in (');
    await page.locator('#selector-help.field-error').waitFor();
    expect((await page.locator('#selector-help').textContent())?.length).toBeGreaterThan(5);
    await shot('04-hosts-selector-error');
    await page.getByTestId('selector').fill('role=demo');
    await page.locator(`tr[data-host="${AGENT}"]`).waitFor();
    expect(await page.locator('tr[data-host]').count()).toBe(1);
  });

  it('sorts on the server: a header click asks for the first page in that order', async () => {
    await goto('/hosts/');
    await page.locator('tr[data-host]').nth(1).waitFor();
    // By name, "<img…" sorts before "web-agent"; descending puts the agent first.
    expect(await page.locator('tr[data-host]').first().getAttribute('data-host')).not.toBe(AGENT);
    const byName = page.locator('th[data-sort="name"] button');
    await byName.click();
    await page.locator('th[data-sort="name"][aria-sort="ascending"]').waitFor();
    await byName.click();
    await page.waitForURL(/sort=name&dir=desc/);
    await page.locator(`tr[data-host]:first-child[data-host="${AGENT}"]`).waitFor();
    // CPU ascending: the hostile host idles at 0 % (a sample of its own); the agent has more, or
    // no sample yet (hosts without samples come last either way).
    const em = server.services.orm.em.fork();
    const hostile = await em.findOneOrFail(HostRecord, { name: HOSTILE_HOST });
    await em.insertMany(MetricSampleRecord, [{ hostId: hostile.id, atMs: Date.now(), cpuPercent: 0, load1: 0, load5: 0, load15: 0, memUsedBytes: 1, memTotalBytes: 2, swapUsedBytes: 0, swapTotalBytes: 0, netRxBytesPerSec: 0, netTxBytesPerSec: 0, processCount: 1, disks: [] }]);
    const byCpu = page.locator('th[data-sort="cpu"] button');
    await byCpu.click();
    await page.locator('th[data-sort="cpu"][aria-sort="descending"]').waitFor();
    await byCpu.click();
    await page.locator('th[data-sort="cpu"][aria-sort="ascending"]').waitFor();
    await page.waitForURL((u) => u.search.includes('sort=cpu') && !u.search.includes('dir=desc'));
    await page.locator('tr[data-host]:first-child').filter({ hasText: XSS }).waitFor();
    expect(await page.locator('th[data-sort="os"], th[data-sort="labels"]').count()).toBe(0);
    await shot('03b-hosts-sorted-by-cpu');
  }, 60_000);

  it('shows the agent on the overview and its fleet map, and a tile click opens the host', async () => {
    await goto('/');
    await page.locator('[data-testid="fleet-map"][data-tiles="2"]').waitFor();
    await page.getByTestId('fleet-stats').getByText('Online').waitFor();
    await shot('02-overview');
    await axeClean('overview');
    // The agent sorts after "<img…": its tile is the second.
    const box = (await page.locator('[data-testid="fleet-map"] canvas').boundingBox())!;
    await page.mouse.click(box.x + 28 + 3 + 14, box.y + 14);
    await page.waitForURL(/\/host\/\?name=web-agent/);
    await page.getByTestId('host-name').waitFor();
  });

  it('kill -9 of a guarded process shows up as a restart on the host page without a reload', async () => {
    await page.locator('[data-testid="processes"] td', { hasText: 'demo-sleeper' }).waitFor({ timeout: 30_000 });
    const pid = await waitFor(async () => {
      const r = await gql<{ host: { observedState: { processes: { name: string; pid?: number; state: string }[] } | null } }>(server.url, '{ host(name: "web-agent") { observedState } }', {}, token);
      const p = r.data?.host.observedState?.processes.find((x) => x.name === 'demo-sleeper');
      return p?.state === 'RUNNING' ? p.pid : undefined;
    }, 30_000, 'demo-sleeper running');
    await shot('05-host');
    await axeClean('host');
    const url = page.url();
    process.kill(pid, 'SIGKILL');
    await page.locator('[data-testid="restart-history"] td', { hasText: 'demo-sleeper' }).first().waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(url);
    await shot('06-host-after-restart');
  });

  it('draws the availability timeline over the chart range', async () => {
    await page.locator('.timeline-axis', { hasText: '1 h ago' }).waitFor();
    await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: '7 d' }).click();
    await page.locator('.timeline-axis', { hasText: '7 d ago' }).waitFor();
    await page.getByRole('heading', { name: 'Availability, last 7 d' }).waitFor();
    await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: '1 h' }).click();
  });

  it('runs a command and shows its output live, as text with ANSI colours', async () => {
    await goto(`/run/?hosts=${AGENT}`);
    await page.getByTestId('run-count').getByText('1 host').waitFor();
    await page.getByTestId('run-command').fill(`printf '%s\\033[31mRED\\033[0m\\n' '${XSS}'; sleep 1; echo done`);
    await shot('07-run-form');
    await axeClean('run');
    await page.getByTestId('run-submit').click();
    const viewer = page.getByTestId('output-viewer');
    await viewer.locator('pre').first().waitFor({ timeout: 30_000 });
    expect(await viewer.locator('pre').first().textContent()).toBe(`${XSS}RED\ndone\n`);
    expect(await viewer.locator('.ansi-red').textContent()).toBe('RED');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    await page.locator('[data-testid="job-live"][data-status="COMPLETED"]').waitFor({ timeout: 30_000 });
    await shot('08-run-result');
  });

  it('lists the job and opens its detail', async () => {
    await goto('/jobs/');
    const link = page.getByTestId('jobs-table').getByRole('link').first();
    await link.waitFor();
    await shot('09-jobs');
    await axeClean('jobs');
    await link.click();
    await page.getByTestId('output-viewer').waitFor();
    await shot('10-job');
    await axeClean('job');
  });

  it('switches to Chinese and remembers it', async () => {
    await goto('/');
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByRole('navigation').getByText('主机').waitFor();
    expect(await page.locator('h1').first().textContent()).toBe('总览');
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    await shot('11-overview-zh');
    await goto('/hosts/');
    await page.getByRole('heading', { name: '主机' }).waitFor();
    await shot('12-hosts-zh');
    await goto(`/host/?name=${AGENT}`);
    await page.getByText('守护进程').waitFor();
    await shot('13-host-zh');
    await axeClean('host (zh)');
    await page.getByTestId('language').selectOption('en');
  });

  it('shows the host offline without a reload when the agent stops', async () => {
    await goto(`/host/?name=${AGENT}`);
    await page.locator('.page-head [data-status="online"]').waitFor();
    const url = page.url();
    await agent.stop('SIGTERM');
    await page.locator('.page-head [data-status="alive"]').waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(url);
    await shot('14-host-offline');
  });

  it('shows a viewer no action it may not take', async () => {
    const created = await gql(server.url, 'mutation { createUser(input: { username: "vera", password: "vera-viewer-pw", role: VIEWER }) { username } }', {}, token);
    expect(created.errors).toBeUndefined();
    const viewer = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      const p = await viewer.newPage();
      await p.goto(`${server.url}/login/?next=${encodeURIComponent(`/host/?name=${AGENT}`)}`);
      await p.getByLabel('Username').fill('vera');
      await p.getByLabel('Password').fill('vera-viewer-pw');
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByTestId('host-name').waitFor();
      await p.getByTestId('user').getByText('viewer').waitFor();
      expect(await p.getByRole('navigation').getByText('Run command').count()).toBe(0);
      expect(await p.getByRole('link', { name: 'Run command' }).count()).toBe(0);
      await p.goto(`${server.url}/run/`);
      await p.getByText('Your role may not run commands.').waitFor();
      expect(await p.getByTestId('run-submit').count()).toBe(0);
    } finally {
      await viewer.close();
    }
  });

  it('signs out back to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login\/$/);
    await goto('/');
    await page.waitForURL(/\/login\/\?next=/);
    expect(errors).toEqual([]);
  });
});
