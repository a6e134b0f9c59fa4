import { describe, expect, it } from 'vitest';
import { type Inventory } from '../../protocol/index.js';
import { inventoryFingerprint } from '../../protocol/inventory-fingerprint.js';
import { validInventory } from '../protocol/fixtures.js';

const base = validInventory();
const baseFingerprint = inventoryFingerprint(base);
const change = (patch: (inv: Inventory) => void): Inventory => {
  const inv = structuredClone(base);
  patch(inv);
  return inv;
};

describe('inventoryFingerprint', () => {
  it('is a SHA-256 hex digest and does not mutate its argument', () => {
    const before = structuredClone(base);
    expect(baseFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(base).toStrictEqual(before);
  });

  it.each([
    { name: 'boot time (volatile)', inv: change((i) => (i.bootTime = '2026-03-01T00:00:00.000Z')) },
    { name: 'key order', inv: Object.fromEntries(Object.entries(base).reverse()) as Inventory },
    { name: 'disk order', inv: change((i) => i.disks.push({ mount: '/data', sizeBytes: 1 }, { mount: '/a', sizeBytes: 2 })), twin: change((i) => i.disks.push({ mount: '/a', sizeBytes: 2 }, { mount: '/data', sizeBytes: 1 })) },
    { name: 'interface order', inv: change((i) => i.interfaces.reverse()) },
    { name: 'address order', inv: change((i) => i.interfaces[0]!.ipv4.push('10.0.0.6')), twin: change((i) => i.interfaces[0]!.ipv4.unshift('10.0.0.6')) },
    { name: 'ips order', inv: change((i) => i.ips.reverse()) },
    { name: 'optional field explicitly undefined', inv: change((i) => (i.codePage = undefined)) },
  ])('ignores $name', ({ inv, twin }) => {
    expect(inventoryFingerprint(inv)).toBe(inventoryFingerprint(twin ?? base));
  });

  it.each([
    { name: 'hostname', inv: change((i) => (i.hostname = 'web-02')) },
    { name: 'kernel upgrade', inv: change((i) => (i.os.kernel = '6.1.0-19-amd64')) },
    { name: 'memory added', inv: change((i) => (i.memoryBytes *= 2)) },
    { name: 'disk mounted', inv: change((i) => i.disks.push({ mount: '/data', sizeBytes: 1 })) },
    { name: 'disk resized', inv: change((i) => (i.disks[0]!.sizeBytes += 1)) },
    { name: 'new IP address', inv: change((i) => i.interfaces[0]!.ipv4.push('10.0.0.6')) },
    { name: 'MAC changed', inv: change((i) => (i.macs = ['02:fc:00:00:00:02'])) },
    { name: 'time zone', inv: change((i) => (i.timezone = 'UTC')) },
    { name: 'code page', inv: change((i) => (i.codePage = '949')) },
    { name: 'agent upgrade', inv: change((i) => (i.agentVersion = '0.2.0')) },
  ])('changes with $name', ({ inv }) => {
    expect(inventoryFingerprint(inv)).not.toBe(baseFingerprint);
  });
});
