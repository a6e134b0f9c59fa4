import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AGENT_V8_FLAGS, agentV8Flags, applyAgentV8Flags } from '../../agent/v8-flags.js';

describe('agentV8Flags', () => {
  it.each([
    { name: 'default', env: {}, expected: AGENT_V8_FLAGS },
    { name: 'empty override: none', env: { IOMS_AGENT_V8_FLAGS: '' }, expected: [] },
    { name: 'blank override: none', env: { IOMS_AGENT_V8_FLAGS: '   ' }, expected: [] },
    { name: 'override replaces', env: { IOMS_AGENT_V8_FLAGS: ' --optimize-for-size  --max-lazy ' }, expected: ['--optimize-for-size', '--max-lazy'] },
  ])('$name', ({ env, expected }) => {
    expect(agentV8Flags(env)).toEqual(expected);
  });

  it('applies each flag in order', () => {
    const set: string[] = [];
    applyAgentV8Flags(['--a', '--b'], (f) => set.push(f));
    expect(set).toEqual(['--a', '--b']);
  });

  it('every default flag is one this node knows (an unknown one would only warn)', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    for (const flag of AGENT_V8_FLAGS) expect(known).toContain(`  ${flag.replace(/^--no-/, '--')} `);
  });
});
