import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { type RunResult, type ServiceOptions } from '../../agent/service/service-plan.js';
import { installService, planInstall, uninstallService } from '../../agent/service/service.js';
import { quoteWindowsArg } from '../../agent/service/windows-command-line.js';
import { recordingRun, tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/**
 * A Windows host whose sc.exe is a recorder. Plans use Windows paths; pass `stateDir:
 * undefined` to get a real temp dir instead (win32 counts `/tmp/...` as absolute), so steps
 * that touch the disk can run here.
 */
async function windowsHost(overrides: Partial<ServiceOptions> = {}, results: Parameters<typeof recordingRun>[0] = {}) {
  const fake = recordingRun(results);
  const options: ServiceOptions = {
    platform: 'win32',
    run: fake.run,
    wrapper: 'C:\\Program Files\\IOMS\\shawl.exe',
    nodePath: 'C:\\Program Files\\nodejs\\node.exe',
    entry: 'C:\\Program Files\\IOMS\\ioms-agent.mjs',
    args: ['agent', '--server', 'https://ioms:8888', '--labels', 'role=web,site="a b"'],
    ...overrides,
    stateDir: 'stateDir' in overrides && overrides.stateDir === undefined ? join(await dirs.make(), 'state') : (overrides.stateDir ?? 'C:\\ProgramData\\ioms-agent'),
  };
  return { options, calls: fake.calls };
}

const expectedBinPath =
  '"C:\\Program Files\\IOMS\\shawl.exe" run --name ioms-agent --restart --stop-timeout 10000 --cwd C:\\ProgramData\\ioms-agent --log-dir C:\\ProgramData\\ioms-agent\\logs -- ' +
  '"C:\\Program Files\\nodejs\\node.exe" "C:\\Program Files\\IOMS\\ioms-agent.mjs" agent --server https://ioms:8888 --labels "role=web,site=\\"a b\\""';

describe('installService on windows', () => {
  it('creates the service around shawl, sets failure actions and starts it', async () => {
    const host = await windowsHost();
    const plan = planInstall(host.options);
    const scCalls = plan.steps.flatMap((step) => (step.kind === 'run' ? [[step.cmd, ...step.args]] : []));
    expect(scCalls).toEqual([
      ['sc.exe', 'create', 'ioms-agent', 'binPath=', expectedBinPath, 'start=', 'auto', 'DisplayName=', 'IOMS agent'],
      ['sc.exe', 'description', 'ioms-agent', 'IOMS agent: keeps this host in its declared state and reports to the IOMS server'],
      ['sc.exe', 'failure', 'ioms-agent', 'reset=', '86400', 'actions=', 'restart/5000/restart/5000/restart/5000'],
      ['sc.exe', 'start', 'ioms-agent'],
    ]);
    expect(plan.steps[0]).toEqual({ kind: 'mkdir', path: 'C:\\ProgramData\\ioms-agent', mode: 0o700 });
  });

  it('runs exactly the planned sc.exe calls, in order, after creating the state dir', async () => {
    const host = await windowsHost({ stateDir: undefined });
    const plan = await installService(host.options);
    expect(host.calls).toEqual(plan.steps.flatMap((step) => (step.kind === 'run' ? [[step.cmd, ...step.args]] : [])));
    expect(host.calls.map((call) => call[1])).toEqual(['create', 'description', 'failure', 'start']);
    expect((await stat(host.options.stateDir)).isDirectory()).toBe(true);
  });

  it('passes env to shawl as --env and quotes node args by MSVC rules', async () => {
    const host = await windowsHost({ env: { IOMS_ENROLL_TOKEN: 'tok en' }, args: ['agent', 'C:\\dir\\', ''] });
    const create = planInstall(host.options).steps.find((step) => step.kind === 'run' && step.args[0] === 'create');
    const binPath = create?.kind === 'run' ? create.args[3] : undefined;
    expect(binPath).toContain('--env "IOMS_ENROLL_TOKEN=tok en" --');
    expect(binPath?.endsWith(' agent C:\\dir\\ ""')).toBe(true);
  });

  it.each<{ name: string; results: Record<string, Partial<RunResult>>; code: string }>([
    { name: 'sc.exe access denied (not elevated)', results: { 'sc.exe create': { code: 5, stdout: '[SC] OpenSCManager FAILED 5:\n\nAccess is denied.' } }, code: 'NOT_PRIVILEGED' },
    { name: 'the service exists already', results: { 'sc.exe create': { code: 1073, stdout: '[SC] CreateService FAILED 1073:' } }, code: 'ALREADY_INSTALLED' },
    { name: 'sc.exe start fails', results: { 'sc.exe start': { code: 1053, stdout: '[SC] StartService FAILED 1053:' } }, code: 'COMMAND_FAILED' },
  ])('maps $name to $code', async ({ results, code }) => {
    const host = await windowsHost({ stateDir: undefined }, results);
    await expect(installService(host.options)).rejects.toMatchObject({ code, message: expect.stringContaining('[SC]') });
  });

  it('refuses without a wrapper: node alone is killed by the service manager', async () => {
    const host = await windowsHost({ wrapper: undefined });
    await expect(installService(host.options)).rejects.toMatchObject({ code: 'WRAPPER_REQUIRED' });
    expect(host.calls).toEqual([]);
  });

  it.each([
    { name: 'a %VARIABLE% in an argument', overrides: { args: ['--labels', 'path=%PATH%'] } },
    { name: 'a newline in an argument', overrides: { args: ['a\nb'] } },
    { name: 'a relative wrapper', overrides: { wrapper: 'shawl.exe' } },
  ])('refuses $name before running sc.exe', async ({ overrides }) => {
    const host = await windowsHost(overrides);
    await expect(installService(host.options)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(host.calls).toEqual([]);
  });
});

describe('uninstallService on windows', () => {
  it('stops (not running is fine) then deletes', async () => {
    const host = await windowsHost({}, { 'sc.exe stop': { code: 1062 } });
    await uninstallService(host.options);
    expect(host.calls).toEqual([
      ['sc.exe', 'stop', 'ioms-agent'],
      ['sc.exe', 'delete', 'ioms-agent'],
    ]);
  });

  it('reports a missing service as NOT_INSTALLED', async () => {
    const host = await windowsHost({}, { 'sc.exe stop': { code: 1060, stdout: '[SC] OpenService FAILED 1060:' } });
    await expect(uninstallService(host.options)).rejects.toMatchObject({ code: 'NOT_INSTALLED' });
  });
});

describe('quoteWindowsArg (MSVC argv rules)', () => {
  const cases: Array<{ name: string; arg: string; expected: string }> = [
    { name: 'plain', arg: 'agent', expected: 'agent' },
    { name: 'empty', arg: '', expected: '""' },
    { name: 'space', arg: 'a b', expected: '"a b"' },
    { name: 'quote', arg: 'say "hi"', expected: '"say \\"hi\\""' },
    { name: 'backslashes without quotes stay', arg: 'C:\\a\\b', expected: 'C:\\a\\b' },
    { name: 'trailing backslash in quotes is doubled', arg: 'C:\\my dir\\', expected: '"C:\\my dir\\\\"' },
    { name: 'backslash before a quote', arg: 'a\\"b c', expected: '"a\\\\\\"b c"' },
    { name: 'cmd metacharacters are safe inside quotes', arg: 'a & b | c', expected: '"a & b | c"' },
  ];

  it.each(cases)('$name', ({ arg, expected }) => {
    expect(quoteWindowsArg(arg)).toBe(expected);
  });
});
