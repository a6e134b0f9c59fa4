/**
 * V8 flags the server sets on itself as `ioms server` / `ioms start` begins, so they hold however
 * it was started (a unit file, `npm start`, by hand). A flag V8 reads as it runs, not heap layout
 * fixed at start, so setting it from inside works; an unknown flag on some future Node only
 * warns, where `node --bad-flag` would not start at all.
 *
 * - `--heap-growing-percent=30`: after each full GC, let the old generation grow to 1.3× what
 *   survived before the next one, instead of V8's dynamic factor (up to 4× while allocation is
 *   fast). A connect storm of thousands of agents allocates fast, so V8 had let the heap reach
 *   2.8× its live size and kept it: most of the server's RSS per agent was that headroom
 *   (docs/BENCHMARKS.md). More full GCs in exchange, each marking mostly on a helper thread.
 *
 * `IOMS_SERVER_V8_FLAGS` replaces the list (space-separated; empty for none).
 */
import v8 from 'node:v8';

/** @default the flags above */
export const SERVER_V8_FLAGS: readonly string[] = ['--heap-growing-percent=30'];

/** The flags to set: {@link SERVER_V8_FLAGS}, or what `IOMS_SERVER_V8_FLAGS` says. Pure. */
export function serverV8Flags(env: Readonly<Record<string, string | undefined>>): readonly string[] {
  const override = env.IOMS_SERVER_V8_FLAGS;
  if (override === undefined) return SERVER_V8_FLAGS;
  return override.split(/\s+/).filter((flag) => flag !== '');
}

/** Sets each flag on this process's V8. @param set test seam @default v8.setFlagsFromString */
export function applyServerV8Flags(flags: readonly string[], set: (flag: string) => void = (flag) => v8.setFlagsFromString(flag)): void {
  for (const flag of flags) set(flag);
}
