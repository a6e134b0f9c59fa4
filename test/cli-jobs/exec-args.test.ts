import { describe, expect, it } from 'vitest';
import { ExecUsageError, parseBatch, parseExecArgs, toRunCommandInput, tokensAfterSubcommand, type ExecRequest } from '../../cli/jobs/exec-args.js';

const parsed: { name: string; args: string[]; want: Partial<ExecRequest> }[] = [
  { name: 'hosts, then the command after --', args: ['web-01', 'web-02', '--', 'hostname'], want: { hosts: ['web-01', 'web-02'], command: 'hostname', wait: true } },
  { name: 'the command is joined with single spaces', args: ['-l', 'role=web', '--', 'systemctl', 'status', 'nginx'], want: { selector: 'role=web', hosts: [], command: 'systemctl status nginx' } },
  { name: "-l '' means every host", args: ['-l', '', '--', 'uptime'], want: { selector: '', hosts: [], command: 'uptime' } },
  { name: 'options after -- belong to the command', args: ['h1', '--', 'ls', '-l', '--timeout', '5', '--', 'x'], want: { hosts: ['h1'], command: 'ls -l --timeout 5 -- x' } },
  { name: 'a quoted command stays one token', args: ['h1', '--', "echo 'a  b' | wc -c"], want: { command: "echo 'a  b' | wc -c" } },
  { name: 'attached values: -lSEL and --opt=value', args: ['-lrole=db', '--batch=25%', '--timeout=1m', '--', 'x'], want: { selector: 'role=db', batch: '25%', timeoutSeconds: 60 } },
  {
    name: 'every command option',
    args: ['-l', 'env=prod', 'web-*', '--batch', '10', '--max-failures', '0', '--timeout', '30s', '--queue-for', '10m', '--shell', 'BASH', '--cwd', '/srv', '--env', 'A=1', '--env', 'B=x=y', '--', 'make'],
    want: { selector: 'env=prod', hosts: ['web-*'], batch: '10', maxFailures: 0, timeoutSeconds: 30, queueForSeconds: 600, interpreter: 'bash', cwd: '/srv', env: { A: '1', B: 'x=y' }, command: 'make' },
  },
  { name: 'a timeout under a second rounds up', args: ['h', '--timeout', '1500ms', '--', 'x'], want: { timeoutSeconds: 2 } },
  { name: '--queue-for 0 is allowed (never queue)', args: ['h', '--queue-for', '0', '--', 'x'], want: { queueForSeconds: 0 } },
  { name: '--no-wait', args: ['h', '--no-wait', '--', 'x'], want: { wait: false } },
  { name: 'global options after exec are skipped (commander applied them)', args: ['-o', 'json', 'h', '--server', 'http://x', '--insecure', '--ca=/ca.pem', '-ojson', '--', 'x'], want: { hosts: ['h'], command: 'x' } },
  { name: 'restart-process', args: ['-l', 'role=game', '--action', 'restart-process', 'gameserver'], want: { action: { kind: 'RESTART_PROCESS', processName: 'gameserver' } } },
  { name: 'collect-inventory takes no value; hosts may follow', args: ['--action', 'collect-inventory', 'h1', 'h2'], want: { hosts: ['h1', 'h2'], action: { kind: 'COLLECT_INVENTORY' } } },
  { name: 'set-password USER', args: ['h1', '--action=set-password', 'Administrator'], want: { action: { kind: 'SET_PASSWORD', username: 'Administrator' } } },
  { name: 'download ARTIFACT PATH with a mode', args: ['h1', '--action', 'download', 'game@1.2', '/opt/game/g.zip', '--mode', '0644'], want: { action: { kind: 'DOWNLOAD', artifact: 'game@1.2', path: '/opt/game/g.zip', mode: '0644' } } },
];

