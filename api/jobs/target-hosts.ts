import type { EntityManager } from '@mikro-orm/core';
import { compileTarget } from '../../manifests/index.js';
import { badInput } from '../errors.js';
import { scanHosts } from '../hosts/host-scan.js';

/** A host a new job targets. */
export interface TargetHost {
  readonly id: number;
  readonly name: string;
}

/**
 * The enrolled, not revoked hosts a job's selector or host patterns match, by name, from plain
 * rows (ids, names, labels): no entity per host. A fleet-wide job read through the ORM would
 * track every host, inventory included, in the request's entity manager, and each flush of the
 * submission's transaction would compare them all.
 */
export async function targetHosts(em: EntityManager, target: { readonly selector?: string; readonly hosts?: readonly string[] }): Promise<TargetHost[]> {
  let matches: ReturnType<typeof compileTarget>;
  try {
    matches = compileTarget({ selector: target.selector, hosts: target.hosts ? [...target.hosts] : undefined });
  } catch (err) {
    throw badInput(err instanceof Error ? err.message : String(err));
  }
  // `now` and the alive window only decide `alive`, which targeting does not read.
  const views = await scanHosts(em, { labels: true }, new Date(0), 0);
  return views.filter((h) => !h.revoked && matches({ name: h.name, labels: h.labels })).map((h) => ({ id: h.id, name: h.name }));
}
