'use client';
import '../../../../ui/desired/desired.css';
import { Suspense } from 'react';
import { useSearchParams } from 'next/navigation';
import { RevisionDetail } from '../../../../ui/desired/revision-detail';
import { ErrorBox, Loading } from '../../../../ui/states';
import { useT } from '../../../../lib/prefs';

function FromQuery() {
  const { t } = useT();
  const raw = useSearchParams().get('id') ?? '';
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  return <div className="page">{id ? <RevisionDetail id={id} /> : <ErrorBox error={t('desired.revision.noId')} />}</div>;
}

/** /desired/revision/?id=N */
export default function RevisionPage() {
  return (
    <Suspense fallback={<Loading />}>
      <FromQuery />
    </Suspense>
  );
}
