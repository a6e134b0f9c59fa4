import { Command, CommanderError } from 'commander';
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
import { registerTokenCommands } from './commands/token.js';
import { registerServerCommands } from './commands/server.js';
import { registerTlsCommands } from './commands/tls.js';
import { registerUserCommands } from './commands/user.js';
import { CliError } from './errors.js';

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
registerArtifactCommands(program);
registerJobCommands(program);
registerManifestCommands(program);
registerReportCommands(program);

// `ioms --version` is handled here rather than by commander, whose version flag would be taken
// wherever it appears (e.g. `ioms artifact push f --version 1.2`).
const first = process.argv[2];
if (first === '--version' || first === '-V') {
  process.stdout.write('0.1.0\n');
  process.exit(0);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`ioms: ${message}\n`);
  if (process.env.IOMS_DEBUG && err instanceof Error && !(err instanceof CliError)) process.stderr.write(`${err.stack}\n`);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}
