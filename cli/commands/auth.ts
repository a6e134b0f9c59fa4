import type { Command } from 'commander';
import { ApiClient } from '../api-client.js';
import { readCliConfig, writeCliConfig } from '../config-file.js';
import { commandContext } from '../context.js';
import { promptSecret } from '../prompt.js';
import { writeOut, printData } from '../output.js';

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt user { username role } }
}`;

export function registerAuthCommands(program: Command): void {
  program
    .command('login')
    .description('sign in and remember the session (password from IOMS_PASSWORD, stdin or a prompt)')
    .option('-u, --user <username>', 'user name', 'admin')
    .action(async (opts: { user: string }, cmd: Command) => {
      const ctx = commandContext(cmd);
      const password = process.env.IOMS_PASSWORD ?? (await promptSecret(`Password for ${opts.user}: `, 'set IOMS_PASSWORD'));
      const anonymous = new ApiClient({ server: ctx.server, caFile: ctx.caFile, insecure: cmd.optsWithGlobals<{ insecure?: boolean }>().insecure, loginHint: false });
      const { login } = await anonymous.request<{ login: { token: string; expiresAt: string; user: { username: string; role: string } } }>(LOGIN, { username: opts.user, password });
      writeCliConfig({ server: ctx.server, token: login.token, username: login.user.username, ...(ctx.caFile ? { ca: ctx.caFile } : {}) });
      const result = { username: login.user.username, role: login.user.role, server: ctx.server, expiresAt: login.expiresAt };
      if (ctx.format === 'table') writeOut(`Logged in to ${ctx.server} as ${login.user.username} (${login.user.role}).\n`);
      else printData(ctx.format, result, []);
    });

  program
    .command('logout')
    .description('end the saved session')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      if (ctx.config.token) {
        await ctx.client().request('mutation { logout }').catch(() => undefined);
      }
      const { token: _t, ...rest } = readCliConfig();
      writeCliConfig(rest);
      writeOut('Logged out.\n');
    });

  program
    .command('whoami')
    .description('show the signed-in user')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = commandContext(cmd);
      const { me } = await ctx.client().request<{ me: { username: string; role: string } }>('{ me { username role } }');
      printData(ctx.format, { username: me.username, role: me.role }, [
        { header: 'username', value: (u) => u.username },
        { header: 'role', value: (u) => u.role },
      ]);
    });
}
