/**
 * V8 flags the running agent sets on itself, first thing in `ioms agent`, so they hold however
 * it was started (systemd unit, shawl, by hand, an old unit file after a self-upgrade) and an
 * unknown flag on some future Node only prints a warning instead of stopping the agent at
 * start (`node --bad-flag` exits 9). Both flags are heuristics V8 reads as it runs, not heap
 * layout fixed at start, so setting them from inside works (measured: the same RSS as on the
 * command line, docs/agent-install.md "Memory").
 *
 * - `--optimize-for-size`: small young generation, tighter heap growth, memory-reducing GCs.
 *   Idle RSS 60 MB every time instead of 60, 65 or 70 MB depending on how the young
 *   generation grew during start-up.
 * - `--no-turbofan`: no optimizing compiler. The agent's JavaScript is a few milliseconds a
 *   minute (reports, schema checks); hashing, compression, TLS and parsing HTTP run in C++.
 *   Ignition and Sparkplug run a hot schema check about 1.7× slower than TurboFan code (both
 *   flags together, measured on `inventorySchema.parse`); in exchange the compiler's own code
 *   pages and zone memory are never touched: ≈ 4 MB less RSS.
 *
 * `IOMS_AGENT_V8_FLAGS` replaces the list (space-separated; empty for none).
 */
import v8 from 'node:v8';

/** @default the flags above */
export const AGENT_V8_FLAGS: readonly string[] = ['--optimize-for-size', '--no-turbofan'];

/** The flags to set: {@link AGENT_V8_FLAGS}, or what `IOMS_AGENT_V8_FLAGS` says. Pure. */
export function agentV8Flags(env: Readonly<Record<string, string | undefined>>): readonly string[] {
  const override = env.IOMS_AGENT_V8_FLAGS;
  if (override === undefined) return AGENT_V8_FLAGS;
  return override.split(/\s+/).filter((flag) => flag !== '');
}

/** Sets each flag on this process's V8. @param set test seam @default v8.setFlagsFromString */
export function applyAgentV8Flags(flags: readonly string[], set: (flag: string) => void = (flag) => v8.setFlagsFromString(flag)): void {
  for (const flag of flags) set(flag);
}
