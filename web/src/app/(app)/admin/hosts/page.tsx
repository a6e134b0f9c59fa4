'use client';
import { AdminSection } from '../../../../ui/admin/admin-tabs';
import { HostsAdmin } from '../../../../ui/admin/hosts-admin';

/** /admin/hosts/ — host labels and revocation (admins only here; the server also checks). */
export default function AdminHostsPage() {
  return (
    <AdminSection>
      <HostsAdmin />
    </AdminSection>
  );
}
