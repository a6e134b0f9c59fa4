'use client';
import { Suspense } from 'react';
import { RunCommand } from '../../../ui/jobs/run-command';
import { Loading } from '../../../ui/states';

export default function RunPage() {
  return (
    <Suspense fallback={<Loading />}>
      <RunCommand />
    </Suspense>
  );
}
