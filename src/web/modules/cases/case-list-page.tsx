import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATUSES, RISK_LEVELS, type CaseStatus, type RiskLevel } from '../../../shared/cases/case-codes.ts';
import { formatDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
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
import { CASE_SORTS, type CaseSort, type CaseView } from './case-types.ts';
import { OverdueBadge, RiskBadge, StatusBadge } from './case-ui.tsx';

interface CaseQuery {
  q: string;
  view: 'all' | 'mine' | 'my_teams';
  status: CaseStatus | '' | 'open';
  risk: RiskLevel | '';
  workerId: string;
  branchId: string;
  overdue: boolean;
  sort: CaseSort;
  page: number;
}

const PAGE_SIZE = 25;
const MEMORY_KEY = 'case-list';
const START: CaseQuery = { q: '', view: 'all', status: '', risk: '', workerId: '', branchId: '', overdue: false, sort: '-updatedAt', page: 1 };
const OPEN: CaseStatus[] = ['referred', 'screening', 'enrolled', 'assessed', 'plan_approved', 'active', 'graduation_review', 'suspended'];

/** A query from the address (links from the dashboard), else the last one used in this session. */
function initialQuery(params: URLSearchParams): CaseQuery {
  if (![...params.keys()].length) return recall(MEMORY_KEY, START);
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback);
  return {
    ...START,
    view: pick(params.get('view'), ['all', 'mine', 'my_teams'] as const, 'all'),
    status: pick(params.get('status'), [...CASE_STATUSES, 'open'] as const, ''),
    risk: pick(params.get('risk'), RISK_LEVELS, '' as RiskLevel),
    workerId: params.get('worker') ?? '',
    branchId: params.get('branch') ?? '',
    overdue: params.get('overdue') === '1',
  };
}

