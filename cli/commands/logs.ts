/**
 * `ioms logs HOST PROCESS [--tail N] [-f]`: a guarded process's captured stdout and stderr, read
 * by the host's agent and relayed by the server (the `processLogs` subscription). Lines the
 * process wrote to stdout go to stdout, its stderr lines to stderr; terminal controls in them are
 * shown escaped unless `--raw`.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { commandContext, type GlobalOptions } from '../context.js';
import { CliError, EXIT_INTERRUPTED } from '../errors.js';
import { describeStreamError } from '../jobs/job-event-stream.js';
import { formatData, writeErr, writeOut, writeRaw, writeRawErr } from '../output.js';
import { escapeQuotedControls } from '../terminal-text.js';
import { createCliWsClient } from '../ws-client.js';

/** Same bound as the agent's (protocol/process-logs.schema.ts). */
const MAX_TAIL = 10_000;

export const PROCESS_LOGS = `subscription($host: String!, $process: String!, $tail: Int, $follow: Boolean) {
  processLogs(host: $host, process: $process, tail: $tail, follow: $follow) { lines { stream text } done error }
}`;

interface ChunkWire {
  lines: { stream: 'stdout' | 'stderr'; text: string }[];
  done: boolean;
  error: string | null;
}

function tailArg(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > MAX_TAIL) throw new InvalidArgumentError(`--tail must be a whole number from 0 to ${MAX_TAIL}`);
  return n;
}

export function registerLogsCommand(program: Command): void {
  program
    .command('logs <host> <process>')
    .description('a guarded process’s stdout and stderr, read by its agent: the last lines, then (-f) what it writes')
    .option('--tail <n>', 'lines of each stream to show first (0 to 10000)', tailArg, 100)
    .option('-f, --follow', 'keep printing what the process writes, until Ctrl-C (at most one hour)')
    .option('--raw', 'print the lines unchanged, terminal control characters included (for scripts)')
    .addHelpText('after', '\nNeeds the operator role; every read is audited. -o json prints one {"stream","text"} object per line.\nExit status: 0, 1 when the logs could not be read, 2 for bad usage, 130 after Ctrl-C of a follow.')
    .action(async (host: string, processName: string, o: { tail: number; follow?: boolean; raw?: boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const sameServer = !globals.server || globals.server === ctx.config.server;
      const token = sameServer ? ctx.config.token : undefined;
      if (!token) throw new CliError(`not logged in to ${ctx.server}: run \`ioms login --server ${ctx.server}\``);
      // The HTTP client first: an unreachable or TLS-mismatched server gets its one-line message.
      await ctx.client().request('{ me { username } }');
      const { client, dispose } = createCliWsClient({ server: ctx.server, token, caFile: ctx.caFile, insecure: globals.insecure });
      const print = (line: ChunkWire['lines'][number]) => {
        if (ctx.format === 'json') return writeOut(`${escapeQuotedControls(JSON.stringify(line))}\n`);
        if (ctx.format === 'yaml') return writeOut(`---\n${formatData('yaml', line)}`);
        const text = `${line.text}\n`;
        if (line.stream === 'stderr') return o.raw ? writeRawErr(text) : writeErr(text);
        return o.raw ? writeRaw(text) : writeOut(text);
      };
      let interrupted = false;
      try {
        await new Promise<void>((resolve, reject) => {
          const unsubscribe = client.subscribe<{ processLogs: ChunkWire }>(
            { query: PROCESS_LOGS, variables: { host, process: processName, tail: o.tail, follow: Boolean(o.follow) } },
            {
              next: (r) => {
                if (r.errors?.length) return reject(new CliError(r.errors.map((e) => e.message).join('; ')));
                const chunk = r.data?.processLogs;
                if (!chunk) return;
                for (const line of chunk.lines) print(line);
                if (chunk.error) reject(new CliError(`${host}: ${chunk.error}`));
                else if (chunk.done) resolve();
              },
              error: (err) => reject(new CliError(`the logs stream failed: ${describeStreamError(err)}`)),
              complete: () => resolve(),
            },
          );
          process.once('SIGINT', () => {
            interrupted = true;
            unsubscribe();
            resolve();
          });
        });
      } finally {
        await dispose();
      }
      if (interrupted) process.exitCode = EXIT_INTERRUPTED;
    });
}

