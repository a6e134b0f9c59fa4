import type { Command } from 'commander';
import { parseLabels } from '../../manifests/index.js';
import { commandContext } from '../context.js';
import { parseDuration } from '../duration.js';
import { CliError } from '../errors.js';
import { writeOut, printData, type Column } from '../output.js';

interface Token {
  id: string;
  description: string | null;
  labels: Record<string, string>;
  expiresAt: string;
  maxUses: number;
  uses: number;
  createdBy: string;
  status: string;
}
const FIELDS = 'id description labels expiresAt maxUses uses createdBy status';
const COLUMNS: Column<Token>[] = [
  { header: 'id', value: (t) => t.id },
  { header: 'status', value: (t) => t.status },
  { header: 'uses', value: (t) => `${t.uses}/${t.maxUses}` },
  { header: 'expires', value: (t) => t.expiresAt },
  { header: 'labels', value: (t) => Object.entries(t.labels).map(([k, v]) => `${k}=${v}`) },
  { header: 'description', value: (t) => t.description },
];

function labelsFlag(text: string): Record<string, string> {
  try {
    return parseLabels(text);
  } catch (err) {
    throw new CliError(`--labels: ${err instanceof Error ? err.message : String(err)}`, 2);
  }
}

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('enrollment tokens for new agents (admins only)');

  token
    .command('create')
    .description('create a token; agents use it once with `ioms agent --server URL --token TOKEN`')
    .option('--labels <k=v,...>', 'labels every host enrolled with it starts with', labelsFlag)
    .option('--ttl <duration>', 'lifetime, e.g. 1h, 24h, 7d', '24h')
    .option('--uses <n>', 'how many hosts may enroll with it', '1')
    .option('--description <text>', 'a note for the token list')
    .action(async (o: { labels?: Record<string, string>; ttl: string; uses: string; description?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      if (!/^\d+$/.test(o.uses)) throw new CliError('--uses must be a whole number', 2);
      const input = { labels: o.labels, ttlSeconds: Math.round(parseDuration(o.ttl) / 1000), maxUses: Number(o.uses), description: o.description };
      const { createEnrollmentToken: r } = await ctx.client().request<{ createEnrollmentToken: { token: string; enrollmentToken: Token } }>(
        `mutation($input: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $input) { token enrollmentToken { ${FIELDS} } } }`,
        { input },
      );
      if (ctx.format !== 'table') return printData(ctx.format, { token: r.token, ...r.enrollmentToken }, []);
      writeOut(`${r.token}\n\nValid until ${r.enrollmentToken.expiresAt} for ${r.enrollmentToken.maxUses} host(s). Enroll a host with:\n  ioms agent --server ${ctx.server} --token ${r.token}\n`);
    });

  token
    .command('ls')
    .description('list tokens (the tokens themselves are never shown again)')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { enrollmentTokens } = await ctx.client().request<{ enrollmentTokens: Token[] }>(`{ enrollmentTokens { ${FIELDS} } }`);
      printData(ctx.format, enrollmentTokens, COLUMNS);
    });

  token
    .command('revoke <id>')
    .description('revoke a token so no more hosts can enroll with it')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { revokeEnrollmentToken } = await ctx.client().request<{ revokeEnrollmentToken: Token }>(`mutation($id: ID!) { revokeEnrollmentToken(id: $id) { ${FIELDS} } }`, { id });
      printData(ctx.format, revokeEnrollmentToken, COLUMNS);
    });
}
