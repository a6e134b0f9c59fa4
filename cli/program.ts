import { Command } from 'commander';
import { registerAgentCommand } from '../agent/cli.js';
import { registerAgentServiceCommands } from '../agent/service/service-commands.js';
import { registerAgentUpgradeCommand } from './commands/agent-upgrade.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerArtifactCommands } from './commands/artifact.js';
import { registerJobCommands } from './commands/jobs.js';
import { registerManifestCommands } from './commands/manifests.js';
import { registerReportCommands } from './commands/report.js';
import { registerAuthCommands } from './commands/auth.js';
import { registerHostCommands } from './commands/hosts.js';
import { registerCronCommands } from './commands/cron.js';
import { registerProcessCommands } from './commands/processes.js';
import { registerLogsCommand } from './commands/logs.js';
import { registerTokenCommands } from './commands/token.js';
import { registerServerCommands } from './commands/server.js';
import { registerTlsCommands } from './commands/tls.js';
import { registerUserCommands } from './commands/user.js';

/**
 * The `ioms` command tree with every command registered, not yet parsed: cli/main.ts parses
 * `process.argv` with it, tests walk it (its help, its command names) without a process each.
 * Commander errors are thrown (`exitOverride`), not turned into exits.
 */
export function buildProgram(): Command {
  const program = new Command('ioms')
    .description('IOMS — Integrated Operation Management System')
    .option('-s, --server <url>', 'server URL (default: the logged-in server, IOMS_SERVER_URL, or http://127.0.0.1:8888)')
    .option('-o, --output <format>', 'table, json, yaml or csv', 'table')
    .option('--ca <file>', 'trust this CA (PEM) for the server instead of the system store')
    .option('--insecure', 'allow plain http to a non-loopback server')
    .showHelpAfterError()
    .exitOverride();

  registerServerCommands(program);
  registerAuthCommands(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerTlsCommands(program);
  const agentCommand = registerAgentCommand(program);
  registerAgentServiceCommands(agentCommand);
  registerAgentUpgradeCommand(agentCommand);
  registerTokenCommands(program);
  registerHostCommands(program);
  registerCronCommands(program);
  registerProcessCommands(program);
  registerLogsCommand(program);
  registerArtifactCommands(program);
  registerJobCommands(program);
  registerManifestCommands(program);
  registerReportCommands(program);
  return program;
}
