import { describe, expect, it } from 'vitest';
import {
  type DesiredState,
  type ObservedState,
  type PlanAction,
  cronEntrySchema,
  fileSchema,
  observedStateSchema,
  planHost,
  processSchema,
  specHash,
} from '../../manifests/index.js';

const web = processSchema.parse({ name: 'web', command: '/srv/web', args: ['--port', '80'] });
const worker = processSchema.parse({ name: 'worker', command: '/srv/worker', restart: { policy: 'on-failure' } });
const tick = cronEntrySchema.parse({ name: 'tick', schedule: '* * * * *', command: 'date >> /tmp/t' });
const conf = fileSchema.parse({ path: '/etc/app.conf', artifact: 'app-conf@3', sha256: 'A'.repeat(64), md5: 'b'.repeat(32), mode: '0640' });
const md5Only = fileSchema.parse({ path: '/opt/app.zip', artifact: 'app@1', md5: 'c'.repeat(32) });
const winFile = fileSchema.parse({ path: 'C:\\App\\app.ini', artifact: 'ini' });

const desired: DesiredState = { processes: [web, worker], crontab: [tick], files: [md5Only, conf, winFile] };

/** What an agent reports once it has applied `state` and all is well. */
function converged(state: DesiredState): ObservedState {
  return observedStateSchema.parse({
    processes: state.processes.map((p) => ({ name: p.name, pid: 100, state: 'RUNNING', restarts: 0, specHash: specHash(p) })),
    cron: state.crontab.map((c) => ({ name: c.name, specHash: specHash(c), nextRun: '2030-01-01T04:00:00Z' })),
    files: state.files.map((f) => ({ path: f.path, exists: true, sha256: f.sha256 ?? 'e'.repeat(64), md5: f.md5 ?? 'e'.repeat(32), mode: f.mode, specHash: specHash(f), managedSha256: f.sha256 ?? 'e'.repeat(64), ...(f.extractTo ? { extracted: true } : {}) })),
  });
}

type Change = (o: ObservedState) => ObservedState;
const withProcess = (name: string, patch: Record<string, unknown>): Change => (o) => ({
  ...o,
  processes: o.processes.map((p) => (p.name === name ? { ...p, ...patch } : p)),
});
const withFile = (path: string, patch: Record<string, unknown>): Change => (o) => ({
  ...o,
  files: o.files.map((f) => (f.path === path ? { ...f, ...patch } : f)),
});
const without = (list: 'processes' | 'cron' | 'files', name: string): Change => (o) => ({
  ...o,
  [list]: (o[list] as { name?: string; path?: string }[]).filter((item) => (item.name ?? item.path) !== name),
});
const plus = (state: DesiredState): Change => (o) => {
  const extra = converged(state);
  return { processes: [...o.processes, ...extra.processes], cron: [...o.cron, ...extra.cron], files: [...o.files, ...extra.files] };
};

const summary = (actions: readonly PlanAction[]) => actions.map((a) => `${a.type} ${a.key} ${a.reason}`);

