import { describe, expect, it } from 'vitest';

import { defaultStateDir, type StateDirContext } from '../../agent/service/state-dir.js';

describe('defaultStateDir', () => {
  const cases: Array<{ name: string; context: StateDirContext; expected: string }> = [
    { name: 'root on linux', context: { platform: 'linux', uid: 0, env: {}, homedir: '/root' }, expected: '/var/lib/ioms-agent' },
    { name: 'a user on linux', context: { platform: 'linux', uid: 1000, env: {}, homedir: '/home/ops' }, expected: '/home/ops/.ioms-agent' },
    { name: 'root on darwin', context: { platform: 'darwin', uid: 0, env: {}, homedir: '/var/root' }, expected: '/var/lib/ioms-agent' },
    { name: 'a user on freebsd', context: { platform: 'freebsd', uid: 1001, env: {}, homedir: '/usr/home/ops' }, expected: '/usr/home/ops/.ioms-agent' },
    { name: 'no uid known is not root', context: { platform: 'linux', uid: undefined, env: {}, homedir: '/home/x' }, expected: '/home/x/.ioms-agent' },
    {
      name: 'windows uses ProgramData',
      context: { platform: 'win32', uid: undefined, env: { ProgramData: 'D:\\Data' }, homedir: 'C:\\Users\\ops' },
      expected: 'D:\\Data\\ioms-agent',
    },
    {
      name: 'windows env names are case-insensitive',
      context: { platform: 'win32', uid: undefined, env: { PROGRAMDATA: 'E:\\PD' }, homedir: 'C:\\Users\\ops' },
      expected: 'E:\\PD\\ioms-agent',
    },
    {
      name: 'windows without ProgramData falls back to C:\\ProgramData',
      context: { platform: 'win32', uid: undefined, env: {}, homedir: 'C:\\Users\\ops' },
      expected: 'C:\\ProgramData\\ioms-agent',
    },
    {
      name: 'windows ignores an empty ProgramData',
      context: { platform: 'win32', uid: undefined, env: { ProgramData: ' ' }, homedir: 'C:\\Users\\ops' },
      expected: 'C:\\ProgramData\\ioms-agent',
    },
    {
      name: 'windows ignores the uid (an elevated prompt is not uid 0)',
      context: { platform: 'win32', uid: 0, env: { ProgramData: 'C:\\ProgramData' }, homedir: 'C:\\Users\\ops' },
      expected: 'C:\\ProgramData\\ioms-agent',
    },
  ];

  it.each(cases)('$name', ({ context, expected }) => {
    expect(defaultStateDir(context)).toBe(expected);
  });
});
