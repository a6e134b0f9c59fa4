import { describe, expect, it } from 'vitest';

import { describeSubjectAltNames, parseSubjectAltNames } from '../../api/tls/subject-alt-names.js';
import { TlsError } from '../../api/tls/tls-error.js';

const LOOPBACK = 'DNS:localhost, IP:127.0.0.1, IP:::1';

describe('parseSubjectAltNames', () => {
  const valid: { name: string; hosts: string[]; expected: string }[] = [
    { name: 'no hosts still gives the loopback names', hosts: [], expected: LOOPBACK },
    { name: 'a DNS name is lowercased, trailing dot dropped', hosts: ['IOMS.Example.COM.'], expected: `${LOOPBACK}, DNS:ioms.example.com` },
    { name: 'an IPv4 address', hosts: ['10.0.0.5'], expected: `${LOOPBACK}, IP:10.0.0.5` },
    { name: 'an IPv6 address, brackets allowed', hosts: ['[2001:DB8::7]'], expected: `${LOOPBACK}, IP:2001:db8::7` },
    { name: 'a wildcard name', hosts: ['*.hosts.example.com'], expected: `${LOOPBACK}, DNS:*.hosts.example.com` },
    { name: 'a single-label name', hosts: ['ioms-server'], expected: `${LOOPBACK}, DNS:ioms-server` },
    { name: 'duplicates and other spellings of loopback are dropped', hosts: ['LOCALHOST', '0:0:0:0:0:0:0:1', 'a.b', 'a.b'], expected: `${LOOPBACK}, DNS:a.b` },
  ];
  it.each(valid)('$name', ({ hosts, expected }) => {
    expect(describeSubjectAltNames(parseSubjectAltNames(hosts))).toBe(expected);
  });

  const ipBytes: { name: string; host: string; hex: string }[] = [
    { name: 'IPv4', host: '192.168.1.20', hex: 'c0a80114' },
    { name: 'IPv6 with ::', host: 'fe80::1', hex: 'fe800000000000000000000000000001' },
    { name: 'IPv6 full form', host: '2001:db8:1:2:3:4:5:6', hex: '20010db8000100020003000400050006' },
    { name: 'IPv6 :: at the end', host: '2001:db8::', hex: '20010db8000000000000000000000000' },
    { name: 'IPv4-mapped IPv6', host: '::ffff:10.1.2.3', hex: '00000000000000000000ffff0a010203' },
  ];
  it.each(ipBytes)('encodes $name as network-order bytes', ({ host, hex }) => {
    const entry = parseSubjectAltNames([host]).at(-1);
    expect(entry?.kind).toBe('ip');
    expect(entry?.kind === 'ip' ? Buffer.from(entry.bytes).toString('hex') : undefined).toBe(hex);
  });

  const invalid: { name: string; host: string }[] = [
    { name: 'a URL', host: 'https://ioms.example.com' },
    { name: 'a host with port', host: 'ioms.example.com:8888' },
    { name: 'an empty entry', host: '' },
    { name: 'a space inside', host: 'ioms example' },
    { name: 'a label starting with a hyphen', host: '-bad.example.com' },
    { name: 'an underscore', host: 'bad_name.example.com' },
    { name: 'a label over 63 characters', host: `${'a'.repeat(64)}.example.com` },
    { name: 'an incomplete IPv4 address', host: '10.0.0' },
    { name: 'an IPv4 octet over 255', host: '10.0.0.256' },
    { name: 'a wildcard in the middle', host: 'a.*.example.com' },
    { name: 'a bare wildcard on a TLD', host: '*.com' },
    { name: 'a zoned IPv6 address', host: 'fe80::1%eth0' },
  ];
  it.each(invalid)('rejects $name', ({ host }) => {
    let error: unknown;
    try {
      parseSubjectAltNames([host]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TlsError);
    expect((error as TlsError).code).toBe('TLS_INVALID_HOST');
  });
});
