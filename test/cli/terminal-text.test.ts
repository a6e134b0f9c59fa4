import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { fitCell, formatData, renderTable } from '../../cli/output.js';
import { escapeQuotedControls, hasUnsafeTerminalText, sanitizeTerminalText } from '../../cli/terminal-text.js';

/** Anything a terminal could act on: ESC, BEL, C1, DEL, CR not before LF, bidi overrides. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('sanitizeTerminalText', () => {
  const cases: { name: string; input: string; output: string }[] = [
    { name: 'plain text and UTF-8 pass', input: 'web-01 Grüße 日本', output: 'web-01 Grüße 日本' },
    { name: 'newline and tab pass', input: 'a\tb\nc', output: 'a\tb\nc' },
    { name: 'CRLF becomes LF', input: 'dir\r\nfile\r\n', output: 'dir\nfile\n' },
    { name: 'a lone CR (overwrites the line) is shown', input: 'ok\rFAILED', output: 'ok\\rFAILED' },
    { name: 'CSI colour', input: '\x1b[31mred\x1b[0m', output: '\\x1b[31mred\\x1b[0m' },
    { name: 'OSC window title with BEL', input: '\x1b]0;pwned\x07', output: '\\x1b]0;pwned\\x07' },
    { name: 'OSC 52 clipboard write with ST', input: '\x1b]52;c;ZWNobyBoaQ==\x1b\\', output: '\\x1b]52;c;ZWNobyBoaQ==\\x1b\\' },
    { name: 'C1 CSI', input: '\u009b31m', output: '\\x9b31m' },
    { name: 'NUL, backspace, DEL', input: 'a\0b\bc\x7f', output: 'a\\x00b\\x08c\\x7f' },
    { name: 'bidi override', input: 'txt.\u202eexe', output: 'txt.\\u202eexe' },
  ];
  it.each(cases)('$name', ({ input, output }) => {
    expect(sanitizeTerminalText(input)).toBe(output);
    expect(RAW_CONTROL.test(sanitizeTerminalText(input))).toBe(false);
    expect(hasUnsafeTerminalText(input)).toBe(output !== input.replace(/\r\n/g, '\n'));
  });
});

describe('JSON and YAML output keep the value and show no raw control', () => {
  const hostile = { hostname: 'evil\x1b]0;t\x07', os: 'x\u009b2J', tz: 'Eur\u202eope', 'k\x1b[1m': 'v', ok: 'plain' };
  it.each(['json', 'yaml'] as const)('%s', (format) => {
    const text = formatData(format, hostile);
    expect(RAW_CONTROL.test(text.replace(/\n/g, ''))).toBe(false);
    expect(format === 'json' ? JSON.parse(text) : YAML.parse(text)).toEqual(hostile);
  });
  it('leaves YAML without controls in its usual plain style', () => {
    expect(formatData('yaml', { a: 'b' })).toBe('a: b\n');
  });
  it('escapeQuotedControls only touches control characters', () => {
    expect(escapeQuotedControls('{"a":"b"}')).toBe('{"a":"b"}');
  });
});

describe('tables', () => {
  it('sanitize every cell (and size columns by what is shown)', () => {
    const out = renderTable([{ n: 'a\x1b[2Jb', l: ['x\x07'] }], [
      { header: 'n', value: (r) => r.n },
      { header: 'l', value: (r) => r.l },
    ]);
    expect(RAW_CONTROL.test(out.replace(/\n/g, ''))).toBe(false);
    expect(out).toContain('a\\x1b[2Jb  x\\x07');
  });
  const long = 'x'.repeat(100);
  it.each([
    { name: 'a terminal cuts a long cell', tty: true, out: `${'x'.repeat(59)}…` },
    { name: 'a pipe keeps it whole', tty: false, out: long },
  ])('$name', ({ tty, out }) => {
    expect(fitCell(long, 60, tty)).toBe(out);
  });
});
