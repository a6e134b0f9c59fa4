import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

import { quoteSystemdWord, renderEnvironmentAssignment, renderExecStart, renderSystemdUnit } from '../../agent/service/systemd-unit.js';
import { tempDirs } from './helpers.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('quoteSystemdWord in ExecStart', () => {
  const cases: Array<{ name: string; word: string; expected: string }> = [
    { name: 'plain word stays bare', word: '--server', expected: '--server' },
    { name: 'URL stays bare', word: 'https://ioms.example.com:8888/x', expected: 'https://ioms.example.com:8888/x' },
    { name: 'labels list stays bare', word: 'role=web,env=prod', expected: 'role=web,env=prod' },
    { name: 'spaces are quoted', word: '/opt/my agent/ioms.mjs', expected: '"/opt/my agent/ioms.mjs"' },
    { name: 'double quotes are escaped', word: 'say "hi"', expected: '"say \\"hi\\""' },
    { name: 'single quotes are literal inside double quotes', word: "it's", expected: '"it\'s"' },
    { name: 'dollar is doubled (no variable expansion)', word: '$HOME', expected: '"$$HOME"' },
    { name: 'braced variable is doubled too', word: 'a${X}b', expected: '"a$${X}b"' },
    { name: 'percent is doubled (no specifier)', word: '100%n', expected: '"100%%n"' },
    { name: 'backslashes are doubled', word: 'C:\\dir\\', expected: '"C:\\\\dir\\\\"' },
    { name: 'newline and tab become C escapes', word: 'a\nb\tc', expected: '"a\\nb\\tc"' },
    { name: 'other control characters become \\x escapes', word: 'a\u0001b', expected: '"a\\x01b"' },
    { name: 'a lone semicolon is quoted, not a command separator', word: ';', expected: '";"' },
    { name: 'empty word stays one (empty) argument', word: '', expected: '""' },
    { name: 'unicode passes through', word: 'naïve host', expected: '"naïve host"' },
  ];

  it.each(cases)('$name', ({ word, expected }) => {
    expect(quoteSystemdWord(word, true)).toBe(expected);
  });

  it('Environment= keeps $ literal but still escapes %', () => {
    expect(renderEnvironmentAssignment('TOKEN', 'a$b 50%')).toBe('"TOKEN=a$b 50%%"');
    expect(() => renderEnvironmentAssignment('BAD NAME', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});

describe('renderExecStart', () => {
  it('node, entry and every argument are separate words', () => {
    expect(renderExecStart({ nodePath: '/usr/bin/node', entry: '/opt/ioms agent/ioms.mjs', args: ['agent', '--labels', 'a=b c'] })).toBe(
      '/usr/bin/node "/opt/ioms agent/ioms.mjs" agent --labels "a=b c"',
    );
  });

  it.each([
    { name: 'relative node', input: { nodePath: 'node', entry: '/x.mjs', args: [] } },
    { name: 'relative entry', input: { nodePath: '/usr/bin/node', entry: 'bin/ioms.js', args: [] } },
  ])('refuses a $name', ({ input }) => {
    expect(() => renderExecStart(input)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});

describe('renderSystemdUnit', () => {
  const input = {
    nodePath: process.execPath,
    entry: '/opt/ioms dir/ioms-agent.mjs',
    args: ['agent', '--server', 'https://ioms:8888', '--labels', 'cost=$5 "x"', 'back\\slash', '100%', ';', ''],
    stateDir: '/var/lib/ioms 100%',
    env: { IOMS_AGENT_NAME: 'web $1 %h' },
  };

  it('has the settings the agent relies on', () => {
    const unit = renderSystemdUnit(input);
    for (const line of [
      'Type=simple',
      'Restart=always',
      'RestartSec=5',
      'KillMode=process',
      'After=network-online.target',
      'Wants=network-online.target',
      'WantedBy=multi-user.target',
      'WorkingDirectory=/var/lib/ioms 100%%',
      'Environment="IOMS_AGENT_NAME=web $1 %%h"',
      `ExecStart=${process.execPath} "/opt/ioms dir/ioms-agent.mjs" agent --server https://ioms:8888 --labels "cost=$$5 \\"x\\"" "back\\\\slash" "100%%" ";" ""`,
    ]) {
      expect(unit.split('\n')).toContain(line);
    }
  });

  it('refuses a state dir that cannot be written on one line', () => {
    expect(() => renderSystemdUnit({ ...input, stateDir: '/var/lib/a\nb' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => renderSystemdUnit({ ...input, stateDir: 'relative' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });

  // The real parser: systemd-analyze warns about bad escapes, bad quoting and a mangled executable path.
  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('systemd-analyze verify accepts the unit without a warning', async () => {
    const dir = await dirs.make();
    const file = join(dir, 'ioms-agent-test.service');
    await writeFile(file, renderSystemdUnit(input));
    const { stdout, stderr } = await promisify(execFile)('systemd-analyze', ['verify', '--man=no', file]);
    expect(`${stdout}${stderr}`.trim()).toBe('');
  });
});
