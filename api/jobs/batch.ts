/**
 * A rolling batch: `"10"` means at most 10 targets in flight, `"25%"` a quarter of the targets
 * (rounded up, at least 1). No batch means all at once.
 */
export function parseBatch(text: string | undefined | null, total: number): number | { error: string } {
  if (text === undefined || text === null || text.trim() === '') return Math.max(total, 1);
  const t = text.trim();
  const percent = /^(\d{1,3})%$/.exec(t);
  if (percent) {
    const p = Number(percent[1]);
    if (p < 1 || p > 100) return { error: `batch percentage must be 1%–100%, not ${t}` };
    return Math.max(1, Math.ceil((total * p) / 100));
  }
  if (/^\d{1,6}$/.test(t) && Number(t) >= 1) return Number(t);
  return { error: `batch must be a number of hosts (10) or a percentage (25%), not "${t}"` };
}
