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
  createdAt: string;
  updatedAt: string;
}
const USER_FIELDS = 'username role allowList disabled createdAt updatedAt';
const COLUMNS: Column<User>[] = [
  { header: 'username', value: (u) => u.username },
  { header: 'role', value: (u) => u.role },
  { header: 'disabled', value: (u) => u.disabled },
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
}
