import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import type { Page, PeopleSort, PersonView, Sex } from '../../api/types.ts';
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
import { personNames } from './person-model.ts';

interface PeopleQuery {
  q: string;
  branchId: string;
  sex: Sex | '';
  includeArchived: boolean;
  sort: PeopleSort;
  page: number;
}

const PAGE_SIZE = 25;
const MEMORY_KEY = 'people-list';
const START: PeopleQuery = { q: '', branchId: '', sex: '', includeArchived: false, sort: 'relevance', page: 1 };

/** The people registry: search as you type in any script or spelling, filters, pages. */
export function PeopleListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const org = useOrganisation();
  const [query, setQuery] = useState<PeopleQuery>(() => recall(MEMORY_KEY, START));
  const q = useDebounced(query.q.trim(), 300);
  const namesVisible = user.fieldView !== 'deidentified';

  // Coming back from a person finds the list as it was; names typed never reach the URL or storage.
  useEffect(() => remember(MEMORY_KEY, query), [query]);

  const result = useResource(
    (signal) =>
      api.post<Page<PersonView>>(
        '/api/people/search',
        {
          q: namesVisible && q ? q : undefined,
          branchId: query.branchId || undefined,
          sex: query.sex || undefined,
          includeArchived: query.includeArchived,
          sort: query.sort,
          page: query.page,
          pageSize: PAGE_SIZE,
        },
        { signal },
      ),
    [q, query.branchId, query.sex, query.includeArchived, query.sort, query.page, namesVisible],
  );

  const update = (patch: Partial<PeopleQuery>) => setQuery((prev) => ({ ...prev, page: 1, ...patch }));

  const columns: Column<PersonView>[] = [];
  if (namesVisible) {
    columns.push({
      key: 'name',
      header: t('people.columns.name'),
      rowHeader: true,
      sort: { asc: 'name', desc: '-name' },
      render: (p) => {
        const names = personNames(p, locale);
        return (
          <>
            <Link to={`/people/${p.id}`}>{names.primary || p.reference}</Link>
            {names.secondary && (
              <span className="cell-secondary" lang={p.nameScript === 'cyrl' ? 'uz-Latn' : 'uz-Cyrl'}>
                {names.secondary}
              </span>
            )}
            {p.archivedAt && <span className="badge">{t('common.archived')}</span>}
          </>
        );
      },
    });
  }
  columns.push(
    {
      key: 'reference',
      header: t('people.columns.reference'),
      rowHeader: !namesVisible,
      render: (p) =>
        namesVisible ? (
          p.reference
        ) : (
          <>
            <Link to={`/people/${p.id}`}>{p.reference}</Link>
            {p.archivedAt && <span className="badge">{t('common.archived')}</span>}
          </>
        ),
    },
    { key: 'sex', header: t('person.fields.sex'), render: (p) => (p.sex ? t(`sex.${p.sex}`) : '') },
    {
      key: 'birth',
      header: birthHeader(t, user.fieldView),
      sort: user.fieldView === 'full' ? { asc: 'birthDate', desc: '-birthDate' } : undefined,
      render: (p) =>
        p.birthDate ? (
          <>
            {formatDate(locale, p.birthDate)}
            {p.birthDateEstimated && <span className="muted"> ({t('person.estimatedShort')})</span>}
          </>
        ) : p.ageBand ? (
          t('people.ageBand', { band: p.ageBand })
        ) : (
          ''
        ),
    },
    { key: 'branch', header: t('common.branch'), render: (p) => branchName(org.data, locale, p.branchId) },
  );
  if (user.fieldView !== 'partner') {
    columns.push({
      key: 'updated',
      header: t('common.updated'),
      sort: { asc: 'updatedAt', desc: '-updatedAt' },
      render: (p) => (p.updatedAt ? formatDateTime(locale, p.updatedAt) : ''),
    });
  }

  const sortOptions = (
    [
      ['relevance', t('people.sort.relevance')],
      ...(namesVisible ? ([['name', t('people.sort.name')], ['-name', t('people.sort.nameDesc')]] as const) : []),
      ...(user.fieldView === 'full' ? ([['birthDate', t('people.sort.birthDate')], ['-birthDate', t('people.sort.birthDateDesc')]] as const) : []),
      ['-updatedAt', t('people.sort.updated')],
    ] as const
  ).map(([value, label]) => ({ value, label }));

  return (
    <>
      <PageHeader
        title={t('people.title')}
        actions={
          can(user, 'person.create') && (
            <Link to="/people/new" className="button button--primary">
              {t('people.new')}
            </Link>
          )
        }
      />
      <form role="search" className="filters" aria-label={t('people.searchRegion')} onSubmit={(e) => e.preventDefault()}>
        {namesVisible ? (
          <TextField
            id="people-q"
            type="search"
            label={t('people.searchLabel')}
            hint={t('people.searchHint')}
            value={query.q}
            onChange={(text) => update({ q: text, sort: text.trim() ? 'relevance' : query.sort })}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            className="filters-search"
          />
        ) : (
          <p className="field-hint filters-search">{t('people.noNameSearch')}</p>
        )}
        <Select
          id="people-branch"
          label={t('common.branch')}
          value={query.branchId}
          emptyLabel={t('common.allBranches')}
          options={branchOptions(org.data, locale)}
          onChange={(branchId) => update({ branchId })}
        />
        <Select
          id="people-sex"
          label={t('person.fields.sex')}
          value={query.sex}
          emptyLabel={t('common.any')}
          options={[
            { value: 'female', label: t('sex.female') },
            { value: 'male', label: t('sex.male') },
          ]}
          onChange={(sex) => update({ sex: sex as Sex | '' })}
        />
        <Select id="people-sort" label={t('common.sortBy')} value={query.sort} options={sortOptions} onChange={(sort) => update({ sort: sort as PeopleSort })} />
        <Checkbox id="people-archived" label={t('common.includeArchived')} checked={query.includeArchived} onChange={(includeArchived) => update({ includeArchived })} />
      </form>
      {result.error !== undefined && <ErrorSummary message={errorText(t, result.error)} items={[]} />}
      <Table
        caption={t('people.tableCaption')}
        captionHidden
        columns={columns}
        rows={result.data?.items ?? []}
        rowKey={(p) => p.id}
        sort={query.sort}
        onSortChange={(sort) => update({ sort: sort as PeopleSort })}
        loading={result.loading}
        emptyText={query.q.trim() ? t('people.noMatches') : t('people.empty')}
      />
      {result.data && (
        <Pagination
          label={t('people.pagination')}
          page={query.page}
          pageSize={PAGE_SIZE}
          total={result.data.total}
          onPageChange={(page) => setQuery((prev) => ({ ...prev, page }))}
        />
      )}
    </>
  );
}

function birthHeader(t: (k: string) => string, view: string): string {
  return view === 'full' ? t('person.fields.birthDate') : t('people.columns.age');
}
