import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitSource, statusPathspecs, stripCredentials, type RunGit } from '../../cli/manifests/git-source.js';

describe('stripCredentials', () => {
  it.each([
    ['https user and password', 'https://alice:s3cret@git.example.com/ops/fleet.git', 'https://git.example.com/ops/fleet.git'],
    ['https token as user name', 'https://ghp_abc123@github.com/ops/fleet.git', 'https://github.com/ops/fleet.git'],
    ['https without credentials is unchanged', 'https://github.com/ops/fleet.git', 'https://github.com/ops/fleet.git'],
    ['http with port', 'http://u:p@10.0.0.1:3000/ops/fleet', 'http://10.0.0.1:3000/ops/fleet'],
    ['ssh keeps its user, drops a password', 'ssh://git:pw@git.example.com:2222/ops/fleet.git', 'ssh://git@git.example.com:2222/ops/fleet.git'],
    ['ssh user only is unchanged', 'ssh://git@git.example.com/ops/fleet.git', 'ssh://git@git.example.com/ops/fleet.git'],
    ['scp-like is unchanged', 'git@github.com:ops/fleet.git', 'git@github.com:ops/fleet.git'],
    ['a local path is unchanged', '/srv/git/fleet.git', '/srv/git/fleet.git'],
    ['surrounding white space is trimmed', '  https://x:y@h.example/r  ', 'https://h.example/r'],
    ['an unparseable URL still loses its user info', 'https://us er:p w@bad host/r', 'https://bad host/r'],
  ])('%s', (_name, input, want) => {
    expect(stripCredentials(input)).toBe(want);
  });
});

describe('statusPathspecs', () => {
  it.each([
    ['a file', [{ path: '/r/m/web.yaml', directory: false }], '/r', [':(literal)m/web.yaml']],
    ['a directory stands for its manifests', [{ path: '/r/m', directory: true }], '/r', [':(glob)m/**/*.yaml', ':(glob)m/**/*.yml']],
    ['the current directory', [{ path: '/r', directory: true }], '/r', [':(glob)**/*.yaml', ':(glob)**/*.yml']],
  ])('%s', (_name, inputs, cwd, want) => {
    expect(statusPathspecs(inputs, cwd)).toEqual(want);
  });
});

/** A repository at `repo/` with `manifests/web.yaml` committed on `main`, and a plain directory `plain/`. */
describe('readGitSource against a real repository', () => {
  let root: string;
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).toString().trim();
  const manifests = () => path.join(repo, 'manifests');

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-git-source-'));
    repo = path.join(root, 'repo');
    fs.mkdirSync(path.join(repo, 'manifests', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(root, 'plain'));
    fs.writeFileSync(path.join(root, 'plain', 'web.yaml'), 'kind: Profile\n');
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', 'https://deploy:t0ken@git.example.com/ops/fleet.git');
    fs.writeFileSync(path.join(repo, 'manifests', 'web.yaml'), 'kind: Profile\n');
    fs.writeFileSync(path.join(repo, 'manifests', 'sub', 'db.yml'), 'kind: Profile\n');
    fs.writeFileSync(path.join(repo, 'other.yaml'), 'kind: Host\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a clean work tree: repository without credentials, commit, branch, not dirty', async () => {
    const source = await readGitSource([manifests()]);
    expect(source).toEqual({ repository: 'https://git.example.com/ops/fleet.git', commit: git('rev-parse', 'HEAD'), branch: 'main', dirty: false });
  });

  it('a file path works as well as a directory', async () => {
    expect(await readGitSource([path.join(manifests(), 'web.yaml')])).toMatchObject({ branch: 'main', dirty: false });
  });

  it('no source for a path outside any work tree', async () => {
    expect(await readGitSource([path.join(root, 'plain')])).toBeUndefined();
    expect(await readGitSource([path.join(root, 'plain', 'web.yaml')])).toBeUndefined();
  });

  it('no source, silently, when git is missing', async () => {
    const missing: RunGit = () => Promise.reject(Object.assign(new Error('spawn git ENOENT'), { code: 'ENOENT' }));
    expect(await readGitSource([manifests()], { run: missing })).toBeUndefined();
  });

  describe('dirty is limited to the applied paths', () => {
    const cases: { name: string; change: () => void; undo: () => void; applied: () => string[]; dirty: boolean }[] = [
      {
        name: 'a modified manifest in the applied directory',
        change: () => fs.appendFileSync(path.join(manifests(), 'sub', 'db.yml'), '# edited\n'),
        undo: () => git('checkout', '--', 'manifests/sub/db.yml'),
        applied: () => [manifests()],
        dirty: true,
      },
      {
        name: 'an untracked manifest in the applied directory',
        change: () => fs.writeFileSync(path.join(manifests(), 'new.yaml'), 'kind: Host\n'),
        undo: () => fs.rmSync(path.join(manifests(), 'new.yaml')),
        applied: () => [manifests()],
        dirty: true,
      },
      {
        name: 'a deleted manifest in the applied directory',
        change: () => fs.rmSync(path.join(manifests(), 'web.yaml')),
        undo: () => git('checkout', '--', 'manifests/web.yaml'),
        applied: () => [manifests()],
        dirty: true,
      },
      {
        name: 'an untracked README in the applied directory is not a manifest',
        change: () => fs.writeFileSync(path.join(manifests(), 'README.md'), 'notes\n'),
        undo: () => fs.rmSync(path.join(manifests(), 'README.md')),
        applied: () => [manifests()],
        dirty: false,
      },
      {
        name: 'a modified file outside the applied paths',
        change: () => fs.appendFileSync(path.join(repo, 'other.yaml'), '# edited\n'),
        undo: () => git('checkout', '--', 'other.yaml'),
        applied: () => [manifests()],
        dirty: false,
      },
      {
        name: 'a modified file named by -f',
        change: () => fs.appendFileSync(path.join(repo, 'other.yaml'), '# edited\n'),
        undo: () => git('checkout', '--', 'other.yaml'),
        applied: () => [manifests(), path.join(repo, 'other.yaml')],
        dirty: true,
      },
    ];
    it.each(cases)('$name → dirty: $dirty', async ({ change, undo, applied, dirty }) => {
      change();
      try {
        expect((await readGitSource(applied()))?.dirty).toBe(dirty);
      } finally {
        undo();
      }
    });
  });

  it('a detached HEAD has no branch', async () => {
    git('checkout', '-q', '--detach');
    try {
      const source = await readGitSource([manifests()]);
      expect(source?.branch).toBeUndefined();
      expect(source?.commit).toBe(git('rev-parse', 'HEAD'));
    } finally {
      git('checkout', '-q', 'main');
    }
  });

  it('a repository without commits or remote: branch and dirty only', async () => {
    const fresh = path.join(root, 'fresh');
    fs.mkdirSync(fresh);
    execFileSync('git', ['init', '-q', '-b', 'trunk'], { cwd: fresh });
    fs.writeFileSync(path.join(fresh, 'web.yaml'), 'kind: Host\n');
    expect(await readGitSource([fresh])).toEqual({ branch: 'trunk', dirty: true });
  });
});
