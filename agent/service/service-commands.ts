/**
 * `ioms agent install` and `ioms agent uninstall`: run this host's agent as a system service
 * (systemd on Linux, sc.exe + shawl on Windows), the heir of the original install.bat /
 * remove.bat. Flags meant for the agent are written into the service's command line.
 */
import { existsSync } from 'node:fs';
import { homedir as osHomedir } from 'node:os';
import { resolve, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Command } from 'commander';

import { DEFAULT_SERVICE_NAME, type RunCommand, type ServiceOptions, type ServicePlan } from './service-plan.js';
import { describePlan } from './service-steps.js';
import { installService, planInstall, planUninstall, servicePlatform, uninstallService } from './service.js';
import { defaultStateDir } from './state-dir.js';
import { CliError } from '../cli-error.js';

/** Test seams; production defaults in brackets. */
export interface AgentServiceCommandDeps {
  /** [console.log] */
  readonly print?: (line: string) => void;
  /** [process.platform] */
  readonly platform?: NodeJS.Platform;
  /** [process.env] for IOMS_SERVER_URL and ProgramData */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** [process.getuid()] */
  readonly uid?: number;
  /** [os.homedir()] */
  readonly homedir?: string;
  /** [process.execPath] the node binary the service runs */
  readonly nodePath?: string;
  /** [see {@link resolveAgentEntry}] the script node runs */
  readonly entry?: string;
  /** [['agent']] the words before the agent's flags on the service command line */
  readonly agentCommand?: readonly string[];
  /** [fs.existsSync] used to find shawl.exe beside the entry on Windows */
  readonly exists?: (path: string) => boolean;
  /** Passed to the installer: command runner, unit dir, systemd probe dir. */
  readonly run?: RunCommand;
  readonly unitDir?: string;
  readonly systemdRunDir?: string;
}

/** Flags of `ioms agent install`, merged with the global ones (`--server`, `--ca`, `--insecure`). */
export interface AgentInstallFlags {
  readonly server?: string;
  readonly token?: string;
  readonly name?: string;
  readonly labels?: string;
  readonly stateDir?: string;
  readonly ca?: string;
  readonly insecure?: boolean;
  readonly serviceName?: string;
  readonly wrapper?: string;
  readonly dryRun?: boolean;
}

/** Adds `install` and `uninstall` to an existing `ioms agent` command. */
export function registerAgentServiceCommands(agent: Command, deps: AgentServiceCommandDeps = {}): void {
  agent
    .command('install')
    .description('install this agent as a system service (systemd on Linux, a Windows service via sc.exe) and start it')
    .option('--server <url>', 'server URL the agent dials (default: IOMS_SERVER_URL)')
    .option('--token <token>', 'enrollment token, used once to obtain this host\'s credential')
    .option('--name <name>', 'host name to enroll as (default: the agent\'s own default)')
    .option('--labels <k=v,...>', 'labels for this host')
    .option('--state-dir <dir>', 'agent state dir (default: /var/lib/ioms-agent as root, ~/.ioms-agent otherwise, %ProgramData%\\ioms-agent on Windows)')
    .option('--ca <file>', 'trust only this CA (PEM) for the server')
    .option('--insecure', 'allow plain ws:// to a non-loopback server')
    .option('--service-name <name>', `service / systemd unit name (default: ${DEFAULT_SERVICE_NAME})`)
    .option('--wrapper <file>', 'Windows: path of shawl.exe, the service wrapper (default: shawl.exe beside the agent)')
    .option('--dry-run', 'print the unit file / sc.exe commands and change nothing')
    .action(async (_options: AgentInstallFlags, command: Command) => {
      await runAgentInstall(command.optsWithGlobals<AgentInstallFlags>(), deps);
    });
  agent
    .command('uninstall')
    .description('stop and remove the agent service (the state dir and its credential are kept)')
    .option('--service-name <name>', `service / systemd unit name (default: ${DEFAULT_SERVICE_NAME})`)
    .option('--dry-run', 'print what would be done and change nothing')
    .action(async (_options: AgentInstallFlags, command: Command) => {
      await runAgentUninstall(command.optsWithGlobals<AgentInstallFlags>(), deps);
    });
}

/** Runs `ioms agent install`; returns the plan executed (or printed, with --dry-run). */
export async function runAgentInstall(flags: AgentInstallFlags, deps: AgentServiceCommandDeps = {}): Promise<ServicePlan> {
  const print = deps.print ?? ((line: string) => console.log(line));
  const options = buildInstallOptions(flags, deps);
  if (flags.dryRun === true) {
    const plan = planInstall(options);
    for (const line of ['# dry run: nothing is changed. `ioms agent install` would:', ...describePlan(plan)]) print(line);
    return plan;
  }
  const plan = await installService(options);
  print(`installed and started service ${plan.name}`);
  print(plan.platform === 'linux' ? `  status: systemctl status ${plan.name}    logs: journalctl -u ${plan.name} -f` : `  status: sc.exe query ${plan.name}    logs: ${win32.join(options.stateDir, 'logs')}`);
  print(`  state dir: ${options.stateDir}`);
  return plan;
}

