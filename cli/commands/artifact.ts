import path from 'node:path';
import type { Command } from 'commander';
import { commandContext, type GlobalOptions } from '../context.js';
import { CliError } from '../errors.js';
import { printData, writeErr, writeOut, writeStatusLine, type Column } from '../output.js';
import { progressReporter, uploadArtifactFile, type UploadedArtifact } from '../upload.js';

interface ArtifactVersion {
  name: string;
  version: string;
  sizeBytes: number;
  sha256: string;
  md5: string;
  uploadedBy: string;
  createdAt: string;
  referencedBy: string[];
}
interface ArtifactPage {
  nodes: { name: string; versions: ArtifactVersion[] }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
interface VerifyReport {
  checked: number;
  ok: number;
  missing: string[];
  corrupt: { sha256: string; actualSha256: string; actualSizeBytes: number }[];
  orphans: string[];
  affected: string[];
}

const VERSION_FIELDS = 'name version sizeBytes sha256 md5 uploadedBy createdAt referencedBy';
const VERSION_COLUMNS: Column<ArtifactVersion>[] = [
  { header: 'name', value: (v) => v.name },
  { header: 'version', value: (v) => v.version },
  { header: 'size', value: (v) => formatBytes(v.sizeBytes) },
  { header: 'sha256', value: (v) => v.sha256 },
  { header: 'md5', value: (v) => v.md5 },
  { header: 'uploaded-by', value: (v) => v.uploadedBy },
  { header: 'created', value: (v) => v.createdAt },
  { header: 'referenced-by', value: (v) => v.referencedBy },
];
const PUSH_COLUMNS: Column<UploadedArtifact>[] = [
  { header: 'name', value: (v) => v.name },
  { header: 'version', value: (v) => v.version },
  { header: 'size', value: (v) => formatBytes(v.sizeBytes) },
  { header: 'sha256', value: (v) => v.sha256 },
  { header: 'md5', value: (v) => v.md5 },
  { header: 'status', value: (v) => (v.created ? 'stored' : 'unchanged (already stored)') },
];

function hexOption(length: number, label: string) {
  return (value: string): string => {
    const v = value.trim().toLowerCase();
    if (!new RegExp(`^[0-9a-f]{${length}}$`).test(v)) throw new CliError(`--${label} must be ${length} hexadecimal characters`, 2);
    return v;
  };
}

/** Artifact names and versions are checked here too, so a typo fails before a 1 GB upload. */
async function checkLabel(kind: 'name' | 'version', value: string): Promise<void> {
  const { labelProblem } = await import('../../api/artifacts/artifact-names.js');
  const problem = labelProblem(kind, value);
  if (problem) throw new CliError(problem, 2);
}

export function registerArtifactCommands(program: Command): void {
  const artifact = program.command('artifact').description('the whitelist of files agents may download: push, list, remove, verify');

  artifact
    .command('push <file>')
    .description('upload a file (streamed); operators and admins')
    .option('-n, --name <name>', 'artifact name, or NAME@VERSION (default: the file name)')
    // Not `--version`: the root program's version flag takes that spelling anywhere on the line.
    .option('-v, --version <version>', 'version (default: the first 12 hex digits of its SHA-256)')
    .option('--artifact-version <version>', 'the same as --version')
    .option('--md5 <hex>', 'refuse the upload unless the file has this MD5', hexOption(32, 'md5'))
    .option('--sha256 <hex>', 'refuse the upload unless the file has this SHA-256', hexOption(64, 'sha256'))
    .action(async (file: string, o: { name?: string; version?: string; artifactVersion?: string; md5?: string; sha256?: string }, cmd: Command) => {
      o.artifactVersion ??= o.version;
      const ctx = commandContext(cmd);
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const at = o.name?.lastIndexOf('@') ?? -1;
      const name = o.name && at >= 0 ? o.name.slice(0, at) : (o.name ?? path.basename(file));
      const version = o.name && at >= 0 ? o.name.slice(at + 1) : o.artifactVersion;
      if (o.name && at >= 0 && o.artifactVersion) throw new CliError('give the version once: --name NAME@VERSION or --artifact-version', 2);
      await checkLabel('name', name);
      if (version !== undefined) await checkLabel('version', version);
      const sameServer = !globals.server || globals.server === ctx.config.server;
      const token = sameServer ? ctx.config.token : undefined;
      if (!token) throw new CliError(`not logged in to ${ctx.server}: run \`ioms login\``);
      const progress = process.stderr.isTTY ? progressReporter((s) => (s === '\n' ? writeErr(s) : writeStatusLine(s))) : undefined;
      try {
        const result = await uploadArtifactFile({ server: ctx.server, token, caFile: ctx.caFile, insecure: globals.insecure, file, name, version, md5: o.md5, sha256: o.sha256, onProgress: progress?.update });
        progress?.done();
        printData(ctx.format, result, PUSH_COLUMNS);
      } catch (err) {
        progress?.done();
        throw err;
      }
    });

  artifact
    .command('ls [search]')
    .description('list artifacts and their versions (a name substring filters)')
    .option('--limit <n>', 'artifact names per page (1–500)', '50')
    .option('--after <cursor>', 'continue after this name (printed at the end of a page)')
    .action(async (search: string | undefined, o: { limit: string; after?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      if (!/^\d+$/.test(o.limit)) throw new CliError('--limit must be a whole number', 2);
      const { artifacts } = await ctx.client().request<{ artifacts: ArtifactPage }>(
        `query($search: String, $first: Int, $after: String) { artifacts(search: $search, first: $first, after: $after) { nodes { name versions { ${VERSION_FIELDS} } } pageInfo { endCursor hasNextPage } } }`,
        { search, first: Number(o.limit), after: o.after },
      );
      if (ctx.format !== 'table') return printData(ctx.format, artifacts, []);
      const rows = artifacts.nodes.flatMap((n) => n.versions);
      if (rows.length === 0) return void writeOut('No artifacts.\n');
      printData(ctx.format, rows, VERSION_COLUMNS);
      if (artifacts.pageInfo.hasNextPage) writeOut(`(more: --after ${artifacts.pageInfo.endCursor})\n`);
    });

  artifact
    .command('rm <ref>')
    .description('remove NAME@VERSION, or every version of NAME; refused while a manifest references it')
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { parseNameAtVersion } = await import('../../api/artifacts/artifact-names.js');
      let parsed: { name: string; version?: string };
      try {
        parsed = parseNameAtVersion(ref);
      } catch (err) {
        throw new CliError((err as Error).message, 2);
      }
      const { deleteArtifact } = await ctx.client().request<{ deleteArtifact: { deleted: ArtifactVersion[]; blobsRemoved: string[] } }>(
        `mutation($name: String!, $version: String) { deleteArtifact(name: $name, version: $version) { deleted { ${VERSION_FIELDS} } blobsRemoved } }`,
        { name: parsed.name, version: parsed.version },
      );
      if (ctx.format !== 'table') return printData(ctx.format, deleteArtifact, []);
      for (const v of deleteArtifact.deleted) writeOut(`Removed ${v.name}@${v.version}.\n`);
      if (deleteArtifact.blobsRemoved.length) writeOut(`Freed ${deleteArtifact.blobsRemoved.length} blob(s) in the store.\n`);
    });

