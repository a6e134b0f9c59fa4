import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { type ServiceOptions } from '../../agent/service/service-plan.js';
import { installService, planInstall, uninstallService } from '../../agent/service/service.js';
import { recordingRun, tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/** A root Linux host with systemd, whose unit dir and systemd run dir are temp dirs. */
async function linuxHost(overrides: Partial<ServiceOptions> = {}, results: Parameters<typeof recordingRun>[0] = {}) {
  const root = await dirs.make();
  const unitDir = join(root, 'etc-systemd-system');
  const systemdRunDir = join(root, 'run-systemd-system');
  await mkdir(unitDir);
  await mkdir(systemdRunDir);
  const fake = recordingRun(results);
  const options: ServiceOptions = {
    platform: 'linux',
    uid: 0,
    unitDir,
    systemdRunDir,
    run: fake.run,
    nodePath: '/usr/bin/node',
    entry: '/opt/ioms/ioms-agent.mjs',
    args: ['agent', '--server', 'https://ioms:8888', '--state-dir', join(root, 'state dir')],
    stateDir: join(root, 'state dir'),
    ...overrides,
  };
  return { root, unitDir, options, calls: fake.calls, unitFile: join(unitDir, `${overrides.name ?? 'ioms-agent'}.service`) };
}

describe('installService on linux', () => {
  it('writes the unit, creates the state dir, reloads and enables --now', async () => {
    const host = await linuxHost();
    await installService(host.options);
    const unit = await readFile(host.unitFile, 'utf8');
    expect(unit).toContain(`ExecStart=/usr/bin/node /opt/ioms/ioms-agent.mjs agent --server https://ioms:8888 --state-dir "${host.options.stateDir}"`);
    expect(unit).toContain(`WorkingDirectory=${host.options.stateDir}`);
    expect((await stat(host.unitFile)).mode & 0o777).toBe(0o600);
    expect((await stat(host.options.stateDir)).mode & 0o777).toBe(0o700);
    expect(host.calls).toEqual([
      ['systemctl', 'daemon-reload'],
      ['systemctl', 'enable', '--now', 'ioms-agent'],
    ]);
  });

  it('replacing an installed unit restarts the service so new arguments apply', async () => {
    const host = await linuxHost({ name: 'agent-b' });
    await writeFile(host.unitFile, '[Service]\nExecStart=/old\n');
    await installService(host.options);
    expect(await readFile(host.unitFile, 'utf8')).not.toContain('/old');
    expect(host.calls.map((call) => call.join(' '))).toEqual(['systemctl daemon-reload', 'systemctl enable --now agent-b', 'systemctl restart agent-b']);
  });

  it('a failing systemctl is reported with its output', async () => {
    const host = await linuxHost({}, { 'systemctl enable': { code: 1, stderr: 'Failed to enable unit: Access denied' } });
    await expect(installService(host.options)).rejects.toMatchObject({ code: 'COMMAND_FAILED', message: expect.stringContaining('Access denied') });
  });

  it('a systemctl that cannot be started is reported as such', async () => {
    const host = await linuxHost({}, { 'systemctl daemon-reload': { code: -1, stderr: 'spawn systemctl ENOENT' } });
    await expect(installService(host.options)).rejects.toMatchObject({ code: 'COMMAND_FAILED', message: expect.stringContaining('could not be run') });
  });

  it('the dry-run plan is the same steps as the install', async () => {
    const host = await linuxHost();
    const plan = planInstall(host.options);
    expect(plan.steps.map((step) => step.kind)).toEqual(['mkdir', 'write', 'run', 'run']);
    expect(host.calls).toEqual([]);
  });
});

describe('uninstallService on linux', () => {
  it('disables --now, removes the unit, reloads, and keeps the state dir', async () => {
    const host = await linuxHost();
    await installService(host.options);
    host.calls.length = 0;
    await uninstallService(host.options);
    await expect(stat(host.unitFile)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await stat(host.options.stateDir)).isDirectory()).toBe(true);
    expect(host.calls).toEqual([
      ['systemctl', 'disable', '--now', 'ioms-agent'],
      ['systemctl', 'daemon-reload'],
    ]);
  });

  it('refuses when nothing is installed', async () => {
    const host = await linuxHost();
    await expect(uninstallService(host.options)).rejects.toMatchObject({ code: 'NOT_INSTALLED' });
    expect(host.calls).toEqual([]);
  });
});

describe('refusals', () => {
  const cases: Array<{ name: string; overrides: (root: string) => Partial<ServiceOptions>; code: string }> = [
    { name: 'not root', overrides: () => ({ uid: 1000 }), code: 'NOT_PRIVILEGED' },
    { name: 'no uid at all', overrides: () => ({ uid: undefined }), code: 'NOT_PRIVILEGED' },
    { name: 'no systemd running', overrides: (root) => ({ systemdRunDir: join(root, 'absent') }), code: 'NO_SYSTEMD' },
    { name: 'darwin', overrides: () => ({ platform: 'darwin' }), code: 'UNSUPPORTED_PLATFORM' },
    { name: 'freebsd', overrides: () => ({ platform: 'freebsd' }), code: 'UNSUPPORTED_PLATFORM' },
    { name: 'a service name with a slash', overrides: () => ({ name: '../evil' }), code: 'INVALID_OPTIONS' },
    { name: 'a service name with a space', overrides: () => ({ name: 'ioms agent' }), code: 'INVALID_OPTIONS' },
    { name: 'a relative entry', overrides: () => ({ entry: 'bin/ioms.js' }), code: 'INVALID_OPTIONS' },
  ];

  it.each(cases)('install refuses: $name, touching nothing', async ({ overrides, code }) => {
    const host = await linuxHost();
    await expect(installService({ ...host.options, ...overrides(host.root) })).rejects.toMatchObject({ name: 'ServiceError', code });
    expect(host.calls).toEqual([]);
    await expect(stat(host.unitFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each(cases.slice(0, 5))('uninstall refuses: $name', async ({ overrides, code }) => {
    const host = await linuxHost();
    await expect(uninstallService({ ...host.options, ...overrides(host.root) })).rejects.toMatchObject({ code });
    expect(host.calls).toEqual([]);
  });
});
