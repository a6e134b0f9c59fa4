/**
 * render: documents + one host → that host's desired state. Pure: no clock, no
 * I/O; the same inputs give the same output and hash.
 *
 * - Labels: the host's labels as the server holds them, overlaid by the labels
 *   of the `Host` document with the host's name (compared without case), so a
 *   label declared in git wins over one set by hand.
 * - A Profile applies when its selector matches (see {@link profileTarget}).
 * - Profiles are merged in name order; a resource key declared by two profiles
 *   is a `CONFLICT` naming both documents (the first profile's entry is kept).
 * - A `restartProcess` (crontab entry or file) naming no process of the host's
 *   desired state is an `UNRESOLVED_REFERENCE`.
 */
import { type Labels, formatLabels } from './labels.js';
import { type DocumentSource, type ManifestDocument } from './load.js';
import { type HostMatcher, type Target, compileTarget } from './target.js';
import { type DesiredState, cronKey, fileKey, processKey } from './desired-state.js';
import { type ProfileManifest, type ProfileSelector } from './schema.js';
import { formatSelector, selectorFromLabels } from './selector.js';
import { type CronSpec, type FileSpec, type ProcessSpec } from './spec-schema.js';
import { specHash } from './spec-hash.js';

export interface RenderHost {
  readonly name: string;
  /** Labels the server holds for the host (enrollment, agent flags, `ioms host label`). */
  readonly labels: Labels;
}

