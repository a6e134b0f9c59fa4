/**
 * The DESIRED_STATE instruction's payload: a host's whole desired state, its hash, the manifest
 * revision it comes from, and for each artifact reference the store's digests and download URL.
 * The envelope is the wire protocol's ({@link desiredStatePayloadSchema}); `desired` is checked
 * here with the resource schema. The server builds it (api/reconciler), the agent validates it
 * at its edge, keeps it on disk and plans from it with the same `planHost` (the digests are the
 * plan's `context.artifacts`).
 */
import type { z } from 'zod';
import { desiredStatePayloadSchema } from '../protocol/instruction.schema.js';
import { type DesiredState, desiredStateSchema } from './desired-state.js';

export { artifactDownloadSchema, type ArtifactDownload } from '../protocol/command.schema.js';

export const desiredInstructionSchema = desiredStatePayloadSchema.extend({ desired: desiredStateSchema });
export type DesiredInstruction = Omit<z.output<typeof desiredInstructionSchema>, 'desired'> & { readonly desired: DesiredState };
