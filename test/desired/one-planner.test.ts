/**
 * One planner: the same (desired, observed) through the server's path and the agent's path gives
 * the same actions.
 *
 * - agent path: the DESIRED_STATE instruction as the agent receives it (JSON, validated at its
 *   edge), the observed state it builds from its executors' snapshots and from real files on disk
 *   with its managed-file record, then `planForAgent`;
 * - server path: that observed state as the agent reports it (JSON through the server's report
 *   schema, stored, read back with `parseObserved`), the render and artifact downloads the
 *   reconciler gathers, then `decideHostState`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CronEntrySnapshot } from '../../agent/cron/index.js';
import { desiredInstructionSchema, planForAgent } from '../../agent/desired/desired-state-manager.js';
import { ManagedFiles } from '../../agent/desired/managed-files.js';
import { observeFiles, observedCron, observedProcess } from '../../agent/desired/observe-host.js';
import type { ProcessSnapshot } from '../../agent/supervisor/index.js';
import { observedReportSchema } from '../../api/manifests/agent-state-reports.js';
import { parseObserved } from '../../api/manifests/manifest.service.js';
import { decideHostState } from '../../api/reconciler/host-state.js';
import { type DesiredState, type HostRender, type ObservedState, type PlanAction, cronEntrySchema, fileSchema, processSchema, specHash } from '../../manifests/index.js';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const md5 = (text: string) => crypto.createHash('md5').update(text).digest('hex');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-one-planner-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CONTENT = 'port=7000\n';

interface Host {
  desired: DesiredState;
  processes: ProcessSnapshot[];
  cron: CronEntrySnapshot[];
  /** Files on disk: path (relative to the case dir) → content. */
  disk: Record<string, string>;
  /** The agent's record: path → content IOMS wrote (for the spec of that path in `recordedSpecs`). */
  recorded: Record<string, string>;
  /** Store contents by artifact reference (absent: not in the store). */
  store: Record<string, string>;
}

function world(caseDir: string) {
  const at = (rel: string) => path.join(caseDir, rel);
  const game = processSchema.parse({ name: 'game', command: '/srv/game', restart: { startLimit: 3 } });
  const conf = fileSchema.parse({ path: at('game.conf'), artifact: 'conf@1', restartProcess: 'game' });
  const md5Only = fileSchema.parse({ path: at('md5.bin'), artifact: 'conf@1', md5: md5(CONTENT) });
  const old = fileSchema.parse({ path: at('old.conf'), artifact: 'conf@1' });
  const tick = cronEntrySchema.parse({ name: 'tick', schedule: '* * * * *', command: 'true' });
  const running = (p = game): ProcessSnapshot => ({ name: p.name, pid: 42, state: 'RUNNING', restarts: 0, specHash: specHash(p), adopted: false });
  const scheduled = (c = tick): CronEntrySnapshot => ({ name: c.name, schedule: c.schedule, timezone: 'UTC', specHash: specHash(c), running: false, nextRunAt: '2030-01-01T00:00:00.000Z' });
  const base: Host = {
    desired: { processes: [game], crontab: [tick], files: [conf, md5Only].sort((a, b) => (a.path < b.path ? -1 : 1)) },
    processes: [running()],
    cron: [scheduled()],
    disk: { 'game.conf': CONTENT, 'md5.bin': CONTENT },
    recorded: { 'game.conf': CONTENT, 'md5.bin': CONTENT },
    store: { 'conf@1': CONTENT },
  };
  return { at, game, conf, md5Only, old, tick, running, scheduled, base };
}

type World = ReturnType<typeof world>;

const cases: { name: string; host: (w: World) => Host; want: string[] }[] = [
  { name: 'a converged host', host: (w) => w.base, want: [] },
  { name: 'a fresh host', host: (w) => ({ ...w.base, processes: [], cron: [], disk: {}, recorded: {} }), want: ['PutFile MISSING', 'PutFile MISSING', 'StartProcess process:game MISSING', 'SetCron cron:tick MISSING'] },
  { name: 'a hand edit of a file without a declared checksum', host: (w) => ({ ...w.base, disk: { ...w.base.disk, 'game.conf': 'edited' } }), want: ['PutFile CHECKSUM_MISMATCH', 'RestartProcess process:game FILE_CHANGED'] },
  { name: 'an md5-only file: the agent hashes both, either is accepted', host: (w) => w.base, want: [] },
  { name: 'a file no longer desired, as IOMS wrote it', host: (w) => ({ ...w.base, disk: { ...w.base.disk, 'old.conf': CONTENT }, recorded: { ...w.base.recorded, 'old.conf': CONTENT } }), want: ['RemoveFile NOT_DESIRED'] },
  { name: 'a file no longer desired, changed by hand', host: (w) => ({ ...w.base, disk: { ...w.base.disk, 'old.conf': 'mine now' }, recorded: { ...w.base.recorded, 'old.conf': CONTENT } }), want: ['Hold MODIFIED_BY_HAND'] },
  { name: 'a file IOMS has no record of', host: (w) => ({ ...w.base, recorded: { 'md5.bin': CONTENT } }), want: ['PutFile NOT_MANAGED'] },
  {
    name: 'a FATAL process',
    host: (w) => ({ ...w.base, processes: [{ ...w.running(), pid: undefined, state: 'FATAL', restarts: 2, lastExit: { code: 3, at: '2026-01-01T00:00:00.000Z' }, reason: 'exited quickly 3 times within 60s (start limit 3)' }] }),
    want: ['Hold process:game FATAL'],
  },
  { name: 'a process no longer desired', host: (w) => ({ ...w.base, processes: [w.running(), w.running(processSchema.parse({ name: 'gone', command: '/x' }))] }), want: ['StopProcess process:gone NOT_DESIRED'] },
  { name: 'a cron entry the agent could not schedule', host: (w) => ({ ...w.base, cron: [{ ...w.scheduled(), nextRunAt: undefined, error: 'this host cannot run the schedule' }] }), want: ['Hold cron:tick CRON_FAILED'] },
  { name: 'an artifact the store no longer has', host: (w) => ({ ...w.base, store: {} }), want: [] },
];

