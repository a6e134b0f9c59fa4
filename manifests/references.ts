/**
 * Checks what a set of documents refers to outside itself, so that `apply` and `diff` refuse
 * what could never converge: every file's artifact must be in the store (and have the declared
 * checksums), and every `restartProcess` must name a process some Profile declares. Pure: the
 * caller looks the artifacts up first. Errors point at the field, `file:line:column`.
 */
import { parseAllDocuments } from 'yaml';
import type { ManifestDocument, ManifestFile } from './load.js';
import type { ManifestError, ManifestErrorCode } from './manifest-error.js';
import type { ArtifactDigests } from './plan.js';
import { positionIndex } from './text-position.js';
import { locateNode } from './yaml-locate.js';

/** The artifact references (`name` or `name@version`) the documents' files name, each once. */
export function artifactReferences(documents: readonly ManifestDocument[]): string[] {
  const refs = new Set<string>();
  for (const d of documents) if (d.manifest.kind === 'Profile') for (const f of d.manifest.spec.files) refs.add(f.artifact);
  return [...refs].sort();
}

type Locate = (doc: ManifestDocument, path: readonly (string | number)[]) => { line: number; column: number };

function locator(files: readonly ManifestFile[]): Locate {
  const texts = new Map(files.map((f) => [f.path, typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content)]));
  const parsed = new Map<string, { docs: ReturnType<typeof parseAllDocuments>; at: ReturnType<typeof positionIndex> }>();
  return (doc, path) => {
    const text = texts.get(doc.source.file);
    if (text === undefined) return { line: doc.source.line, column: 1 };
    let file = parsed.get(doc.source.file);
    if (file === undefined) {
      file = { docs: parseAllDocuments(text, { version: '1.2', schema: 'core', merge: false }), at: positionIndex(text) };
      parsed.set(doc.source.file, file);
    }
    const yamlDoc = Array.isArray(file.docs) ? file.docs[doc.source.index] : undefined;
    if (yamlDoc === undefined) return { line: doc.source.line, column: 1 };
    const position = file.at(locateNode(yamlDoc, path).offset);
    return { line: position.line, column: position.column };
  };
}

/**
 * @param files the manifest texts the documents came from (for positions; a document whose file
 *   is not given is reported at its first line).
 * @param artifacts the store's digests per reference of {@link artifactReferences}; null when absent.
 */
export function checkReferences(
  documents: readonly ManifestDocument[],
  files: readonly ManifestFile[],
  artifacts: Readonly<Record<string, ArtifactDigests | null>>,
): ManifestError[] {
  const locate = locator(files);
  const errors: ManifestError[] = [];
  const processes = new Set(documents.flatMap((d) => (d.manifest.kind === 'Profile' ? d.manifest.spec.processes.map((p) => p.name) : [])));
  const report = (doc: ManifestDocument, path: (string | number)[], code: ManifestErrorCode, message: string) => {
    errors.push({ file: doc.source.file, ...locate(doc, path), code, message, path: path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1) });
  };
  for (const doc of documents) {
    if (doc.manifest.kind !== 'Profile') continue;
    const { spec } = doc.manifest;
    spec.files.forEach((f, i) => {
      const stored = artifacts[f.artifact];
      if (!stored) {
        report(doc, ['spec', 'files', i, 'artifact'], 'ARTIFACT_NOT_FOUND', `artifact ${f.artifact} is not in the store (push it with ioms artifact push)`);
        return;
      }
      if (f.sha256 !== undefined && f.sha256 !== stored.sha256) {
        report(doc, ['spec', 'files', i, 'sha256'], 'ARTIFACT_CHECKSUM', `the stored ${f.artifact} has sha256 ${stored.sha256}, not ${f.sha256}`);
      }
      if (f.md5 !== undefined && f.md5 !== stored.md5) {
        report(doc, ['spec', 'files', i, 'md5'], 'ARTIFACT_CHECKSUM', `the stored ${f.artifact} has md5 ${stored.md5}, not ${f.md5}`);
      }
      if (f.restartProcess !== undefined && !processes.has(f.restartProcess)) {
        report(doc, ['spec', 'files', i, 'restartProcess'], 'UNKNOWN_PROCESS', `restartProcess names "${f.restartProcess}", which no Profile declares`);
      }
    });
    spec.crontab.forEach((c, i) => {
      if (c.restartProcess !== undefined && !processes.has(c.restartProcess)) {
        report(doc, ['spec', 'crontab', i, 'restartProcess'], 'UNKNOWN_PROCESS', `restartProcess names "${c.restartProcess}", which no Profile declares`);
      }
    });
  }
  return errors;
}