const refused: { name: string; args: string[]; code: ExecUsageError['code']; message: RegExp }[] = [
  { name: 'no targets at all', args: ['--', 'hostname'], code: 'NO_TARGETS', message: /-l '' means every host/ },
  { name: 'nothing after --', args: ['h', '--'], code: 'EMPTY_COMMAND', message: /nothing after --/ },
  { name: 'only blanks after --', args: ['h', '--', ' ', ''], code: 'EMPTY_COMMAND', message: /nothing after --/ },
  { name: 'a command without --', args: ['h1', 'hostname'], code: 'NO_COMMAND', message: /did you mean `ioms exec … -- hostname`/ },
  { name: 'no command and no action', args: ['-l', 'x=y'], code: 'NO_COMMAND', message: /put the command after --/ },
  { name: 'both a command and an action', args: ['h', '--action', 'collect-inventory', '--', 'x'], code: 'COMMAND_AND_ACTION', message: /not both/ },
  { name: 'two actions', args: ['h', '--action', 'collect-inventory', '--action', 'collect-inventory'], code: 'COMMAND_AND_ACTION', message: /one --action/ },
  { name: 'an unknown action', args: ['h', '--action', 'reboot'], code: 'BAD_VALUE', message: /unknown action "reboot"/ },
  { name: 'an action missing its value', args: ['h', '--action', 'download', 'art'], code: 'MISSING_VALUE', message: /needs ARTIFACT PATH/ },
  { name: '--shell with an action', args: ['h', '--shell', 'sh', '--action', 'collect-inventory'], code: 'OPTION_NOT_FOR_ACTION', message: /--shell apply to commands/ },
  { name: '--mode without download', args: ['h', '--mode', '0644', '--', 'x'], code: 'OPTION_NOT_FOR_ACTION', message: /--mode applies/ },
  { name: 'a bad mode', args: ['h', '--action', 'download', 'a', '/p', '--mode', 'rw'], code: 'BAD_VALUE', message: /octal/ },
  { name: 'an unknown option', args: ['h', '--parallel', '3', '--', 'x'], code: 'UNKNOWN_OPTION', message: /unknown option --parallel/ },
  { name: 'a missing value at the end', args: ['h', '--timeout'], code: 'MISSING_VALUE', message: /--timeout needs a value/ },
  { name: 'a value that is the --', args: ['h', '--cwd', '--', 'x'], code: 'MISSING_VALUE', message: /--cwd needs/ },
  { name: '-l twice', args: ['-l', 'a=b', '-l', 'c=d', '--', 'x'], code: 'REPEATED_OPTION', message: /combine requirements with commas/ },
  { name: 'a bad selector', args: ['-l', 'env in (prod', '--', 'x'], code: 'BAD_VALUE', message: /^invalid selector "env in \(prod": .*\(column 13\)$/ },
  { name: 'a bad shell', args: ['h', '--shell', 'zsh', '--', 'x'], code: 'BAD_VALUE', message: /sh, bash, cmd or powershell/ },
  { name: 'a bad timeout', args: ['h', '--timeout', 'soon', '--', 'x'], code: 'BAD_VALUE', message: /--timeout: "soon" is not a duration/ },
  { name: 'a zero timeout', args: ['h', '--timeout', '0s', '--', 'x'], code: 'BAD_VALUE', message: /at least 1s/ },
  { name: 'a bad --env', args: ['h', '--env', 'NOVALUE', '--', 'x'], code: 'BAD_VALUE', message: /NAME=VALUE/ },
  { name: 'a negative --max-failures', args: ['h', '--max-failures', '-1', '--', 'x'], code: 'BAD_VALUE', message: /whole number/ },
  { name: 'a fractional --max-failures', args: ['h', '--max-failures', '1.5', '--', 'x'], code: 'BAD_VALUE', message: /whole number/ },
  { name: 'a bad --batch', args: ['h', '--batch', '0', '--', 'x'], code: 'BAD_VALUE', message: /--batch must be/ },
];

