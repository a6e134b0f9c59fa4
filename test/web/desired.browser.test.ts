import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatApplyError } from '../../cli/manifests/plan-output.js';
import { ensureDashboardBuilt, launchChromium, screenshotDir, seriousAxeViolations } from '../helpers/browser.js';
import { gql, login } from '../helpers/graphql.js';
import { spawnAgent, waitFor, type AgentProcess } from '../helpers/processes.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const AGENT = 'desired-agent';
const XSS = '<img src=x onerror=window.__xss=1>';
const ARTIFACT = 'demo-payload.bin';
const VIEWER_PASSWORD = 'viewer-test-password-1';

type PlanResult = { errors: { file: string; line: number; column: number; code: string; message: string }[]; hosts: { host: string; actions: { type: string; key: string }[] }[] };
const PLAN = 'query($i: ApplyManifestsInput!) { planManifests(input: $i) { errors { file line column code message } hosts { host actions { type key } } } }';

/** The demo profile with a file from the artifact store; `sleep` varies per revision. */
function profile(fileDir: string, sleep: number): string {
  return `# ${XSS} stays a comment
apiVersion: ioms/v1
kind: Profile
metadata:
  name: desired-demo
spec:
  selector:
    matchLabels: { role: desired }
  processes:
    - name: desired-sleeper
      command: /bin/sh
      args: ["-c", "while true; do sleep ${sleep}; done"]
      restart: { policy: always, backoffSeconds: 1 }
  files:
    - path: ${fileDir}/payload.bin
      artifact: ${ARTIFACT}@1.0
      mode: "0644"
`;
}

/**
 * The desired-state and artifact pages in Debian's Chromium against a real server and a real
 * agent: upload an artifact and see its checksums, plan YAML with errors shown beside the text,
 * apply from the dry-run view and watch the rollout converge live, compare and view revisions,
 * roll back after seeing the plan, the refusal to delete a used artifact, what a viewer sees,
 * Chinese, accessibility, hostile names as text. Screenshots go to screenshotDir().
 */
