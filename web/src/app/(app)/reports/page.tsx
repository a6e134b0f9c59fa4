'use client';
import { Suspense } from 'react';
import { ReportsPage } from '../../../ui/reports/reports-page';
import { Loading } from '../../../ui/states';

/** /reports/?kind=availability|resources|restarts|cron|commands&from=…&to=…&by=…&l=…&per=… */
export default function Reports() {
  return (
    <Suspense fallback={<Loading />}>
      <ReportsPage />
    </Suspense>
  );
}
