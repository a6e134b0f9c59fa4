/**
 * Orders strings by UTF-16 code unit (`'B' < 'a'`), the agent's sort for names, mounts and
 * interfaces. Pure. Not `localeCompare`: its first call builds an ICU collator, which maps
 * ≈ 2.5 MB of collation data out of the node binary for the life of the agent, to sort a few
 * ASCII names the same way on every host.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
