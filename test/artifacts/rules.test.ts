import { describe, expect, it } from 'vitest';
import { labelProblem, parseDigest, parseNameAtVersion } from '../../api/artifacts/artifact-names.js';
import { decideRange, etagMatches, type RangeDecision } from '../../api/artifacts/http-range.js';
import { validateDestinationPath, type DestinationPlatform } from '../../agent/files/destination-path.js';
import { FileError } from '../../agent/files/file-error.js';

describe('artifact names and versions', () => {
  const cases: { value: string; ok: boolean }[] = [
    { value: 'game-update-1.2.zip', ok: true },
    { value: 'agent_bundle+linux-x64.tar.gz', ok: true },
    { value: 'A', ok: true },
    { value: '', ok: false },
    { value: '..', ok: false },
    { value: '.env', ok: false },
    { value: 'a/b', ok: false },
    { value: 'a\\b', ok: false },
    { value: '../etc/passwd', ok: false },
    { value: 'a..b', ok: false },
    { value: 'name.', ok: false },
    { value: 'a b', ok: false },
    { value: 'a\u0000b', ok: false },
    { value: 'CON@1', ok: false },
    { value: 'x:y', ok: false },
    { value: '-flag', ok: false },
    { value: 'é', ok: false },
    { value: 'a'.repeat(128), ok: true },
    { value: 'a'.repeat(129), ok: false },
  ];
  it.each(cases)('name $value → ok=$ok', ({ value, ok }) => {
    expect(labelProblem('name', value) === undefined).toBe(ok);
  });

  it('splits NAME@VERSION and refuses bad halves', () => {
    expect(parseNameAtVersion('app.zip@1.2')).toEqual({ name: 'app.zip', version: '1.2' });
    expect(parseNameAtVersion('app.zip')).toEqual({ name: 'app.zip' });
    expect(() => parseNameAtVersion('app.zip@')).toThrow(/version must not be empty/);
    expect(() => parseNameAtVersion('../x@1')).toThrow(/name/);
  });

  it('accepts hex digests in either case and refuses the rest', () => {
    expect(parseDigest('md5', 'ABCDEF0123456789ABCDEF0123456789')).toBe('abcdef0123456789abcdef0123456789');
    expect(parseDigest('sha256', undefined)).toBeUndefined();
    expect(() => parseDigest('md5', 'abc')).toThrow(/32 hexadecimal/);
    expect(() => parseDigest('sha256', 'g'.repeat(64))).toThrow(/64 hexadecimal/);
  });
});

describe('decideRange', () => {
  const etag = '"abc"';
  const cases: { name: string; size: number; range?: string; ifRange?: string; want: RangeDecision }[] = [
    { name: 'no Range', size: 10, want: { kind: 'full' } },
    { name: 'a closed range', size: 10, range: 'bytes=2-5', want: { kind: 'partial', start: 2, end: 5 } },
    { name: 'an end past the size (clamped)', size: 10, range: 'bytes=2-99', want: { kind: 'partial', start: 2, end: 9 } },
    { name: 'an open range', size: 10, range: 'bytes=7-', want: { kind: 'partial', start: 7, end: 9 } },
    { name: 'a suffix', size: 10, range: 'bytes=-3', want: { kind: 'partial', start: 7, end: 9 } },
    { name: 'a suffix longer than the blob', size: 10, range: 'bytes=-30', want: { kind: 'partial', start: 0, end: 9 } },
    { name: 'a zero suffix', size: 10, range: 'bytes=-0', want: { kind: 'unsatisfiable' } },
    { name: 'a start at the size', size: 10, range: 'bytes=10-', want: { kind: 'unsatisfiable' } },
    { name: 'any range of an empty blob', size: 0, range: 'bytes=0-', want: { kind: 'unsatisfiable' } },
    { name: 'an inverted range (ignored)', size: 10, range: 'bytes=5-2', want: { kind: 'full' } },
    { name: 'several ranges (ignored)', size: 10, range: 'bytes=0-1,3-4', want: { kind: 'full' } },
    { name: 'another unit (ignored)', size: 10, range: 'items=0-1', want: { kind: 'full' } },
    { name: 'garbage (ignored)', size: 10, range: 'bytes=a-b', want: { kind: 'full' } },
    { name: 'a matching If-Range', size: 10, range: 'bytes=4-', ifRange: '"abc"', want: { kind: 'partial', start: 4, end: 9 } },
    { name: 'a stale If-Range', size: 10, range: 'bytes=4-', ifRange: '"old"', want: { kind: 'full' } },
    { name: 'an absurd start', size: 10, range: 'bytes=99999999999999999999-', want: { kind: 'unsatisfiable' } },
  ];
  it.each(cases)('$name', ({ size, range, ifRange, want }) => {
    expect(decideRange(size, range, ifRange, etag)).toEqual(want);
  });

  it.each([
    { header: undefined, want: false },
    { header: '"abc"', want: true },
    { header: 'W/"abc"', want: true },
    { header: '"x", "abc"', want: true },
    { header: '*', want: true },
    { header: '"abcd"', want: false },
  ])('If-None-Match $header → $want', ({ header, want }) => {
    expect(etagMatches(header, '"abc"')).toBe(want);
  });
});

