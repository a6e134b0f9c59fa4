import { describe, expect, it } from 'vitest';
import { parseAgentReport } from '../../protocol/index.js';
import { escapeControlChars } from '../../protocol/primitives.js';
import { validInventory } from './fixtures.js';

const ESC = '\u001b';

describe('control characters in agent reports are stored escaped', () => {
  it.each([
    { name: 'an OSC title sequence in the hostname', field: 'hostname', value: `web${ESC}]0;pwned\u0007`, stored: 'web\\x1b]0;pwned\\x07' },
    { name: 'a colour sequence in the CPU model', field: 'cpu.model', value: `${ESC}[31mXeon${ESC}[0m`, stored: '\\x1b[31mXeon\\x1b[0m' },
    { name: 'a C1 CSI in the time zone', field: 'timezone', value: 'UTC\u009b2J', stored: 'UTC\\x9b2J' },
    { name: 'a newline and a tab in the OS name', field: 'os.name', value: 'Linux\n\tfake', stored: 'Linux\\x0a\\x09fake' },
    { name: 'plain text, untouched', field: 'hostname', value: 'db-01.example', stored: 'db-01.example' },
  ])('$name', ({ field, value, stored }) => {
    const inv = validInventory() as unknown as Record<string, Record<string, unknown>>;
    const [a, b] = field.split('.') as [string, string | undefined];
    if (b) inv[a]![b] = value;
    else (inv as Record<string, unknown>)[a] = value;
    const r = parseAgentReport('inventory', JSON.stringify(inv));
    expect(r.ok).toBe(true);
    const got = r.ok ? (r.value as unknown as Record<string, Record<string, unknown>>) : {};
    expect(b ? got[a]![b] : (got as Record<string, unknown>)[a]).toBe(stored);
  });

  it('escapes every C0, DEL and C1 character and nothing else', () => {
    const all = Array.from({ length: 0x100 }, (_, i) => String.fromCharCode(i)).join('');
    const out = escapeControlChars(all);
    // eslint-disable-next-line no-control-regex -- the characters under test
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(out).toContain(' !"#');
    expect(out).toContain('\u00a0');
  });
});
