'use client';
import { AdminSection } from '../../../ui/admin/admin-tabs';
import { UsersAdmin } from '../../../ui/admin/users-admin';

/** /admin/ — users (admins only; the server refuses every user mutation to others). */
export default function AdminUsersPage() {
  return (
    <AdminSection>
      <UsersAdmin />
    </AdminSection>
  );
}
