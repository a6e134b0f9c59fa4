import nodeOs from 'node:os';
import si from 'systeminformation';
import { inventorySchema, type Inventory } from '../../protocol/index.js';
import { readCodePage } from './code-page.js';
import { type RunProgram } from './code-page.win32.js';
import { readHostZone, type HostZone } from './host-zone.js';
import { buildInventory, type InventoryFacts } from './inventory-build.js';
import { PROBE_TIMEOUT_MS, settleProbe, valueOf, type HostOs, type InventoryProbes } from './probes.js';

export interface CollectInventoryOptions {
  /** Reported as `agentVersion`. */
  agentVersion: string;
  /** Test seam for `systeminformation`. @default the real module */
  si?: InventoryProbes;
  /** Test seam for `node:os`. @default the real module */
  os?: HostOs;
  /** Test seam for running `chcp` on Windows. @default execFile */
  run?: RunProgram;
  /** Wall clock, ms since the epoch; used only when the boot time must come from `os.uptime()`. @default Date.now */
  now?: () => number;
  /** Per-probe time limit in ms. @default {@link PROBE_TIMEOUT_MS} */
  probeTimeoutMs?: number;
  /** Test seam for the time zone and locale. @default {@link readHostZone} (no `Intl` where avoidable) */
  zone?: () => HostZone;
}

/** Raised when even the degraded inventory does not validate (a bug, or a very odd host). */
export class InventoryError extends Error {
  override readonly name = 'InventoryError';
  readonly code = 'INVENTORY_INVALID';
}

/**
 * Describe this host (see {@link Inventory}). All probes run in parallel, each bounded by
 * `probeTimeoutMs`; a probe that fails or hangs only leaves its fields absent or empty.
 * The result has passed `inventorySchema`, so the server will accept it.
 *
 * @throws {InventoryError} only if the result fails validation despite degradation.
 */
export async function collectInventory({
  agentVersion,
  si: probes = si,
  os = nodeOs,
  run,
  now = Date.now,
  probeTimeoutMs = PROBE_TIMEOUT_MS,
  zone = readHostZone,
}: CollectInventoryOptions): Promise<Inventory> {
  const settle = <T>(probe: () => T | Promise<T>) => settleProbe(probe, probeTimeoutMs);
  const [osInfo, cpu, mem, fsSize, siInterfaces, hostZone, codePage, hostname, platform, arch, kernel, totalmem, uptime, cpus, osInterfaces] =
    await Promise.all([
      settle(() => probes.osInfo()),
      settle(() => probes.cpu()),
      settle(() => probes.mem()),
      settle(() => probes.fsSize()),
      settle(() => probes.networkInterfaces()),
      // Not `si.time()`: it asks `Intl` and runs `date` and `ls` synchronously on every call.
      settle(() => zone()),
      settle(() => readCodePage({ platform: os.platform(), run })),
      settle(() => os.hostname()),
      settle(() => os.platform()),
      settle(() => os.arch()),
      settle(() => os.release()),
      settle(() => os.totalmem()),
      settle(() => os.uptime()),
      settle(() => os.cpus()),
      settle(() => os.networkInterfaces()),
    ]);
  const nics = valueOf(siInterfaces);
  const facts: InventoryFacts = {
    agentVersion,
    nowMs: now(),
    hostname: valueOf(hostname),
    platform: valueOf(platform),
    arch: valueOf(arch),
    kernelRelease: valueOf(kernel),
    totalmem: valueOf(totalmem),
    uptimeSeconds: valueOf(uptime),
    cpus: valueOf(cpus),
    osInterfaces: valueOf(osInterfaces),
    osInfo: valueOf(osInfo),
    cpu: valueOf(cpu),
    mem: valueOf(mem),
    fsSize: Array.isArray(valueOf(fsSize)) ? valueOf(fsSize) : undefined,
    siInterfaces: nics === undefined ? undefined : Array.isArray(nics) ? nics : [nics],
    codePage: valueOf(codePage),
    locale: valueOf(hostZone)?.locale,
    timeZone: valueOf(hostZone)?.timeZone,
  };
  const parsed = inventorySchema.safeParse(buildInventory(facts));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new InventoryError(`collect inventory: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`, { cause: parsed.error });
  }
  return parsed.data;
}
