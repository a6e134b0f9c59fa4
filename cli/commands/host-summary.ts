/** The API's one status word for a host (api/hosts/host-state.ts), shown lower-case. */
export type HostStateWire = 'ONLINE' | 'OFFLINE' | 'REVOKED';

/** A host as the API returns it (the fields the CLI asks for). */
export interface HostWire {
  name: string;
  state: HostStateWire;
  labels: Record<string, string>;
  online: boolean;
  alive: boolean;
  revoked: boolean;
  lastSeenAt: string | null;
  lastConnectedAt: string | null;
  enrolledAt: string;
  agentVersion: string | null;
  address: string | null;
  inventory: Record<string, unknown> | null;
}

/** The stable JSON shape of `ioms get hosts -o json`. */
export interface HostSummary {
  name: string;
  /** online, offline or revoked — the same word in every command. */
  status: string;
  online: boolean;
  alive: boolean;
  revoked: boolean;
  lastSeen: string | null;
  labels: Record<string, string>;
  agentVersion: string | null;
  inventory: {
    hostname: string | null;
    os: string | null;
    platform: string | null;
    arch: string | null;
    cpuModel: string | null;
    cpuCores: number | null;
    memoryBytes: number | null;
    ips: string[];
    macs: string[];
    timezone: string | null;
    bootTime: string | null;
  };
}

interface InventoryWire {
  hostname?: string;
  os?: { name?: string; release?: string; platform?: string; arch?: string; distro?: string };
  cpu?: { model?: string; cores?: number };
  memoryBytes?: number;
  ips?: { address?: string }[];
  macs?: string[];
  timezone?: string;
  bootTime?: string;
}

export function hostSummary(h: HostWire): HostSummary {
  const inv = (h.inventory ?? {}) as InventoryWire;
  const osName = inv.os ? [inv.os.distro ?? inv.os.name, inv.os.release].filter(Boolean).join(' ') : null;
  return {
    name: h.name,
    status: h.state.toLowerCase(),
    online: h.online,
    alive: h.alive,
    revoked: h.revoked,
    lastSeen: h.lastSeenAt,
    labels: h.labels,
    agentVersion: h.agentVersion,
    inventory: {
      hostname: inv.hostname ?? null,
      os: osName || null,
      platform: inv.os?.platform ?? null,
      arch: inv.os?.arch ?? null,
      cpuModel: inv.cpu?.model ?? null,
      cpuCores: inv.cpu?.cores ?? null,
      memoryBytes: inv.memoryBytes ?? null,
      ips: (inv.ips ?? []).map((ip) => ip.address ?? '').filter(Boolean),
      macs: inv.macs ?? [],
      timezone: inv.timezone ?? null,
      bootTime: inv.bootTime ?? null,
    },
  };
}
