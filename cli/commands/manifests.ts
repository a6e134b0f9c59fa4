/**
 * Desired state from the command line: `ioms apply`, `ioms diff`, `ioms get manifests`,
 * `ioms get revisions`, `ioms rollout status`, `ioms rollback`. See docs/rollout.md.
 *
 * Exit statuses: `apply` and `rollback` 0 stored or unchanged, 1 refused (manifest errors,
 * server errors); `diff` like diff(1): 0 no host changes, 1 some host changes, 2 trouble
 * (manifest errors, server unreachable, bad usage). Usage errors are 2 everywhere.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { ApiClient } from '../api-client.js';
import { commandContext, type GlobalOptions } from '../context.js';
import { parseDuration } from '../duration.js';
import { CliError } from '../errors.js';
import { writeErr, writeOut, printData, renderTable, type OutputFormat } from '../output.js';
import { collectManifestFiles } from '../manifests/collect-files.js';
import { fetchRolloutStatus, followRollout } from '../manifests/follow-rollout.js';
import { exitStatus } from '../process-exit.js';
import { readGitSource } from '../manifests/git-source.js';
import {
  APPLY_MANIFESTS,
  PLAN_MANIFESTS,
  MANIFEST_REVISION,
  MANIFEST_REVISIONS,
  ROLLBACK_MANIFESTS,
  type ApplyResultWire,
  type RevisionPage,
  type RevisionWire,
} from '../manifests/manifest-wire.js';
import { changedHosts } from '../../manifests/plan-groups.js';
import { describeSource, formatApplyError, renderApplied, renderPlan } from '../manifests/plan-output.js';
import { renderRolloutTable, rolloutView } from '../manifests/rollout-view.js';
import { eachHost } from './processes.js';
import { selectorArg } from '../selector-arg.js';

export const EXIT_DIFF_CHANGES = 1;
export const EXIT_DIFF_TROUBLE = 2;
/** `--until-converged` gives up after this long unless `--timeout` says otherwise. */
export const DEFAULT_CONVERGE_TIMEOUT = '10m';
const MAX_REVISIONS_LIMIT = 500;

