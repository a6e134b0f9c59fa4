import { describe, expect, it } from 'vitest';
import {
  type ManifestDocument,
  type RenderHost,
  EMPTY_DESIRED_STATE,
  loadManifests,
  renderDesiredState,
  renderFleet,
  specHash,
} from '../../manifests/index.js';

/** Loads `files` (name → YAML), failing the test on any load error. */
function docs(files: Record<string, string>): ManifestDocument[] {
  const result = loadManifests(Object.entries(files).map(([path, content]) => ({ path, content })));
  expect(result.errors).toEqual([]);
  return result.documents;
}

const profile = (name: string, selector: string, spec = '') => `apiVersion: ioms/v1
kind: Profile
metadata: { name: ${name} }
spec:
  selector: ${selector}
${spec}`;

const host = (name: string, labels: string) => `apiVersion: ioms/v1
kind: Host
metadata: { name: ${name} }
spec: { labels: ${labels} }
`;

const proc = (name: string, command = '/bin/true') => `  processes:\n    - { name: ${name}, command: ${command} }\n`;

describe('renderDesiredState: which profiles apply', () => {
  const fleet = docs({
    'hosts.yaml': `${host('web-01', '{ role: web, env: prod }')}---\n${host('db-01', '{ role: db }')}`,
    'web.yaml': profile('web', '{ matchLabels: { role: web } }', proc('nginx')),
    'not-prod.yaml': profile('not-prod', '{ match: "env!=prod" }', proc('debug-agent')),
    'named.yaml': profile('named', '{ hosts: ["db-0?"] }', proc('backup')),
    'web-eu.yaml': profile('web-eu', '{ matchLabels: { role: web }, match: "zone in (eu-1,eu-2)", hosts: ["web-*"] }', proc('geo')),
    'all.yaml': profile('all', '{ hosts: ["*"] }', proc('node-exporter')),
    'everyone.yaml': profile('everyone', '{ matchLabels: {} }', proc('ntp')),
  });
  const cases: { name: string; host: RenderHost; labels: Record<string, string>; profiles: string[] }[] = [
    { name: 'labels from the Host document select profiles', host: { name: 'web-01', labels: {} }, labels: { role: 'web', env: 'prod' }, profiles: ['all', 'everyone', 'web'] },
    { name: 'Host document labels win over server labels; others are kept', host: { name: 'web-01', labels: { env: 'dev', zone: 'eu-1' } }, labels: { role: 'web', env: 'prod', zone: 'eu-1' }, profiles: ['all', 'everyone', 'web', 'web-eu'] },
    { name: 'Host documents match names without case', host: { name: 'WEB-01', labels: {} }, labels: { role: 'web', env: 'prod' }, profiles: ['all', 'everyone', 'web'] },
    { name: 'a host without a Host document uses server labels', host: { name: 'web-02', labels: { role: 'web', zone: 'eu-2' } }, labels: { role: 'web', zone: 'eu-2' }, profiles: ['all', 'everyone', 'not-prod', 'web', 'web-eu'] },
    { name: 'host globs', host: { name: 'db-01', labels: {} }, labels: { role: 'db' }, profiles: ['all', 'everyone', 'named', 'not-prod'] },
    { name: 'selector and hosts must both hold', host: { name: 'edge-01', labels: { role: 'web', zone: 'eu-1' } }, labels: { role: 'web', zone: 'eu-1' }, profiles: ['all', 'everyone', 'not-prod', 'web'] },
  ];
  it.each(cases)('$name', ({ host: h, labels, profiles }) => {
    const result = renderDesiredState(fleet, h);
    expect(result.errors).toEqual([]);
    expect(result.labels).toEqual(labels);
    expect(result.profiles).toEqual(profiles);
    expect(Object.keys(result.origins).every((key) => key.startsWith('process:'))).toBe(true);
  });

  it('gives a host no profile matches the empty desired state', () => {
    const result = renderDesiredState(docs({ 'p.yaml': profile('p', '{ hosts: [nobody] }', proc('x')) }), { name: 'web-01', labels: {} });
    expect(result.desired).toEqual(EMPTY_DESIRED_STATE);
    expect(result.hash).toBe(specHash(EMPTY_DESIRED_STATE));
  });
});

