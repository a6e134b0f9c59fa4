import fs from 'node:fs';
import type { Command } from 'commander';
import { commandContext } from '../context.js';
import { CliError } from '../errors.js';
import { writeOut, printData, type Column } from '../output.js';
import { promptSecret } from '../prompt.js';

interface User {
  username: string;
  role: string;
  allowList: string[];
  disabled: boolean;
  /** Failed sign-ins reached the limit: sign-ins are refused until `ioms user unlock` or the window passes. */
  locked: boolean;
  createdAt: string;
  updatedAt: string;
}
const USER_FIELDS = 'username role allowList disabled locked createdAt updatedAt';
const COLUMNS: Column<User>[] = [
  { header: 'username', value: (u) => u.username },
  { header: 'role', value: (u) => u.role },
  { header: 'disabled', value: (u) => u.disabled },
  { header: 'locked', value: (u) => u.locked },
  { header: 'allow-list', value: (u) => u.allowList },
  { header: 'updated', value: (u) => u.updatedAt },
];

const ROLE_NAMES = ['ADMIN', 'OPERATOR', 'VIEWER'];
function role(value: string): string {
  const r = value.toUpperCase();
  if (!ROLE_NAMES.includes(r)) throw new CliError(`role must be admin, operator or viewer, not "${value}"`, 2);
  return r;
}

