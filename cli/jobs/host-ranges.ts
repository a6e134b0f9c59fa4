/**
 * Folds host names into ranges the way cluster shells do (`web-[01-03,07]`), so a group of
 * 2,000 hosts with the same output fits on a line. Pure.
 */

interface NumberedName {
  readonly name: string;
  readonly prefix: string;
  readonly digits: string;
  readonly suffix: string;
  readonly value: number;
}

/** Splits at the last run of digits: `web-07.eu` → `web-`, `07`, `.eu`. */
function splitName(name: string): NumberedName | undefined {
  const m = /^(.*?)(\d+)(\D*)$/.exec(name);
  if (!m || m[2]!.length > 15) return undefined;
  return { name, prefix: m[1]!, digits: m[2]!, suffix: m[3]!, value: Number(m[2]) };
}

/** `07` and `08` follow each other, `9` and `10` too, `09` and `010` do not (padding differs). */
function follows(a: NumberedName, b: NumberedName): boolean {
  if (b.value !== a.value + 1) return false;
  const padded = (d: string) => d.length > 1 && d.startsWith('0');
  return a.digits.length === b.digits.length || (!padded(a.digits) && !padded(b.digits));
}

/**
 * Sorted, de-duplicated, folded host names joined with `, `. Names without digits stay as they
 * are; a lone numbered name is not bracketed.
 */
export function foldHostNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  const plain: string[] = [];
  const families = new Map<string, NumberedName[]>();
  for (const name of unique) {
    const n = splitName(name);
    if (!n) {
      plain.push(name);
      continue;
    }
    const key = `${n.prefix}\0${n.suffix}`;
    families.set(key, [...(families.get(key) ?? []), n]);
  }
  const folded: { sortKey: string; text: string }[] = plain.map((p) => ({ sortKey: p, text: p }));
  for (const members of families.values()) {
    const sorted = [...members].sort((a, b) => a.value - b.value || a.digits.length - b.digits.length);
    const ranges: NumberedName[][] = [];
    for (const n of sorted) {
      const last = ranges.at(-1);
      if (last && follows(last.at(-1)!, n)) last.push(n);
      else ranges.push([n]);
    }
    const first = sorted[0]!;
    const text =
      sorted.length === 1
        ? first.name
        : `${first.prefix}[${ranges.map((r) => (r.length === 1 ? r[0]!.digits : `${r[0]!.digits}-${r.at(-1)!.digits}`)).join(',')}]${first.suffix}`;
    folded.push({ sortKey: first.name, text });
  }
  return folded
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'en', { numeric: true }))
    .map((f) => f.text)
    .join(', ');
}
