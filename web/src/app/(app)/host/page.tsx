'use client';
import { Suspense } from 'react';
import { useSearchParams } from 'next/navigation';
import { HostDetail } from '../../../ui/host/host-detail';
import { Loading } from '../../../ui/states';

function FromQuery() {
  const name = useSearchParams().get('name') ?? '';
  return <HostDetail name={name} />;
}

/** /host/?name=NAME — the static export has one file for every host. */
export default function HostPage() {
  return (
    <Suspense fallback={<Loading />}>
      <FromQuery />
    </Suspense>
  );
}
