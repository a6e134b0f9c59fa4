'use client';
import { AdminSection } from '../../../../ui/admin/admin-tabs';
import { TokensAdmin } from '../../../../ui/admin/tokens-admin';

/** /admin/tokens/ — enrollment tokens (admins only; the server refuses others). */
export default function AdminTokensPage() {
  return (
    <AdminSection>
      <TokensAdmin />
    </AdminSection>
  );
}
