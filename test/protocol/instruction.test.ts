import { describe, expect, it } from 'vitest';
import { desiredInstructionSchema, observedReportSchema, specHash } from '../../manifests/index.js';
import { sendObservedState } from '../../agent/desired/send-reports.js';
import { INSTRUCTION_KINDS, desiredStateInstruction, parseInstruction, runCommandInstruction, commandResultReportSchema, jobCommandIdSchema, commandIdSchema } from '../../protocol/index.js';

const artifact = { sha256: 'a'.repeat(64), md5: 'b'.repeat(32), url: 'https://ioms.test/artifacts/aaa' };
const desired = { processes: [], crontab: [], files: [] };
const hash = specHash(desired);

describe('server → agent: every instruction is validated against protocol/', () => {
  const valid = [
    { name: 'a desired state', message: desiredStateInstruction({ revision: 3, hash, desired, artifacts: {} }) },
    { name: 'a shell command', message: runCommandInstruction({ id: 't1', kind: 'SHELL', command: 'uptime', timeoutMs: 1000 }) },
    { name: 'a restart', message: runCommandInstruction({ id: 't2', kind: 'RESTART_PROCESS', processName: 'game', timeoutMs: 1000 }) },
    { name: 'an inventory request', message: runCommandInstruction({ id: 't3', kind: 'COLLECT_INVENTORY', timeoutMs: 1000 }) },
    { name: 'a download', message: runCommandInstruction({ id: 't4', kind: 'DOWNLOAD', artifact, path: '/opt/x', timeoutMs: 1000 }) },
    { name: 'an upgrade', message: runCommandInstruction({ id: 't5', kind: 'UPGRADE_AGENT', artifact, timeoutMs: 1000 }) },
  ];
  it.each(valid)('accepts $name (after a JSON round trip)', ({ message }) => {
    expect(parseInstruction(JSON.parse(JSON.stringify(message)))).toMatchObject({ ok: true, instruction: message });
  });

  const malformed = [
    { name: 'an unknown kind', message: { id: 'x', kind: 'COLLECT_INVENTORY', payload: {} }, problem: /kind/ },
    { name: 'a bare string', message: 'DESIRED_STATE', problem: /root/ },
    { name: 'a desired state without its hash', message: { id: 'd', kind: 'DESIRED_STATE', payload: { revision: 1, desired } }, problem: /payload\.hash/ },
    { name: 'a shell command without a command', message: { id: 't1', kind: 'RUN_COMMAND', payload: { id: 't1', kind: 'SHELL', timeoutMs: 5 } }, problem: /payload\.command/ },
    { name: 'a restart without a process name', message: { id: 't1', kind: 'RUN_COMMAND', payload: { id: 't1', kind: 'RESTART_PROCESS', timeoutMs: 5 } }, problem: /processName/ },
    { name: 'a download without its artifact', message: { id: 't1', kind: 'RUN_COMMAND', payload: { id: 't1', kind: 'DOWNLOAD', path: '/x', timeoutMs: 5 } }, problem: /artifact/ },
    { name: 'a command id that is no job target', message: { id: 't1', kind: 'RUN_COMMAND', payload: { id: '../etc', kind: 'COLLECT_INVENTORY', timeoutMs: 5 } }, problem: /payload\.id/ },
  ];
  it.each(malformed)('refuses $name, without quoting it', ({ message, problem }) => {
    const r = parseInstruction(message);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });

  it('refuses a desired state whose resources break the manifest schema (the agent edge checks them too)', () => {
    const message = desiredStateInstruction({ revision: 1, hash, desired: { processes: [{ name: 'x' }], crontab: [], files: [] } as never, artifacts: {} });
    expect(parseInstruction(message).ok).toBe(true);
    expect(desiredInstructionSchema.safeParse(message.payload).success).toBe(false);
  });

  it('the server cannot build an instruction that breaks the protocol', () => {
    expect(() => runCommandInstruction({ id: 't9', kind: 'SHELL', command: '', timeoutMs: 1 })).toThrow();
  });

  it('names each kind once', () => {
    expect(INSTRUCTION_KINDS).toEqual(['DESIRED_STATE', 'RUN_COMMAND']);
  });
});

describe('agent → server: reports are validated against the same schemas on both ends', () => {
  const malformed = [
    { name: 'an unknown process state', report: { hash, observed: { processes: [{ name: 'a', state: 'ZOMBIE', restarts: 0, specHash: hash }] } } },
    { name: 'a file with a short sha256', report: { hash, observed: { files: [{ path: '/x', exists: true, sha256: 'abc' }] } } },
    { name: 'no hash member', report: { observed: {} } },
  ];
  it.each(malformed)('the server refuses $name', ({ report }) => {
    expect(observedReportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(false);
  });
  it.each(malformed)('the agent refuses to send $name', async ({ report }) => {
    const sent: unknown[] = [];
    const session = { request: async (_q: string, v?: Record<string, unknown>) => void sent.push(v) as never };
    await expect(sendObservedState(session, report as never)).rejects.toThrow(/refusing to send an invalid report/);
    expect(sent).toEqual([]);
  });

  it('one command-id rule: spool-safe ids, and the t<n> form for job targets', () => {
    expect(commandIdSchema.safeParse('cron-tick-1-2').success).toBe(true);
    expect(commandIdSchema.safeParse('../x').success).toBe(false);
    expect(jobCommandIdSchema.safeParse('t42').success).toBe(true);
    expect(jobCommandIdSchema.safeParse('cron-tick').success).toBe(false);
    const result = { id: 't1', status: 'SUCCEEDED', exitCode: 0, stdout: '', stderr: '', stdoutTruncated: false, stderrTruncated: false, startedAt: 'x', finishedAt: 'y', durationMs: 0 };
    expect(commandResultReportSchema.safeParse(result).success).toBe(true);
    expect(commandResultReportSchema.safeParse({ ...result, status: 'DONE' }).success).toBe(false);
  });
});
