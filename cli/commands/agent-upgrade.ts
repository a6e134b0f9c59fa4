import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError } from '../errors.js';
import { printData, writeErr, writeStatusLine } from '../output.js';
import { selectorArg } from '../selector-arg.js';

interface Target { host: string; status: string; stdout: string | null; error: string | null }
interface JobWire { id: string; status: string; counts: { done: number; total: number }; targets: Target[] }

/**
 * `ioms agent upgrade [-l SELECTOR] [HOST...] --artifact NAME@VERSION [--batch N|N%]`: a job of the
 * built-in UPGRADE_AGENT action, rolled out in batches like any job; each agent trial-runs the new
 * bundle before swapping it in, and goes back if it cannot connect after the restart.
 */
export function registerAgentUpgradeCommand(agent: Command): void {
  agent
    .command('upgrade [hosts...]')
    .description('send agents a new agent bundle from the artifact store (rolled out in batches; each agent trial-runs it, swaps, and rolls back if it cannot connect)')
    .option('-l, --selector <selector>', 'label selector ("" for every host)', selectorArg)
    .requiredOption('--artifact <name@version>', 'the artifact holding the bundle (npm run build:agent, then ioms artifact push)')
    .option('--batch <n|n%>', 'hosts upgraded at once', '10%')
    .option('--max-failures <n>', 'stop once more than this many fail', '0')
    .option('--timeout <seconds>', 'per host', '120')
    .action(async (hosts: string[], o: { selector?: string; artifact: string; batch: string; maxFailures: string; timeout: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      if (o.selector === undefined && hosts.length === 0) throw new CliError('no target: give -l SELECTOR (-l "" for every host) or host names', 2);
      const client = ctx.client();
      const input = { selector: o.selector, hosts: hosts.length ? hosts : undefined, action: { kind: 'UPGRADE_AGENT', artifact: o.artifact }, batch: o.batch, maxFailures: Number(o.maxFailures), timeoutSeconds: Number(o.timeout) };
      const { runCommand } = await client.request<{ runCommand: { id: string } }>('mutation($i: RunCommandInput!) { runCommand(input: $i) { id } }', { i: input });
      let job: JobWire;
      for (;;) {
        job = (await client.request<{ job: JobWire }>('query($id: ID!) { job(id: $id) { id status counts { done total } targets { host status stdout error } } }', { id: runCommand.id })).job;
        if (job.counts.done === job.counts.total && job.status !== 'RUNNING') break;
        if (process.stderr.isTTY) writeStatusLine(`${job.counts.done}/${job.counts.total} agents upgraded…`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      if (process.stderr.isTTY) writeErr('\n');
      if (ctx.format !== 'table') printData(ctx.format, { job: Number(job.id), results: job.targets }, []);
      else printData(ctx.format, job.targets, [
        { header: 'host', value: (t: Target) => t.host },
        { header: 'status', value: (t: Target) => t.status },
        { header: 'detail', value: (t: Target) => t.error ?? t.stdout?.trim() },
      ]);
      if (job.targets.some((t) => t.status !== 'SUCCEEDED')) process.exitCode = 1;
    });
}
