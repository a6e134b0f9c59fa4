import { describe, expect, it } from 'vitest';
import { ipAllowed, invalidCidrs, normalizeIp } from '../../api/auth/allow-list.js';
import { redactSecrets } from '../../api/audit/redact.js';
import { ConfigError, loadServerConfig } from '../../api/config.js';
import { parseDuration, parseSince } from '../../cli/duration.js';
import { parseDatabaseUrl, redactUrl } from '../../db/database-url.js';

describe('ipAllowed', () => {
  it.each([
    ['an empty list allows anyone', [], '203.0.113.5', true],
    ['an IPv4 CIDR contains its address', ['10.0.0.0/8'], '10.1.2.3', true],
    ['an IPv4 CIDR refuses others', ['10.0.0.0/8'], '11.1.2.3', false],
    ['a mapped IPv6 address counts as IPv4', ['127.0.0.1/32'], '::ffff:127.0.0.1', true],
    ['an IPv6 CIDR', ['2001:db8::/32'], '2001:db8::1', true],
    ['IPv6 outside', ['2001:db8::/32'], '2001:db9::1', false],
    ['a bare address', ['192.0.2.7'], '192.0.2.7', true],
    ['a family mismatch', ['10.0.0.0/8'], '::1', false],
    ['garbage never matches', ['10.0.0.0/8'], 'not-an-ip', false],
  ] as const)('%s', (_name, list, ip, expected) => {
    expect(ipAllowed(list, ip)).toBe(expected);
  });

  it('finds invalid entries', () => {
    expect(invalidCidrs(['10.0.0.0/8', '10.0.0.0/33', 'fe80::/129', 'example.com', '1.2.3.4/x', '::1'])).toEqual(['10.0.0.0/33', 'fe80::/129', 'example.com', '1.2.3.4/x']);
    expect(normalizeIp('fe80::1%eth0')).toBe('fe80::1');
  });
});

describe('redactSecrets', () => {
  it('replaces secret-looking fields at any depth and leaves the input alone', () => {
    const input = { username: 'a', password: 'p', input: { newPassword: 'q', nested: [{ token: 't', apiSecret: 's' }], note: 'keep' } };
    expect(redactSecrets(input)).toEqual({ username: 'a', password: '[REDACTED]', input: { newPassword: '[REDACTED]', nested: [{ token: '[REDACTED]', apiSecret: '[REDACTED]' }], note: 'keep' } });
    expect(input.password).toBe('p');
  });
});

describe('durations', () => {
  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['45', 45_000],
    ['250ms', 250],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '10x', '1h 30m', '-5s'])('refuses %j', (text) => expect(() => parseDuration(text)).toThrow(/not a duration/));

  it('reads --since as a duration ago or a date', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(parseSince('1h', now).toISOString()).toBe('2026-11-26T11:00:00.000Z');
    expect(parseSince('2026-01-02T03:04:05Z', now).toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('database URLs', () => {
  it.each([
    ['sqlite:.ioms/ioms.db', { dialect: 'sqlite', path: '/srv/.ioms/ioms.db' }],
    ['sqlite:/var/lib/ioms.db', { dialect: 'sqlite', path: '/var/lib/ioms.db' }],
    ['sqlite::memory:', { dialect: 'sqlite', path: ':memory:' }],
    ['mysql://root@127.0.0.1:3306/ioms', { dialect: 'mysql', clientUrl: 'mysql://root@127.0.0.1:3306', dbName: 'ioms' }],
    ['mysql://u:p%40ss@db:3307/fleet', { dialect: 'mysql', clientUrl: 'mysql://u:p%40ss@db:3307', dbName: 'fleet' }],
  ])('%s', (url, expected) => expect(parseDatabaseUrl(url, '/srv')).toEqual(expected));

  it.each(['postgres://x/y', 'mysql://root@127.0.0.1:3306/', 'mysql://root@h/bad;name', 'sqlite:'])('refuses %s', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(/database URL/);
  });

  it('never prints a password', () => {
    expect(redactUrl('mysql://admin:hunter2@db:3306/ioms')).toBe('mysql://admin:***@db:3306/ioms');
  });
});

describe('server configuration', () => {
  it('has the documented defaults', () => {
    const c = loadServerConfig({}, '/nonexistent');
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8888, databaseUrl: 'sqlite:.ioms/ioms.db', dataDir: '/nonexistent/.ioms', production: false, redisChannelPrefix: 'ioms' });
  });

  it.each([
    [{ IOMS_PORT: 'eighty' }, /IOMS_PORT/],
    [{ IOMS_PORT: '70000' }, /at most 65535/],
    [{ IOMS_TLS_CERT: '/x.pem' }, /both IOMS_TLS_CERT and IOMS_TLS_KEY/],
    [{ IOMS_SESSION_IDLE_SECONDS: '0' }, /IOMS_SESSION_IDLE_SECONDS/],
    [{ IOMS_REDIS_CHANNEL_PREFIX: 'prod:eu' }, /IOMS_REDIS_CHANNEL_PREFIX must be 1 to 64 letters/],
  ])('refuses %j', (env, message) => {
    expect(() => loadServerConfig(env, '/nonexistent')).toThrow(ConfigError);
    expect(() => loadServerConfig(env, '/nonexistent')).toThrow(message);
  });
});