/** Runs `ioms agent uninstall`; returns the plan executed (or printed, with --dry-run). */
export async function runAgentUninstall(flags: Pick<AgentInstallFlags, 'serviceName' | 'dryRun' | 'stateDir'>, deps: AgentServiceCommandDeps = {}): Promise<ServicePlan> {
  const print = deps.print ?? ((line: string) => console.log(line));
  const options: ServiceOptions = { ...installerSeams(deps), name: flags.serviceName, entry: '', args: [], stateDir: '' };
  if (flags.dryRun === true) {
    const plan = planUninstall(options);
    for (const line of ['# dry run: nothing is changed. `ioms agent uninstall` would:', ...describePlan(plan)]) print(line);
    return plan;
  }
  const plan = await uninstallService(options);
  print(`removed service ${plan.name}; the state dir (this host's credential) was kept, delete it to forget the host`);
  return plan;
}

/**
 * The installer's options from the flags: the state dir defaulted per platform, paths made
 * absolute (a service does not start in the operator's directory), the agent's flags in order.
 */
export function buildInstallOptions(flags: AgentInstallFlags, deps: AgentServiceCommandDeps = {}): ServiceOptions {
  const platform = servicePlatform({ platform: deps.platform });
  const env = deps.env ?? process.env;
  const server = flags.server ?? env.IOMS_SERVER_URL;
  if (server === undefined || server === '') throw new CliError('--server is required (the URL the agent dials, e.g. https://ioms.example.com:8888)', 2);
  if (!isServerUrl(server)) throw new CliError(`--server must be an http(s) or ws(s) URL, got "${server}"`, 2);
  const absolute = (path: string): string => (platform === 'win32' ? win32.resolve(path) : resolve(path));
  const stateDir = absolute(
    flags.stateDir ?? defaultStateDir({ platform, uid: 'uid' in deps ? deps.uid : process.getuid?.(), env, homedir: deps.homedir ?? osHomedir() }),
  );
  const entry = deps.entry ?? resolveAgentEntry();
  const args = [...(deps.agentCommand ?? ['agent']), '--server', server, '--state-dir', stateDir];
  if (flags.token !== undefined) args.push('--token', flags.token);
  if (flags.name !== undefined) args.push('--name', flags.name);
  if (flags.labels !== undefined) args.push('--labels', flags.labels);
  if (flags.ca !== undefined) args.push('--ca', absolute(flags.ca));
  if (flags.insecure === true) args.push('--insecure');
  return {
    ...installerSeams(deps),
    name: flags.serviceName,
    nodePath: deps.nodePath ?? process.execPath,
    entry,
    args,
    stateDir,
    wrapper: platform === 'win32' ? findWrapper(flags.wrapper, entry, deps.exists ?? existsSync) : undefined,
  };
}

/**
 * The script the service runs: `bin/ioms.js` of this checkout when the CLI runs from source
 * (this module is a `.ts` file), else the bundle being run (`process.argv[1]`).
 */
export function resolveAgentEntry(moduleUrl: string = import.meta.url, argv1: string | undefined = process.argv[1]): string {
  const modulePath = fileURLToPath(moduleUrl);
  if (modulePath.endsWith('.ts')) return fileURLToPath(new URL('../../bin/ioms.js', moduleUrl));
  if (argv1 === undefined || argv1 === '') throw new CliError('cannot tell which script is running: start the agent bundle as `node /path/to/ioms-agent.mjs agent install ...`');
  return resolve(argv1);
}

function installerSeams(deps: AgentServiceCommandDeps): Pick<ServiceOptions, 'platform' | 'run' | 'unitDir' | 'systemdRunDir' | 'uid'> {
  const seams: { -readonly [K in 'platform' | 'run' | 'unitDir' | 'systemdRunDir' | 'uid']?: ServiceOptions[K] } = { platform: deps.platform };
  if (deps.run !== undefined) seams.run = deps.run;
  if (deps.unitDir !== undefined) seams.unitDir = deps.unitDir;
  if (deps.systemdRunDir !== undefined) seams.systemdRunDir = deps.systemdRunDir;
  if ('uid' in deps) seams.uid = deps.uid;
  return seams;
}

/** `--wrapper`, else shawl.exe next to the entry (how the Windows zip is laid out), else none. */
function findWrapper(flag: string | undefined, entry: string, exists: (path: string) => boolean): string | undefined {
  if (flag !== undefined) return win32.resolve(flag);
  const beside = win32.join(win32.dirname(entry), 'shawl.exe');
  return exists(beside) ? beside : undefined;
}

function isServerUrl(text: string): boolean {
  try {
    return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