interface ApplyOptions {
  filename: string[];
  prune?: boolean;
  message?: string;
  dryRun?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parsePositiveInt(what: string) {
  return (text: string): number => {
    if (!/^[1-9]\d{0,9}$/.test(text)) throw new CliError(`${what} must be a positive whole number, not "${text}"`, 2);
    return Number(text);
  };
}

/** Reads `-f`, finds the git source, sends `applyManifests`. */
async function sendApply(client: ApiClient, o: ApplyOptions, dryRun: boolean): Promise<ApplyResultWire> {
  const files = collectManifestFiles(o.filename);
  const source = await readGitSource(o.filename.map((f) => path.resolve(f)));
  const input = {
    files: files.map((f) => ({ path: f.path, content: f.content })),
    dryRun,
    prune: Boolean(o.prune),
    ...(o.message !== undefined ? { message: o.message } : {}),
    ...(source ? { source } : {}),
  };
  if (dryRun) return (await client.request<{ planManifests: ApplyResultWire }>(PLAN_MANIFESTS, { input })).planManifests;
  return (await client.request<{ applyManifests: ApplyResultWire }>(APPLY_MANIFESTS, { input })).applyManifests;
}

/** JSON/YAML: the server's answer verbatim. Errors always go to stderr as `file:line:column: message [CODE]`. */
function reportResult(format: OutputFormat, result: ApplyResultWire, table: () => string, refusedExit: number): void {
  if (format !== 'table') printData(format, result, []);
  if (result.errors.length) {
    writeErr(result.errors.map((e) => `${formatApplyError(e)}\n`).join(''));
    throw new CliError(`${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'} in the manifests; nothing was applied`, refusedExit);
  }
  if (format === 'table') writeOut(table());
}

function manifestOptions(cmd: Command): Command {
  return cmd
    .requiredOption('-f, --filename <path>', 'a manifest file or a directory of *.yaml/*.yml (recursive); repeatable', collect, [])
    .option('--prune', 'remove documents of the current revision that these files no longer hold (default: keep them)');
}

function registerApply(program: Command): void {
  manifestOptions(program.command('apply'))
    .description('validate manifests on the server and store them as a new revision (with the git commit when in a work tree)')
    .option('--dry-run', 'validate and show the plan (like `ioms diff`), store nothing')
    .option('-m, --message <text>', 'a note stored with the revision')
    .action(async (o: ApplyOptions, cmd: Command) => {
      const ctx = commandContext(cmd);
      const result = await sendApply(ctx.client(), o, Boolean(o.dryRun));
      reportResult(ctx.format, result, () => (o.dryRun ? renderPlan(result.hosts) : renderApplied(result)), 1);
    });
}

function registerDiff(program: Command): void {
  manifestOptions(program.command('diff'))
    .description('the fleet-wide plan these manifests would cause: which hosts change and how (exit 0 none, 1 some, 2 trouble)')
    .action(async (o: ApplyOptions, cmd: Command) => {
      try {
        const ctx = commandContext(cmd);
        const result = await sendApply(ctx.client(), o, true);
        reportResult(ctx.format, result, () => renderPlan(result.hosts), EXIT_DIFF_TROUBLE);
        if (changedHosts(result.hosts).length > 0) process.exitCode = EXIT_DIFF_CHANGES;
      } catch (err) {
        if (err instanceof CliError && err.exitCode === EXIT_DIFF_TROUBLE) throw err;
        throw new CliError(err instanceof Error ? err.message : String(err), EXIT_DIFF_TROUBLE);
      }
    });
}

function revisionHeader(r: RevisionWire): string {
  const from = describeSource(r.source);
  const what = r.rollbackOf !== null ? ` · rollback to revision ${r.rollbackOf}` : '';
  return `Revision ${r.id}${r.current ? ' (current)' : ''} · ${r.createdAt} by ${r.createdBy}${from ? ` · ${from}` : ''}${what}${r.message && !(r.rollbackOf !== null && r.message === `rollback to revision ${r.rollbackOf}`) ? ` · ${r.message}` : ''}\n`;
}

async function fetchRevisions(client: ApiClient, limit: number): Promise<RevisionWire[]> {
  const out: RevisionWire[] = [];
  let after: string | null = null;
  while (out.length < limit) {
    const page: RevisionPage = await client.request<RevisionPage>(MANIFEST_REVISIONS, { first: Math.min(100, limit - out.length), after });
    out.push(...page.manifestRevisions.nodes);
    if (!page.manifestRevisions.pageInfo.hasNextPage) break;
    after = page.manifestRevisions.pageInfo.endCursor;
  }
  return out.slice(0, limit);
}

/** The given revision, or the one in force (null when nothing was ever applied). */
async function fetchRevision(client: ApiClient, id: number | undefined): Promise<RevisionWire | null> {
  const { manifestRevision } = await client.request<{ manifestRevision: RevisionWire | null }>(MANIFEST_REVISION, id !== undefined ? { id } : {});
  if (!manifestRevision && id !== undefined) throw new CliError(`no revision ${id}`);
  return manifestRevision;
}

/** `get` may already exist (hosts.ts makes it): reuse it so registration order does not matter. */
function parentCommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

function registerGet(program: Command): void {
  const get = parentCommand(program, 'get', 'list resources');
  get
    .command('manifests')
    .description('the documents of the current revision (or --revision N): kind, name, file:line')
    .option('--revision <n>', 'an older revision', parsePositiveInt('--revision'))
    .action(async (o: { revision?: number }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const revision = await fetchRevision(ctx.client(), o.revision);
      if (ctx.format !== 'table') return printData(ctx.format, revision, []);
      if (!revision) return void writeOut('No manifests applied yet.\n');
      writeOut(revisionHeader(revision));
      writeOut(
        renderTable(revision.documents, [
          { header: 'kind', value: (d) => d.kind },
          { header: 'name', value: (d) => d.name },
          { header: 'source', value: (d) => `${d.file}:${d.line}` },
        ]),
      );
    });
  get
    .command('revisions')
    .description('manifest revisions, newest first: id, when, who, commit, message, which is current')
    .option('--limit <n>', `at most N (1-${MAX_REVISIONS_LIMIT})`, parsePositiveInt('--limit'), 20)
    .action(async (o: { limit: number }, cmd: Command) => {
      const ctx = commandContext(cmd);
      if (o.limit > MAX_REVISIONS_LIMIT) throw new CliError(`--limit must be at most ${MAX_REVISIONS_LIMIT}`, 2);
      const revisions = await fetchRevisions(ctx.client(), o.limit);
      if (ctx.format === 'table' && revisions.length === 0) return void writeOut('No manifests applied yet.\n');
      printData(ctx.format, revisions, [
        { header: 'id', value: (r) => r.id },
        { header: 'current', value: (r) => (r.current ? '*' : '') },
        { header: 'created', value: (r) => r.createdAt },
        { header: 'by', value: (r) => r.createdBy },
        { header: 'commit', value: (r) => (r.source.commit ? `${r.source.commit.slice(0, 12)}${r.source.dirty ? '+dirty' : ''}` : '') },
        { header: 'message', value: (r) => (r.rollbackOf !== null && (r.message ?? '').startsWith('rollback to') ? r.message : [r.rollbackOf !== null ? `rollback to revision ${r.rollbackOf}` : '', r.message ?? ''].filter(Boolean).join(': ')) },
      ]);
    });
}

interface RolloutOptions {
  selector?: string;
  watch?: boolean;
  untilConverged?: boolean;
  timeout?: string;
}

function registerRollout(program: Command): void {
  const rollout = parentCommand(program, 'rollout', 'desired-state rollout');
  rollout
    .command('status')
    .description('per host: converged, drifted (with reasons), pending or failed, and the revision it runs')
    .option('-l, --selector <selector>', 'only hosts matching this label selector', selectorArg)
    .option('-w, --watch', 'keep the view live until Ctrl-C (redrawn on a terminal, changed rows otherwise)')
    .option('--until-converged', 'watch, and exit 0 once every online host is converged (1 on --timeout)')
    .option('--timeout <duration>', `stop watching after this long (with --until-converged: default ${DEFAULT_CONVERGE_TIMEOUT}, then exit 1)`)
    .action(async (o: RolloutOptions, cmd: Command) => {
      const ctx = commandContext(cmd);
      const client = ctx.client();
      const timeoutMs = o.timeout !== undefined ? parseDuration(o.timeout) : o.untilConverged ? parseDuration(DEFAULT_CONVERGE_TIMEOUT) : undefined;
      if (!o.watch && !o.untilConverged) {
        const status = await fetchRolloutStatus(client, o.selector);
        if (ctx.format !== 'table') return printData(ctx.format, status, []);
        writeOut(renderRolloutTable(rolloutView(status)));
        // Converged is not the whole story: say when a guarded process restarted lately.
        const restarts = await recentRestarts(client, o.selector, RECENT_RESTART_MS);
        if (restarts) writeOut(restarts);
        return;
      }
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const sameServer = !globals.server || globals.server === ctx.config.server;
      await followRollout({
        client,
        server: ctx.server,
        token: (sameServer ? ctx.config.token : undefined) ?? '',
        caFile: ctx.caFile,
        insecure: globals.insecure,
        format: ctx.format,
        selector: o.selector,
        untilConverged: Boolean(o.untilConverged),
        timeoutMs,
      });
    });
}

const RECENT_RESTART_MS = 3_600_000;

/** `Restarts in the last hour: vm/chatty ×2 (latest 12:27:26 SIGKILL) — see ioms get restarts --since 1h`, or '' when none. */
async function recentRestarts(client: ApiClient, selector: string | undefined, withinMs: number): Promise<string> {
  const since = new Date(Date.now() - withinMs).toISOString();
  const hosts = await eachHost<{ restarts: { process: string; at: string; exitCode: number | null; signal: string | null; pid: number | null }[] }>(client, selector, [], 'restarts(since: $since, first: $first) { process at exitCode signal pid }', { since, first: 20 }, ', $since: DateTime, $first: Int', 10);
  const groups = new Map<string, { n: number; latest: { at: string; exitCode: number | null; signal: string | null; pid: number | null } }>();
  for (const h of hosts) {
    for (const r of h.restarts) {
      const key = `${h.name}/${r.process}`;
      const g = groups.get(key);
      if (!g) groups.set(key, { n: 1, latest: r });
      else {
        g.n += 1;
        if (r.at > g.latest.at) g.latest = r;
      }
    }
  }
  if (groups.size === 0) return '';
  const parts = [...groups].map(([key, g]) => `${key} ×${g.n} (latest ${g.latest.at}, ${g.latest.signal ?? (g.latest.exitCode !== null ? `exit ${g.latest.exitCode}` : `exit ${exitStatus(g.latest)}`)})`);
  return `Restarts in the last hour: ${parts.join(', ')} — see \`ioms get restarts --since 1h\`\n`;
}

function registerRollback(program: Command): void {
  program
    .command('rollback')
    .description('re-apply an older revision as a new one; prints the new revision')
    .argument('<revision>', 'the revision to go back to (see `ioms get revisions`)', parsePositiveInt('REVISION'))
    .action(async (revision: number, _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { rollbackManifests: result } = await ctx.client().request<{ rollbackManifests: ApplyResultWire }>(ROLLBACK_MANIFESTS, { revision });
      reportResult(ctx.format, result, () => renderApplied(result), 1);
    });
}

/** `ioms apply`, `ioms diff`, `ioms get manifests|revisions`, `ioms rollout status`, `ioms rollback`. */
export function registerManifestCommands(program: Command): void {
  registerApply(program);
  registerDiff(program);
  registerGet(program);
  registerRollout(program);
  registerRollback(program);
}
