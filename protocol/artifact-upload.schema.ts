import { z } from 'zod';
import { byteCount, isoTimestamp } from './primitives.js';

/**
 * The body of a successful `PUT /artifacts/:name` (api/artifacts/artifact-routes.ts): the
 * version the server registered, 201 when it is new, 200 when the identical content was already
 * there. The CLI validates it with this schema; the dashboard's uploader uses the type.
 */
export const uploadedArtifactSchema = z.object({
  name: z.string(),
  version: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  sizeBytes: byteCount,
  uploadedBy: z.string(),
  createdAt: isoTimestamp,
  /** False when the same name@version already held these bytes. */
  created: z.boolean(),
});

export type UploadedArtifact = z.infer<typeof uploadedArtifactSchema>;
