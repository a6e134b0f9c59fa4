'use client';
import { Suspense } from 'react';
import { useSearchParams } from 'next/navigation';
import { JobLive } from '../../../ui/jobs/job-live';
import { ErrorBox, Loading } from '../../../ui/states';
import { useT } from '../../../lib/prefs';

function FromQuery() {
  const { t } = useT();
  const id = useSearchParams().get('id') ?? '';
  return (
    <div className="page">
      <h1>{t('jobs.jobNumber', { id })}</h1>
      {id ? <JobLive id={id} /> : <ErrorBox error={t('jobs.noId')} />}
    </div>
  );
}

/** /job/?id=ID */
export default function JobPage() {
  return (
    <Suspense fallback={<Loading />}>
      <FromQuery />
    </Suspense>
  );
}
