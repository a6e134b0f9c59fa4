import { describe, expect, it } from 'vitest';
import { filePathKey, pathProblem } from '../../manifests/index.js';

describe('pathProblem (files)', () => {
  const cases: { name: string; path: string; problem?: RegExp }[] = [
    { name: 'POSIX absolute', path: '/opt/game/update.zip' },
    { name: 'Windows backslashes', path: 'C:\\game\\update.zip' },
    { name: 'Windows forward slashes', path: 'd:/game/update.zip' },
    { name: 'relative', path: 'opt/game.zip', problem: /absolute/ },
    { name: 'dot relative', path: './game.zip', problem: /absolute/ },
    { name: 'empty', path: '', problem: /empty/ },
    { name: 'POSIX traversal', path: '/opt/../etc/passwd', problem: /"\.\."/ },
    { name: 'POSIX trailing traversal', path: '/opt/..', problem: /"\.\."/ },
    { name: 'POSIX dot segment', path: '/opt/./x', problem: /"\."/ },
    { name: 'POSIX double slash', path: '/opt//x', problem: /empty segments/ },
    { name: 'POSIX trailing slash on a file', path: '/opt/x/', problem: /end with a separator/ },
    { name: 'POSIX root', path: '/', problem: /root/ },
    { name: 'POSIX backslash', path: '/opt/a\\b', problem: /backslash/ },
    { name: 'NUL', path: '/opt/a\u0000b', problem: /control/ },
    { name: 'newline', path: '/opt/a\nb', problem: /control/ },
    { name: 'DEL', path: '/opt/a\u007fb', problem: /control/ },
    { name: '/dev', path: '/dev/sda', problem: /under \/dev/ },
    { name: '/proc', path: '/proc/sys/kernel/x', problem: /under \/proc/ },
    { name: '/sys itself', path: '/sys', problem: /under \/sys/ },
    { name: '/device is not /dev', path: '/device/x' },
    { name: 'too long', path: `/${'a'.repeat(5000)}`, problem: /at most/ },
    { name: 'Windows traversal', path: 'C:\\game\\..\\windows\\x.dll', problem: /"\.\."/ },
    { name: 'Windows mixed traversal', path: 'C:/game/..\\x', problem: /"\.\."/ },
    { name: 'Windows drive-relative', path: 'C:game\\x', problem: /absolute/ },
    { name: 'Windows drive root', path: 'C:\\', problem: /drive root/ },
    { name: 'Windows device name', path: 'C:\\game\\NUL', problem: /device/ },
    { name: 'Windows device with extension', path: 'C:\\game\\con.txt', problem: /device/ },
    { name: 'Windows COM port', path: 'C:\\com1\\x', problem: /device/ },
    { name: 'Windows superscript COM port', path: 'C:\\x\\COM¹', problem: /device/ },
    { name: 'Windows console', path: 'C:\\x\\CONIN$', problem: /device/ },
    { name: 'Windows device-like name is fine', path: 'C:\\x\\console.txt' },
    { name: 'Windows long-path prefix', path: '\\\\?\\C:\\x', problem: /prefixes/ },
    { name: 'Windows device prefix', path: '\\\\.\\PhysicalDrive0', problem: /prefixes/ },
    { name: 'UNC share', path: '\\\\server\\share\\x', problem: /UNC/ },
    { name: 'UNC with slashes', path: '//server/share/x', problem: /UNC/ },
    { name: 'Windows reserved character', path: 'C:\\x\\a:b', problem: /contains one of/ },
    { name: 'Windows wildcard', path: 'C:\\x\\*.txt', problem: /contains one of/ },
    { name: 'Windows trailing dot', path: 'C:\\x\\name.', problem: /dot or a space/ },
    { name: 'Windows trailing space', path: 'C:\\x\\name ', problem: /dot or a space/ },
  ];
  it.each(cases)('$name', ({ path, problem }) => {
    const found = pathProblem(path);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('pathProblem (directories)', () => {
  it.each([
    ['/opt/game/', undefined],
    ['/opt/game', undefined],
    ['C:\\game\\', undefined],
    ['/', /root/],
    ['/opt//', /empty segments/],
    ['/opt/../', /"\.\."/],
  ])('%j', (path, problem) => {
    const found = pathProblem(path, { directory: true });
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('filePathKey', () => {
  it('keeps POSIX paths as written (case matters there)', () => {
    expect(filePathKey('/Opt/X')).toBe('/Opt/X');
  });
  it('folds Windows separators and case', () => {
    expect(filePathKey('C:/Game/Update.zip')).toBe(filePathKey('c:\\game\\UPDATE.zip'));
  });
});
