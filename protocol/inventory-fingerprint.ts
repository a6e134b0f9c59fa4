import { canonicalSha256 } from './canonical-json.js';
import { type Inventory } from './inventory.schema.js';

/**
 * Fields left out of the fingerprint because they change without the host changing:
 * `bootTime` is derived from a clock and moves on every reboot, which reconnects the agent
 * and resends the inventory anyway.
 */
export const VOLATILE_INVENTORY_FIELDS = ['bootTime'] as const satisfies ReadonlyArray<keyof Inventory>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A stable SHA-256 (hex) of what matters in an inventory. The agent sends the inventory on
 * connect and again only when this changes. Independent of key order and of the order of
 * disks, interfaces, addresses and MACs; blind to {@link VOLATILE_INVENTORY_FIELDS}. Pure.
 */
export function inventoryFingerprint(inventory: Inventory): string {
  const { bootTime: _bootTime, ...stable } = inventory;
  const normalized = {
    ...stable,
    disks: [...stable.disks].sort((a, b) => byText(a.mount, b.mount)),
    interfaces: stable.interfaces
      .map((nic) => ({ ...nic, ipv4: [...nic.ipv4].sort(byText), ipv6: [...nic.ipv6].sort(byText) }))
      .sort((a, b) => byText(a.name, b.name)),
    ips: [...stable.ips].sort((a, b) => byText(a.address, b.address) || byText(a.interface ?? '', b.interface ?? '')),
    macs: [...stable.macs].sort(byText),
  };
  return canonicalSha256(normalized);
}
