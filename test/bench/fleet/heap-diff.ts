/**
 * What a heap grew by between two V8 heap snapshots (`node --heapsnapshot-signal`), by node
 * type and constructor name: count and self size, and both divided by `per` (the agents that
 * connected in between), so a per-connection cost reads as "objects and bytes per agent".
 *
 *   npx tsx test/bench/fleet/heap-diff.ts BEFORE.heapsnapshot AFTER.heapsnapshot [per] [top]
 */
import fs from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size and count by `type:name`, summed over a snapshot's nodes. */
export function tally(file: string): Map<string, { count: number; bytes: number }> {
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  const f = s.snapshot.meta.node_fields;
  const width = f.length;
  const [iType, iName, iSize] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const types = s.snapshot.meta.node_types[0];
  const out = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + iType]!]!;
    // Strings, code and numbers by type only; objects and closures by their name.
    const name = type === 'object' || type === 'closure' || type === 'native' ? s.strings[s.nodes[i + iName]!]! : '';
    const key = `${type}:${name.length > 60 ? `${name.slice(0, 57)}...` : name}`;
    const t = out.get(key) ?? { count: 0, bytes: 0 };
    t.count++;
    t.bytes += s.nodes[i + iSize]!;
    out.set(key, t);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [before, after, perText, topText] = process.argv.slice(2);
  const per = Number(perText ?? 1);
  const top = Number(topText ?? 40);
  const a = tally(before!);
  const b = tally(after!);
  const rows = [...b].map(([key, v]) => {
    const o = a.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: v.count - o.count, bytes: v.bytes - o.bytes };
  });
  const sum = (m: Map<string, { bytes: number }>) => [...m.values()].reduce((x, v) => x + v.bytes, 0);
  rows.sort((x, y) => y.bytes - x.bytes);
  console.log(`heap: ${(sum(a) / 2 ** 20).toFixed(1)} MB → ${(sum(b) / 2 ** 20).toFixed(1)} MB, +${((sum(b) - sum(a)) / per / 1024).toFixed(2)} KB per ${per > 1 ? 'agent' : 'unit'}`);
  console.log('type:constructor'.padEnd(64), 'objects/agent'.padStart(14), 'bytes/agent'.padStart(12));
  for (const r of rows.slice(0, top)) console.log(r.key.padEnd(64), (r.count / per).toFixed(2).padStart(14), (r.bytes / per).toFixed(0).padStart(12));
}
