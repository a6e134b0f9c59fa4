#!/usr/bin/env node
/**
 * The agent alone: the entry of the single-file bundle copied onto hosts
 * (`npm run build:agent`). The full `ioms` CLI offers the same `ioms agent` command.
 */
// First: the V8 flags must be set before the rest of the bundle is evaluated.
import './v8-flags.apply.js';
import { Command, CommanderError } from 'commander';
import { registerAgentServiceCommands } from './service/service-commands.js';
import { CliError } from './cli-error.js';
import { registerAgentCommand } from './cli.js';
import { AGENT_VERSION } from './version.js';

const program = new Command('ioms').version(AGENT_VERSION).exitOverride();
registerAgentServiceCommands(registerAgentCommand(program));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.stderr.write(`ioms agent: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}
