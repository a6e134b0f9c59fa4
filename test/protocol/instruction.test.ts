import { describe, expect, it } from 'vitest';
import { desiredInstructionSchema, observedReportSchema, specHash } from '../../manifests/index.js';
import { sendObservedState } from '../../agent/desired/send-reports.js';
import { COMMAND_KINDS, INSTRUCTION_KINDS, addressCommand, desiredStateInstruction, parseInstruction, commandInstruction, commandResultReportSchema, jobCommandIdSchema, commandIdSchema } from '../../protocol/index.js';

const artifact = { sha256: 'a'.repeat(64), md5: 'b'.repeat(32), url: 'https://ioms.test/artifacts/aaa' };
const desired = { processes: [], crontab: [], files: [] };
const hash = specHash(desired);

describe('server → agent: every instruction is validated against protocol/', () => {
  const valid = [
    { name: 'a desired state', message: desiredStateInstruction({ revision: 3, hash, desired, artifacts: {} }) },
    { name: 'a shell command', message: commandInstruction({ id: 't1', kind: 'SHELL', payload: { command: 'uptime', timeoutMs: 1000, attempt: 1 } }) },
    { name: 'a restart', message: commandInstruction({ id: 't2', kind: 'RESTART_PROCESS', payload: { processName: 'game', timeoutMs: 1000, attempt: 1 } }) },
    { name: 'an inventory request', message: commandInstruction({ id: 't3', kind: 'COLLECT_INVENTORY', payload: { timeoutMs: 1000, attempt: 2 } }) },
    { name: 'a password change', message: commandInstruction({ id: 't6', kind: 'SET_PASSWORD', payload: { username: 'ops', password: 'x', timeoutMs: 1000, attempt: 1 } }) },
    { name: 'a download', message: commandInstruction({ id: 't4', kind: 'DOWNLOAD', payload: { artifact, path: '/opt/x', timeoutMs: 1000, attempt: 1 } }) },
    { name: 'an upgrade', message: commandInstruction({ id: 't5', kind: 'UPGRADE_AGENT', payload: { artifact, timeoutMs: 1000, attempt: 1 } }) },
    { name: 'a template addressed to a target', message: addressCommand({ kind: 'SHELL', payload: { command: 'id', timeoutMs: 5 } }, 't7', 3) },
    { name: 'a log request', message: { id: 'logs-1', kind: 'PROCESS_LOGS', payload: { requestId: 'req-0001', process: 'game', tailLines: 10, follow: false } } },
  ];
  it.each(valid)('accepts $name (after a JSON round trip)', ({ message }) => {
    expect(parseInstruction(JSON.parse(JSON.stringify(message)))).toMatchObject({ ok: true, instruction: message });
  });

  const malformed = [
    { name: 'an unknown kind', message: { id: 'x', kind: 'RUN_COMMAND', payload: {} }, problem: /kind/ },
    { name: 'a bare string', message: 'DESIRED_STATE', problem: /root/ },
    { name: 'a desired state without its hash', message: { id: 'd', kind: 'DESIRED_STATE', payload: { revision: 1, desired } }, problem: /payload\.hash/ },
    { name: 'a shell command without a command', message: { id: 't1', kind: 'SHELL', payload: { timeoutMs: 5, attempt: 1 } }, problem: /payload\.command/ },
    { name: 'a restart without a process name', message: { id: 't1', kind: 'RESTART_PROCESS', payload: { timeoutMs: 5, attempt: 1 } }, problem: /processName/ },
    { name: 'a download without its artifact', message: { id: 't1', kind: 'DOWNLOAD', payload: { path: '/x', timeoutMs: 5, attempt: 1 } }, problem: /artifact/ },
    { name: 'a command without its attempt', message: { id: 't1', kind: 'COLLECT_INVENTORY', payload: { timeoutMs: 5 } }, problem: /payload\.attempt/ },
    { name: 'a command with attempt 0', message: { id: 't1', kind: 'COLLECT_INVENTORY', payload: { timeoutMs: 5, attempt: 0 } }, problem: /payload\.attempt/ },
    { name: 'a command id that is no job target', message: { id: '../etc', kind: 'COLLECT_INVENTORY', payload: { timeoutMs: 5, attempt: 1 } }, problem: /^invalid instruction: id/ },
    { name: 'a command still in the old RUN_COMMAND wrapper', message: { id: 't1', kind: 'RUN_COMMAND', payload: { id: 't1', kind: 'SHELL', command: 'id', timeoutMs: 5 } }, problem: /kind/ },
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
    expect(() => commandInstruction({ id: 't9', kind: 'SHELL', payload: { command: '', timeoutMs: 1, attempt: 1 } })).toThrow();
    expect(() => commandInstruction(addressCommand({ kind: 'COLLECT_INVENTORY', payload: { timeoutMs: 1 } }, 'cron-x', 1))).toThrow();
  });

  it('names each kind once', () => {
    expect(INSTRUCTION_KINDS).toEqual(['DESIRED_STATE', ...COMMAND_KINDS, 'PROCESS_LOGS', 'PROCESS_LOGS_STOP']);
    expect(COMMAND_KINDS).toEqual(['SHELL', 'RESTART_PROCESS', 'COLLECT_INVENTORY', 'SET_PASSWORD', 'DOWNLOAD', 'UPGRADE_AGENT']);
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
    // An agent older than attempts answers attempt 1; a named attempt must be a positive integer.
    expect(commandResultReportSchema.parse(result).attempt).toBe(1);
    expect(commandResultReportSchema.parse({ ...result, attempt: 3 }).attempt).toBe(3);
    expect(commandResultReportSchema.safeParse({ ...result, attempt: 0 }).success).toBe(false);
  });
});
