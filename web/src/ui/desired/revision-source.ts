/** A revision's `source` JSON (paths, repository, commit, branch, dirty), read defensively: it is stored client input. */
export interface RevisionSource {
  readonly paths: readonly string[];
  readonly repository?: string;
  readonly commit?: string;
  readonly branch?: string;
  readonly dirty: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function revisionSource(raw: unknown): RevisionSource {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    paths: Array.isArray(o.paths) ? o.paths.filter((p): p is string => typeof p === 'string') : [],
    repository: str(o.repository),
    commit: str(o.commit),
    branch: str(o.branch),
    dirty: o.dirty === true,
  };
}
