/** Registers the manifest commands on the `ioms` program just before it parses (see ioms-with-manifests.js). */
import { Command } from 'commander';
import { registerManifestCommands } from '../../cli/commands/manifests.js';

const parseAsync = Command.prototype.parseAsync;
Command.prototype.parseAsync = function (this: Command, ...args: Parameters<Command['parseAsync']>) {
  if (this.parent === null && !this.commands.some((c) => c.name() === 'apply')) registerManifestCommands(this);
  return parseAsync.apply(this, args);
};
await import('../../cli/main.js');
