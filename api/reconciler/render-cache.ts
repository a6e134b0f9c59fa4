/**
 * Renders of one revision, shared by the hosts whose render inputs are the same. Pure: plain
 * data in, plain data out, no I/O.
 *
 * A render depends on the documents and the host's identity, and on the host's name only
 * through two rules of `renderDesiredState`: the `Host` document of that name overlays its
 * labels, and a Profile's `hosts` patterns match names. So the cache key is the host's final
 * labels (after that overlay, in canonical JSON) plus which of the name-matching profiles match
 * its name: hosts with equal keys get the same desired state and hash, and two hosts whose
 * labels differ in anything never share a render.
 */
import { type HostRender, type Labels, type ManifestDocument, canonicalJson, matchesHostPattern, renderDesiredState } from '../../manifests/index.js';

export interface RenderInput {
  readonly name: string;
  /** The labels the server holds for the host (agent labels overlaid by server labels). */
  readonly labels: Labels;
}

export class RenderCache {
  private readonly hostLabels = new Map<string, Labels>();
  /** The `hosts` pattern lists of the Profiles that have one, in document order. */
  private readonly namePatterns: (readonly string[])[] = [];
  private readonly renders = new Map<string, HostRender>();
  /** Renders computed (cache misses), for tests and logs. */
  misses = 0;

  constructor(private readonly documents: readonly ManifestDocument[]) {
    for (const { manifest } of documents) {
      if (manifest.kind === 'Host') {
        const name = manifest.metadata.name.toLowerCase();
        this.hostLabels.set(name, { ...this.hostLabels.get(name), ...manifest.spec.labels });
      } else if (manifest.spec.selector.hosts !== undefined) {
        this.namePatterns.push(manifest.spec.selector.hosts);
      }
    }
  }

  /** The key of a host's render inputs (see the module comment). */
  key(host: RenderInput): string {
    const labels = { ...host.labels, ...this.hostLabels.get(host.name.toLowerCase()) };
    const names = this.namePatterns.map((patterns) => (patterns.some((p) => matchesHostPattern(p, host.name)) ? '1' : '0')).join('');
    return `${names}|${canonicalJson(labels)}`;
  }

  /**
   * The host's render: `renderDesiredState(documents, host)`, computed once per distinct key
   * (`host` is this host's name; a shared render's `errors` list the host it was computed for).
   */
  render(host: RenderInput): HostRender {
    const key = this.key(host);
    const hit = this.renders.get(key);
    if (hit) return hit.host === host.name ? hit : { ...hit, host: host.name };
    this.misses++;
    const render = renderDesiredState(this.documents, host);
    this.renders.set(key, render);
    return render;
  }
}
