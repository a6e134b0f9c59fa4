'use client';
import { useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { Role, UsersQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/prefs';
import { useSession } from '../../lib/session';
import { ConfirmButton } from '../confirm-button';
import { Empty, ErrorBox, errorMessage, Loading, Panel } from '../states';
import { TablePanel } from './table-panel';
import { parseAllowList } from './admin-text';

/** A row action the table awaits. */
type Pending = Promise<unknown>;

const UsersDoc = graphql(`
  query Users {
    users {
      id
      username
      role
      allowList
      disabled
      locked
      createdAt
      updatedAt
    }
  }
`);
const CreateUserDoc = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
    }
  }
`);
const UpdateUserDoc = graphql(`
  mutation UpdateUser($username: String!, $input: UpdateUserInput!) {
    updateUser(username: $username, input: $input) {
      id
      username
      role
      allowList
      disabled
      updatedAt
    }
  }
`);
const DeleteUserDoc = graphql(`
  mutation DeleteUser($username: String!) {
    deleteUser(username: $username) {
      id
    }
  }
`);
const UnlockUserDoc = graphql(`
  mutation UnlockUser($username: String!) {
    unlockUser(username: $username) {
      id
      locked
    }
  }
`);

const ROLES: readonly Role[] = ['VIEWER', 'OPERATOR', 'ADMIN'];
const ROLE_TONE: Record<Role, string> = { ADMIN: 'bad', OPERATOR: 'info', VIEWER: 'muted' };
type User = UsersQuery['users'][number];

/** What happened last, shown above the table (a server refusal is its message, as text). */
type Outcome = { ok: true; text: string } | { ok: false; error: CombinedError | string } | undefined;

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return outcome.ok ? (
    <p className="ok-notice" role="status" data-testid="admin-outcome">
      {outcome.text}
    </p>
  ) : (
    <ErrorBox error={outcome.error} />
  );
}

/** /admin/ — users: create, role, allow-list, disabled, password reset, unlock, delete. */
export function UsersAdmin() {
  const { t, language, utc } = useT();
  const me = useSession();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: UsersDoc, requestPolicy: 'cache-and-network' });
  const [, updateUser] = useMutation(UpdateUserDoc);
  const [, deleteUser] = useMutation(DeleteUserDoc);
  const [, unlockUser] = useMutation(UnlockUserDoc);
  const [editing, setEditing] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const report = (r: { error?: CombinedError }, text: string) => {
    setOutcome(r.error ? { ok: false, error: r.error } : { ok: true, text });
    if (!r.error) refresh();
    return !r.error;
  };

  return (
    <div className="admin-grid">
      <CreateUserForm
        onCreated={(name) => {
          setOutcome({ ok: true, text: t('admin.users.createdUser', { name }) });
          refresh();
        }}
      />
      <div className="page">
        <OutcomeLine outcome={outcome} />
        <TablePanel title={t('admin.users.list')}>
          {error ? <ErrorBox error={error} onRetry={refresh} /> : null}
          {!data && fetching ? <Loading /> : null}
          {data && data.users.length === 0 ? <Empty>{t('admin.users.none')}</Empty> : null}
          {data && data.users.length > 0 ? (
            <table className="table compact" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.users.username')}</th>
                  <th scope="col">{t('admin.users.role')}</th>
                  <th scope="col">{t('admin.users.allowList')}</th>
                  <th scope="col">{t('admin.users.state')}</th>
                  <th scope="col">{t('admin.users.created')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('admin.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.users.map((u) => (
                  <UserRows
                    key={u.id}
                    user={u}
                    self={u.username === me.username}
                    editing={editing === u.username}
                    onEdit={() => setEditing(editing === u.username ? undefined : u.username)}
                    onSave={async (input) => {
                      const r = await updateUser({ username: u.username, input });
                      if (report(r, t('admin.users.saved', { name: u.username }))) setEditing(undefined);
                    }}
                    onUnlock={async () => report(await unlockUser({ username: u.username }), t('admin.users.unlocked', { name: u.username }))}
                    onDelete={async () => report(await deleteUser({ username: u.username }), t('admin.users.deleted', { name: u.username }))}
                    created={formatDateTime(u.createdAt, language, utc)}
                  />
                ))}
              </tbody>
            </table>
          ) : null}
        </TablePanel>
      </div>
    </div>
  );
}

interface UserChanges {
  role?: Role;
  allowList?: string[];
  disabled?: boolean;
  password?: string;
}

function UserRows({ user, self, editing, onEdit, onSave, onUnlock, onDelete, created }: { user: User; self: boolean; editing: boolean; onEdit: () => void; onSave: (c: UserChanges) => Pending; onUnlock: () => Pending; onDelete: () => Pending; created: string }) {
  const { t } = useT();
  return (
    <>
      <tr data-user={user.username}>
        <td className="mono">
          {user.username}
          {self ? <span className="muted small"> · {t('admin.users.you')}</span> : null}
        </td>
        <td>
          <span className={`badge tone-${ROLE_TONE[user.role]}`}>{t(`role.${user.role}`)}</span>
        </td>
        <td>{user.allowList.length === 0 ? <span className="muted">{t('admin.users.anywhere')}</span> : <span className="cell-list">{user.allowList.map((c) => <span key={c} className="chip">{c}</span>)}</span>}</td>
        <td>
          {user.disabled ? <span className="badge tone-bad">{t('admin.users.disabled')}</span> : <span className="badge tone-ok">{t('admin.users.active')}</span>}
          {user.locked ? (
            <>
              {' '}
              <span className="badge tone-warn" title={t('admin.users.lockedHint')} data-testid={`locked-${user.username}`}>
                {t('admin.users.locked')}
              </span>
            </>
          ) : null}
        </td>
        <td className="nowrap">{created}</td>
        <td className="actions-cell">
          <span className="row-actions">
            <button type="button" className="btn btn-small" onClick={onEdit} aria-expanded={editing} data-testid={`edit-${user.username}`}>
              {t('admin.users.edit')}
            </button>
            {user.locked ? (
              <button type="button" className="btn btn-small" onClick={() => void onUnlock()} data-testid={`unlock-${user.username}`}>
                {t('admin.users.unlock')}
              </button>
            ) : null}
            {self ? null : <ConfirmButton label={t('admin.users.delete')} question={t('admin.users.deleteQuestion', { name: user.username })} onConfirm={() => void onDelete()} testId={`delete-${user.username}`} />}
          </span>
        </td>
      </tr>
      {editing ? (
        <tr className="edit-row">
          <td colSpan={6}>
            <EditUser user={user} self={self} onSave={onSave} onCancel={onEdit} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function EditUser({ user, self, onSave, onCancel }: { user: User; self: boolean; onSave: (c: UserChanges) => Pending; onCancel: () => void }) {
  const { t } = useT();
  const [role, setRole] = useState<Role>(user.role);
  const [allow, setAllow] = useState(user.allowList.join(', '));
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const changes: UserChanges = {};
  if (role !== user.role) changes.role = role;
  const list = parseAllowList(allow);
  if (list.join(',') !== user.allowList.join(',')) changes.allowList = list;
  if (disabled !== user.disabled) changes.disabled = disabled;
  if (password) changes.password = password;
  const changed = Object.keys(changes).length > 0;
  return (
    <form
      className="edit-grid"
      aria-label={t('admin.users.editing', { name: user.username })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!changed) return;
        setBusy(true);
        void onSave(changes).finally(() => setBusy(false));
      }}
    >
      <label className="field">
        <span>{t('admin.users.role')}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={self} data-testid="edit-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>
          {t('admin.users.allowList')} <span className="hint">{t('admin.users.allowListHint')}</span>
        </span>
        <textarea rows={2} value={allow} onChange={(e) => setAllow(e.target.value)} placeholder="10.0.0.0/8, 192.168.1.5/32" />
      </label>
      <label className="field">
        <span>
          {t('admin.users.newPassword')} <span className="hint">{t('admin.users.newPasswordHint')}</span>
        </span>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <div className="edit-actions">
        <label className="field check">
          <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} disabled={self} /> {t('admin.users.disableUser')}
        </label>
        {changes.role || changes.password || changes.allowList || changes.disabled !== undefined ? <p className="muted small edit-note">{t('admin.users.sessionsEnd')}</p> : null}
        <div className="btn-row">
          <button type="submit" className="btn btn-primary btn-small" disabled={!changed || busy} data-testid="edit-save">
            {t('admin.save')}
          </button>
          <button type="button" className="btn btn-small" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = useT();
  const [, createUser] = useMutation(CreateUserDoc);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [allow, setAllow] = useState('');
  const [disabled, setDisabled] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Panel title={t('admin.users.create')}>
      <form
        className="admin-form"
        data-testid="create-user"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setFailure(undefined);
          void createUser({ input: { username: username.trim(), password, role, allowList: parseAllowList(allow), disabled } }).then((r) => {
            setBusy(false);
            if (r.error) return setFailure(errorMessage(r.error));
            onCreated(username.trim());
            setUsername('');
            setPassword('');
            setAllow('');
            setDisabled(false);
          });
        }}
      >
        <label className="field">
          <span>{t('admin.users.username')}</span>
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" required data-testid="new-username" />
        </label>
        <label className="field">
          <span>{t('admin.users.password')}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required data-testid="new-password" />
        </label>
        <label className="field">
          <span>{t('admin.users.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="new-role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>
            {t('admin.users.allowList')} <span className="hint">{t('admin.users.allowListHint')}</span>
          </span>
          <textarea rows={2} value={allow} onChange={(e) => setAllow(e.target.value)} placeholder="10.0.0.0/8, 192.168.1.5/32" />
        </label>
        <label className="field check">
          <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} /> {t('admin.users.createDisabled')}
        </label>
        {failure ? (
          <p className="form-error" role="alert">
            {failure}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy || !username.trim() || !password} data-testid="create-user-submit">
          {t('admin.users.createButton')}
        </button>
      </form>
    </Panel>
  );
}
