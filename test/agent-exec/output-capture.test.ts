import { describe, expect, it } from 'vitest';
import { completeUtf8Length, OutputCapture } from '../../agent/exec/output-capture.js';

describe('OutputCapture', () => {
  const cases: Array<{ name: string; max: number; chunks: Array<string | number[]>; text: string; truncated: boolean; total: number }> = [
    { name: 'keeps everything under the cap', max: 10, chunks: ['abc', 'def'], text: 'abcdef', truncated: false, total: 6 },
    { name: 'exactly at the cap is not truncated', max: 6, chunks: ['abc', 'def'], text: 'abcdef', truncated: false, total: 6 },
    { name: 'cuts inside a chunk', max: 4, chunks: ['abc', 'def'], text: 'abcd', truncated: true, total: 6 },
    { name: 'drops whole chunks past the cap but counts them', max: 3, chunks: ['abc', 'def', 'ghi'], text: 'abc', truncated: true, total: 9 },
    { name: 'does not end in half a character', max: 4, chunks: ['abcé'], text: 'abc', truncated: true, total: 5 },
    { name: 'keeps a multi-byte character that fits', max: 5, chunks: ['abcéz'], text: 'abcé', truncated: true, total: 6 },
    { name: 'four-byte character cut after three bytes', max: 4, chunks: ['a😀'], text: 'a', truncated: true, total: 5 },
    { name: 'character split across chunks is joined', max: 100, chunks: [[0x61, 0xc3], [0xa9]], text: 'aé', truncated: false, total: 3 },
  ];

  it.each(cases)('$name', ({ max, chunks, text, truncated, total }) => {
    const capture = new OutputCapture(max);
    // A number[] chunk is raw bytes; a string chunk is its UTF-8 encoding.
    for (const chunk of chunks) capture.write(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    expect(capture.text()).toBe(text);
    expect(capture.truncated).toBe(truncated);
    expect(capture.totalBytes).toBe(total);
    expect(Buffer.byteLength(capture.text())).toBeLessThanOrEqual(max);
  });
});

describe('completeUtf8Length', () => {
  it.each([
    { name: 'ascii', bytes: [0x61, 0x62], length: 2 },
    { name: 'empty', bytes: [], length: 0 },
    { name: 'complete two-byte', bytes: [0x61, 0xc3, 0xa9], length: 3 },
    { name: 'lone lead byte', bytes: [0x61, 0xc3], length: 1 },
    { name: 'three-byte missing one', bytes: [0x61, 0xe2, 0x82], length: 1 },
    { name: 'four-byte missing one', bytes: [0xf0, 0x9f, 0x98], length: 0 },
  ])('$name', ({ bytes, length }) => {
    expect(completeUtf8Length(Uint8Array.from(bytes))).toBe(length);
  });
});