  artifact
    .command('verify')
    .description('re-hash every stored blob and report missing or corrupt ones (admins); exits 1 when any')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { verifyArtifacts: r } = await ctx.client().request<{ verifyArtifacts: VerifyReport }>(
        'mutation { verifyArtifacts { checked ok missing corrupt { sha256 actualSha256 actualSizeBytes } orphans affected } }',
      );
      if (ctx.format !== 'table') printData(ctx.format, r, []);
      else {
        writeOut(`Checked ${r.checked} blob(s): ${r.ok} ok, ${r.missing.length} missing, ${r.corrupt.length} corrupt, ${r.orphans.length} unregistered.\n`);
        for (const sha of r.missing) writeOut(`MISSING  ${sha}\n`);
        for (const c of r.corrupt) writeOut(`CORRUPT  ${c.sha256} (now hashes to ${c.actualSha256}, ${c.actualSizeBytes} bytes)\n`);
        for (const sha of r.orphans) writeOut(`ORPHAN   ${sha}\n`);
        if (r.affected.length) writeOut(`Affected versions: ${r.affected.join(', ')} (push them again)\n`);
      }
      if (r.missing.length || r.corrupt.length) throw new CliError(`${r.missing.length + r.corrupt.length} blob(s) missing or corrupt`);
    });
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
