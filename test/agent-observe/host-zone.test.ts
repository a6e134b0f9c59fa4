import { describe, expect, it } from 'vitest';
import { localeFromEnv, readHostZone, zoneFromPath, zoneFromTz, type HostZoneSources } from '../../agent/observe/host-zone.js';

describe('zoneFromPath', () => {
  it.each([
    { name: 'usual link', target: '/usr/share/zoneinfo/Europe/Berlin', expected: 'Europe/Berlin' },
    { name: 'relative link', target: '../usr/share/zoneinfo/Asia/Tokyo', expected: 'Asia/Tokyo' },
    { name: 'posix subtree', target: '/usr/share/zoneinfo/posix/America/New_York', expected: 'America/New_York' },
    { name: 'three parts', target: '/usr/share/zoneinfo/America/Argentina/Buenos_Aires', expected: 'America/Argentina/Buenos_Aires' },
    { name: 'Etc/UTC is reported as ICU does', target: '/usr/share/zoneinfo/Etc/UTC', expected: 'UTC' },
    { name: 'Etc/GMT+5 kept', target: '/usr/share/zoneinfo/Etc/GMT+5', expected: 'Etc/GMT+5' },
    { name: 'bare name', target: 'Europe/Paris', expected: 'Europe/Paris' },
    { name: 'a copied file, not a link into zoneinfo', target: '/etc/localtime.bak', expected: undefined },
    { name: 'zoneinfo itself', target: '/usr/share/zoneinfo/', expected: undefined },
  ])('$name', ({ target, expected }) => {
    expect(zoneFromPath(target)).toBe(expected);
  });
});

describe('zoneFromTz', () => {
  it.each([
    { name: 'unset', tz: undefined, expected: undefined },
    { name: 'empty', tz: '', expected: undefined },
    { name: 'name', tz: 'Europe/Berlin', expected: 'Europe/Berlin' },
    { name: 'leading colon', tz: ':Asia/Tokyo', expected: 'Asia/Tokyo' },
    { name: 'zoneinfo path', tz: ':/usr/share/zoneinfo/Europe/Rome', expected: 'Europe/Rome' },
    { name: 'UTC', tz: 'UTC', expected: 'UTC' },
    { name: 'EST5EDT is a zone name', tz: 'EST5EDT', expected: 'EST5EDT' },
    { name: 'POSIX rule: Intl decides', tz: 'CET-1CEST,M3.5.0,M10.5.0/3', expected: undefined },
    { name: 'POSIX offset: Intl decides', tz: 'JST-9', expected: undefined },
    { name: 'path elsewhere', tz: '/home/me/zone', expected: undefined },
  ])('$name', ({ tz, expected }) => {
    expect(zoneFromTz(tz)).toBe(expected);
  });
});

describe('localeFromEnv', () => {
  it.each([
    { name: 'nothing set', env: {}, expected: undefined },
    { name: 'LANG with codeset', env: { LANG: 'de_DE.UTF-8' }, expected: 'de-DE' },
    { name: 'C', env: { LANG: 'C' }, expected: 'en-US' },
    { name: 'C.UTF-8', env: { LANG: 'C.UTF-8' }, expected: 'en-US' },
    { name: 'POSIX', env: { LANG: 'POSIX' }, expected: 'en-US' },
    { name: 'LC_ALL wins', env: { LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'ja_JP', LANG: 'de_DE' }, expected: 'fr-FR' },
    { name: 'then LC_MESSAGES', env: { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'de_DE' }, expected: 'ja-JP' },
    { name: 'empty LC_ALL is unset', env: { LC_ALL: '', LANG: 'pt_BR' }, expected: 'pt-BR' },
    { name: 'modifier dropped', env: { LANG: 'sr_RS.UTF-8@latin' }, expected: 'sr-RS' },
    { name: 'garbage', env: { LANG: '../../etc' }, expected: undefined },
  ])('$name', ({ env, expected }) => {
    expect(localeFromEnv(env)).toBe(expected);
  });
});

describe('readHostZone', () => {
  const noFiles = { readlink: () => { throw new Error('ENOENT'); }, readFile: () => { throw new Error('ENOENT'); } };
  const intl = (calls: string[]) => () => {
    calls.push('intl');
    return { timeZone: 'Intl/Zone', locale: 'xx-XX' };
  };
  it.each<{ name: string; sources: Partial<HostZoneSources>; expected: { timeZone?: string; locale?: string }; asksIntl: boolean }>([
    { name: 'link and LANG: no Intl', sources: { platform: 'linux', env: { LANG: 'de_DE.UTF-8' }, ...noFiles, readlink: () => '/usr/share/zoneinfo/Europe/Berlin' }, expected: { timeZone: 'Europe/Berlin', locale: 'de-DE' }, asksIntl: false },
    { name: 'TZ beats the link', sources: { platform: 'linux', env: { TZ: 'Asia/Tokyo', LANG: 'C' }, ...noFiles, readlink: () => '/usr/share/zoneinfo/Europe/Berlin' }, expected: { timeZone: 'Asia/Tokyo', locale: 'en-US' }, asksIntl: false },
    { name: '/etc/timezone when localtime is a plain file', sources: { platform: 'linux', env: { LANG: 'C' }, ...noFiles, readFile: () => 'Europe/Oslo\n' }, expected: { timeZone: 'Europe/Oslo', locale: 'en-US' }, asksIntl: false },
    { name: 'no LANG: Intl for the locale only', sources: { platform: 'linux', env: {}, ...noFiles, readlink: () => '/usr/share/zoneinfo/Etc/UTC' }, expected: { timeZone: 'UTC', locale: 'xx-XX' }, asksIntl: true },
    { name: 'POSIX TZ rule: Intl for the zone', sources: { platform: 'linux', env: { TZ: 'JST-9', LANG: 'C' }, ...noFiles, readlink: () => '/usr/share/zoneinfo/Europe/Berlin' }, expected: { timeZone: 'Intl/Zone', locale: 'en-US' }, asksIntl: true },
    { name: 'Windows: Intl', sources: { platform: 'win32', env: { LANG: 'de_DE', TZ: 'Europe/Berlin' }, ...noFiles }, expected: { timeZone: 'Intl/Zone', locale: 'xx-XX' }, asksIntl: true },
  ])('$name', ({ sources, expected, asksIntl }) => {
    const calls: string[] = [];
    expect(readHostZone({ ...sources, intl: intl(calls) })).toEqual(expected);
    expect(calls.length > 0).toBe(asksIntl);
  });

  it('on this machine: what Intl would say, up to ICU’s aliases', () => {
    const zone = readHostZone();
    expect(() => new Intl.DateTimeFormat('en', { timeZone: zone.timeZone })).not.toThrow();
    const intl = Intl.DateTimeFormat().resolvedOptions();
    expect(new Intl.DateTimeFormat('en', { timeZone: zone.timeZone }).resolvedOptions().timeZone).toBe(intl.timeZone);
  });
});