/** Names a document in errors: `Profile "web" (web.yaml:1)`. */
export interface DocumentRef {
  readonly kind: string;
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

export type RenderErrorCode = 'CONFLICT' | 'UNRESOLVED_REFERENCE';

export interface RenderError {
  readonly code: RenderErrorCode;
  /** Resource key, e.g. `process:web`. */
  readonly key: string;
  readonly message: string;
  /** The documents involved (two for a conflict). */
  readonly documents: readonly DocumentRef[];
  /** Hosts where the error occurs, sorted. */
  readonly hosts: readonly string[];
}

/** Conflicts are the render errors that make an apply fail. */
export type ConflictError = RenderError;

export interface HostRender {
  readonly host: string;
  /** Effective labels (server labels overlaid by the Host document's). */
  readonly labels: Labels;
  /** Names of the profiles that apply, sorted. */
  readonly profiles: readonly string[];
  readonly desired: DesiredState;
  /** {@link specHash} of `desired`. */
  readonly hash: string;
  /** The document each resource key came from. */
  readonly origins: Readonly<Record<string, DocumentRef>>;
  readonly errors: readonly RenderError[];
}

export interface FleetRender {
  readonly hosts: readonly HostRender[];
  /** Every render error, each once, with all the hosts it occurs on. */
  readonly errors: readonly RenderError[];
}

/** The target a Profile selector stands for: `matchLabels` and `match` joined (AND), plus `hosts`. */
export function profileTarget(selector: ProfileSelector): Target {
  const parts: string[] = [];
  if (selector.matchLabels !== undefined) parts.push(formatSelector(selectorFromLabels(selector.matchLabels)));
  if (selector.match !== undefined) parts.push(selector.match);
  const hasSelector = selector.matchLabels !== undefined || selector.match !== undefined;
  return {
    ...(hasSelector ? { selector: parts.filter((part) => part.trim() !== '').join(',') } : {}),
    ...(selector.hosts !== undefined ? { hosts: selector.hosts } : {}),
  };
}

function refOf(doc: { readonly manifest: { kind: string; metadata: { name: string } }; readonly source: DocumentSource }): DocumentRef {
  return { kind: doc.manifest.kind, name: doc.manifest.metadata.name, file: doc.source.file, line: doc.source.line };
}

function describeRef(ref: DocumentRef): string {
  return `${ref.kind} "${ref.name}" (${ref.file}:${ref.line})`;
}

interface CompiledProfile {
  readonly manifest: ProfileManifest;
  readonly ref: DocumentRef;
  readonly matches: HostMatcher;
}

interface Compiled {
  readonly hostLabels: ReadonlyMap<string, Labels>;
  readonly profiles: readonly CompiledProfile[];
}

function compile(docs: readonly ManifestDocument[]): Compiled {
  const hostLabels = new Map<string, Labels>();
  const profiles: CompiledProfile[] = [];
  for (const doc of docs) {
    const { manifest } = doc;
    if (manifest.kind === 'Host') {
      const name = manifest.metadata.name.toLowerCase();
      hostLabels.set(name, { ...hostLabels.get(name), ...manifest.spec.labels });
    } else {
      profiles.push({ manifest, ref: refOf(doc), matches: compileTarget(profileTarget(manifest.spec.selector)) });
    }
  }
  profiles.sort((a, b) => (a.ref.name < b.ref.name ? -1 : a.ref.name > b.ref.name ? 1 : 0));
  return { hostLabels, profiles };
}

const byKey = <T>(keyOf: (item: T) => string) => (a: T, b: T): number => {
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function renderCompiled(compiled: Compiled, host: RenderHost): HostRender {
  const labels: Labels = { ...host.labels, ...compiled.hostLabels.get(host.name.toLowerCase()) };
  const identity = { name: host.name, labels };
  const origins: Record<string, DocumentRef> = {};
  const errors: RenderError[] = [];
  const processes: ProcessSpec[] = [];
  const crontab: CronSpec[] = [];
  const files: FileSpec[] = [];
  const profiles: string[] = [];

  const claim = (key: string, what: string, ref: DocumentRef): boolean => {
    const first = origins[key];
    if (first === undefined) {
      origins[key] = ref;
      return true;
    }
    errors.push({
      code: 'CONFLICT',
      key,
      message: `${what} is declared by ${describeRef(first)} and ${describeRef(ref)}`,
      documents: [first, ref],
      hosts: [host.name],
    });
    return false;
  };

  for (const profile of compiled.profiles) {
    if (!profile.matches(identity)) continue;
    profiles.push(profile.ref.name);
    const { spec } = profile.manifest;
    for (const p of spec.processes) if (claim(processKey(p.name), `process "${p.name}"`, profile.ref)) processes.push(p);
    for (const c of spec.crontab) if (claim(cronKey(c.name), `crontab entry "${c.name}"`, profile.ref)) crontab.push(c);
    for (const f of spec.files) if (claim(fileKey(f.path), `file ${f.path}`, profile.ref)) files.push(f);
  }

  const processNames = new Set(processes.map((p) => p.name));
  const checkReference = (key: string, what: string, target: string | undefined): void => {
    if (target === undefined || processNames.has(target)) return;
    const ref = origins[key] as DocumentRef;
    errors.push({
      code: 'UNRESOLVED_REFERENCE',
      key,
      message: `${what} of ${describeRef(ref)} restarts process "${target}", which no profile for this host declares`,
      documents: [ref],
      hosts: [host.name],
    });
  };
  for (const c of crontab) checkReference(cronKey(c.name), `crontab entry "${c.name}"`, c.restartProcess);
  for (const f of files) checkReference(fileKey(f.path), `file ${f.path}`, f.restartProcess);

  const desired: DesiredState = {
    processes: processes.sort(byKey((p) => p.name)),
    crontab: crontab.sort(byKey((c) => c.name)),
    files: files.sort(byKey((f) => fileKey(f.path))),
  };
  return { host: host.name, labels, profiles: profiles.sort(), desired, hash: specHash(desired), origins, errors };
}

/**
 * Renders one host's desired state (see the module comment for the rules).
 *
 * @throws {SelectorError} only for documents that did not come through
 *   `loadManifests` (which validates selectors).
 */
export function renderDesiredState(docs: readonly ManifestDocument[], host: RenderHost): HostRender {
  return renderCompiled(compile(docs), host);
}

/**
 * Renders every host (selectors are parsed once) and gathers the errors of all
 * hosts, each distinct error once with the list of hosts it occurs on: the
 * apply-time check. Hosts come back in the order given.
 */
export function renderFleet(docs: readonly ManifestDocument[], hosts: readonly RenderHost[]): FleetRender {
  const compiled = compile(docs);
  const rendered = hosts.map((host) => renderCompiled(compiled, host));
  const merged = new Map<string, { error: RenderError; hosts: string[] }>();
  for (const result of rendered) {
    for (const error of result.errors) {
      const id = `${error.code}\u0000${error.key}\u0000${error.documents.map(describeRef).join('\u0000')}`;
      const entry = merged.get(id);
      if (entry) entry.hosts.push(result.host);
      else merged.set(id, { error, hosts: [result.host] });
    }
  }
  const errors = [...merged.values()].map(({ error, hosts: on }) => ({ ...error, hosts: [...on].sort() }));
  return { hosts: rendered, errors };
}

/** A one-line summary for logs: `web-01 [role=web] profiles=a,b hash=sha256:…`. */
export function describeHostRender(result: HostRender): string {
  return `${result.host} [${formatLabels(result.labels)}] profiles=${result.profiles.join(',')} hash=${result.hash}`;
}
