'use client';
import '../../../../ui/desired/desired.css';
import Link from 'next/link';
import { Suspense } from 'react';
import { useSearchParams } from 'next/navigation';
import { RevisionDiff } from '../../../../ui/desired/revision-diff';
import { Loading } from '../../../../ui/states';
import { useT } from '../../../../lib/prefs';

const num = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

function FromQuery() {
  const { t } = useT();
  const q = useSearchParams();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('desired.diff.title')}</h1>
        <span className="spacer" />
        <Link className="btn" href="/desired/">
          {t('desired.backToRevisions')}
        </Link>
      </div>
      <RevisionDiff from={num(q.get('from'))} to={num(q.get('to'))} />
    </div>
  );
}

/** /desired/diff/?from=A&to=B (without them: the two newest revisions) */
export default function DiffPage() {
  return (
    <Suspense fallback={<Loading />}>
      <FromQuery />
    </Suspense>
  );
}
