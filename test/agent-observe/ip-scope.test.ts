import { describe, expect, it } from 'vitest';
import { type IpScope } from '../../protocol/index.js';
import { classifyIp, stripZone } from '../../agent/observe/ip-scope.js';

const cases: Array<{ name: string; address: string; scope: IpScope | undefined }> = [
  { name: 'IPv4 loopback', address: '127.0.0.1', scope: 'loopback' },
  { name: 'IPv4 loopback, far end of 127/8', address: '127.255.255.254', scope: 'loopback' },
  { name: 'RFC 1918 10/8', address: '10.1.2.3', scope: 'private' },
  { name: 'RFC 1918 172.16/12 low edge', address: '172.16.0.1', scope: 'private' },
  { name: 'RFC 1918 172.16/12 high edge', address: '172.31.255.255', scope: 'private' },
  { name: 'just above 172.16/12', address: '172.32.0.1', scope: 'public' },
  { name: 'RFC 1918 192.168/16', address: '192.168.1.10', scope: 'private' },
  { name: 'CGNAT 100.64/10', address: '100.64.0.1', scope: 'private' },
  { name: 'just above CGNAT', address: '100.128.0.1', scope: 'public' },
  { name: 'IPv4 link-local', address: '169.254.10.20', scope: 'link-local' },
  { name: 'documentation TEST-NET-1', address: '192.0.2.2', scope: 'reserved' },
  { name: 'multicast', address: '224.0.0.251', scope: 'reserved' },
  { name: 'broadcast', address: '255.255.255.255', scope: 'reserved' },
  { name: 'this network', address: '0.0.0.0', scope: 'reserved' },
  { name: 'public IPv4', address: '8.8.8.8', scope: 'public' },
  { name: 'public IPv4 next to private', address: '11.0.0.1', scope: 'public' },
  { name: 'IPv6 loopback', address: '::1', scope: 'loopback' },
  { name: 'IPv6 unspecified', address: '::', scope: 'reserved' },
  { name: 'IPv6 link-local', address: 'fe80::fc:ff:fe00:1', scope: 'link-local' },
  { name: 'IPv6 link-local with zone', address: 'fe80::1%eth0', scope: 'link-local' },
  { name: 'IPv6 unique local fd00::/8', address: 'fd00::2', scope: 'private' },
  { name: 'IPv6 unique local fc00::/8', address: 'fc12:3456::1', scope: 'private' },
  { name: 'IPv6 documentation', address: '2001:db8::1', scope: 'reserved' },
  { name: 'IPv6 global unicast', address: '2606:4700:4700::1111', scope: 'public' },
  { name: 'IPv6 multicast', address: 'ff02::1', scope: 'reserved' },
  { name: 'IPv4-mapped private', address: '::ffff:192.168.0.1', scope: 'private' },
  { name: 'IPv4-mapped public', address: '::ffff:8.8.4.4', scope: 'public' },
  { name: 'not an address', address: 'eth0', scope: undefined },
  { name: 'IPv4 out of range', address: '256.1.1.1', scope: undefined },
  { name: 'empty', address: '', scope: undefined },
];

describe('classifyIp', () => {
  it.each(cases)('$name: $address → $scope', ({ address, scope }) => {
    expect(classifyIp(address)).toBe(scope);
  });
});

describe('stripZone', () => {
  it.each([
    { input: 'fe80::1%eth0', output: 'fe80::1' },
    { input: 'fe80::1%12', output: 'fe80::1' },
    { input: '10.0.0.1', output: '10.0.0.1' },
  ])('$input → $output', ({ input, output }) => expect(stripZone(input)).toBe(output));
});
