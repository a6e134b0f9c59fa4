import { describe, expect, it } from 'vitest';
import { manifestSchema, processSchema } from '../../manifests/index.js';

const profile = (spec: Record<string, unknown>) => ({
  apiVersion: 'ioms/v1',
  kind: 'Profile',
  metadata: { name: 'p' },
  spec: { selector: { hosts: ['*'] }, ...spec },
});

describe('manifestSchema normalization', () => {
  it('fills defaults, so a default written out is the same spec', () => {
    const bare = processSchema.parse({ name: 'web', command: '/bin/web' });
    const explicit = processSchema.parse({
      name: 'web',
      command: '/bin/web',
      args: [],
      env: {},
      restart: { policy: 'always', backoffSeconds: 1, maxBackoffSeconds: 60, startLimit: 5 },
    });
    expect(bare).toEqual(explicit);
    expect(bare.restart).toEqual({ policy: 'always', backoffSeconds: 1, maxBackoffSeconds: 60, startLimit: 5 });
  });

  it('lowercases checksums and pads modes to four digits', () => {
    const parsed = manifestSchema.parse(
      profile({ files: [{ path: '/a', artifact: 'a@1', md5: 'ABCDEF0123456789ABCDEF0123456789', mode: '644' }] }),
    );
    if (parsed.kind !== 'Profile') throw new Error('expected a Profile');
    expect(parsed.spec.files[0]).toMatchObject({ md5: 'abcdef0123456789abcdef0123456789', mode: '0644' });
  });

  it('gives a Host document empty labels by default', () => {
    expect(manifestSchema.parse({ apiVersion: 'ioms/v1', kind: 'Host', metadata: { name: 'web-01' } })).toEqual({
      apiVersion: 'ioms/v1',
      kind: 'Host',
      metadata: { name: 'web-01' },
      spec: { labels: {} },
    });
  });
});

describe('manifestSchema rules', () => {
  const cases: { name: string; doc: unknown; message: RegExp }[] = [
    { name: 'unknown kind', doc: { ...profile({}), kind: 'Deployment' }, message: /kind must be one of Profile, Host/ },
    { name: 'wrong apiVersion', doc: { ...profile({}), apiVersion: 'v1' }, message: /apiVersion must be ioms\/v1/ },
    { name: 'unknown top-level field', doc: { ...profile({}), status: {} }, message: /Unrecognized key/ },
    { name: 'empty selector', doc: { ...profile({}), spec: { selector: {} } }, message: /selector must give/ },
    { name: 'bad selector expression', doc: profile({ selector: { match: 'a in (' } }), message: /selector: expected a value/ },
    { name: 'bad host pattern', doc: profile({ selector: { hosts: ['web 01'] } }), message: /host pattern/ },
    { name: 'bad matchLabels value', doc: profile({ selector: { matchLabels: { a: 'x y' } } }), message: /label value/ },
    { name: 'uppercase profile name', doc: { ...profile({}), metadata: { name: 'Web' } }, message: /profile name/ },
    {
      name: 'process name used twice',
      doc: profile({ processes: [{ name: 'a', command: 'x' }, { name: 'a', command: 'y' }] }),
      message: /process name is used twice/,
    },
    { name: 'empty command', doc: profile({ processes: [{ name: 'a', command: '' }] }), message: /command must not be empty/ },
    { name: 'NUL in an argument', doc: profile({ processes: [{ name: 'a', command: 'x', args: ['a\u0000'] }] }), message: /NUL/ },
    { name: 'number as env value', doc: profile({ processes: [{ name: 'a', command: 'x', env: { PORT: 7000 } }] }), message: /quote numbers/ },
    { name: 'bad env name', doc: profile({ processes: [{ name: 'a', command: 'x', env: { 'A-B': '1' } }] }), message: /environment variable names/ },
    {
      name: 'max backoff below backoff',
      doc: profile({ processes: [{ name: 'a', command: 'x', restart: { backoffSeconds: 10, maxBackoffSeconds: 5 } }] }),
      message: /at least backoffSeconds/,
    },
    { name: 'unknown restart policy', doc: profile({ processes: [{ name: 'a', command: 'x', restart: { policy: 'sometimes' } }] }), message: /policy must be/ },
    { name: 'cron with both actions', doc: profile({ crontab: [{ name: 'c', schedule: '* * * * *', command: 'x', restartProcess: 'a' }] }), message: /exactly one/ },
    { name: 'cron with neither action', doc: profile({ crontab: [{ name: 'c', schedule: '* * * * *' }] }), message: /exactly one/ },
    { name: 'bad cron schedule', doc: profile({ crontab: [{ name: 'c', schedule: '* * *', command: 'x' }] }), message: /5 fields/ },
    { name: 'bad time zone', doc: profile({ crontab: [{ name: 'c', schedule: '* * * * *', command: 'x', timezone: 'Nowhere/X' }] }), message: /unknown time zone/ },
    { name: 'relative file path', doc: profile({ files: [{ path: 'x', artifact: 'a' }] }), message: /absolute/ },
    { name: 'file without artifact', doc: profile({ files: [{ path: '/x' }] }), message: /artifact must be a string/ },
    { name: 'bad artifact', doc: profile({ files: [{ path: '/x', artifact: 'a@@1' }] }), message: /name@version/ },
    { name: 'short md5', doc: profile({ files: [{ path: '/x', artifact: 'a', md5: 'abc' }] }), message: /32 hex/ },
    { name: 'numeric mode', doc: profile({ files: [{ path: '/x', artifact: 'a', mode: 644 }] }), message: /quoted octal/ },
    { name: 'non-octal mode', doc: profile({ files: [{ path: '/x', artifact: 'a', mode: '0986' }] }), message: /octal digits/ },
    { name: 'mixed extractTo style', doc: profile({ files: [{ path: '/x.zip', artifact: 'a', extractTo: 'C:\\x' }] }), message: /same kind of path/ },
    {
      name: 'same file twice (Windows case)',
      doc: profile({ files: [{ path: 'C:\\a\\X', artifact: 'a' }, { path: 'c:/a/x', artifact: 'b' }] }),
      message: /file path is used twice/,
    },
    { name: 'bad host name', doc: { apiVersion: 'ioms/v1', kind: 'Host', metadata: { name: '-x' } }, message: /host name/ },
  ];
  it.each(cases)('$name', ({ doc, message }) => {
    const result = manifestSchema.safeParse(doc);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });
});