const summary = (actions: readonly Pick<PlanAction, 'type' | 'key' | 'reason'>[]) =>
  actions.map((a) => `${a.type} ${a.key.startsWith('file:') ? '' : `${a.key} `}${a.reason}`.replace('  ', ' '));

describe('the server and the agent plan the same actions', () => {
  it.each(cases)('$name', async ({ name, host, want }) => {
    const caseDir = path.join(dir, name.replace(/[^a-z]+/gi, '-'));
    fs.mkdirSync(caseDir);
    const w = world(caseDir);
    const h = host(w);
    for (const [rel, text] of Object.entries(h.disk)) fs.writeFileSync(w.at(rel), text);
    const records = new ManagedFiles(path.join(caseDir, 'state'));
    const specOf = (rel: string) => [w.conf, w.md5Only, w.old].find((f) => f.path === w.at(rel))!;
    for (const [rel, text] of Object.entries(h.recorded)) await records.set({ path: w.at(rel), specHash: specHash(specOf(rel)), sha256: sha256(text), md5: md5(text) });

    // The instruction as the reconciler builds it, and as the agent receives it.
    const render: HostRender = { host: 'h', labels: {}, profiles: ['p'], desired: h.desired, hash: specHash(h.desired), origins: {}, errors: [] };
    const downloads = Object.fromEntries(h.desired.files.map((f) => [f.artifact, h.store[f.artifact] === undefined ? null : { sha256: sha256(h.store[f.artifact]!), md5: md5(h.store[f.artifact]!), url: `https://ioms.test/artifacts/${sha256(h.store[f.artifact]!)}` }]));
    const first = decideHostState({ online: true, revisionId: 1, render, previous: null, observed: undefined, artifacts: downloads }, new Date(0));
    const instruction = desiredInstructionSchema.parse(JSON.parse(JSON.stringify(first.send ?? { revision: 1, hash: render.hash, desired: h.desired, artifacts: {} })));

    // Agent path.
    const observed: ObservedState = { processes: h.processes.map((p) => observedProcess(p)), cron: h.cron.map(observedCron), files: await observeFiles(instruction.desired, records.all()) };
    const agentPlan = planForAgent(instruction, observed);

    // Server path: the report through the server's edge, stored and read back.
    const report = observedReportSchema.parse(JSON.parse(JSON.stringify({ hash: render.hash, observed })));
    const stored = parseObserved(JSON.parse(JSON.stringify(report.observed)));
    const previous = { revisionId: 1, desiredHash: render.hash, drift: [], status: 'PENDING' as const, convergedRevisionId: null, agentHash: render.hash, error: null };
    const server = decideHostState({ online: true, revisionId: 1, render, previous, observed: stored, artifacts: downloads }, new Date(0));

    const strip = (a: PlanAction) => ({ type: a.type, key: a.key, reason: a.reason, message: a.message });
    expect(server.actions.map(strip)).toEqual(agentPlan.map(strip));
    expect(summary(agentPlan)).toEqual(want);
    // What rollout status shows is exactly the plan, plus what the server alone knows.
    const serverOnly = server.row.drift.filter((d) => d.reason === 'ARTIFACT_MISSING');
    expect(server.row.drift.filter((d) => d.reason !== 'ARTIFACT_MISSING').map((d) => d.sentence)).toEqual(agentPlan.map((a) => a.message));
    if (name.startsWith('an artifact the store')) {
      expect(serverOnly.map((d) => d.key).sort()).toEqual(h.desired.files.map((f) => `file:${f.path}`).sort());
      expect(server.row.status).toBe('FAILED');
    } else expect(serverOnly).toEqual([]);
  });
});
