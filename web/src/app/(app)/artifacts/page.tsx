'use client';
import { ArtifactsPage } from '../../../ui/artifacts/artifacts-page';

/** /artifacts/: the artifact whitelist, uploads and deletions. */
export default function Artifacts() {
  return <ArtifactsPage />;
}
