/**
 * The DESIRED_STATE instruction's payload: a host's whole desired state, its hash, the manifest
 * revision it comes from, and for each artifact reference the store's digests and download URL.
 * The server builds it (api/reconciler), the agent validates it at its edge, keeps it on disk and
 * plans from it with the same {@link planHost} (the digests are the plan's `context.artifacts`).
 */
import { z } from 'zod';
import { type DesiredState, desiredStateSchema } from './desired-state.js';

export const artifactDownloadSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  url: z.string().min(1).max(4096),
});
export type ArtifactDownload = z.infer<typeof artifactDownloadSchema>;

export const desiredInstructionSchema = z.object({
  revision: z.int().nullable(),
  hash: z.string().max(128),
  desired: desiredStateSchema,
  /** By artifact reference (`name` or `name@version`) as the files name it. */
  artifacts: z.record(z.string().max(512), artifactDownloadSchema).default({}),
});
export type DesiredInstruction = Omit<z.output<typeof desiredInstructionSchema>, 'desired'> & { readonly desired: DesiredState };
