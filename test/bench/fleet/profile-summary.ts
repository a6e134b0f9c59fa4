/**
 * Summarises a `node --cpu-prof` profile: self time by function and by package, and inclusive
 * time of the project's own functions (what a flame graph would show at a glance).
 *
 *   npx tsx test/bench/fleet/profile-summary.ts FILE.cpuprofile [top] [--window FROM-TO[,FROM-TO…]]
 *
 * `--window`: only the samples taken inside these spans of the monotonic clock, in µs (what
 * `fleet.bench.ts --only fanout` prints as `FANOUT_WINDOW FROM TO`).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
const { positionals, values } = parseArgs({ allowPositionals: true, options: { window: { type: 'string' } } });
const [file, topText] = positionals;
const top = Number(topText ?? 25);
const prof = JSON.parse(fs.readFileSync(file!, 'utf8')) as { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
const windows = (values.window ?? '').split(',').filter(Boolean).map((w) => w.split('-').map(Number) as [number, number]);
if (windows.length) {
  const kept: number[] = [];
  let at = prof.startTime;
  prof.samples.forEach((id, i) => {
    at += prof.timeDeltas[i] ?? 0;
    if (windows.some(([from, to]) => at >= from && at <= to)) kept.push(id);
  });
  prof.samples = kept;
}
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = prof.samples.length;
const where = (n: Node) => {
  const u = n.callFrame.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1];
  return pkg ?? (u.includes('/wt/') ? u.replace(/.*\/wt\/[^/]+\//, '') : u || '(native)');
};
const self = new Map<string, number>();
const pkgs = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const id of prof.samples) {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || '(anon)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + 1);
  const pkg = where(n).split(':')[0]!.replace(/\/[^/]*$/, (m) => (where(n).includes('node_modules') || !where(n).includes('/') ? m : ''));
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + 1);
  const seen = new Set<string>();
  for (let cur: Node | undefined = n; cur; cur = byId.get(parent.get(cur.id) ?? -1)) {
    const w = where(cur);
    if (!/^(api|db|protocol|manifests)\//.test(w)) continue;
    const k = `${cur.callFrame.functionName || '(anon)'} ${w}:${cur.callFrame.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
  }
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
};
const idle = prof.samples.filter((id) => byId.get(id)!.callFrame.functionName === '(idle)').length;
console.log(`${file}: ${((prof.endTime - prof.startTime) / 1e6).toFixed(1)} s, ${total} samples${windows.length ? ` in ${windows.length} window(s), ${(windows.reduce((a, [f, t]) => a + t - f, 0) / 1e6).toFixed(2)} s` : ''}, ${((idle / Math.max(total, 1)) * 100).toFixed(1)} % idle`);
show('self time by package/dir', pkgs);
show('self time by function', self);
show('inclusive time, project functions', inclusive);