describe('the desired-state and artifact pages in a browser', () => {
  let dir: string;
  let fileDir: string;
  let server: TestServer;
  let agent: AgentProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  const shots = screenshotDir();
  const errors: string[] = [];
  const payload = crypto.randomBytes(3 * 1024 * 1024);
  const digests = { sha256: crypto.createHash('sha256').update(payload).digest('hex'), md5: crypto.createHash('md5').update(payload).digest('hex') };

  const shot = async (name: string, p: Page = page) => {
    await p.waitForTimeout(250);
    await p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  };
  const axeClean = async (what: string, p: Page = page) => {
    const v = await seriousAxeViolations(p);
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  const noXss = async (p: Page = page) => {
    expect(await p.locator('img[src="x"]').count()).toBe(0);
    expect(await p.evaluate('window.__xss')).toBeUndefined();
  };
  const signIn = async (ctx: BrowserContext, username: string, password: string) => {
    const res = await ctx.request.post(`${server.url}/session`, { headers: { origin: server.url }, data: { username, password } });
    expect(res.status()).toBe(200);
  };
  const rollout = async () => (await gql<{ rolloutStatus: { revision: number | null; hosts: { host: string; status: string; convergedRevision: number | null }[] } }>(server.url, '{ rolloutStatus { revision hosts { host status convergedRevision } } }', {}, token)).data!.rolloutStatus;

  beforeAll(async () => {
    await ensureDashboardBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-web-desired-'));
    fileDir = path.join(dir, 'files');
    server = await startTestServer(`sqlite:${path.join(dir, 'ioms.db')}`);
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const enroll = await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation { createEnrollmentToken(input: { maxUses: 1 }) { token } }', {}, token);
    agent = spawnAgent(['--server', server.url, '--name', AGENT, '--state-dir', path.join(dir, 'agent'), '--labels', 'role=desired', '--heartbeat-interval', '1s', '--metrics-interval', '30s', '--token', enroll.data!.createEnrollmentToken.token]);
    const viewer = await gql(server.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { username } }', { i: { username: 'watcher', password: VIEWER_PASSWORD, role: 'VIEWER' } }, token);
    expect(viewer.errors).toBeUndefined();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await signIn(context, 'admin', ADMIN_PASSWORD);
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    console.log(`desired-state screenshots: ${shots}`);
    await waitFor(async () => (await rollout()).hosts.some((h) => h.host === AGENT), 30_000, 'the agent enrolled');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.stop('SIGKILL');
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the empty states before anything is applied or uploaded', async () => {
    await page.goto(`${server.url}/desired/`);
    await page.getByText('No manifests have been applied yet.').waitFor();
    await page.locator(`[data-testid="rollout-table"] tr[data-host="${AGENT}"]`).waitFor();
    await shot('d01-desired-empty');
    await axeClean('desired (empty)');
    await page.goto(`${server.url}/artifact-store/`);
    await page.getByText('No artifacts yet: upload the first one above.').waitFor();
    await shot('d02-artifacts-empty');
    await axeClean('artifacts (empty)');
  }, 60_000);

  it('uploads an artifact with a progress bar and shows both checksums', async () => {
    await page.getByTestId('upload-file').setInputFiles({ name: ARTIFACT, mimeType: 'application/octet-stream', buffer: payload });
    expect(await page.getByTestId('upload-name').inputValue()).toBe(ARTIFACT);
    await page.getByTestId('upload-version').fill('1.0');
    await page.getByTestId('upload-submit').click();
    await page.getByTestId('upload-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('upload-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('upload-sha256').textContent()).toBe(digests.sha256);
    expect(await page.getByTestId('upload-md5').textContent()).toBe(digests.md5);
    const row = page.locator(`tr[data-version="${ARTIFACT}@1.0"]`);
    await row.waitFor();
    expect(await row.getByTestId('sha256').textContent()).toBe(digests.sha256);
    expect(await row.getByTestId('md5').textContent()).toBe(digests.md5);
    await shot('d03-artifact-uploaded');
    await axeClean('artifacts (uploaded)');
  }, 60_000);

  it('shows the refusal of a hostile artifact name as text', async () => {
    await page.getByTestId('upload-file').setInputFiles({ name: 'x.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    await page.getByTestId('upload-name').fill(XSS);
    await page.getByTestId('upload-submit').click();
    const refusal = page.getByTestId('upload-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(XSS);
    await noXss();
    await shot('d04-artifact-hostile-name');
  }, 60_000);

  it('plans uploaded YAML with the CLI’s errors beside the text, hostile names as text', async () => {
    await page.goto(`${server.url}/desired/plan/`);
    const bad = `apiVersion: ioms/v1\nkind: Profile\nmetadata:\n  name: "${XSS}"\nspec:\n  selector: { matchLabels: { role: desired } }\n  processes:\n    - name: p\n      comand: /bin/true\n`;
    const file = `${XSS}.yaml`;
    await page.getByTestId('plan-upload').setInputFiles({ name: file, mimeType: 'text/yaml', buffer: Buffer.from(bad) });
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plan-errors').waitFor();
    const expected = (await gql<{ planManifests: PlanResult }>(server.url, PLAN, { i: { files: [{ path: file, content: bad }] } }, token)).data!.planManifests.errors;
    expect(expected.length).toBeGreaterThan(1);
    const shown = await page.locator('.error-list li').allTextContents();
    expect(shown.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(expected.map((e) => formatApplyError(e).replace(/\s+/g, ' ')));
    // The highlighted view marks each line the errors name, under the line.
    for (const e of expected) await page.locator(`[data-testid="plan-highlighted"] tr[data-mark-line="${e.line}"]`).first().waitFor();
    expect(await page.locator('[data-testid="plan-highlighted"] tr[data-line="4"]').textContent()).toContain(XSS);
    expect(await page.getByTestId('plan-apply').isDisabled()).toBe(true);
    await noXss();
    await shot('d05-plan-errors');
    await axeClean('plan (errors)');
  }, 60_000);

  it('applies pasted YAML from the dry-run view and watches the rollout converge live', async () => {
    const yaml = profile(fileDir, 5);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByTestId('plan-yaml').fill(yaml);
    await page.getByTestId('plan-message').fill(`first apply ${XSS}`);
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plan-hosts').waitFor();
    // The same per-host actions as `ioms diff` (planManifests) for the same text.
    const expected = (await gql<{ planManifests: PlanResult }>(server.url, PLAN, { i: { files: [{ path: 'pasted.yaml', content: yaml }] } }, token)).data!.planManifests.hosts;
    expect(expected.map((h) => h.host)).toEqual([AGENT]);
    const actions = await page.locator('.plan-action').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-action')} ${e.querySelector('.plan-key')?.textContent}`));
    expect(actions).toEqual(expected[0]!.actions.map((a) => `${a.type} ${a.key}`));
    expect(actions).toContain('StartProcess process:desired-sleeper');
    await page.getByTestId('plan-view-mode').click();
    await page.locator('[data-testid="plan-highlighted"] .yaml-key').first().waitFor();
    await shot('d06-plan-ok');
    await axeClean('plan (ok)');
    const url = page.url();
    await page.getByTestId('plan-apply').click();
    await page.getByTestId('applied').waitFor();
    const row = page.locator(`[data-testid="rollout-table"] tr[data-host="${AGENT}"]`);
    await row.waitFor();
    await page.locator(`[data-testid="rollout-table"] tr[data-host="${AGENT}"][data-status="CONVERGED"]`).waitFor({ timeout: 45_000 });
    expect(page.url()).toBe(url);
    expect(await row.locator('td').nth(3).textContent()).toBe('1');
    expect(fs.readFileSync(path.join(fileDir, 'payload.bin')).equals(payload)).toBe(true);
    await shot('d07-applied-converged');
  }, 60_000);

  it('lists revisions with author, time and git commit; hostile messages stay text', async () => {
    const yaml = profile(fileDir, 7);
    const r = await gql<{ applyManifests: { applied: boolean } }>(server.url, 'mutation($i: ApplyManifestsInput!) { applyManifests(input: $i) { applied } }', { i: { files: [{ path: 'demo/profile.yaml', content: yaml }], message: `second ${XSS}`, source: { repository: 'git@example.com:ops/fleet.git', commit: '0123456789abcdef0123456789abcdef01234567', branch: 'main', dirty: false } } }, token);
    expect(r.data?.applyManifests.applied).toBe(true);
    await page.goto(`${server.url}/desired/`);
    const second = page.locator('tr[data-revision="2"]');
    await second.waitFor();
    expect(await second.locator('td').nth(1).textContent()).toBe(`second ${XSS}`);
    expect(await second.locator('td').nth(2).textContent()).toBe('admin');
    expect(await second.locator('td').nth(4).textContent()).toContain('0123456789');
    await page.locator(`[data-testid="rollout-table"] tr[data-host="${AGENT}"][data-status="CONVERGED"]`).waitFor({ timeout: 45_000 });
    await waitFor(async () => (await page.locator(`[data-testid="rollout-table"] tr[data-host="${AGENT}"] td`).nth(3).textContent()) === '2', 45_000, 'converged on revision 2');
    await noXss();
    await shot('d08-revisions');
    await axeClean('revisions');
  }, 60_000);

  it('shows a revision’s YAML highlighted, as text', async () => {
    await page.goto(`${server.url}/desired/revision/?id=2`);
    const view = page.getByTestId('revision-yaml');
    await view.waitFor();
    expect(await view.locator('.yaml-key', { hasText: 'apiVersion' }).count()).toBe(1);
    expect(await view.locator('.yaml-comment').first().textContent()).toContain(XSS);
    expect(await page.getByTestId('revision-message').textContent()).toBe(`second ${XSS}`);
    await page.getByTestId('revision-file').selectOption({ label: 'All documents in force' });
    await view.locator('.yaml-key', { hasText: 'desired-sleeper' }).or(view.locator('.yaml-string', { hasText: 'desired-sleeper' })).first().waitFor();
    await page.getByTestId('revision-file').selectOption('0');
    await noXss();
    await shot('d09-revision');
    await axeClean('revision');
  }, 60_000);

  it('diffs two revisions', async () => {
    await page.goto(`${server.url}/desired/diff/?from=1&to=2`);
    await page.getByTestId('diff-view').waitFor();
    expect(await page.locator('[data-diff="del"]').allTextContents()).toEqual([expect.stringContaining('sleep 5')]);
    expect(await page.locator('[data-diff="add"]').allTextContents()).toEqual([expect.stringContaining('sleep 7')]);
    expect(await page.getByTestId('diff-documents').textContent()).toContain('desired-demo');
    await shot('d10-diff');
    await axeClean('diff');
  }, 60_000);

  it('refuses to delete an artifact a manifest uses, with the reason', async () => {
    await page.goto(`${server.url}/artifact-store/`);
    const row = page.locator(`tr[data-version="${ARTIFACT}@1.0"]`);
    await row.getByTestId('used-by').getByText(/manifest revision 2, profile desired-demo/).waitFor();
    await row.getByRole('button', { name: 'Delete…' }).click();
    const refused = page.getByTestId('delete-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('manifest revision 2, profile desired-demo');
    expect(await page.getByTestId('delete-confirm').count()).toBe(0);
    await shot('d11-artifact-delete-refused');
    await axeClean('artifact delete dialog');
    await page.getByRole('button', { name: 'Close' }).click();
  }, 60_000);

  it('rolls back to a chosen revision after the confirmation shows the plan', async () => {
    await page.goto(`${server.url}/desired/`);
    await page.getByTestId('rollback-1').click();
    const dialog = page.getByTestId('rollback-dialog');
    await dialog.getByTestId('plan-hosts').waitFor();
    expect(await dialog.locator('.plan-action').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toContain('UpdateProcess');
    await shot('d12-rollback-confirm');
    await axeClean('rollback dialog');
    await dialog.getByTestId('rollback-confirm').click();
    await page.getByTestId('rollback-done').waitFor();
    expect(await page.getByTestId('rollback-done').textContent()).toContain('revision 3');
    await page.locator('tr[data-revision="3"]').getByText('rollback to #1').waitFor();
    await waitFor(async () => (await page.locator(`[data-testid="rollout-table"] tr[data-host="${AGENT}"][data-status="CONVERGED"] td`).nth(3).textContent()) === '3', 45_000, 'converged on revision 3');
    const { hosts } = await rollout();
    expect(hosts.find((h) => h.host === AGENT)).toMatchObject({ status: 'CONVERGED', convergedRevision: 3 });
    await shot('d13-rolled-back');
  }, 60_000);

  it('shows a viewer no action they cannot take', async () => {
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await signIn(viewerContext, 'watcher', VIEWER_PASSWORD);
    const v = await viewerContext.newPage();
    try {
      await v.goto(`${server.url}/desired/`);
      await v.locator('tr[data-revision="3"]').waitFor();
      expect(await v.locator('[data-testid^="rollback-"]').count()).toBe(0);
      expect(await v.getByTestId('open-plan').textContent()).toBe('Dry-run plan');
      await shot('d14-viewer-desired', v);
      await v.goto(`${server.url}/desired/plan/`);
      await v.getByTestId('plan-yaml').waitFor();
      expect(await v.getByTestId('plan-apply').count()).toBe(0);
      await v.goto(`${server.url}/desired/revision/?id=1`);
      await v.getByTestId('revision-yaml').waitFor();
      expect(await v.getByTestId('revision-rollback').count()).toBe(0);
      await v.goto(`${server.url}/artifact-store/`);
      await v.locator(`tr[data-version="${ARTIFACT}@1.0"]`).waitFor();
      expect(await v.getByTestId('upload-file').count()).toBe(0);
      expect(await v.getByRole('button', { name: 'Delete…' }).count()).toBe(0);
      await shot('d15-viewer-artifacts', v);
      await axeClean('artifacts (viewer)', v);
    } finally {
      await viewerContext.close();
    }
  }, 60_000);

  it('is translated into Chinese', async () => {
    await page.goto(`${server.url}/desired/`);
    await page.getByTestId('language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '期望状态' }).waitFor();
    await page.getByRole('navigation').getByText('制品').waitFor();
    await shot('d16-desired-zh');
    await axeClean('desired (zh)');
    await page.goto(`${server.url}/desired/plan/`);
    await page.getByRole('heading', { name: '计划并应用清单' }).waitFor();
    await page.getByTestId('plan-yaml').fill(profile(fileDir, 9));
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plan-hosts').waitFor();
    await shot('d17-plan-zh');
    await page.goto(`${server.url}/desired/revision/?id=3`);
    await page.getByTestId('revision-yaml').waitFor();
    await shot('d18-revision-zh');
    await page.goto(`${server.url}/desired/diff/?from=2&to=3`);
    await page.getByTestId('diff-view').waitFor();
    await shot('d19-diff-zh');
    await page.goto(`${server.url}/artifact-store/`);
    await page.getByRole('heading', { name: '制品', level: 1 }).waitFor();
    await page.locator(`tr[data-version="${ARTIFACT}@1.0"]`).waitFor();
    await shot('d20-artifacts-zh');
    await axeClean('artifacts (zh)');
    await page.getByTestId('language').selectOption('en');
  }, 60_000);

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