function cidrs(value: string): string[] {
  return value === '' || value === '-' ? [] : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** A new password from --password, IOMS_NEW_PASSWORD, or a prompt asked twice. */
async function newPassword(flag: string | undefined): Promise<string> {
  if (flag) return flag;
  if (process.env.IOMS_NEW_PASSWORD) return process.env.IOMS_NEW_PASSWORD;
  const instead = 'give --password PW or set IOMS_NEW_PASSWORD';
  const first = await promptSecret('New password: ', instead);
  if (process.stdin.isTTY && first !== (await promptSecret('Repeat it: ', instead))) throw new CliError('the passwords do not match', 2);
  if (!first) throw new CliError('the new password is empty', 2);
  return first;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage users (admins only)');

  user
    .command('ls')
    .description('list users')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { users } = await ctx.client().request<{ users: User[] }>(`{ users { ${USER_FIELDS} } }`);
      printData(ctx.format, users, COLUMNS);
    });

  user
    .command('add <username>')
    .description('create a user')
    .requiredOption('-r, --role <role>', 'admin, operator or viewer', role)
    .option('-p, --password <password>', 'initial password (else IOMS_NEW_PASSWORD or a prompt)')
    .option('--allow <cidrs>', 'comma-separated CIDRs the user may connect from (default: anywhere)', cidrs)
    .option('--disabled', 'create the account disabled')
    .action(async (username: string, o: { role: string; password?: string; allow?: string[]; disabled?: boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const client = ctx.client();
      const input = { username, password: await newPassword(o.password), role: o.role, allowList: o.allow ?? [], disabled: Boolean(o.disabled) };
      const { createUser } = await client.request<{ createUser: User }>(`mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`, { input });
      printData(ctx.format, createUser, COLUMNS);
    });

  user
    .command('set <username>')
    .description('change a user; role, password, allow-list or disabling ends their sessions')
    .option('-r, --role <role>', 'admin, operator or viewer', role)
    .option('-p, --password [password]', 'set a new password (without a value: IOMS_NEW_PASSWORD or a prompt)')
    .option('--allow <cidrs>', 'replace the allow-list ("-" for anywhere)', cidrs)
    .option('--disable', 'disable the account')
    .option('--enable', 'enable the account')
    .action(async (username: string, o: { role?: string; password?: string | true; allow?: string[]; disable?: boolean; enable?: boolean }, cmd: Command) => {
      const ctx = commandContext(cmd);
      if (o.disable && o.enable) throw new CliError('use --disable or --enable, not both', 2);
      const client = ctx.client();
      const input: Record<string, unknown> = {};
      if (o.role) input.role = o.role;
      if (o.password !== undefined) input.password = await newPassword(o.password === true ? undefined : o.password);
      if (o.allow) input.allowList = o.allow;
      if (o.disable) input.disabled = true;
      if (o.enable) input.disabled = false;
      if (Object.keys(input).length === 0) throw new CliError('nothing to change: give --role, --password, --allow, --disable or --enable', 2);
      const { updateUser } = await client.request<{ updateUser: User }>(`mutation($u: String!, $input: UpdateUserInput!) { updateUser(username: $u, input: $input) { ${USER_FIELDS} } }`, { u: username, input });
      printData(ctx.format, updateUser, COLUMNS);
    });

  user
    .command('rm <username>')
    .description('delete a user and end their sessions')
    .action(async (username: string, _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { deleteUser } = await ctx.client().request<{ deleteUser: User }>(`mutation($u: String!) { deleteUser(username: $u) { ${USER_FIELDS} } }`, { u: username });
      if (ctx.format === 'table') writeOut(`Deleted user ${deleteUser.username}.\n`);
      else printData(ctx.format, deleteUser, COLUMNS);
    });

  user
    .command('unlock <username>')
    .description('lift a sign-in lockout (too many failed sign-ins) now instead of after the window')
    .action(async (username: string, _o: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { unlockUser } = await ctx.client().request<{ unlockUser: User }>(`mutation($u: String!) { unlockUser(username: $u) { ${USER_FIELDS} } }`, { u: username });
      if (ctx.format === 'table') writeOut(`Unlocked ${unlockUser.username}: failed sign-ins before now no longer count.\n`);
      else printData(ctx.format, unlockUser, COLUMNS);
    });

  user
    .command('reset-password <username>')
    .description('on the server machine: set a new password straight in the database (IOMS_DATABASE_URL), no running server or session needed; ends the user’s sessions, lifts the lockout, audited')
    .option('-p, --password <password>', 'the new password (else IOMS_NEW_PASSWORD or a prompt)')
    .addHelpText('after', '\nReads the same IOMS_* variables (or ioms.yaml) as `ioms server`; run it where the server runs, e.g.\n  IOMS_DATABASE_URL=mysql://ioms:…@db:3306/ioms ioms user reset-password admin\nSee docs/security.md, "Locked out".')
    .action(async (username: string, o: { password?: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const password = await newPassword(o.password);
      const { loadServerConfig } = await import('../../api/config.js');
      const { openDatabase, redactUrl, parseDatabaseUrl } = { ...(await import('../../db/orm.js')), ...(await import('../../db/database-url.js')) };
      const { resetPassword } = await import('../../api/users/account-recovery.js');
      const config = loadServerConfig();
      const target = parseDatabaseUrl(config.databaseUrl);
      if (target.dialect === 'sqlite' && !fs.existsSync(target.path)) {
        throw new CliError(`no IOMS database at ${target.path}: run this where the server runs (its working directory), or set IOMS_DATABASE_URL to the server's database`);
      }
      const orm = await openDatabase(config.databaseUrl);
      try {
        const r = await resetPassword(orm.em.fork(), username, password);
        if (ctx.format === 'table') writeOut(`Reset the password of ${r.username} in ${redactUrl(config.databaseUrl)}; ended ${r.sessionsEnded} session(s) and lifted any sign-in lockout.\n`);
        else printData(ctx.format, { ...r, database: redactUrl(config.databaseUrl) }, []);
      } catch (err) {
        const e = err as { extensions?: { code?: string }; message?: string };
        const code = e.extensions?.code;
        if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') throw new CliError(e.message ?? String(err), code === 'BAD_USER_INPUT' ? 2 : 1);
        throw new CliError(`could not reset the password in ${redactUrl(config.databaseUrl)}: ${e.message ?? String(err)} (is IOMS_DATABASE_URL the server's database?)`);
      } finally {
        await orm.close(true);
      }
    });
}
