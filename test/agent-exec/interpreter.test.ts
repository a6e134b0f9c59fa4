import { describe, expect, it } from 'vitest';
import { defaultInterpreter, resolveInterpreter } from '../../agent/exec/interpreter.js';
import { type InterpreterName } from '../../agent/exec/command-request.schema.js';

const hostile = `echo "a b" & del C:\\x; $(rm -rf /) 'q'`;

describe('resolveInterpreter', () => {
  const cases: Array<{
    name: string;
    interpreter: InterpreterName | undefined;
    platform: NodeJS.Platform;
    file: string;
    args: string[];
    verbatim: boolean;
  }> = [
    { name: 'sh on linux', interpreter: 'sh', platform: 'linux', file: '/bin/sh', args: ['-c', hostile], verbatim: false },
    { name: 'default on linux is sh', interpreter: undefined, platform: 'linux', file: '/bin/sh', args: ['-c', hostile], verbatim: false },
    { name: 'default on darwin is sh', interpreter: undefined, platform: 'darwin', file: '/bin/sh', args: ['-c', hostile], verbatim: false },
    { name: 'bash', interpreter: 'bash', platform: 'linux', file: 'bash', args: ['-c', hostile], verbatim: false },
    {
      name: 'default on windows is cmd, quoted for /s, verbatim',
      interpreter: undefined,
      platform: 'win32',
      file: 'cmd.exe',
      args: ['/d', '/s', '/c', `"${hostile}"`],
      verbatim: true,
    },
    {
      name: 'powershell on windows',
      interpreter: 'powershell',
      platform: 'win32',
      file: 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-Command', hostile],
      verbatim: false,
    },
    {
      name: 'powershell elsewhere is pwsh',
      interpreter: 'powershell',
      platform: 'linux',
      file: 'pwsh',
      args: ['-NoProfile', '-NonInteractive', '-Command', hostile],
      verbatim: false,
    },
    { name: 'sh on windows comes from PATH', interpreter: 'sh', platform: 'win32', file: 'sh', args: ['-c', hostile], verbatim: false },
  ];

  it.each(cases)('$name', ({ interpreter, platform, file, args, verbatim }) => {
    const invocation = resolveInterpreter(interpreter, hostile, platform);
    expect(invocation).toEqual({ file, args, windowsVerbatimArguments: verbatim });
    // The command is one argument, never split or merged with another.
    expect(invocation.args.filter((arg) => arg.includes('rm -rf'))).toHaveLength(1);
  });

  it.each([
    { platform: 'linux' as const, expected: 'sh' },
    { platform: 'win32' as const, expected: 'cmd' },
    { platform: 'freebsd' as const, expected: 'sh' },
  ])('default interpreter on $platform is $expected', ({ platform, expected }) => {
    expect(defaultInterpreter(platform)).toBe(expected);
  });
});
