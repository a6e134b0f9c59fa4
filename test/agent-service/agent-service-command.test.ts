import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';

import { type AgentServiceCommandDeps, buildInstallOptions, registerAgentServiceCommands, resolveAgentEntry } from '../../agent/service/service-commands.js';
import { recordingRun, tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/** `ioms` as cli/main.ts builds it (global --server/--ca/--insecure), with an `agent` command. */
async function runCli(argv: string[], deps: AgentServiceCommandDeps): Promise<string[]> {
  const lines: string[] = [];
  const program = new Command('ioms')
    .option('-s, --server <url>')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .option('--ca <file>')
    .option('--insecure')
    .exitOverride();
  const agent = program.command('agent');
  registerAgentServiceCommands(agent, { print: (line) => lines.push(line), ...deps });
  await program.parseAsync(['node', 'ioms', ...argv]);
  return lines;
}

const linux: AgentServiceCommandDeps = { platform: 'linux', uid: 0, homedir: '/root', env: {}, nodePath: '/usr/bin/node', entry: '/opt/ioms/ioms-agent.mjs' };

describe('ioms agent install --dry-run', () => {
  it('prints the unit with every agent flag on ExecStart and changes nothing', async () => {
    const fake = recordingRun();
    const lines = await runCli(
      ['agent', 'install', '--server', 'https://ioms:8888', '--token', 'tok', '--name', 'web-01', '--labels', 'role=web,env=prod', '--ca', '/etc/ioms/ca.pem', '--insecure', '--dry-run'],
      { ...linux, run: fake.run, unitDir: '/nonexistent-unit-dir' },
    );
    const text = lines.join('\n');
    expect(text).toContain(
      'ExecStart=/usr/bin/node /opt/ioms/ioms-agent.mjs agent --server https://ioms:8888 --state-dir /var/lib/ioms-agent --token tok --name web-01 --labels role=web,env=prod --ca /etc/ioms/ca.pem --insecure',
    );
    expect(text).toContain('# write /nonexistent-unit-dir/ioms-agent.service (mode 0600):');
    expect(text).toContain('systemctl enable --now ioms-agent');
    expect(fake.calls).toEqual([]);
  });

  it('prints the sc.exe commands on Windows', async () => {
    const lines = await runCli(['agent', 'install', '--server', 'https://ioms:8888', '--service-name', 'ioms-agent-2', '--dry-run'], {
      platform: 'win32',
      env: { ProgramData: 'C:\\ProgramData' },
      nodePath: 'C:\\node\\node.exe',
      entry: 'C:\\IOMS\\ioms-agent.mjs',
      exists: (path) => path === 'C:\\IOMS\\shawl.exe',
    });
    const text = lines.join('\n');
    expect(text).toContain(
      'sc.exe create ioms-agent-2 binPath= "C:\\IOMS\\shawl.exe run --name ioms-agent-2 --restart --stop-timeout 10000 --cwd C:\\ProgramData\\ioms-agent --log-dir C:\\ProgramData\\ioms-agent\\logs -- C:\\node\\node.exe C:\\IOMS\\ioms-agent.mjs agent --server https://ioms:8888 --state-dir C:\\ProgramData\\ioms-agent" start= auto DisplayName= "IOMS agent"',
    );
    expect(text).toContain('sc.exe failure ioms-agent-2 reset= 86400 actions= restart/5000/restart/5000/restart/5000');
    expect(text).toContain('sc.exe start ioms-agent-2');
  });

  it('uninstall --dry-run lists the systemctl calls', async () => {
    const lines = await runCli(['agent', 'uninstall', '--dry-run'], { ...linux, unitDir: '/u' });
    expect(lines.slice(1)).toEqual(['systemctl disable --now ioms-agent', '# remove /u/ioms-agent.service', 'systemctl daemon-reload']);
  });
});

describe('ioms agent install', () => {
  it('installs for real into a temp unit dir, then uninstalls', async () => {
    const root = await dirs.make();
    const unitDir = join(root, 'units');
    const systemdRunDir = join(root, 'run');
    await Promise.all([mkdir(unitDir), mkdir(systemdRunDir)]);
    const fake = recordingRun();
    const deps = { ...linux, run: fake.run, unitDir, systemdRunDir };
    const lines = await runCli(['agent', 'install', '--server', 'http://127.0.0.1:8888', '--state-dir', join(root, 'state')], deps);
    expect(lines[0]).toBe('installed and started service ioms-agent');
    expect(await readFile(join(unitDir, 'ioms-agent.service'), 'utf8')).toContain(`--state-dir ${join(root, 'state')}`);
    await runCli(['agent', 'uninstall'], deps);
    expect(fake.calls.map((call) => call.slice(1).join(' '))).toEqual(['daemon-reload', 'enable --now ioms-agent', 'disable --now ioms-agent', 'daemon-reload']);
  });

  it('refuses as a non-root user with a clear reason', async () => {
    await expect(runCli(['agent', 'install', '--server', 'http://127.0.0.1:8888'], { ...linux, uid: 1000, homedir: '/home/ops' })).rejects.toMatchObject({
      code: 'NOT_PRIVILEGED',
      message: expect.stringContaining('sudo'),
    });
  });
});

describe('buildInstallOptions', () => {
  const cases: Array<{ name: string; flags: Parameters<typeof buildInstallOptions>[0]; deps?: AgentServiceCommandDeps; stateDir?: string; args?: string[]; error?: RegExp }> = [
    { name: 'root gets /var/lib/ioms-agent', flags: { server: 'https://s' }, stateDir: '/var/lib/ioms-agent', args: ['agent', '--server', 'https://s', '--state-dir', '/var/lib/ioms-agent'] },
    { name: 'a user gets ~/.ioms-agent', flags: { server: 'https://s' }, deps: { uid: 501, homedir: '/home/u' }, stateDir: '/home/u/.ioms-agent' },
    { name: 'IOMS_SERVER_URL is the default server', flags: {}, deps: { env: { IOMS_SERVER_URL: 'wss://s:8888' } }, args: ['agent', '--server', 'wss://s:8888', '--state-dir', '/var/lib/ioms-agent'] },
    { name: 'a relative --ca and --state-dir become absolute', flags: { server: 'https://s', ca: 'ca.pem', stateDir: 'st' }, stateDir: join(process.cwd(), 'st'), args: ['agent', '--server', 'https://s', '--state-dir', join(process.cwd(), 'st'), '--ca', join(process.cwd(), 'ca.pem')] },
    { name: 'a custom agent command prefix', flags: { server: 'https://s' }, deps: { agentCommand: [] }, args: ['--server', 'https://s', '--state-dir', '/var/lib/ioms-agent'] },
    { name: 'no server', flags: {}, error: /--server is required/ },
    { name: 'not a URL', flags: { server: 'ioms:8888' }, error: /--server must be/ },
    { name: 'ftp is not a server', flags: { server: 'ftp://x' }, error: /--server must be/ },
  ];

  it.each(cases)('$name', ({ flags, deps, stateDir, args, error }) => {
    const build = () => buildInstallOptions(flags, { ...linux, ...deps });
    if (error !== undefined) return void expect(build).toThrow(error);
    const options = build();
    if (stateDir !== undefined) expect(options.stateDir).toBe(stateDir);
    if (args !== undefined) expect(options.args).toEqual(args);
  });

  it('on Windows without shawl.exe beside the entry, the installer asks for --wrapper', async () => {
    const options = buildInstallOptions({ server: 'https://s' }, { platform: 'win32', env: {}, entry: 'C:\\IOMS\\a.mjs', nodePath: 'C:\\n.exe', exists: () => false });
    expect(options.wrapper).toBeUndefined();
    const { planInstall } = await import('../../agent/service/service.js');
    expect(() => planInstall(options)).toThrow(expect.objectContaining({ code: 'WRAPPER_REQUIRED' }));
  });
});

describe('resolveAgentEntry', () => {
  it('from the checkout (a .ts module) it is bin/ioms.js', () => {
    const moduleUrl = new URL('../../agent/service/service-commands.ts', import.meta.url).href;
    expect(resolveAgentEntry(moduleUrl, '/whatever')).toBe(fileURLToPath(new URL('../../bin/ioms.js', import.meta.url)));
  });

  it('from the bundle it is the script being run', () => {
    expect(resolveAgentEntry('file:///opt/ioms/ioms-agent.mjs', '/opt/ioms/ioms-agent.mjs')).toBe('/opt/ioms/ioms-agent.mjs');
  });
});