describe('parseExecArgs', () => {
  it.each(parsed)('$name', ({ args, want }) => {
    expect(parseExecArgs(args)).toMatchObject(want);
  });

  it.each(refused)('refuses $name (exit 2)', ({ args, code, message }) => {
    let caught: unknown;
    try {
      parseExecArgs(args);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExecUsageError);
    expect((caught as ExecUsageError).code).toBe(code);
    expect((caught as ExecUsageError).exitCode).toBe(2);
    expect((caught as Error).message).toMatch(message);
  });

  it('does not modify its input', () => {
    const args = Object.freeze(['h', '--env', 'A=1', '--', 'x']);
    expect(() => parseExecArgs(args)).not.toThrow();
  });
});

describe('parseBatch', () => {
  const cases: { name: string; text: string; ok: boolean }[] = [
    { name: 'a host count', text: '10', ok: true },
    { name: 'one host', text: '1', ok: true },
    { name: 'a percentage', text: '25%', ok: true },
    { name: '100%', text: '100%', ok: true },
    { name: '1%', text: '1%', ok: true },
    { name: 'zero', text: '0', ok: false },
    { name: '0%', text: '0%', ok: false },
    { name: 'over 100%', text: '101%', ok: false },
    { name: 'a leading zero', text: '05', ok: false },
    { name: 'a fraction', text: '2.5', ok: false },
    { name: 'a fractional percentage', text: '12.5%', ok: false },
    { name: 'negative', text: '-3', ok: false },
    { name: 'words', text: 'ten', ok: false },
    { name: 'empty', text: '', ok: false },
  ];
  it.each(cases)('$name: $text', ({ text, ok }) => {
    if (ok) expect(parseBatch(text)).toBe(text);
    else expect(() => parseBatch(text)).toThrow(ExecUsageError);
  });
});

describe('tokensAfterSubcommand', () => {
  const cases: { name: string; argv: string[]; want: string[] | undefined }[] = [
    { name: 'right after the program', argv: ['exec', 'h', '--', 'x'], want: ['h', '--', 'x'] },
    { name: 'after global options with values', argv: ['-s', 'http://a', '-o', 'json', '--ca', 'ca.pem', '--insecure', 'exec', 'h'], want: ['h'] },
    { name: 'a global value that looks like the command name', argv: ['-o', 'exec', 'exec', 'x'], want: ['x'] },
    { name: 'another subcommand', argv: ['jobs', 'exec'], want: undefined },
    { name: 'after a --', argv: ['--', 'exec'], want: undefined },
  ];
  it.each(cases)('$name', ({ argv, want }) => {
    expect(tokensAfterSubcommand(argv, 'exec')).toEqual(want);
  });
});

describe('toRunCommandInput', () => {
  it('sends only what was given, the password only for set-password', () => {
    expect(toRunCommandInput(parseExecArgs(['-l', '', '--', 'uptime']))).toEqual({ selector: '', command: 'uptime' });
    expect(toRunCommandInput(parseExecArgs(['h1', '--action', 'set-password', 'root']), 's3cret')).toEqual({ hosts: ['h1'], action: { kind: 'SET_PASSWORD', username: 'root', password: 's3cret' } });
    expect(toRunCommandInput(parseExecArgs(['h1', '--action', 'restart-process', 'p']), 'ignored')).toEqual({ hosts: ['h1'], action: { kind: 'RESTART_PROCESS', processName: 'p' } });
    expect(toRunCommandInput(parseExecArgs(['h', '--batch', '2', '--max-failures', '1', '--timeout', '5s', '--queue-for', '1m', '--shell', 'sh', '--cwd', '/', '--env', 'K=V', '--', 'x']))).toEqual({
      hosts: ['h'],
      command: 'x',
      batch: '2',
      maxFailures: 1,
      timeoutSeconds: 5,
      queueForSeconds: 60,
      interpreter: 'SH',
      cwd: '/',
      env: { K: 'V' },
    });
  });
});
