import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyServerV8Flags, SERVER_V8_FLAGS, serverV8Flags } from '../../api/server/v8-flags.js';

describe('serverV8Flags', () => {
  it.each([
    { name: 'default', env: {}, expected: SERVER_V8_FLAGS },
    { name: 'empty override: none', env: { IOMS_SERVER_V8_FLAGS: '' }, expected: [] },
    { name: 'blank override: none', env: { IOMS_SERVER_V8_FLAGS: '   ' }, expected: [] },
    { name: 'override replaces', env: { IOMS_SERVER_V8_FLAGS: ' --heap-growing-percent=50  --max-lazy ' }, expected: ['--heap-growing-percent=50', '--max-lazy'] },
  ])('$name', ({ env, expected }) => {
    expect(serverV8Flags(env)).toEqual(expected);
  });

  it('applies each flag in order', () => {
    const set: string[] = [];
    applyServerV8Flags(['--a', '--b'], (f) => set.push(f));
    expect(set).toEqual(['--a', '--b']);
  });

  it('every default flag is one this node knows (an unknown one would only warn)', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of SERVER_V8_FLAGS) expect(known).toContain(`  ${flag.replace(/^--no-/, '--').replace(/=.*$/, '')} `);
  });
});