describe('renderDesiredState: the union and its hash', () => {
  const a = profile('a', '{ hosts: ["*"] }', `${proc('zeta')}  files:\n    - { path: /etc/b.conf, artifact: b }\n  crontab:\n    - { name: tick, schedule: "* * * * *", command: "true" }\n`);
  const b = profile('b', '{ hosts: ["*"] }', `${proc('alpha')}  files:\n    - { path: /etc/a.conf, artifact: a, mode: "600" }\n`);
  const h = { name: 'h', labels: {} };

  it('merges every matching profile, each list sorted by key, remembering origins', () => {
    const result = renderDesiredState(docs({ 'a.yaml': a, 'b.yaml': b }), h);
    expect(result.errors).toEqual([]);
    expect(result.desired.processes.map((p) => p.name)).toEqual(['alpha', 'zeta']);
    expect(result.desired.files.map((f) => [f.path, f.mode])).toEqual([['/etc/a.conf', '0600'], ['/etc/b.conf', undefined]]);
    expect(result.desired.crontab.map((c) => c.name)).toEqual(['tick']);
    expect(result.origins['file:/etc/a.conf']).toEqual({ kind: 'Profile', name: 'b', file: 'b.yaml', line: 1 });
  });

  it('hashes the same whatever the document order', () => {
    const one = renderDesiredState(docs({ 'a.yaml': a, 'b.yaml': b }), h);
    const two = renderDesiredState(docs({ 'b.yaml': b, 'a.yaml': a }), h);
    expect(two.hash).toBe(one.hash);
    expect(one.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('hashes the same when defaults are written out, and differently when a spec changes', () => {
    const base = renderDesiredState(docs({ 'a.yaml': profile('a', '{ hosts: ["*"] }', proc('web')) }), h).hash;
    const explicit = renderDesiredState(
      docs({ 'a.yaml': profile('a', '{ hosts: ["*"] }', '  processes:\n    - { name: web, command: /bin/true, args: [], restart: { policy: always } }\n') }),
      h,
    ).hash;
    const changed = renderDesiredState(docs({ 'a.yaml': profile('a', '{ hosts: ["*"] }', proc('web', '/bin/false')) }), h).hash;
    expect(explicit).toBe(base);
    expect(changed).not.toBe(base);
  });
});

describe('renderDesiredState: errors', () => {
  const h = { name: 'web-01', labels: { role: 'web' } };
  const cases: { name: string; files: Record<string, string>; want: { code: string; key: string; message: RegExp }[] }[] = [
    {
      name: 'one process name in two profiles',
      files: { 'a.yaml': profile('a', '{ hosts: ["*"] }', proc('web')), 'b.yaml': `# b\n${profile('b', '{ matchLabels: { role: web } }', proc('web', '/bin/false'))}` },
      want: [{ code: 'CONFLICT', key: 'process:web', message: /process "web" is declared by Profile "a" \(a\.yaml:1\) and Profile "b" \(b\.yaml:2\)/ }],
    },
    {
      name: 'one Windows file written two ways',
      files: {
        'a.yaml': profile('a', '{ hosts: ["*"] }', '  files:\n    - { path: "C:\\\\App\\\\x.ini", artifact: x }\n'),
        'b.yaml': profile('b', '{ hosts: ["*"] }', '  files:\n    - { path: "c:/app/X.INI", artifact: y }\n'),
      },
      want: [{ code: 'CONFLICT', key: 'file:c:\\app\\x.ini', message: /file c:\/app\/X\.INI is declared by Profile "a" \(a\.yaml:1\) and Profile "b"/ }],
    },
    {
      name: 'one crontab name in two profiles',
      files: {
        'a.yaml': profile('a', '{ hosts: ["*"] }', '  crontab:\n    - { name: t, schedule: "* * * * *", command: "true" }\n'),
        'b.yaml': profile('b', '{ hosts: ["*"] }', '  crontab:\n    - { name: t, schedule: "* * * * *", command: "true" }\n'),
      },
      want: [{ code: 'CONFLICT', key: 'cron:t', message: /crontab entry "t" is declared by/ }],
    },
    {
      name: 'a crontab entry restarting a process the host does not have',
      files: { 'a.yaml': profile('a', '{ hosts: ["*"] }', '  crontab:\n    - { name: t, schedule: "0 4 * * *", restartProcess: ghost }\n') },
      want: [{ code: 'UNRESOLVED_REFERENCE', key: 'cron:t', message: /restarts process "ghost"/ }],
    },
    {
      name: 'a file restarting a process the host does not have',
      files: { 'a.yaml': profile('a', '{ hosts: ["*"] }', '  files:\n    - { path: /x, artifact: x, restartProcess: ghost }\n') },
      want: [{ code: 'UNRESOLVED_REFERENCE', key: 'file:/x', message: /restarts process "ghost"/ }],
    },
    {
      name: 'a reference resolved by another profile is fine',
      files: {
        'a.yaml': profile('a', '{ hosts: ["*"] }', '  crontab:\n    - { name: t, schedule: "0 4 * * *", restartProcess: web }\n'),
        'b.yaml': profile('b', '{ hosts: ["*"] }', proc('web')),
      },
      want: [],
    },
  ];
  it.each(cases)('$name', ({ files, want }) => {
    const result = renderDesiredState(docs(files), h);
    expect(result.errors).toHaveLength(want.length);
    result.errors.forEach((error, i) => {
      const expected = want[i] as (typeof want)[number];
      expect(error).toMatchObject({ code: expected.code, key: expected.key, hosts: ['web-01'] });
      expect(error.message).toMatch(expected.message);
    });
  });

  it('keeps the entry of the first profile by name in a conflict', () => {
    const result = renderDesiredState(docs({ 'z.yaml': profile('z', '{ hosts: ["*"] }', proc('web', '/bin/z')), 'a.yaml': profile('a', '{ hosts: ["*"] }', proc('web', '/bin/a')) }), h);
    expect(result.desired.processes.map((p) => p.command)).toEqual(['/bin/a']);
  });
});

describe('renderFleet', () => {
  it('renders every host and reports each conflict once with all its hosts', () => {
    const fleet = docs({
      'a.yaml': profile('a', '{ matchLabels: { role: web } }', proc('web')),
      'b.yaml': profile('b', '{ hosts: ["web-*"] }', proc('web')),
    });
    const hosts: RenderHost[] = [
      { name: 'web-02', labels: { role: 'web' } },
      { name: 'web-01', labels: { role: 'web' } },
      { name: 'web-03', labels: {} },
      { name: 'db-01', labels: { role: 'web' } },
    ];
    const result = renderFleet(fleet, hosts);
    expect(result.hosts.map((r) => [r.host, r.profiles])).toEqual([
      ['web-02', ['a', 'b']],
      ['web-01', ['a', 'b']],
      ['web-03', ['b']],
      ['db-01', ['a']],
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'CONFLICT', key: 'process:web', hosts: ['web-01', 'web-02'] });
    expect(result.hosts[0]?.hash).toBe(renderDesiredState(fleet, hosts[0] as RenderHost).hash);
  });
});
