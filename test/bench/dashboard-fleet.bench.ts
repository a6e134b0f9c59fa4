/**
 * The dashboard with 10,000 hosts: time to the first rows of the hosts page and to the drawn fleet
 * map in Debian's Chromium, the frame rate while scrolling the hosts table, the rollout panel while
 * a row for every host streams in (`rolloutProgressed`, published as the reconciler does), beside
 * the raw GraphQL query time of the data each page needs (fetch, no browser). SQLite by default; a MySQL URL in
 * IOMS_BENCH_DATABASE_URL runs it there.
 *
 *   npx tsx test/bench/dashboard-fleet.bench.ts [hosts]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadServerConfig } from '../../api/config.js';
import { createLogger } from '../../api/logger.js';
import { startServer } from '../../api/server/start-server.js';
import { ensureDashboard } from '../../cli/dashboard-build.js';
import { ROLLOUT_TOPIC } from '../../api/reconciler/reconciler.js';
import { HostRecord, MetricSampleRecord } from '../../db/entities/index.js';
import { launchChromium } from '../helpers/browser.js';

const HOSTS = Number(process.argv[2] ?? 10_000);
const PASSWORD = 'bench-admin-password';
ensureDashboard((line) => console.log(line), { quiet: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-bench-dash-'));
const config = loadServerConfig({ IOMS_PORT: '0', IOMS_DATABASE_URL: process.env.IOMS_BENCH_DATABASE_URL ?? `sqlite:${path.join(dir, 'ioms.db')}`, IOMS_ADMIN_PASSWORD: PASSWORD, IOMS_LOG_LEVEL: 'warn' }, process.cwd());
const server = await startServer(config, { logger: createLogger('warn'), onAdminCreated: () => undefined });
try {
  const em = server.services.orm.em.fork();
  const now = Date.now();
  const roles = ['web', 'db', 'game', 'cache', 'batch'];
  const t0 = performance.now();
  for (let i = 0; i < HOSTS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, HOSTS - i) }, (_, j) => {
      const n = i + j;
      return { name: `host-${String(n).padStart(5, '0')}`, credentialHash: `${n}`.padStart(64, '0'), agentLabels: { role: roles[n % roles.length]!, env: n % 3 ? 'prod' : 'staging', dc: `dc${n % 4}` }, serverLabels: {}, enrolledAt: new Date(now - 86400_000), online: n % 10 !== 0, alive: n % 25 !== 0, lastSeenAt: new Date(now), lastAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, inventory: { hostname: `host-${n}`, os: { distro: 'Debian GNU/Linux', release: '12' } } };
    });
    await em.insertMany(HostRecord, batch);
  }
  const ids = (await em.find(HostRecord, {}, { fields: ['id'] })).map((h) => h.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await em.insertMany(
      MetricSampleRecord,
      ids.slice(i, i + 1000).map((hostId, j) => ({ hostId, atMs: now - 30_000, cpuPercent: (hostId * 37) % 100, load1: 1, load5: 1, load15: 1, memUsedBytes: 2 ** 30, memTotalBytes: 2 ** 32, swapUsedBytes: 0, swapTotalBytes: 0, netRxBytesPerSec: j, netTxBytesPerSec: j, processCount: 100, disks: [] })),
    );
  }
  // The seeded fleet keeps "heartbeating" (as flushHeartbeats would store it), so the sweeper does
  // not turn thousands of hosts offline and dead halfway through and flood hostUpdated.
  const beats = setInterval(() => void em.fork().nativeUpdate(HostRecord, {}, { lastSeenAt: new Date() }), 20_000);
  beats.unref();
  console.log(`seeded ${HOSTS} hosts and ${HOSTS} samples in ${((performance.now() - t0) / 1000).toFixed(1)} s (${config.databaseUrl.split(':')[0]})`);

  const login = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(username: "admin", password: "${PASSWORD}") { token } }` }) });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  const query = async (q: string) => {
    const t = performance.now();
    const r = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: q, variables: { first: 500 } }) });
    const body = await r.text();
    if (body.includes('"errors"')) throw new Error(`query failed: ${body.slice(0, 500)}`);
    return { ms: performance.now() - t, bytes: body.length };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const timeQuery = async (label: string, q: string) => {
    await query(q);
    const runs = await Promise.all(Array.from({ length: 1 }, () => 0)).then(async () => {
      const out: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < 7; i++) out.push(await query(q));
      return out;
    });
    console.log(`  raw GraphQL ${label.padEnd(40)} median ${median(runs.map((r) => r.ms)).toFixed(0).padStart(5)} ms   ${(runs[0]!.bytes / 1024).toFixed(0)} KiB`);
  };
  const row = 'id name online alive revoked lastSeenAt lastConnectedAt agentVersion address labels os cpuPercent memoryPercent';
  await timeQuery('hosts(first: 500) — hosts page, 1st page', `query($first: Int) { hosts(first: $first) { totalCount pageInfo { endCursor hasNextPage } nodes { ${row} } } }`);
  await timeQuery('hosts(first: 500, sort: CPU, DESC)', `query($first: Int) { hosts(first: $first, sort: CPU, direction: DESC) { totalCount pageInfo { endCursor hasNextPage } nodes { ${row} } } }`);
  await timeQuery('hosts(first: 500, selector: role=web)', `query($first: Int) { hosts(first: $first, selector: "role=web") { totalCount pageInfo { endCursor hasNextPage } nodes { ${row} } } }`);
  await timeQuery('fleetTiles — fleet map', '{ fleetTiles { names states cpuPercent } }');

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/login/`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/`);
    const timed = async (label: string, url: string, ready: string) => {
      const results: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await page.goto(url);
        await page.locator(ready).first().waitFor({ timeout: 120_000 });
        results.push(performance.now() - t);
      }
      console.log(`  browser ${label.padEnd(44)} median ${median(results).toFixed(0).padStart(5)} ms (navigation to ready, 3 runs)`);
    };
    await timed('hosts page: first rows', `${server.url}/hosts/`, 'tr[data-host]');
    await timed(`overview: fleet map drawn (${HOSTS} tiles)`, `${server.url}/`, `[data-testid="fleet-map"][data-tiles="${HOSTS}"] canvas`);

    await page.goto(`${server.url}/hosts/`);
    await page.locator('tr[data-host]').first().waitFor();
    const fps = (await page.evaluate(`new Promise((resolve) => {
      const el = document.querySelector('[data-testid="hosts-scroll"]');
      let frames = 0; const start = performance.now(); let worst = 0; let last = start;
      const step = (t) => { frames++; worst = Math.max(worst, t - last); last = t; el.scrollTop += 120;
        if (t - start < 4000) requestAnimationFrame(step); else resolve({ fps: frames / ((t - start) / 1000), worst, rows: document.querySelectorAll('tr[data-host]').length, top: el.scrollTop }); };
      requestAnimationFrame(step);
    })`)) as { fps: number; worst: number; rows: number; top: number };
    const loaded = await page.getByTestId('hosts-count').textContent();
    console.log(`  browser hosts table scroll (120 px a frame, 4 s)          ${fps.fps.toFixed(0)} fps, worst frame ${fps.worst.toFixed(0)} ms, ${fps.rows} rows in the DOM, ${loaded}`);

    // A fleet-wide rollout streaming in: a converged row for every host, 500 per publish every 50 ms
    // (the reconciler publishes a pass's rows with one publishMany). Measured: until the panel's
    // count shows every host, the main thread's long tasks meanwhile, the rows in the DOM.
    await page.goto(`${server.url}/desired/`);
    await page.locator('[data-testid="rollout-table"] tr[data-host]').first().waitFor({ timeout: 120_000 });
    await page.evaluate(`(() => {
      window.__long = { total: 0, worst: 0, count: 0 };
      new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__long.total += e.duration; window.__long.worst = Math.max(window.__long.worst, e.duration); window.__long.count++; } }).observe({ type: 'longtask' });
    })()`);
    const names = (await em.find(HostRecord, {}, { fields: ['name'], orderBy: { name: 'asc' } })).map((h) => h.name);
    const at = new Date().toISOString();
    const t0 = performance.now();
    for (let i = 0; i < names.length; i += 500) {
      server.services.pubsub.publishMany(ROLLOUT_TOPIC, names.slice(i, i + 500).map((host) => ({ host, online: true, status: 'CONVERGED', revision: 1, convergedRevision: 1, drift: [], error: null, observedAt: at, updatedAt: at })));
      await new Promise((r) => setTimeout(r, 50));
    }
    const published = performance.now() - t0;
    // The first count is CONVERGED; polled from here, 100 ms apart, for at most 300 s.
    const converged = () => page.evaluate(`document.querySelector('[data-testid="rollout-counts"] .rollout-count-value')?.textContent`) as Promise<string | undefined>;
    let count = await converged();
    while (count !== String(names.length) && performance.now() - t0 < 300_000) {
      await new Promise((r) => setTimeout(r, 100));
      count = await converged();
    }
    const shown = count === String(names.length) ? 'every host' : `only ${count} after 300 s:`;
    const settled = performance.now() - t0;
    const long = (await page.evaluate('window.__long')) as { total: number; worst: number; count: number };
    const domRows = await page.locator('[data-testid="rollout-table"] tr[data-host]').count();
    console.log(`  browser rollout panel: ${names.length} rows streamed       published in ${published.toFixed(0)} ms, ${shown} counted at ${settled.toFixed(0)} ms; long tasks ${long.count}, ${long.total.toFixed(0)} ms in all, worst ${long.worst.toFixed(0)} ms; ${domRows} rows in the DOM`);
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
