/**
 * Finds the YAML node behind a field path, so that schema errors point at the
 * line and column of the offending value (or key) in the source.
 */
import { type Document, type Node, isMap, isScalar, isSeq } from 'yaml';

export interface Located {
  /** Offset of the node (or key) found. */
  readonly offset: number;
  /** The first path segment that does not exist in the source, if any. */
  readonly missing?: PropertyKey;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/**
 * Walks `path` from the document root. Stops at the deepest node that exists:
 * a missing field is reported at its parent mapping. With `atKey`, the last
 * segment's key is located instead of its value (for unknown fields and bad keys).
 */
export function locateNode(doc: Document, path: readonly PropertyKey[], atKey = false): Located {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) return { offset, missing: segment };
      const keyNode = isScalar(pair.key) ? pair.key : undefined;
      if ((last && atKey) || pair.value === null || pair.value === undefined) {
        return { offset: keyNode?.range?.[0] ?? offset };
      }
      node = pair.value as Node;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined || item === null) return { offset, missing: segment };
      node = item as Node;
    } else {
      return { offset };
    }
    offset = node.range?.[0] ?? offset;
  }
  return { offset };
}
