import { describe, expect, it, vi } from 'vitest';
import { readCodePage } from '../../agent/observe/code-page.js';
import { parseChcpOutput, type RunProgram } from '../../agent/observe/code-page.win32.js';

describe('parseChcpOutput', () => {
  it.each([
    { name: 'English', output: 'Active code page: 65001\r\n', codePage: '65001' },
    { name: 'German, trailing dot', output: 'Aktive Codepage: 850.\r\n', codePage: '850' },
    { name: 'Korean', output: '활성 코드 페이지: 949', codePage: '949' },
    { name: 'no number', output: 'Parameter format not correct', codePage: undefined },
    { name: 'empty', output: '', codePage: undefined },
  ])('$name → $codePage', ({ output, codePage }) => expect(parseChcpOutput(output)).toBe(codePage));
});

describe('readCodePage', () => {
  it('does not run chcp off Windows', async () => {
    const run = vi.fn<RunProgram>(async () => 'Active code page: 437');
    await expect(readCodePage({ platform: 'linux', run })).resolves.toBeUndefined();
    expect(run).not.toHaveBeenCalled();
  });

  it('runs chcp through cmd.exe on Windows', async () => {
    const run = vi.fn<RunProgram>(async () => 'Active code page: 949\r\n');
    await expect(readCodePage({ platform: 'win32', run })).resolves.toBe('949');
    expect(run).toHaveBeenCalledWith('cmd.exe', ['/d', '/c', 'chcp'], expect.objectContaining({ timeoutMs: expect.any(Number) }));
  });

  it('resolves undefined when chcp fails', async () => {
    const run: RunProgram = async () => {
      throw new Error('spawn cmd.exe ENOENT');
    };
    await expect(readCodePage({ platform: 'win32', run })).resolves.toBeUndefined();
  });
});
