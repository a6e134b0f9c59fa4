/**
 * Summarises a `node --cpu-prof` profile: self time by function and by package, and inclusive
 * time of the project's own functions (what a flame graph would show at a glance).
 *
 *   npx tsx test/bench/fleet/profile-summary.ts FILE.cpuprofile [top] [fromS toS]
 *
 * `fromS toS`: only the samples between those seconds after the profile's start (a window such
 * as the idle one fleet-idle.bench.ts prints).
 */
import fs from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
const [file, topText, fromText, toText] = process.argv.slice(2);
const top = Number(topText ?? 25);
const prof = JSON.parse(fs.readFileSync(file!, 'utf8')) as { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Sample times (µs after the start) decide which samples fall in the window.
const window = fromText !== undefined ? [Number(fromText) * 1e6, Number(toText ?? Infinity) * 1e6] : undefined;
let t = 0;
const samples = prof.samples.filter((_, i) => {
  t += prof.timeDeltas[i] ?? 0;
  return !window || (t >= window[0]! && t <= window[1]!);
});
const total = samples.length;
const where = (n: Node) => {
  const u = n.callFrame.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1];
  return pkg ?? (u.includes('/wt/') ? u.replace(/.*\/wt\/[^/]+\//, '') : u || '(native)');
};
const self = new Map<string, number>();
const pkgs = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const id of samples) {
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
console.log(`${file}: ${((prof.endTime - prof.startTime) / 1e6).toFixed(1)} s, ${total} samples`);
show('self time by package/dir', pkgs);
show('self time by function', self);
show('inclusive time, project functions', inclusive);
