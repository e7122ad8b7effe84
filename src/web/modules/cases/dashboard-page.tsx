import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES, RISK_LEVELS } from '../../../shared/cases/case-codes.ts';
import { formatDateLong, formatNumber } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Select } from '../../ui/select.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { branchOptions, useOrganisation } from '../organisation/organisation.ts';
import { OPEN_STATUSES } from './case-model.ts';
import { WORK_ITEM_KINDS, type Dashboard } from './case-types.ts';
import { Bar, Section } from './case-ui.tsx';

/** The supervisor's view of a branch: caseload per worker, the risk mix, overdue work and cases by status. */
export function DashboardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const org = useOrganisation();
  const [branchId, setBranchId] = useState('');
  const data = useResource((signal) => api.get<Dashboard>(`/api/cases/dashboard${branchId ? `?branchId=${branchId}` : ''}`, { signal }), [branchId]);
  const n = (x: number) => formatNumber(locale, x);
  const d = data.data;
  const openCount = d ? OPEN_STATUSES.reduce((sum, s) => sum + d.byStatus[s], 0) : 0;
  const overdueTotal = d ? WORK_ITEM_KINDS.reduce((sum, k) => sum + (k === 'approval_pending' ? 0 : d.overdue[k]), 0) : 0;
  const riskMax = d ? Math.max(1, ...RISK_LEVELS.map((r) => d.riskMix[r])) : 1;
  const statusMax = d ? Math.max(1, ...CASE_STATUSES.map((s) => d.byStatus[s])) : 1;
  const branchQuery = branchId ? `&branch=${branchId}` : '';

  return (
    <>
      <PageHeader
        title={t('cases.dashboard.title')}
        subtitle={d ? t('cases.dashboard.asOf', { date: formatDateLong(locale, d.today) }) : undefined}
        breadcrumbs={<Breadcrumbs items={[{ to: '/cases', label: t('cases.nav.cases') }]} />}
      />
      <form className="filters filters--compact" aria-label={t('cases.dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
        <Select id="dashboard-branch" label={t('common.branch')} value={branchId} emptyLabel={t('common.allBranches')} options={branchOptions(org.data, locale)} onChange={setBranchId} />
      </form>
      {data.error !== undefined && <ErrorSummary message={errorText(t, data.error)} items={[]} />}
      {data.loading && !d && <Loading />}
      {d && (
        <div aria-busy={data.loading || undefined}>
          <ul className="figure-list" aria-label={t('cases.dashboard.keyFigures')}>
            <li className="figure">
              <span className="figure-value" data-testid="open-cases">{n(openCount)}</span>
              <span className="figure-label">{t('cases.dashboard.openCases')}</span>
            </li>
            <li className="figure">
              <span className="figure-value">{n(overdueTotal)}</span>
              <span className="figure-label">{t('cases.dashboard.overdueItems')}</span>
            </li>
            <li className="figure">
              <span className="figure-value">{n(d.pendingApprovals)}</span>
              <span className="figure-label">{t('cases.dashboard.pendingApprovals')}</span>
            </li>
            <li className="figure">
              <span className="figure-value">{n(d.unassignedOpen)}</span>
              <span className="figure-label">{t('cases.dashboard.unassigned')}</span>
            </li>
          </ul>

          <Section id="dashboard-workers" title={t('cases.dashboard.caseload')}>
            {d.workers.length === 0 ? (
              <p className="muted">{t('cases.dashboard.noWorkers')}</p>
            ) : (
              <RowsTable caption={t('cases.dashboard.caseload')} columns={[t('cases.dashboard.worker'), { label: t('cases.dashboard.caseloadCount'), num: true }, { label: t('cases.dashboard.openCount'), num: true }, { label: t('cases.dashboard.highRisk'), num: true }, { label: t('cases.dashboard.overdue'), num: true }]}>
                {d.workers.map((w) => (
                  <tr key={w.workerId}>
                    <th scope="row" data-label={t('cases.dashboard.worker')}>
                      <Link to={`/cases?worker=${w.workerId}${branchQuery}`}>{w.workerName ?? t('cases.dashboard.workerHidden')}</Link>
                    </th>
                    <td className="num" data-label={t('cases.dashboard.caseloadCount')}>{n(w.caseload)}</td>
                    <td className="num" data-label={t('cases.dashboard.openCount')}>{n(w.open)}</td>
                    <td className="num" data-label={t('cases.dashboard.highRisk')}>{n(w.highRisk)}</td>
                    <td className="num" data-label={t('cases.dashboard.overdue')}>
                      {w.overdue > 0 ? <Link to={`/cases?worker=${w.workerId}&overdue=1${branchQuery}`}>{n(w.overdue)}</Link> : n(w.overdue)}
                    </td>
                  </tr>
                ))}
              </RowsTable>
            )}
          </Section>

          <div className="two-columns">
            <Section id="dashboard-risk" title={t('cases.dashboard.riskMix')}>
              <table className="table bar-table">
                <caption className="visually-hidden">{t('cases.dashboard.riskMix')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.fields.riskLevel')}</th>
                    <th scope="col" className="num">{t('cases.dashboard.cases')}</th>
                  </tr>
                </thead>
                <tbody>
                  {RISK_LEVELS.map((r) => (
                    <tr key={r}>
                      <th scope="row" data-label={t('cases.fields.riskLevel')}>
                        <Link to={`/cases?status=open&risk=${r}${branchQuery}`}>{t(`cases.risk.${r}`)}</Link>
                      </th>
                      <td className="num bar-cell" data-label={t('cases.dashboard.cases')}>
                        <span className="bar-with-value">
                          <Bar value={d.riskMix[r]} max={riskMax} />
                          {n(d.riskMix[r])}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>

            <Section id="dashboard-overdue" title={t('cases.dashboard.overdueWork')}>
              <table className="table">
                <caption className="visually-hidden">{t('cases.dashboard.overdueWork')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.dashboard.kind')}</th>
                    <th scope="col" className="num">{t('cases.dashboard.items')}</th>
                  </tr>
                </thead>
                <tbody>
                  {WORK_ITEM_KINDS.map((k) => (
                    <tr key={k}>
                      <th scope="row" data-label={t('cases.dashboard.kind')}>{t(`cases.work.kind.${k}`)}</th>
                      <td className="num" data-label={t('cases.dashboard.items')}>{n(d.overdue[k])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {overdueTotal > 0 && (
                <p className="after-table">
                  <Link to={`/cases?overdue=1${branchQuery}`}>{t('cases.dashboard.seeOverdue')}</Link>
                </p>
              )}
            </Section>
          </div>

          <Section id="dashboard-status" title={t('cases.dashboard.byStatus')}>
            <table className="table bar-table">
              <caption className="visually-hidden">{t('cases.dashboard.byStatus')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.fields.status')}</th>
                  <th scope="col" className="num">{t('cases.dashboard.cases')}</th>
                </tr>
              </thead>
              <tbody>
                {CASE_STATUSES.map((s) => (
                  <tr key={s} data-status={s}>
                    <th scope="row" data-label={t('cases.fields.status')}>
                      <Link to={`/cases?status=${s}${branchQuery}`}>{t(`cases.status.${s}`)}</Link>
                    </th>
                    <td className="num bar-cell" data-label={t('cases.dashboard.cases')}>
                      <span className="bar-with-value">
                        <Bar value={d.byStatus[s]} max={statusMax} />
                        {n(d.byStatus[s])}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </div>
      )}
    </>
  );
}