/** Family cases: a caseload, a team's cases or every case in reach; by status, risk, worker, branch and overdue work. */
export function CaseListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const org = useOrganisation();
  const [params] = useSearchParams();
  const [query, setQuery] = useState<CaseQuery>(() => initialQuery(params));
  const q = useDebounced(query.q.trim(), 300);
  const namesVisible = user.fieldView !== 'deidentified';
  useEffect(() => remember(MEMORY_KEY, query), [query]);

  const result = useResource(
    (signal) =>
      api.post<Page<CaseView>>(
        '/api/cases/search',
        {
          q: q && (namesVisible || /^FS-/i.test(q)) ? q : undefined,
          view: query.view,
          status: query.status === 'open' ? OPEN : query.status ? [query.status] : undefined,
          riskLevel: query.risk ? [query.risk] : undefined,
          assignedWorkerId: query.workerId || undefined,
          branchId: query.branchId || undefined,
          overdue: query.overdue || undefined,
          sort: query.sort,
          page: query.page,
          pageSize: PAGE_SIZE,
        },
        { signal },
      ),
    [q, query.view, query.status, query.risk, query.workerId, query.branchId, query.overdue, query.sort, query.page, namesVisible],
  );
  const update = (patch: Partial<CaseQuery>) => setQuery((prev) => ({ ...prev, page: 1, ...patch }));

  const columns: Column<CaseView>[] = [
    {
      key: 'number',
      header: t('cases.list.case'),
      rowHeader: true,
      sort: { asc: 'caseNumber', desc: '-caseNumber' },
      render: (c) => (
        <>
          <Link to={`/cases/${c.id}`} className="case-number">
            {c.caseNumber}
          </Link>
          {c.householdName && <span className="cell-secondary">{c.householdName}</span>}
        </>
      ),
    },
    { key: 'status', header: t('cases.fields.status'), render: (c) => <StatusBadge status={c.status} /> },
    { key: 'risk', header: t('cases.fields.riskLevel'), render: (c) => <RiskBadge risk={c.riskLevel} /> },
    { key: 'worker', header: t('common.assignedWorker'), render: (c) => c.assignedWorkerName ?? (c.assignedWorkerId ? t('common.anotherWorker') : t('common.unassigned')) },
    {
      key: 'review',
      header: t('cases.fields.nextReviewOn'),
      render: (c) =>
        c.nextReviewOn ? (
          <>
            <span className="nowrap">{formatDate(locale, c.nextReviewOn)}</span> {c.reviewOverdue && <OverdueBadge />}
          </>
        ) : (
          ''
        ),
    },
    { key: 'opened', header: t('cases.fields.openedOn'), sort: { asc: 'openedOn', desc: '-openedOn' }, render: (c) => formatDate(locale, c.openedOn) },
    { key: 'branch', header: t('common.branch'), render: (c) => branchName(org.data, locale, c.branchId) },
  ];
  const sortOptions = CASE_SORTS.map((s) => ({ value: s, label: t(`cases.list.sort.${s}`) }));
  const workers = (org.data?.workers ?? []).filter((w) => !query.branchId || w.branchIds.includes(query.branchId)).map((w) => ({ value: w.id, label: w.displayName }));

  return (
    <>
      <PageHeader
        title={t('cases.list.title')}
        actions={
          <>
            {can(user, 'case.create') && (
              <Link to="/cases/new" className="button button--primary">
                {t('cases.open.button')}
              </Link>
            )}
            {can(user, 'casework.write') && (
              <Link to="/cases/group-session" className="button button--secondary">
                {t('cases.group.button')}
              </Link>
            )}
            <Link to="/cases/dashboard" className="button button--secondary">
              {t('cases.dashboard.title')}
            </Link>
          </>
        }
      />
      <form role="search" className="filters filters--cases" aria-label={t('cases.list.searchRegion')} onSubmit={(e) => e.preventDefault()}>
        <TextField
          id="cases-q"
          type="search"
          label={namesVisible ? t('cases.list.searchLabel') : t('cases.list.searchNumberLabel')}
          hint={t('cases.list.searchHint')}
          value={query.q}
          onChange={(text) => update({ q: text })}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          className="filters-search"
        />
        <Select
          id="cases-view"
          label={t('cases.list.view')}
          value={query.view}
          options={(['all', 'mine', 'my_teams'] as const).map((v) => ({ value: v, label: t(`cases.list.views.${v}`) }))}
          onChange={(v) => update({ view: v as CaseQuery['view'] })}
        />
        <Select
          id="cases-status"
          label={t('cases.fields.status')}
          value={query.status}
          emptyLabel={t('common.any')}
          options={[{ value: 'open', label: t('cases.list.openStatuses') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))]}
          onChange={(v) => update({ status: v as CaseQuery['status'] })}
        />
        <Select id="cases-risk" label={t('cases.fields.riskLevel')} value={query.risk} emptyLabel={t('common.any')} options={RISK_LEVELS.map((r) => ({ value: r, label: t(`cases.risk.${r}`) }))} onChange={(v) => update({ risk: v as RiskLevel | '' })} />
        <Select id="cases-worker" label={t('common.assignedWorker')} value={query.workerId} emptyLabel={t('common.any')} options={workers} onChange={(workerId) => update({ workerId })} />
        <Select id="cases-branch" label={t('common.branch')} value={query.branchId} emptyLabel={t('common.allBranches')} options={branchOptions(org.data, locale)} onChange={(branchId) => update({ branchId })} />
        <Select id="cases-sort" label={t('common.sortBy')} value={query.sort} options={sortOptions} onChange={(sort) => update({ sort: sort as CaseSort })} />
        <Checkbox id="cases-overdue" label={t('cases.list.overdueOnly')} checked={query.overdue} onChange={(overdue) => update({ overdue })} />
      </form>
      {result.error !== undefined && <ErrorSummary message={errorText(t, result.error)} items={[]} />}
      <Table
        caption={t('cases.list.tableCaption')}
        captionHidden
        columns={columns}
        rows={result.data?.items ?? []}
        rowKey={(c) => c.id}
        sort={query.sort}
        onSortChange={(sort) => update({ sort: sort as CaseSort })}
        loading={result.loading}
        emptyText={t('cases.list.empty')}
      />
      {result.data && <Pagination label={t('cases.list.pagination')} page={query.page} pageSize={PAGE_SIZE} total={result.data.total} onPageChange={(page) => setQuery((prev) => ({ ...prev, page }))} />}
    </>
  );
}
