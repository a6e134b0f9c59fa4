'use client';
import { Suspense } from 'react';
import { AuditLog } from '../../../ui/audit/audit-log';
import { RequireRole } from '../../../ui/require-role';
import { Loading } from '../../../ui/states';

/** /audit/?actor=…&action=…&outcome=…&since=…&until=… (admins only; the server refuses others too). */
export default function AuditPage() {
  return (
    <RequireRole role="ADMIN">
      <Suspense fallback={<Loading />}>
        <AuditLog />
      </Suspense>
    </RequireRole>
  );
}
