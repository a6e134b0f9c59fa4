'use client';
import { ArtifactsPage } from '../../../ui/artifacts/artifacts-page';

/** /artifact-store/ (the API owns /artifacts/…, Next would fetch its page data there): the artifact whitelist, uploads and deletions. */
export default function Artifacts() {
  return <ArtifactsPage />;
}
