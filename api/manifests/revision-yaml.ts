import { stringify } from 'yaml';
import type { ManifestDocument } from '../../manifests/index.js';

/**
 * Every document of a revision as one YAML text, one `---` document each, sorted by kind and
 * name: the same documents always give the same text, so two revisions diff line by line no
 * matter which files (or which applies) they came from. Pure.
 */
export function documentsYaml(documents: readonly ManifestDocument[]): string {
  const sorted = [...documents].sort((a, b) => {
    const x = `${a.manifest.kind}/${a.manifest.metadata.name}`;
    const y = `${b.manifest.kind}/${b.manifest.metadata.name}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return sorted.map((d) => `---\n${stringify(d.manifest, { lineWidth: 0, aliasDuplicateObjects: false })}`).join('');
}
