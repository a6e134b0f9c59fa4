import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, login } from '../helpers/graphql.js';
import { runCli, spawnAgent, spawnServer, waitFor, type AgentProcess, type CliRun, type ServerProcess } from '../helpers/processes.js';

/**
 * `ioms apply | diff | get manifests | get revisions | rollout status | rollback` as real
 * processes against a real server and one real agent (`cli-m1`, labelled suite=cli-manifests),
 * from a git work tree. IOMS_CLI_MANIFESTS_BIN may point at another entry point of the same CLI;
 * the default registers the manifest commands itself if cli/main.ts does not.
 */
const EXAMPLES = path.join(import.meta.dirname, '..', '..', 'manifests', 'examples');
const BIN = process.env.IOMS_CLI_MANIFESTS_BIN ?? path.join(import.meta.dirname, 'ioms-with-manifests.js');
const PASSWORD = 'manifests-admin-password';
const HOST = 'cli-m1';

const sleeperProfile = (args: string) => `apiVersion: ioms/v1
kind: Profile
metadata:
  name: cli-sleeper
spec:
  selector: { matchLabels: { suite: cli-manifests } }
  processes:
    - name: sleeper
      command: /bin/sh
      args: ["-c", "${args}"]
      restart: { policy: always, backoffSeconds: 1, maxBackoffSeconds: 5 }
`;
/** A profile for nobody: applied with --prune at the end so the agent stops the sleeper. */
const emptyProfile = `apiVersion: ioms/v1
kind: Profile
metadata:
  name: nobody
spec:
  selector: { hosts: [no-such-host] }
`;

