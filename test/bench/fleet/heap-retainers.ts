/**
 * Who holds the objects of one kind in a V8 heap snapshot: the self size and count of every node
 * whose `type:name` starts with PREFIX, summed by its retainer chain (first strong retainer,
 * `depth` steps up). With heap-diff.ts's per-agent table it says which owner a per-connection
 * cost belongs to (e.g. `closure:` under `Object.next` of an iterator held per socket).
 *
 *   node --max-old-space-size=6000 --import tsx test/bench/fleet/heap-retainers.ts FILE.heapsnapshot 'array:' [depth] [top]
 */
import fs from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const [file, prefix, depthText, topText] = process.argv.slice(2);
const depth = Number(depthText ?? 2);
const top = Number(topText ?? 25);
const s = JSON.parse(fs.readFileSync(file!, 'utf8')) as Snapshot;
const { node_fields: nf, edge_fields: ef, node_types: [nodeTypes], edge_types: [edgeTypes] } = s.snapshot.meta;
const W = nf.length;
const EW = ef.length;
const count = s.nodes.length / W;
const [iType, iName, iSize, iEdges] = [nf.indexOf('type'), nf.indexOf('name'), nf.indexOf('self_size'), nf.indexOf('edge_count')];
const [eType, eName, eTo] = [ef.indexOf('type'), ef.indexOf('name_or_index'), ef.indexOf('to_node')];
const UNNAMED = new Set(['string', 'number', 'concatenated string', 'sliced string', 'code']);
const label = (n: number): string => {
  const type = nodeTypes[s.nodes[n * W + iType]!]!;
  return `${type}:${UNNAMED.has(type) ? '' : s.strings[s.nodes[n * W + iName]!]!.slice(0, 40)}`;
};
// The first strong retainer of each node, and the edge's name.
const retainer = new Int32Array(count).fill(-1);
const via: string[] = new Array<string>(count);
for (let n = 0, e = 0; n < count; n++) {
  for (let k = s.nodes[n * W + iEdges]!; k > 0; k--, e += EW) {
    const to = s.edges[e + eTo]! / W;
    const type = edgeTypes[s.edges[e + eType]!]!;
    if (type === 'weak' || type === 'shortcut' || retainer[to] !== -1) continue;
    retainer[to] = n;
    via[to] = type === 'element' || type === 'hidden' ? `[${type}]` : String(s.strings[s.edges[e + eName]!] ?? s.edges[e + eName]);
  }
}
const sums = new Map<string, { count: number; bytes: number }>();
for (let n = 0; n < count; n++) {
  if (!label(n).startsWith(prefix!)) continue;
  let chain = label(n);
  for (let d = 0, cur = n; d < depth && retainer[cur]! >= 0; d++, cur = retainer[cur]!) chain = `${label(retainer[cur]!)}.${via[cur]} > ${chain}`;
  const t = sums.get(chain) ?? { count: 0, bytes: 0 };
  t.count++;
  t.bytes += s.nodes[n * W + iSize]!;
  sums.set(chain, t);
}
for (const [chain, t] of [...sums].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) console.log(String(t.bytes).padStart(10), String(t.count).padStart(7), chain);
