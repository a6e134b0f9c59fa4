'use client';
import { Suspense } from 'react';
import { HostsTable } from '../../../ui/hosts/hosts-table';
import { Loading } from '../../../ui/states';

export default function HostsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <HostsTable />
    </Suspense>
  );
}
