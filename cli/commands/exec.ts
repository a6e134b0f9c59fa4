import { CommanderError, type Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError, EXIT_INTERRUPTED, EXIT_USAGE } from '../errors.js';
import { writeErr, writeOut, printData } from '../output.js';
import { promptSecret } from '../prompt.js';
import { ExecUsageError, parseExecArgs, toRunCommandInput, tokensAfterSubcommand, type ExecRequest } from '../jobs/exec-args.js';
import { followJob } from '../jobs/follow-job.js';
import { RUN_COMMAND, type JobWire, type TargetStatus } from '../jobs/job-wire.js';
import { printJobResults } from '../jobs/print-job.js';

type SubmittedJob = JobWire & { targets: { host: string; status: TargetStatus }[] };

/** Exit statuses of `ioms exec` beyond 0 (every host succeeded) and 1 (some did not, or an error). */
export { EXIT_INTERRUPTED, EXIT_USAGE };

/** Commander's own parse errors (a missing option value) are usage errors too: exit 2. */
function usageExit(err: CommanderError): never {
  if (err.exitCode === 0) throw err;
  throw new CommanderError(EXIT_USAGE, err.code, err.message);
}

/** The new OS password for set-password: IOMS_NEW_PASSWORD, or a hidden prompt (asked twice on a terminal). */
async function actionPassword(username: string): Promise<string> {
  const fromEnv = process.env.IOMS_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  const instead = 'set IOMS_NEW_PASSWORD';
  const first = await promptSecret(`New password for ${username}: `, instead);
  if (process.stdin.isTTY && first !== (await promptSecret('Repeat it: ', instead))) throw new CliError('the passwords do not match', EXIT_USAGE);
  if (!first) throw new CliError('the new password is empty', EXIT_USAGE);
  return first;
}

async function runExec(cmd: Command): Promise<void> {
  // Parsed from the raw arguments: commander drops the `--` between hosts and the command.
  const tokens = tokensAfterSubcommand(process.argv.slice(2), 'exec');
  if (!tokens) throw new ExecUsageError('UNKNOWN_OPTION', 'could not find the arguments of `ioms exec`');
  const req: ExecRequest = parseExecArgs(tokens);
  const ctx = commandContext(cmd);
  const client = ctx.client();
  const password = req.action?.kind === 'SET_PASSWORD' ? await actionPassword(req.action.username) : undefined;
  const startedAt = Date.now();
  const { runCommand: job } = await client.request<{ runCommand: SubmittedJob }>(RUN_COMMAND, { input: toRunCommandInput(req, password) });

  if (!req.wait) {
    if (ctx.format === 'table') writeOut(`${job.id}\n`);
    else printData(ctx.format, { job: Number(job.id) }, []);
    return;
  }
  if (job.targets.length === 0) throw new CliError(`job ${job.id}: no host matched the targets`);

  const { job: final, interrupted } = await followJob(cmd, client, job);
  const ok = printJobResults(final, { format: ctx.format, elapsedMs: Date.now() - startedAt, raw: req.raw });
  if (interrupted) {
    writeErr(`ioms: stopped watching; job ${job.id} goes on on the server (\`ioms job ${job.id}\` to see it, \`ioms job cancel ${job.id}\` to stop it)\n`);
    process.exitCode = EXIT_INTERRUPTED;
  } else if (!ok) process.exitCode = 1;
}

export function registerExecCommand(program: Command): void {
  program
    .command('exec')
    .description('run a command (or a built-in action) on hosts, show live progress, then every result grouped by identical output')
    .usage("[-l SELECTOR] [HOST...] [options] -- COMMAND...\n       ioms exec [-l SELECTOR] [HOST...] [options] --action ACTION [ARGS...]")
    .argument('[hosts...]', 'host names or globs (with -l: both must match)')
    .option('-l, --selector <selector>', "label selector, e.g. role=web,env!=prod ('' = every host)")
    .option('--batch <n|n%>', 'rolling window: at most N hosts (or N% of them) at once')
    .option('--max-failures <n>', 'stop dispatching once more than N hosts failed')
    .option('--timeout <duration>', 'kill the command (its whole process tree) after this long, e.g. 30s (server default: 60s)')
    .option('--queue-for <duration>', 'offline hosts get the command if they connect within this long (default 10m), else UNREACHABLE')
    .option('--shell <interpreter>', 'sh, bash, cmd or powershell (default: sh on POSIX, cmd on Windows)')
    .option('--cwd <dir>', 'working directory on the host')
    .option('--env <NAME=VALUE>', 'an environment variable for the command (repeatable)')
    .option('--action <action>', 'instead of a command: restart-process NAME | collect-inventory | set-password USER (password from IOMS_NEW_PASSWORD or a prompt) | download ARTIFACT PATH')
    .option('--mode <mode>', 'with --action download: the file mode, e.g. 0644')
    .option('--no-wait', 'submit, print the job id and return')
    .option('--raw', 'print the hosts’ output unchanged, terminal control characters included (for scripts); otherwise they are shown escaped')
    .addHelpText(
      'after',
      `
Everything after -- is the command, joined with spaces. Exit status: 0 when every host
succeeded, 1 when one did not (or on an error), 2 for a usage error, 130 after Ctrl-C.

Examples:
  ioms exec -l role=web -- uptime
  ioms exec web-01 web-02 --timeout 10s -- 'systemctl status nginx'
  ioms exec -l '' --batch 25% --max-failures 2 -- /opt/game/update.sh
  ioms exec -l os=windows --shell powershell -- Get-Service W3SVC
  ioms exec -l role=game --action restart-process gameserver
  ioms exec -l role=web -o json -- hostname`,
    )
    .allowUnknownOption()
    .allowExcessArguments()
    .exitOverride(usageExit)
    .action(async (_hosts: string[], _o: unknown, cmd: Command) => runExec(cmd));
}
