import { diffLines } from 'diff';

/** One row of a unified diff: a kept, added or removed line, or a fold of unchanged lines. */
export type DiffRow =
  | { readonly kind: 'same' | 'add' | 'del'; readonly oldNo: number | null; readonly newNo: number | null; readonly text: string }
  | { readonly kind: 'fold'; readonly count: number };

export interface DiffSummary {
  readonly rows: readonly DiffRow[];
  readonly added: number;
  readonly removed: number;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Two texts → unified diff rows (the `diff` library's line diff), unchanged runs longer than
 * `2 × context` folded to their first and last `context` lines. Pure.
 */
export function diffRows(before: string, after: string, context = 3): DiffSummary {
  const full: Exclude<DiffRow, { kind: 'fold' }>[] = [];
  let oldNo = 1;
  let newNo = 1;
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    for (const text of splitLines(part.value)) {
      if (part.added) {
        full.push({ kind: 'add', oldNo: null, newNo: newNo++, text });
        added++;
      } else if (part.removed) {
        full.push({ kind: 'del', oldNo: oldNo++, newNo: null, text });
        removed++;
      } else full.push({ kind: 'same', oldNo: oldNo++, newNo: newNo++, text });
    }
  }
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < full.length) {
    if (full[i]!.kind !== 'same') {
      rows.push(full[i++]!);
      continue;
    }
    let j = i;
    while (j < full.length && full[j]!.kind === 'same') j++;
    const head = i === 0 ? 0 : context;
    const tail = j === full.length ? 0 : context;
    if (j - i > head + tail + 1) {
      rows.push(...full.slice(i, i + head), { kind: 'fold', count: j - i - head - tail }, ...full.slice(j - tail, j));
    } else rows.push(...full.slice(i, j));
    i = j;
  }
  return { rows, added, removed };
}
