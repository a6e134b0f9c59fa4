/**
 * The text forms of the admin pages, parsed and printed: labels as `key=value` lines (or commas),
 * an allow-list as CIDRs separated by commas, spaces or lines. Pure; the server validates keys,
 * values and CIDRs again and its message is shown when it refuses.
 */

export type ParsedLabels = { readonly ok: true; readonly labels: Readonly<Record<string, string>> } | { readonly ok: false; readonly item: string };

export function parseLabelText(text: string): ParsedLabels {
  const labels: Record<string, string> = {};
  for (const raw of text.split(/[\n,]/)) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const key = eq > 0 ? item.slice(0, eq).trim() : '';
    if (!key) return { ok: false, item };
    labels[key] = item.slice(eq + 1).trim();
  }
  return { ok: true, labels };
}

export function formatLabelText(labels: unknown): string {
  if (!labels || typeof labels !== 'object') return '';
  return Object.entries(labels as Record<string, unknown>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('\n');
}

/** What setHostLabels needs to turn `current` into `next`: changed or new keys, and keys gone. */
export function labelChanges(current: Readonly<Record<string, unknown>>, next: Readonly<Record<string, string>>): { set: Record<string, string>; remove: string[] } {
  const set = Object.fromEntries(Object.entries(next).filter(([k, v]) => current[k] === undefined || String(current[k]) !== v));
  const remove = Object.keys(current).filter((k) => !(k in next)).sort();
  return { set, remove };
}

export function parseAllowList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
