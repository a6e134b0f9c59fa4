import { describe, expect, it } from 'vitest';
import {
  MAX_ADDRESSES_PER_INTERFACE,
  MAX_DISKS,
  MAX_HOSTNAME_LENGTH,
  MAX_INTERFACE_NAME_LENGTH,
  MAX_INTERFACES,
  MAX_IPS,
  MAX_LABEL_LENGTH,
  MAX_MACS,
  MAX_PATH_LENGTH,
  MAX_REPORT_BYTES,
  MAX_TEXT_LENGTH,
  parseAgentReport,
  type Inventory,
} from '../../protocol/index.js';

const text = (length: number) => 'x'.repeat(length);
const label = text(MAX_LABEL_LENGTH);

/** The largest inventory the schema allows, with ASCII strings. */
function maximalInventory(): Inventory {
  const ipv6 = 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255';
  return {
    hostname: text(MAX_HOSTNAME_LENGTH),
    os: { name: label, release: label, platform: 'freebsd', arch: label, kernel: label, distro: text(MAX_TEXT_LENGTH) },
    cpu: { model: text(MAX_TEXT_LENGTH), cores: Number.MAX_SAFE_INTEGER, physicalCores: Number.MAX_SAFE_INTEGER, speedGHz: Number.MAX_VALUE },
    memoryBytes: Number.MAX_SAFE_INTEGER,
    disks: Array.from({ length: MAX_DISKS }, () => ({ device: text(MAX_PATH_LENGTH), mount: text(MAX_PATH_LENGTH), fsType: label, sizeBytes: Number.MAX_SAFE_INTEGER })),
    interfaces: Array.from({ length: MAX_INTERFACES }, () => ({
      name: text(MAX_INTERFACE_NAME_LENGTH),
      ipv4: Array.from({ length: MAX_ADDRESSES_PER_INTERFACE }, () => '255.255.255.255'),
      ipv6: Array.from({ length: MAX_ADDRESSES_PER_INTERFACE }, () => ipv6),
      mac: 'ff:ff:ff:ff:ff:ff',
      internal: false,
    })),
    ips: Array.from({ length: MAX_IPS }, () => ({ family: 'ipv6', address: ipv6, scope: 'link-local', interface: text(MAX_INTERFACE_NAME_LENGTH) })),
    macs: Array.from({ length: MAX_MACS }, () => 'ff:ff:ff:ff:ff:ff'),
    timezone: label,
    locale: label,
    codePage: label,
    bootTime: '2026-01-31T12:00:00.000+09:00',
    agentVersion: label,
  };
}

describe('protocol limits', () => {
  it('a maximal ASCII inventory validates and fits in MAX_REPORT_BYTES', () => {
    const body = JSON.stringify(maximalInventory());
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    const result = parseAgentReport('inventory', body);
    if (!result.ok) throw result.error;
  });
});
