import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import type { HouseholdSort, HouseholdView, Page } from '../../api/types.ts';
import { useDebounced, useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { recall, remember } from '../../session/memory.ts';
import { can, useUser } from '../../session/session.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { Select } from '../../ui/select.tsx';
import { Pagination, Table, type Column } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { branchName, branchOptions, useOrganisation } from '../organisation/organisation.ts';

interface HouseholdQuery {
  q: string;
  branchId: string;
  includeArchived: boolean;
  sort: HouseholdSort;
  page: number;
}

const PAGE_SIZE = 25;
const MEMORY_KEY = 'household-list';
const START: HouseholdQuery = { q: '', branchId: '', includeArchived: false, sort: 'relevance', page: 1 };

/** Households: find by the household's name or any member's name, in any script. */
export function HouseholdListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const org = useOrganisation();
  const [query, setQuery] = useState<HouseholdQuery>(() => recall(MEMORY_KEY, START));
  const q = useDebounced(query.q.trim(), 300);
  const namesVisible = user.fieldView !== 'deidentified';
  useEffect(() => remember(MEMORY_KEY, query), [query]);

  const result = useResource(
    (signal) =>
      api.post<Page<HouseholdView>>(
        '/api/households/search',
        { q: namesVisible && q ? q : undefined, branchId: query.branchId || undefined, includeArchived: query.includeArchived, sort: query.sort, page: query.page, pageSize: PAGE_SIZE },
        { signal },
      ),
    [q, query.branchId, query.includeArchived, query.sort, query.page, namesVisible],
  );
  const update = (patch: Partial<HouseholdQuery>) => setQuery((prev) => ({ ...prev, page: 1, ...patch }));

  const columns: Column<HouseholdView>[] = [
    {
      key: 'name',
      header: t('households.fields.displayName'),
      rowHeader: true,
      sort: namesVisible ? { asc: 'name', desc: '-name' } : undefined,
      render: (h) => (
        <>
          <Link to={`/households/${h.id}`}>{h.displayName ?? h.reference}</Link>
          {h.archivedAt && <span className="badge">{t('common.archived')}</span>}
        </>
      ),
    },
    { key: 'reference', header: t('people.columns.reference'), render: (h) => h.reference },
    { key: 'members', header: t('households.members'), render: (h) => (h.memberCount === undefined ? '' : formatNumber(locale, h.memberCount)) },
    { key: 'branch', header: t('common.branch'), render: (h) => branchName(org.data, locale, h.branchId) },
    { key: 'updated', header: t('common.updated'), render: (h) => (h.updatedAt ? formatDateTime(locale, h.updatedAt) : '') },
  ];
  const sortOptions = [
    { value: 'relevance', label: t('people.sort.relevance') },
    ...(namesVisible ? [{ value: 'name', label: t('people.sort.name') }, { value: '-name', label: t('people.sort.nameDesc') }] : []),
    { value: '-updatedAt', label: t('people.sort.updated') },
  ];

  return (
    <>
      <PageHeader
        title={t('households.title')}
        actions={
          can(user, 'household.create') && (
            <Link to="/households/new" className="button button--primary">
              {t('households.new')}
            </Link>
          )
        }
      />
      <form role="search" className="filters" aria-label={t('households.searchRegion')} onSubmit={(e) => e.preventDefault()}>
        {namesVisible ? (
          <TextField
            id="households-q"
            type="search"
            label={t('households.searchLabel')}
            hint={t('people.searchHint')}
            value={query.q}
            onChange={(text) => update({ q: text })}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            className="filters-search"
          />
        ) : (
          <p className="field-hint filters-search">{t('people.noNameSearch')}</p>
        )}
        <Select id="households-branch" label={t('common.branch')} value={query.branchId} emptyLabel={t('common.allBranches')} options={branchOptions(org.data, locale)} onChange={(branchId) => update({ branchId })} />
        <Select id="households-sort" label={t('common.sortBy')} value={query.sort} options={sortOptions} onChange={(sort) => update({ sort: sort as HouseholdSort })} />
        <Checkbox id="households-archived" label={t('common.includeArchived')} checked={query.includeArchived} onChange={(includeArchived) => update({ includeArchived })} />
      </form>
      {result.error !== undefined && <ErrorSummary message={errorText(t, result.error)} items={[]} />}
      <Table
        caption={t('households.tableCaption')}
        captionHidden
        columns={columns}
        rows={result.data?.items ?? []}
        rowKey={(h) => h.id}
        sort={query.sort}
        onSortChange={(sort) => update({ sort: sort as HouseholdSort })}
        loading={result.loading}
        emptyText={query.q.trim() ? t('households.noMatches') : t('households.empty')}
      />
      {result.data && (
        <Pagination label={t('households.pagination')} page={query.page} pageSize={PAGE_SIZE} total={result.data.total} onPageChange={(page) => setQuery((prev) => ({ ...prev, page }))} />
      )}
    </>
  );
}