describe('planHost', () => {
  const cases: { name: string; observed: Change; want: string[] }[] = [
    { name: 'converged host plans nothing', observed: (o) => o, want: [] },
    { name: 'process missing', observed: without('processes', 'web'), want: ['StartProcess process:web MISSING'] },
    { name: 'process spec changed', observed: withProcess('web', { specHash: specHash({ old: true }) }), want: ['UpdateProcess process:web SPEC_CHANGED'] },
    { name: 'process FATAL is held: the agent does not start it by itself', observed: withProcess('web', { state: 'FATAL', restarts: 5 }), want: ['Hold process:web FATAL'] },
    { name: 'process STOPPED', observed: withProcess('worker', { state: 'STOPPED' }), want: ['StartProcess process:worker NOT_RUNNING'] },
    { name: 'EXITED with policy always', observed: withProcess('web', { state: 'EXITED' }), want: ['StartProcess process:web NOT_RUNNING'] },
    { name: 'EXITED with policy on-failure is done', observed: withProcess('worker', { state: 'EXITED' }), want: [] },
    { name: 'BACKOFF is left to the restart policy', observed: withProcess('web', { state: 'BACKOFF', restarts: 2 }), want: [] },
    { name: 'STARTING is fine', observed: withProcess('web', { state: 'STARTING' }), want: [] },
    { name: 'spec change wins over state', observed: withProcess('web', { state: 'FATAL', specHash: specHash('x') }), want: ['UpdateProcess process:web SPEC_CHANGED'] },
    { name: 'process no longer desired', observed: plus({ processes: [processSchema.parse({ name: 'old', command: '/x' })], crontab: [], files: [] }), want: ['StopProcess process:old NOT_DESIRED'] },
    { name: 'cron missing', observed: without('cron', 'tick'), want: ['SetCron cron:tick MISSING'] },
    { name: 'cron spec changed', observed: (o) => ({ ...o, cron: o.cron.map((c) => ({ ...c, specHash: specHash('other') })) }), want: ['SetCron cron:tick SPEC_CHANGED'] },
    { name: 'cron no longer desired', observed: plus({ processes: [], crontab: [cronEntrySchema.parse({ name: 'old', schedule: '0 0 * * *', command: 'x' })], files: [] }), want: ['RemoveCron cron:old NOT_DESIRED'] },
    { name: 'file never written', observed: without('files', '/etc/app.conf'), want: ['PutFile file:/etc/app.conf MISSING'] },
    { name: 'file deleted by hand', observed: withFile('/etc/app.conf', { exists: false, sha256: undefined, md5: undefined, mode: undefined }), want: ['PutFile file:/etc/app.conf MISSING'] },
    { name: 'file edited by hand (sha256)', observed: withFile('/etc/app.conf', { sha256: 'f'.repeat(64), md5: 'f'.repeat(32) }), want: ['PutFile file:/etc/app.conf CHECKSUM_MISMATCH'] },
    { name: 'sha256 is checked before md5', observed: withFile('/etc/app.conf', { md5: 'f'.repeat(32) }), want: [] },
    { name: 'md5 used when the agent reports no sha256', observed: withFile('/etc/app.conf', { sha256: undefined, md5: 'f'.repeat(32) }), want: ['PutFile file:/etc/app.conf CHECKSUM_MISMATCH'] },
    { name: 'file edited by hand (md5 only)', observed: withFile('/opt/app.zip', { md5: 'd'.repeat(32) }), want: ['PutFile file:/opt/app.zip CHECKSUM_MISMATCH'] },
    { name: 'declared checksum not reported', observed: withFile('/opt/app.zip', { md5: undefined }), want: ['PutFile file:/opt/app.zip CHECKSUM_MISMATCH'] },
    { name: 'mode changed', observed: withFile('/etc/app.conf', { mode: '0666' }), want: ['PutFile file:/etc/app.conf MODE_CHANGED'] },
    { name: 'mode not reported (Windows) is not drift', observed: withFile('/etc/app.conf', { mode: undefined }), want: [] },
    { name: 'file spec changed', observed: withFile('/etc/app.conf', { specHash: specHash('v2') }), want: ['PutFile file:/etc/app.conf SPEC_CHANGED'] },
    { name: 'Windows path reported in another case is the same file', observed: (o) => ({ ...o, files: o.files.map((f) => (f.path.startsWith('C:') ? { ...f, path: 'c:/app/APP.INI' } : f)) }), want: [] },
    { name: 'file no longer desired, as IOMS wrote it', observed: plus({ processes: [], crontab: [], files: [fileSchema.parse({ path: '/etc/old', artifact: 'old' })] }), want: ['RemoveFile file:/etc/old NOT_DESIRED'] },
    {
      name: 'file no longer desired but changed by hand is left in place',
      observed: (o) => withFile('/etc/old', { sha256: 'f'.repeat(64) })(plus({ processes: [], crontab: [], files: [fileSchema.parse({ path: '/etc/old', artifact: 'old' })] })(o)),
      want: ['Hold file:/etc/old MODIFIED_BY_HAND'],
    },
    {
      name: 'file no longer desired and already gone is forgotten',
      observed: (o) => withFile('/etc/old', { exists: false, sha256: undefined, md5: undefined })(plus({ processes: [], crontab: [], files: [fileSchema.parse({ path: '/etc/old', artifact: 'old' })] })(o)),
      want: ['RemoveFile file:/etc/old NOT_DESIRED'],
    },
    { name: 'file in place that IOMS has no record of writing', observed: withFile('/etc/app.conf', { specHash: undefined, managedSha256: undefined }), want: ['PutFile file:/etc/app.conf NOT_MANAGED'] },
    { name: 'file without a record and with other content', observed: withFile('/etc/app.conf', { specHash: undefined, managedSha256: undefined, sha256: 'f'.repeat(64) }), want: ['PutFile file:/etc/app.conf CHECKSUM_MISMATCH'] },
    { name: 'no declared checksum: a hand edit is found against what IOMS wrote', observed: withFile('C:\\App\\app.ini', { sha256: 'f'.repeat(64) }), want: ['PutFile file:c:\\app\\app.ini CHECKSUM_MISMATCH'] },
    { name: 'md5 declared: the sha256 the agent also reports is not compared', observed: withFile('/opt/app.zip', { sha256: 'f'.repeat(64) }), want: [] },
    { name: 'a crontab entry the agent could not schedule is held with its reason', observed: (o) => ({ ...o, cron: o.cron.map((c) => ({ ...c, error: 'this host cannot run the schedule' })) }), want: ['Hold cron:tick CRON_FAILED'] },
    {
      name: 'a fresh host: everything, files before processes before cron',
      observed: () => observedStateSchema.parse({}),
      want: [
        'PutFile file:/etc/app.conf MISSING',
        'PutFile file:/opt/app.zip MISSING',
        'PutFile file:c:\\app\\app.ini MISSING',
        'StartProcess process:web MISSING',
        'StartProcess process:worker MISSING',
        'SetCron cron:tick MISSING',
      ],
    },
    {
      name: 'removals come first: cron, then processes, then files',
      observed: plus({
        processes: [processSchema.parse({ name: 'old', command: '/x' })],
        crontab: [cronEntrySchema.parse({ name: 'old', schedule: '0 0 * * *', command: 'x' })],
        files: [fileSchema.parse({ path: '/etc/old', artifact: 'old' })],
      }),
      want: ['RemoveCron cron:old NOT_DESIRED', 'StopProcess process:old NOT_DESIRED', 'RemoveFile file:/etc/old NOT_DESIRED'],
    },
  ];

  const game = processSchema.parse({ name: 'game', command: '/srv/game' });
  const gameConf = fileSchema.parse({ path: '/etc/game.conf', artifact: 'game-conf@1', sha256: '1'.repeat(64), mode: '0640', restartProcess: 'game' });
  const archive = fileSchema.parse({ path: '/opt/game.tgz', artifact: 'game@1', extractTo: '/opt/game' });
  const withGame: DesiredState = { processes: [game], crontab: [], files: [archive, gameConf] };
  const gameCases: { name: string; observed: Change; want: string[]; artifacts?: Record<string, { sha256: string; md5: string }> }[] = [
    { name: 'a written file restarts the running process it names, after it', observed: withFile('/etc/game.conf', { sha256: '2'.repeat(64) }), want: ['PutFile file:/etc/game.conf CHECKSUM_MISMATCH', 'RestartProcess process:game FILE_CHANGED'] },
    { name: 'a process started in the same plan is not restarted: it starts after its file lands', observed: () => observedStateSchema.parse({}), want: ['PutFile file:/etc/game.conf MISSING', 'PutFile file:/opt/game.tgz MISSING', 'StartProcess process:game MISSING'] },
    { name: 'a mode fix does not restart anything', observed: withFile('/etc/game.conf', { mode: '0600' }), want: ['PutFile file:/etc/game.conf MODE_CHANGED'] },
    { name: 'an archive not unpacked', observed: withFile('/opt/game.tgz', { extracted: false }), want: ['PutFile file:/opt/game.tgz NOT_EXTRACTED'] },
    {
      name: 'without a declared checksum the store digest is expected',
      observed: (o) => o,
      artifacts: { 'game@1': { sha256: '3'.repeat(64), md5: '3'.repeat(32) } },
      want: ['PutFile file:/opt/game.tgz CHECKSUM_MISMATCH'],
    },
  ];
  it.each(gameCases)('$name', ({ observed, want, artifacts }) => {
    expect(summary(planHost(withGame, observed(converged(withGame)), { artifacts }))).toEqual(want);
  });

  it('a FATAL hold says why, how it last ended and what starts it again', () => {
    const [hold] = planHost(desired, withProcess('web', { state: 'FATAL', restarts: 4, lastExitCode: 3, reason: 'exited quickly 5 times within 60s (start limit 5)' })(converged(desired)));
    expect(hold?.message).toMatch(/FATAL after 4 restarts, last exit code 3\): exited quickly 5 times.*ioms exec --action restart-process/);
  });

  it.each(cases)('$name', ({ observed, want }) => {
    const actions = planHost(desired, observed(converged(desired)));
    expect(summary(actions)).toEqual(want);
    for (const action of actions) expect(action.message.length).toBeGreaterThan(10);
  });

  it('plans nothing for any desired state against its converged observation', () => {
    const states: DesiredState[] = [{ processes: [], crontab: [], files: [] }, desired, { processes: [worker], crontab: [], files: [winFile] }];
    for (const state of states) expect(planHost(state, converged(state))).toEqual([]);
  });

  it('carries the spec and hash the agent needs to act', () => {
    const [start] = planHost(desired, without('processes', 'web')(converged(desired)));
    expect(start).toMatchObject({ type: 'StartProcess', process: web, specHash: specHash(web) });
    expect(start?.message).toBe('start process "web": the host does not run it yet');
  });

  it('does not modify its inputs', () => {
    const observed = converged(desired);
    const before = JSON.stringify([desired, observed]);
    planHost(desired, withProcess('web', { state: 'FATAL' })(observed));
    expect(JSON.stringify([desired, observed])).toBe(before);
  });
});