describe('validateDestinationPath', () => {
  const cases: { name: string; path: string; platform: DestinationPlatform; ok: boolean; native?: string }[] = [
    { name: 'a POSIX file', path: '/opt/game/update.zip', platform: 'posix', ok: true },
    { name: 'a Windows file', path: 'C:\\game\\update.zip', platform: 'win32', ok: true },
    { name: 'forward slashes on Windows (normalized)', path: 'D:/game/update.zip', platform: 'win32', ok: true, native: 'D:\\game\\update.zip' },
    { name: 'relative', path: 'game/update.zip', platform: 'posix', ok: false },
    { name: 'a drive-relative Windows path', path: 'C:game\\x', platform: 'win32', ok: false },
    { name: 'a POSIX path on Windows', path: '/opt/x', platform: 'win32', ok: false },
    { name: 'a Windows path on POSIX', path: 'C:\\x', platform: 'posix', ok: false },
    { name: '..', path: '/opt/game/../../etc/passwd', platform: 'posix', ok: false },
    { name: '.. on Windows', path: 'C:\\game\\..\\Windows\\system.ini', platform: 'win32', ok: false },
    { name: 'a . segment', path: '/opt/./x', platform: 'posix', ok: false },
    { name: 'an empty segment', path: '/opt//x', platform: 'posix', ok: false },
    { name: 'a NUL', path: '/opt/x\u0000.zip', platform: 'posix', ok: false },
    { name: 'a newline', path: '/opt/x\n.zip', platform: 'posix', ok: false },
    { name: 'a backslash on POSIX', path: '/opt/a\\b', platform: 'posix', ok: false },
    { name: '/proc', path: '/proc/self/mem', platform: 'posix', ok: false },
    { name: 'the root', path: '/', platform: 'posix', ok: false },
    { name: 'a trailing separator', path: '/opt/game/', platform: 'posix', ok: false },
    { name: 'CON', path: 'C:\\game\\CON', platform: 'win32', ok: false },
    { name: 'NUL.txt', path: 'C:\\game\\NUL.txt', platform: 'win32', ok: false },
    { name: 'com1.log (any case)', path: 'C:\\game\\com1.log', platform: 'win32', ok: false },
    { name: 'LPT1 as a directory', path: 'C:\\LPT1\\x.txt', platform: 'win32', ok: false },
    { name: 'an alternate data stream', path: 'C:\\game\\a::$DATA', platform: 'win32', ok: false },
    { name: 'a named stream', path: 'C:\\game\\a.txt:hidden', platform: 'win32', ok: false },
    { name: 'UNC', path: '\\\\server\\share\\x', platform: 'win32', ok: false },
    { name: 'UNC with slashes', path: '//server/share/x', platform: 'win32', ok: false },
    { name: 'a long-path prefix', path: '\\\\?\\C:\\game\\x', platform: 'win32', ok: false },
    { name: 'a device prefix', path: '\\\\.\\PhysicalDrive0', platform: 'win32', ok: false },
    { name: 'a trailing dot', path: 'C:\\game\\update.', platform: 'win32', ok: false },
    { name: 'a trailing space', path: 'C:\\game \\update.zip', platform: 'win32', ok: false },
    { name: 'a wildcard', path: 'C:\\game\\*.zip', platform: 'win32', ok: false },
    { name: 'a drive root', path: 'C:\\', platform: 'win32', ok: false },
  ];
  it.each(cases)('$platform: $name → ok=$ok', ({ path, platform, ok, native }) => {
    if (ok) {
      expect(validateDestinationPath(path, platform)).toBe(native ?? path);
      return;
    }
    let err: unknown;
    try {
      validateDestinationPath(path, platform);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).code).toBe('INVALID_PATH');
  });

  it('maps process.platform values to their path family', () => {
    expect(validateDestinationPath('/srv/x', 'linux')).toBe('/srv/x');
    expect(validateDestinationPath('C:/x/y', 'win32')).toBe('C:\\x\\y');
    expect(() => validateDestinationPath('C:/x/y', 'darwin')).toThrow(FileError);
  });
});
