import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HostRecord } from '../../db/entities/index.js';
import { ensureDashboardBuilt, launchChromium, screenshotDir, seriousAxeViolations } from '../helpers/browser.js';
import { codes, gql, login } from '../helpers/graphql.js';
import { runCli, spawnAgent, waitFor, type AgentProcess } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const AGENT = 'admin-agent';
const XSS = '<img src=x onerror=window.__xss=1>';
const HOSTILE_HOST = `${XSS}host`;
const VIEWER = 'vicky';
const VIEWER_PASSWORD = 'vicky-viewer-pw-1';

/**
 * The part-2 pages of the dashboard (Reports, Audit log, Admin) in Debian's Chromium against a
 * real server and a real agent: the availability CSV the page downloads is the file
 * `ioms report availability -o csv` writes for the same range; a viewer made in the admin page is
 * refused the admin pages (and the server refuses the mutation); the audit page finds the
 * sign-ins and the createUser, filtered; axe on every page; screenshots in both languages.
 */
describe('reports, audit and admin pages in a browser', () => {
  let dir: string;
  let server: TestServer;
  let agent: AgentProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cliEnv: Record<string, string>;
  const shots = screenshotDir();
  const errors: string[] = [];

  const shot = async (p: Page, name: string) => {
    await p.waitForTimeout(250);
    await p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  };
  const axeClean = async (p: Page, what: string) => {
    const v = await seriousAxeViolations(p);
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  const signIn = async (p: Page, user: string, password: string, next: string) => {
    await p.goto(`${server.url}/login/?next=${encodeURIComponent(next)}`);
    await p.getByLabel('Username').fill(user);
    await p.getByLabel('Password').fill(password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL((u) => u.pathname === next.split('?')[0]);
  };
  const noInjectedHtml = async (p: Page) => {
    expect(await p.locator('img[src="x"]').count()).toBe(0);
    expect(await p.evaluate('window.__xss')).toBeUndefined();
  };

  beforeAll(async () => {
    await ensureDashboardBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-web-admin-'));
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`, { IOMS_ALIVE_WINDOW: '60', IOMS_LIVENESS_SWEEP_SECONDS: '1' });
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const enroll = await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1, description: "test agent" }) { token } }', {}, token);
    agent = spawnAgent(['--server', server.url, '--name', AGENT, '--state-dir', path.join(dir, 'agent'), '--labels', 'role=demo', '--heartbeat-interval', '1s', '--metrics-interval', '5s', '--token', enroll.data!.createEnrollmentToken.token]);
    const em = server.services.orm.em.fork();
    em.create(HostRecord, { name: HOSTILE_HOST, credentialHash: 'x'.repeat(64), agentLabels: { role: XSS }, serverLabels: {}, enrolledAt: new Date(), online: false, alive: false, lastAddress: '127.0.0.1' });
    await em.flush();
    cliEnv = { IOMS_CONFIG: path.join(dir, 'cli.json') };
    const cli = await runCli(['--server', server.url, 'login', '--user', 'admin'], { ...cliEnv, IOMS_PASSWORD: ADMIN_PASSWORD });
    expect(cli.code, cli.stderr).toBe(0);
    await waitFor(async () => {
      const r = await gql<{ host: { online: boolean } | null }>(server.url, `{ host(name: "${AGENT}") { online } }`, {}, token);
      return r.data?.host?.online || undefined;
    }, 30_000, 'agent online');
    // A finished job, so the commands report has figures.
    const job = await gql<{ runCommand: { id: string } }>(server.url, 'mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: { hosts: [AGENT], command: 'echo report-me' } }, token);
    expect(job.errors).toBeUndefined();
    await waitFor(async () => {
      const r = await gql<{ job: { status: string } }>(server.url, 'query($id: ID!) { job(id: $id) { status } }', { id: job.data!.runCommand.id }, token);
      return r.data?.job.status === 'COMPLETED' || undefined;
    }, 30_000, 'job completed');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    console.log(`admin/report/audit screenshots: ${shots}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.stop('SIGKILL');
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the availability report as the same CSV `ioms report availability -o csv` writes', async () => {
    await signIn(page, 'admin', ADMIN_PASSWORD, '/reports/');
    await page.getByTestId('preset-24h').click();
    await page.waitForURL(/from=/);
    const table = page.getByTestId('report-table-availability');
    await table.getByText(AGENT).waitFor();
    await noInjectedHtml(page);
    await shot(page, '20-report-availability');
    await axeClean(page, 'reports (availability)');
    const url = new URL(page.url());
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-availability').click()]);
    const fromPage = fs.readFileSync((await download.path())!, 'utf8');
    const cli = await runCli(['--server', server.url, '-o', 'csv', 'report', 'availability', '--from', from, '--to', to], cliEnv);
    expect(cli.code, cli.stderr).toBe(0);
    expect(fromPage).toBe(cli.stdout);
    const lines = fromPage.split('\r\n');
    expect(lines[0]).toBe('group,period_start,period_end,hosts,availability_pct,downtime_min,outages,longest_outage_min,monitored_min');
    expect(lines.some((l) => l.startsWith(`${AGENT},${from},${to},1,`))).toBe(true);
  });

  it('shows every other report kind with its chart and tables', async () => {
    for (const [i, kind] of ['resources', 'restarts', 'cron', 'commands', 'changes'].entries()) {
      await page.getByTestId(`report-kind-${kind}`).click();
      await page.waitForURL(new RegExp(`kind=${kind}`));
      await page.locator('[data-testid="report-scope"]').waitFor();
      await page.locator('.report-body:not(.stale)').waitFor();
      await shot(page, `2${i + 1}-report-${kind}`.replace('25-report-changes', '26-report-changes'));
      await axeClean(page, `reports (${kind})`);
    }
    await page.getByTestId('report-kind-availability').click();
    await page.waitForURL(/kind=availability/);
    await page.getByTestId('report-period').selectOption('DAY');
    await page.waitForURL(/per=DAY/);
    await page.getByTestId('report-by').selectOption('label');
    await page.getByTestId('report-label-key').fill('role');
    await page.getByTestId('report-apply').click();
    await page.waitForURL(/by=label%3Arole/);
    await page.getByTestId('report-table-availability').getByText('demo', { exact: true }).first().waitFor();
    await noInjectedHtml(page);
    await shot(page, '25-report-availability-by-role-per-day');
  });

  it('creates a viewer in the admin page', async () => {
    await page.goto(`${server.url}/admin/`);
    await page.getByTestId('users-table').locator('tr[data-user="admin"]').waitFor();
    await page.getByTestId('new-username').fill(VIEWER);
    await page.getByTestId('new-password').fill(VIEWER_PASSWORD);
    await page.getByTestId('new-role').selectOption('VIEWER');
    await page.getByTestId('create-user-submit').click();
    await page.getByTestId('admin-outcome').getByText(`User ${VIEWER} created.`).waitFor();
    const row = page.locator(`tr[data-user="${VIEWER}"]`);
    await row.getByText('viewer').waitFor();
    await page.getByTestId(`edit-${VIEWER}`).click();
    await shot(page, '30-admin-users');
    await axeClean(page, 'admin users');
    await page.getByTestId(`edit-${VIEWER}`).click();
  });

  it('shows a user locked by failed sign-ins and unlocks it', async () => {
    for (let i = 0; i < server.config.loginMaxFailuresPerUser; i += 1) await gql(server.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: VIEWER, p: 'wrong-password' });
    await page.reload();
    await page.getByTestId(`locked-${VIEWER}`).waitFor();
    await shot(page, '30b-admin-user-locked');
    await page.getByTestId(`unlock-${VIEWER}`).click();
    await page.getByTestId('admin-outcome').getByText(`Sign-in lockout of ${VIEWER} lifted.`).waitFor();
    await page.getByTestId(`locked-${VIEWER}`).waitFor({ state: 'detached' });
    expect(await page.getByTestId(`unlock-${VIEWER}`).count()).toBe(0);
  });

  it('creates an enrollment token and shows it once', async () => {
    await page.getByRole('link', { name: 'Enrollment tokens' }).click();
    await page.getByTestId('tokens-table').waitFor();
    await page.getByTestId('token-description').fill('web rack 2');
    await page.getByTestId('create-token-submit').click();
    const value = await page.getByTestId('token-value').inputValue();
    expect(value.length).toBeGreaterThan(20);
    await page.locator('tr[data-status="ACTIVE"]', { hasText: 'web rack 2' }).waitFor();
    await shot(page, '31-admin-tokens');
    await axeClean(page, 'admin tokens');
    const tokens = await gql<{ enrollmentTokens: { description: string | null }[] }>(server.url, '{ enrollmentTokens { description } }', {}, await login(server.url, 'admin', ADMIN_PASSWORD));
    expect(JSON.stringify(tokens.data)).not.toContain(value);
  });

  it('edits a host’s server labels and shows hostile labels as text', async () => {
    await page.getByRole('link', { name: 'Host labels and revocation' }).click();
    await page.locator(`tr[data-host="${AGENT}"]`).waitFor();
    await page.getByTestId(`labels-${AGENT}`).click();
    await page.getByTestId('labels-text').fill('tier=gold\nzone=b');
    await page.getByTestId('labels-diff').waitFor();
    await page.getByTestId('labels-save').click();
    await page.getByTestId('admin-outcome').waitFor();
    await page.locator(`tr[data-host="${AGENT}"] .chip`, { hasText: 'tier=gold' }).waitFor();
    expect(await page.locator(`tr[data-host="${HOSTILE_HOST}"] .chip`).first().textContent()).toBe(`role=${XSS}`);
    await noInjectedHtml(page);
    await page.getByTestId(`revoke-${HOSTILE_HOST}`).click();
    await shot(page, '32-admin-hosts');
    await axeClean(page, 'admin hosts');
    await page.getByTestId(`revoke-${HOSTILE_HOST}-confirm`).click();
    await page.locator(`tr[data-host="${HOSTILE_HOST}"] [data-status="revoked"]`).waitFor();
  });

  it('refuses the admin pages and the audit log to the viewer, and the server refuses the mutation', async () => {
    const viewer = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      const p = await viewer.newPage();
      await signIn(p, VIEWER, VIEWER_PASSWORD, '/reports/');
      await p.getByTestId('user').getByText('viewer').waitFor();
      const nav = p.getByRole('navigation', { name: 'Main' });
      await nav.getByText('Reports').waitFor();
      expect(await nav.getByText('Admin').count()).toBe(0);
      expect(await nav.getByText('Audit log').count()).toBe(0);
      for (const where of ['/admin/', '/admin/tokens/', '/admin/hosts/', '/audit/']) {
        await p.goto(`${server.url}${where}`);
        await p.getByTestId('not-allowed').waitFor();
        expect(await p.locator('table').count()).toBe(0);
        expect(await p.locator('form').count()).toBe(0);
      }
      await shot(p, '33-admin-refused-to-viewer');
      await axeClean(p, 'not allowed');
    } finally {
      await viewer.close();
    }
    const viewerToken = await login(server.url, VIEWER, VIEWER_PASSWORD);
    for (const mutation of [
      'mutation { createUser(input: { username: "mallory", password: "mallory-pw-123", role: ADMIN }) { username } }',
      `mutation { updateUser(username: "${VIEWER}", input: { role: ADMIN }) { role } }`,
      'mutation { createEnrollmentToken(input: {}) { token } }',
      `mutation { revokeHost(name: "${AGENT}") { revoked } }`,
    ]) {
      const r = await gql(server.url, mutation, {}, viewerToken);
      expect(codes(r), mutation).toEqual(['FORBIDDEN']);
    }
    const audit = await gql(server.url, '{ auditEvents { csv } }', {}, viewerToken);
    expect(codes(audit)).toEqual(['FORBIDDEN']);
  });

  it('finds the sign-ins and the createUser in the audit log, filtered, and exports them', async () => {
    await page.goto(`${server.url}/audit/`);
    await page.getByTestId('audit-action').fill('login');
    await page.getByTestId('audit-apply').click();
    await page.waitForURL(/action=login/);
    await page.locator(`[data-testid="audit-table"] tr[data-action="login"]`, { hasText: VIEWER }).first().waitFor();
    await expect.poll(() => page.locator('[data-testid="audit-table"] tbody tr:not([data-action="login"])').count()).toBe(0);
    await shot(page, '34-audit-logins');
    await axeClean(page, 'audit');
    await page.getByTestId('audit-action').fill('createUser');
    await page.getByTestId('audit-apply').click();
    await page.locator('[data-testid="audit-table"] tr[data-action="createUser"][data-outcome="SUCCESS"]', { hasText: VIEWER }).waitFor();
    await page.getByTestId('audit-outcome').selectOption('DENIED');
    const denied = page.locator('[data-testid="audit-table"] tr[data-action="createUser"][data-outcome="DENIED"]');
    await denied.first().waitFor();
    expect(await denied.first().textContent()).toContain(VIEWER);
    await expect.poll(() => page.locator('[data-testid="audit-table"] tr[data-outcome="SUCCESS"]').count()).toBe(0);
    await shot(page, '35-audit-denied-createUser');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-csv').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const rows = csv.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('id,at,actor_type,actor,ip,action,target,outcome,reason,args');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r.includes(',createUser,') && r.includes(',DENIED,'))).toBe(true);
  });

  it('shows the pages in Chinese', async () => {
    await page.goto(`${server.url}/reports/`);
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '报表' }).waitFor();
    await page.getByTestId('report-table-availability').waitFor();
    await shot(page, '40-report-availability-zh');
    await axeClean(page, 'reports (zh)');
    await page.getByTestId('report-kind-commands').click();
    await page.locator('.report-body:not(.stale)').waitFor();
    await shot(page, '41-report-commands-zh');
    await page.goto(`${server.url}/audit/`);
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByTestId('audit-table').waitFor();
    await shot(page, '42-audit-zh');
    for (const [i, where] of ['/admin/', '/admin/tokens/', '/admin/hosts/'].entries()) {
      await page.goto(`${server.url}${where}`);
      await page.getByRole('heading', { name: '管理' }).waitFor();
      await page.locator('table').first().waitFor();
      await shot(page, `4${3 + i}-admin-${['users', 'tokens', 'hosts'][i]}-zh`);
      await axeClean(page, `${where} (zh)`);
    }
    await page.getByTestId('language').selectOption('en');
    expect(errors).toEqual([]);
  });
});
