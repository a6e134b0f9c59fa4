'use client';
import { Suspense } from 'react';
import { JobsList } from '../../../ui/jobs/jobs-list';
import { Loading } from '../../../ui/states';

export default function JobsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <JobsList />
    </Suspense>
  );
}