describe('observedStateSchema', () => {
  it.each([
    { name: 'an unknown process state', report: { processes: [{ name: 'a', state: 'ZOMBIE', restarts: 0, specHash: specHash(1) }] } },
    { name: 'a malformed spec hash', report: { cron: [{ name: 'a', specHash: 'md5:abc' }] } },
    { name: 'a negative restart count', report: { processes: [{ name: 'a', state: 'RUNNING', restarts: -1, specHash: specHash(1) }] } },
    { name: 'a bad timestamp', report: { cron: [{ name: 'a', specHash: specHash(1), lastRun: 'yesterday' }] } },
    { name: 'the same process twice', report: { processes: [0, 1].map(() => ({ name: 'a', state: 'RUNNING', restarts: 0, specHash: specHash(1) })) } },
    { name: 'a file without exists', report: { files: [{ path: '/x', specHash: specHash(1) }] } },
  ])('rejects $name', ({ report }) => {
    expect(observedStateSchema.safeParse(report).success).toBe(false);
  });

  it('drops fields it does not know (newer agents) and normalizes hashes and modes', () => {
    const parsed = observedStateSchema.parse({
      files: [{ path: '/x', exists: true, sha256: 'A'.repeat(64), mode: '644', specHash: specHash(1), inode: 7 }],
      future: true,
    });
    expect(parsed).toEqual({ processes: [], cron: [], files: [{ path: '/x', exists: true, sha256: 'a'.repeat(64), mode: '0644', specHash: specHash(1) }] });
  });
});
