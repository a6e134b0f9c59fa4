/**
 * `@reboot` detection: is this agent process the first since the host booted?
 *
 * The host's boot is identified by the kernel's boot id (`/proc/sys/kernel/random/boot_id` on
 * Linux) or, elsewhere, by the boot time (now − uptime; two within BOOT_TIME_TOLERANCE_MS are
 * the same boot). The identity of the boot
 * whose `@reboot` entries already ran is kept in `<stateDir>/cron-boot.json`; a different or
 * missing marker means a fresh boot (as cronie runs `@reboot` when its /run marker is missing).
 * The marker is written before any entry runs, so an agent restarted during the same boot does
 * not run them again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RebootGate } from './schedule.js';

export const BOOT_MARKER_FILE = 'cron-boot.json';
/** Boot times (from uptime) closer than this are one boot. */
export const BOOT_TIME_TOLERANCE_MS = 120_000;

/** Names one boot of the host. */
export interface BootIdentity {
  readonly bootId?: string;
  readonly bootTimeMs: number;
}

export interface BootIdentitySources {
  /** @default reads /proc/sys/kernel/random/boot_id */
  readonly readBootId?: () => string | undefined;
  /** Seconds since boot. @default os.uptime */
  readonly uptimeSeconds?: () => number;
  /** @default Date.now */
  readonly now?: () => number;
}

function linuxBootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The current boot of this host. */
export function currentBootIdentity(sources: BootIdentitySources = {}): BootIdentity {
  const bootId = (sources.readBootId ?? linuxBootId)();
  const bootTimeMs = Math.round((sources.now ?? Date.now)() - (sources.uptimeSeconds ?? os.uptime)() * 1000);
  return bootId === undefined ? { bootTimeMs } : { bootId, bootTimeMs };
}

/** Whether two identities name the same boot: by boot id when both have one, else by boot time. */
export function sameBoot(a: BootIdentity, b: BootIdentity): boolean {
  if (a.bootId !== undefined && b.bootId !== undefined) return a.bootId === b.bootId;
  return Math.abs(a.bootTimeMs - b.bootTimeMs) < BOOT_TIME_TOLERANCE_MS;
}

function readMarker(file: string): BootIdentity | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { bootId?: unknown; bootTimeMs?: unknown };
    if (typeof raw.bootTimeMs !== 'number') return undefined;
    return typeof raw.bootId === 'string' ? { bootId: raw.bootId, bootTimeMs: raw.bootTimeMs } : { bootTimeMs: raw.bootTimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Reads and updates the marker in `stateDir`; returns the gate for this process.
 * An unwritable state directory counts as "not a fresh boot" (never run twice over running once).
 */
export function openRebootGate(stateDir: string, sources: BootIdentitySources = {}): RebootGate & { readonly freshBoot: boolean } {
  const file = path.join(stateDir, BOOT_MARKER_FILE);
  const boot = currentBootIdentity(sources);
  const previous = readMarker(file);
  let freshBoot = previous === undefined || !sameBoot(previous, boot);
  if (freshBoot) {
    try {
      fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify(boot)}\n`, { mode: 0o600 });
      fs.renameSync(tmp, file);
    } catch {
      freshBoot = false;
    }
  }
  const claimed = new Set<string>();
  return {
    freshBoot,
    claim(name) {
      if (!freshBoot || claimed.has(name)) return false;
      claimed.add(name);
      return true;
    },
  };
}