describe('ioms apply, diff, get, rollout, rollback against a server and an agent', () => {
  let dir: string;
  let repo: string;
  let server: ServerProcess;
  let agent: AgentProcess;
  let env: Record<string, string>;
  let admin: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).toString().trim();
  const ioms = (args: string[], cwd = repo): Promise<CliRun> =>
    new Promise((resolve) => {
      const proc = spawn(process.execPath, [BIN, '--server', server.url, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      proc.once('exit', (code) => resolve({ code, stdout, stderr }));
      proc.stdin.end('');
    });
  const json = <T>(r: CliRun): T => {
    expect(r.stderr, r.stderr).toBe('');
    return JSON.parse(r.stdout) as T;
  };
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-cli-manifests-'));
    repo = path.join(dir, 'repo');
    fs.mkdirSync(path.join(repo, 'manifests'), { recursive: true });
    for (const f of fs.readdirSync(EXAMPLES)) fs.copyFileSync(path.join(EXAMPLES, f), path.join(repo, 'manifests', f));
    write('manifests/sleeper/sleeper.profile.yaml', sleeperProfile('sleep 120'));
    write('README.md', 'fleet\n');
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', 'https://deploy:s3cret-token@git.example.com/ops/fleet.git');
    git('add', '.');
    git('commit', '-q', '-m', 'fleet');

    server = await spawnServer({ IOMS_ADMIN_PASSWORD: PASSWORD, IOMS_DATA_DIR: path.join(dir, 'data'), IOMS_DATABASE_URL: `sqlite:${path.join(dir, 'ioms.db')}` }, dir);
    env = { IOMS_CONFIG: path.join(dir, 'config.json') };
    const loggedIn = await runCli(['--server', server.url, 'login', '--user', 'admin'], { ...env, IOMS_PASSWORD: PASSWORD });
    expect(loggedIn.code, loggedIn.stderr).toBe(0);
    admin = await login(server.url, 'admin', PASSWORD);
    const t = await gql<{ createEnrollmentToken: { token: string } }>(server.url, 'mutation($i: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $i) { token } }', { i: { labels: { suite: 'cli-manifests' }, maxUses: 1 } }, admin);
    agent = spawnAgent(['--server', server.url, '--token', t.data!.createEnrollmentToken.token, '--name', HOST, '--state-dir', path.join(dir, HOST), '--heartbeat-interval', '1s']);
    await waitFor(async () => {
      const r = await gql<{ hosts: { nodes: { name: string; online: boolean }[] } }>(server.url, '{ hosts { nodes { name online } } }', {}, admin);
      return r.data?.hosts.nodes.some((h) => h.name === HOST && h.online);
    }, 30_000, 'the agent online');
  });
  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an empty set with a clear message (exit 2)', async () => {
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    const r = await ioms(['apply', '-f', path.join(dir, 'empty')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ioms: no \*\.yaml or \*\.yml files in /);
  });

  it('prints every manifest error as file:line:column: message [CODE] and stores nothing (apply 1, diff 2)', async () => {
    write('broken/bad.yaml', 'apiVersion: ioms/v1\nkind: Profile\nmetadata: { name: bad }\nspec:\n  selector: { hosts: [x] }\n  processes:\n    - name: p\n      comand: /bin/true\n');
    write('broken/dup.yaml', 'a: 1\na: 2\n');
    const r = await ioms(['apply', '-f', 'broken']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^ioms: \d+ errors in the manifests; nothing was applied$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^broken\/(bad|dup)\.yaml:\d+:\d+: .+ \[[A-Z_]+\]$/);
    expect(r.stderr).toMatch(/^broken\/bad\.yaml:8:7: .*\[UNKNOWN_FIELD\]$/m);
    expect(r.stderr).toMatch(/^broken\/dup\.yaml:2:1: .*\[DUPLICATE_KEY\]$/m);
    expect((await ioms(['diff', '-f', 'broken'])).code).toBe(2);
    const revisions = await ioms(['get', 'revisions', '-o', 'json']);
    expect(json<unknown[]>(revisions)).toEqual([]);
    fs.rmSync(path.join(repo, 'broken'), { recursive: true });
  });

  it('diff shows the plan and exits 1 when a host changes', async () => {
    const r = await ioms(['diff', '-f', 'manifests']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${HOST} · profile cli-sleeper\n  + StartProcess process:sleeper (MISSING: `);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 host changes: 1 to add, 0 to change, 0 to remove');
    const dry = await ioms(['apply', '--dry-run', '-f', 'manifests']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(r.stdout);
  });

  it('apply stores a revision with the git source (credentials stripped) and a per-host summary', async () => {
    const r = await ioms(['apply', '-f', 'manifests', '-m', 'first rollout']);
    expect(r.code, r.stderr).toBe(0);
    const head = git('rev-parse', 'HEAD');
    expect(r.stdout.split('\n')[0]).toBe(`Revision 1 applied from commit ${head.slice(0, 12)} on main, https://git.example.com/ops/fleet.git.`);
    expect(r.stdout).toMatch(new RegExp(`^${HOST} +cli-sleeper +\\+1 ~0 -0 +\\+process:sleeper$`, 'm'));
    const shown = json<{ id: number; current: boolean; message: string; source: Record<string, unknown>; documents: { kind: string; name: string; file: string; line: number }[] }>(await ioms(['get', 'manifests', '-o', 'json']));
    expect(shown).toMatchObject({ id: 1, current: true, message: 'first rollout' });
    expect(shown.source).toMatchObject({ repository: 'https://git.example.com/ops/fleet.git', commit: head, branch: 'main', dirty: false });
    expect(JSON.stringify(shown.source)).not.toContain('s3cret');
    expect(shown.documents.map((d) => `${d.kind}/${d.name} ${d.file}`).sort()).toEqual([
      'Host/dev-box manifests/dev-box.host.yaml',
      'Profile/cli-sleeper manifests/sleeper/sleeper.profile.yaml',
      'Profile/demo manifests/demo.profile.yaml',
    ]);
  });

  it('a second apply of the same documents is unchanged; diff exits 0', async () => {
    const r = await ioms(['apply', '-f', 'manifests']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('unchanged: the documents equal the current revision.\n');
    const d = await ioms(['diff', '-f', 'manifests']);
    expect(d.code, d.stdout).toBe(0);
  });

  it('get manifests and get revisions as tables', async () => {
    const m = await ioms(['get', 'manifests']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout.split('\n')[0]).toMatch(/^Revision 1 \(current\) · \S+ by admin · commit [0-9a-f]{12} on main, https:\/\/git\.example\.com\/ops\/fleet\.git · first rollout$/);
    expect(m.stdout).toMatch(/^Profile +cli-sleeper +manifests\/sleeper\/sleeper\.profile\.yaml:\d+$/m);
    const r = await ioms(['get', 'revisions']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ID +CURRENT +CREATED +BY +COMMIT +MESSAGE$/m);
    expect(r.stdout).toMatch(/^1 +\* +\S+ +admin +[0-9a-f]{12} +first rollout$/m);
  });

  it('rollout status --until-converged exits 0 once the agent runs the profile', async () => {
    const r = await ioms(['rollout', 'status', '--until-converged', '--timeout', '60s']);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('revision 1: 1 converged, 0 drifted, 0 pending, 0 failed · 1 host');
    const s = json<{ revision: number; hosts: { host: string; status: string; convergedRevision: number }[] }>(await ioms(['rollout', 'status', '-o', 'json']));
    expect(s.hosts).toEqual([expect.objectContaining({ host: HOST, status: 'CONVERGED', convergedRevision: 1 })]);
  }, 90_000);

  it('an uncommitted edit is applied as dirty; --watch prints the changed rows; rollback re-applies revision 1', async () => {
    const watch = spawn(process.execPath, [BIN, '--server', server.url, 'rollout', 'status', '--watch'], { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let watched = '';
    watch.stdout.on('data', (c: Buffer) => (watched += c.toString()));
    watch.stderr.on('data', (c: Buffer) => (watched += c.toString()));
    try {
      await waitFor(() => watched.includes('revision 1:'), 15_000, 'the first watch table');
      write('manifests/sleeper/sleeper.profile.yaml', sleeperProfile('sleep 119'));
      const r = await ioms(['apply', '-f', 'manifests', '-o', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const applied = JSON.parse(r.stdout) as { revision: { id: number; source: { dirty: boolean } }; hosts: { actions: { type: string }[] }[] };
      expect(applied.revision).toMatchObject({ id: 2, source: { dirty: true } });
      expect(applied.hosts[0]!.actions.map((a) => a.type)).toEqual(['UpdateProcess']);
      await waitFor(() => new RegExp(`^\\d\\d:\\d\\d:\\d\\d ${HOST} \\w+ `, 'm').test(watched), 30_000, `a change line in:\n${watched}`);
      const converged = await ioms(['rollout', 'status', '--until-converged', '--timeout', '60s']);
      expect(converged.code, converged.stderr).toBe(0);
    } finally {
      watch.kill('SIGINT');
      await new Promise((resolve) => watch.once('exit', resolve));
    }
    expect(watch.exitCode).toBe(0);

    const back = await ioms(['rollback', '1']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout.split('\n')[0]).toMatch(/^Revision 3 applied \(rollback to revision 1\)/);
    const revisions = json<{ id: number; rollbackOf: number | null; current: boolean }[]>(await ioms(['get', 'revisions', '-o', 'json']));
    expect(revisions.map((x) => [x.id, x.rollbackOf, x.current])).toEqual([
      [3, 1, true],
      [2, null, false],
      [1, null, false],
    ]);
    git('checkout', '--', 'manifests');
  }, 120_000);

  it('outside a git work tree: no source; --prune removes the profile and the agent converges', async () => {
    const plain = path.join(dir, 'plain');
    fs.mkdirSync(plain, { recursive: true });
    fs.writeFileSync(path.join(plain, 'nobody.yaml'), emptyProfile);
    const r = await ioms(['apply', '--prune', '-f', '.', '-o', 'json'], plain);
    expect(r.code, r.stderr).toBe(0);
    const applied = JSON.parse(r.stdout) as { revision: { source: Record<string, unknown>; documents: { name: string }[] }; hosts: { actions: { type: string }[] }[] };
    expect(applied.revision.source).toEqual({ paths: ['nobody.yaml'] });
    expect(applied.revision.documents.map((d) => d.name)).toEqual(['nobody']);
    expect(applied.hosts[0]!.actions.map((a) => a.type)).toEqual(['StopProcess']);
    const converged = await ioms(['rollout', 'status', '--until-converged', '--timeout', '60s', '-l', 'suite=cli-manifests']);
    expect(converged.code, converged.stderr).toBe(0);
  }, 90_000);

  it('rollback of a revision that does not exist fails; a bad REVISION is a usage error', async () => {
    const missing = await ioms(['rollback', '99']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^ioms: .*99/);
    const bad = await ioms(['rollback', 'latest']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('ioms: REVISION must be a positive whole number, not "latest"\n');
  });
});
