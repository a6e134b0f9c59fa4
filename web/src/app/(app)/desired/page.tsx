'use client';
import '../../../ui/desired/desired.css';
import { Suspense } from 'react';
import { DesiredHome } from '../../../ui/desired/revisions-list';
import { Loading } from '../../../ui/states';

/** /desired/: the rollout (live) and the revisions. */
export default function DesiredPage() {
  return (
    <Suspense fallback={<Loading />}>
      <DesiredHome />
    </Suspense>
  );
}
