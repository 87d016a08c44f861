import { ROLES, type Role } from '@ilteo/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useOrganisation } from '../api/queries';
import type { UserRow } from '../api/types';
import { FilterActions, ResultCount } from '../components/filters';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { SortHeader, type SortOrder } from '../components/SortHeader';
import { EmptyState, ErrorNotice, Loading, Notice } from '../components/status';
import { useUnitName } from '../components/useOrgName';
import { type UserSort, type UsersQuery, useUsers } from '../features/users/api';
import { CreateUserModal } from '../features/users/CreateUserModal';
import { EditUserModal } from '../features/users/EditUserModal';
import { searchOf, usersQueryFrom } from '../features/users/query';
import { ResetPasswordModal } from '../features/users/ResetPasswordModal';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';

/** An email that may wrap after the @, never inside a word. */
function Email({ address }: { address: string }) {
  const at = address.indexOf('@');
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />@{address.slice(at + 1)}
    </>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'reset'; user: UserRow } | null;

/** Admin: find, add and change users. */
export function AdminUsersPage() {
  const { locale, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = usersQueryFrom(params);
  const users = useUsers(query);
  const organisation = useOrganisation();
  const unitName = useUnitName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const [q, setQ] = useState(query.q);
  const [role, setRole] = useState<Role | ''>(query.role);

  // Back and forward change the URL; the filter inputs follow it.
  useEffect(() => {
    setQ(query.q);
    setRole(query.role);
  }, [query.q, query.role]);

  const go = (next: Partial<UsersQuery>) => setParams(new URLSearchParams(searchOf({ ...query, ...next })));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go({ q: q.trim(), role, page: 1 });
  };
  const onReset = () => {
    setQ('');
    setRole('');
    setParams(new URLSearchParams());
  };
  const onSort = (field: string, order: SortOrder) => go({ sort: field as UserSort, order, page: 1 });
  const units = organisation.data?.units ?? [];

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <p className="lead">{t('users.lead')}</p>

      <search aria-label={t('users.filters')}>
        <form className="filter-bar" onSubmit={onSearch}>
          <div className="form-group">
            <div className="form-tit">
              <label htmlFor="users-q">{t('users.q')}</label>
            </div>
            <div className="form-conts">
              <input
                id="users-q"
                className="krds-input"
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t('users.qHint')}
                maxLength={100}
              />
            </div>
          </div>
          <div className="form-group">
            <div className="form-tit">
              <label htmlFor="users-role">{t('field.role')}</label>
            </div>
            <div className="form-conts">
              <select
                id="users-role"
                className={role ? 'krds-form-select completed' : 'krds-form-select'}
                value={role}
                onChange={(e) => setRole(e.target.value as Role | '')}
              >
                <option value="">{t('common.all')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FilterActions onReset={onReset} />
        </form>
      </search>

      <div className="toolbar">
        <ResultCount total={users.data?.total} />
        <button
          type="button"
          className="krds-btn medium secondary"
          onClick={() => {
            setDone(null);
            setDialog({ kind: 'create' });
          }}
        >
          {t('users.add')}
        </button>
      </div>

      {done && (
        <Notice tone="success" live>
          {done}
        </Notice>
      )}
      {users.isError && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      {users.isPending && <Loading />}
      {users.data && (
        <div className="krds-table-wrap" aria-busy={users.isFetching}>
          <table className="tbl col data users-table" data-testid="users-table">
            <caption>{t('users.caption')}</caption>
            <thead>
              <tr>
                <SortHeader
                  label={t('users.col.name')}
                  field="name"
                  sort={query.sort}
                  order={query.order}
                  onSort={onSort}
                />
                <SortHeader
                  label={t('users.col.email')}
                  field="email"
                  sort={query.sort}
                  order={query.order}
                  onSort={onSort}
                />
                <SortHeader
                  label={t('users.col.role')}
                  field="role"
                  sort={query.sort}
                  order={query.order}
                  onSort={onSort}
                />
                <th scope="col">{t('users.col.units')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">{t('users.col.lastSignIn')}</th>
                <SortHeader
                  label={t('users.col.createdAt')}
                  field="createdAt"
                  sort={query.sort}
                  order={query.order}
                  onSort={onSort}
                />
                <th scope="col">{t('users.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.length === 0 ? (
                <tr>
                  <td colSpan={8}>
                    <EmptyState />
                  </td>
                </tr>
              ) : (
                users.data.items.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">{user.name}</th>
                    <td>
                      <Email address={user.email} />
                    </td>
                    <td>{t(`role.${user.role}`)}</td>
                    <td>{user.units.length ? user.units.map(unitName).join(', ') : '—'}</td>
                    <td>
                      <span
                        className={
                          user.status === 'active'
                            ? 'krds-badge bg-light-success'
                            : 'krds-badge bg-light-gray'
                        }
                      >
                        {t(`status.${user.status}`)}
                      </span>
                    </td>
                    <td>
                      {user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : t('common.none')}
                    </td>
                    <td>{formatDate(user.createdAt, locale)}</td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="krds-btn xsmall secondary"
                          aria-label={t('users.editOf', { name: user.name })}
                          onClick={() => {
                            setDone(null);
                            setDialog({ kind: 'edit', user });
                          }}
                        >
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="krds-btn xsmall tertiary"
                          aria-label={t('users.resetPasswordOf', { name: user.name })}
                          onClick={() => {
                            setDone(null);
                            setDialog({ kind: 'reset', user });
                          }}
                        >
                          {t('users.resetPassword')}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {users.data && (
        <Pagination
          page={users.data.page}
          pageSize={users.data.pageSize}
          total={users.data.total}
          searchFor={(page) => searchOf({ ...query, page })}
        />
      )}

      {dialog?.kind === 'create' && (
        <CreateUserModal
          units={units}
          onClose={() => setDialog(null)}
          onCreated={(name) => {
            setDialog(null);
            setDone(t('users.created', { name }));
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditUserModal
          user={dialog.user}
          units={units}
          onClose={() => setDialog(null)}
          onSaved={(name) => {
            setDialog(null);
            setDone(t('users.updated', { name }));
          }}
        />
      )}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}
