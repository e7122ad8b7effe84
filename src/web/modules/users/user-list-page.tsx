import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format.ts';
import { ROLES, type Role } from '../../../shared/permissions.ts';
import { api } from '../../api/client.ts';
import type { Page, UserView } from '../../api/types.ts';
import { useDebounced, useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { LOCALE_NAMES } from '../../i18n/language.ts';
import { recall, remember } from '../../session/memory.ts';
import { Checkbox } from '../../ui/checkbox.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { Select } from '../../ui/select.tsx';
import { Pagination, Table, type Column } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { branchOptions, useOrganisation } from '../organisation/organisation.ts';

interface UserQuery {
  q: string;
  role: Role | '';
  branchId: string;
  includeDisabled: boolean;
  page: number;
}

const PAGE_SIZE = 25;
const MEMORY_KEY = 'user-list';
const START: UserQuery = { q: '', role: '', branchId: '', includeDisabled: false, page: 1 };

/** Accounts of the organisation, for administrators. */
export function UserListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const org = useOrganisation();
  const [query, setQuery] = useState<UserQuery>(() => recall(MEMORY_KEY, START));
  const q = useDebounced(query.q.trim(), 300);
  useEffect(() => remember(MEMORY_KEY, query), [query]);
  const result = useResource(
    (signal) =>
      api.post<Page<UserView>>(
        '/api/users/search',
        { q: q || undefined, role: query.role || undefined, branchId: query.branchId || undefined, includeDisabled: query.includeDisabled, page: query.page, pageSize: PAGE_SIZE },
        { signal },
      ),
    [q, query.role, query.branchId, query.includeDisabled, query.page],
  );
  const update = (patch: Partial<UserQuery>) => setQuery((prev) => ({ ...prev, page: 1, ...patch }));

  const columns: Column<UserView>[] = [
    {
      key: 'name',
      header: t('users.fields.displayName'),
      rowHeader: true,
      render: (u) => (
        <>
          <Link to={`/users/${u.id}`}>{u.displayName}</Link>
          <span className="cell-secondary">{u.email}</span>
        </>
      ),
    },
    { key: 'roles', header: t('users.roles'), render: (u) => [...new Set(u.assignments.map((a) => t(`roles.${a.role}`)))].join(', ') },
    { key: 'locale', header: t('users.fields.locale'), render: (u) => <span lang={u.locale}>{LOCALE_NAMES[u.locale]}</span> },
    {
      key: 'status',
      header: t('users.status'),
      render: (u) => (
        <>
          <span className={`badge ${u.disabledAt ? 'badge--warning' : 'badge--ok'}`}>{u.disabledAt ? t('users.disabled') : t('users.active')}</span>
          <span className="cell-secondary">{u.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</span>
        </>
      ),
    },
    { key: 'lastSignIn', header: t('users.lastSignIn'), render: (u) => (u.lastSignInAt ? formatDateTime(locale, u.lastSignInAt) : t('users.never')) },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Link to="/users/new" className="button button--primary">
            {t('users.new')}
          </Link>
        }
      />
      <form role="search" className="filters" aria-label={t('users.searchRegion')} onSubmit={(e) => e.preventDefault()}>
        <TextField id="users-q" type="search" label={t('users.searchLabel')} value={query.q} onChange={(text) => update({ q: text })} autoComplete="off" spellCheck={false} maxLength={100} className="filters-search" />
        <Select id="users-role" label={t('users.role')} value={query.role} emptyLabel={t('common.any')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} onChange={(role) => update({ role: role as Role | '' })} />
        <Select id="users-branch" label={t('common.branch')} value={query.branchId} emptyLabel={t('common.allBranches')} options={branchOptions(org.data, locale)} onChange={(branchId) => update({ branchId })} />
        <Checkbox id="users-disabled" label={t('users.includeDisabled')} checked={query.includeDisabled} onChange={(includeDisabled) => update({ includeDisabled })} />
      </form>
      {result.error !== undefined && <ErrorSummary message={errorText(t, result.error)} items={[]} />}
      <Table caption={t('users.tableCaption')} captionHidden columns={columns} rows={result.data?.items ?? []} rowKey={(u) => u.id} loading={result.loading} emptyText={t('users.empty')} />
      {result.data && <Pagination label={t('users.pagination')} page={query.page} pageSize={PAGE_SIZE} total={result.data.total} onPageChange={(page) => setQuery((prev) => ({ ...prev, page }))} />}
    </>
  );
}
