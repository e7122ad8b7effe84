import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { can, useUser } from '../../session/session.tsx';
import { NotFoundPage, RecordLoadFailed } from '../../shell/status-pages.tsx';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import type { CaseDetail, CaseView } from './case-types.ts';
import { RiskBadge, StatusBadge } from './case-ui.tsx';
import { CaseSummary } from './case-summary.tsx';

/** What a section of the case page is given: the case as it is now, and how to replace or reload it. */
export interface CaseTabProps {
  detail: CaseDetail;
  onChange: (detail: CaseDetail) => void;
  reload: () => void;
}

function tab<K extends string>(load: () => Promise<Record<K, ComponentType<CaseTabProps>>>, name: K): LazyExoticComponent<ComponentType<CaseTabProps>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

/** Sections after the summary load when opened: a worker reading the summary does not download the plan editor. */
const TABS = {
  summary: null,
  assessments: tab(() => import('../casework/assessments-tab.tsx'), 'AssessmentsTab'),
  plan: tab(() => import('../casework/plan-tab.tsx'), 'PlanTab'),
  services: tab(() => import('../casework/services-tab.tsx'), 'ServicesTab'),
  referrals: tab(() => import('../casework/referrals-tab.tsx'), 'ReferralsTab'),
  visits: tab(() => import('./case-activity.tsx'), 'VisitsTab'),
  attachments: tab(() => import('./case-attachments.tsx'), 'AttachmentsTab'),
} as const;
type TabName = keyof typeof TABS;
const TAB_NAMES = Object.keys(TABS) as TabName[];

/** Which sections a role opens: a partner sees neither notes nor documents of a case (the server refuses them too). */
export function visibleTabs(fieldView: string): TabName[] {
  return TAB_NAMES.filter((name) => !(fieldView === 'partner' && name === 'attachments'));
}

/** A family case: its summary and lifecycle, and one section per kind of work, each at its own address. */
export function CasePage() {
  const { caseId = '', tab: tabParam } = useParams();
  const detail = useResource((signal) => api.get<CaseDetail>(`/api/cases/${caseId}`, { signal }), [caseId]);
  const user = useUser();
  const current = (tabParam ?? 'summary') as TabName;
  if (!visibleTabs(user.fieldView).includes(current)) return <NotFoundPage />;
  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error !== undefined || !detail.data) return <RecordLoadFailed error={detail.error} />;
  return <CaseFrame detail={detail.data} tab={current} onChange={detail.setData} reload={detail.reload} />;
}

export function caseTitle(c: CaseView): string {
  return c.householdName ? `${c.caseNumber} · ${c.householdName}` : c.caseNumber;
}

function CaseFrame({ detail, tab: current, onChange, reload }: CaseTabProps & { tab: TabName }) {
  const { t } = useTranslation();
  const user = useUser();
  const c = detail.case;
  const Tab = TABS[current];
  return (
    <>
      <PageHeader
        title={caseTitle(c)}
        documentTitle={t('cases.caseDocumentTitle', { number: c.caseNumber, section: t(`cases.tabs.${current}`) })}
        breadcrumbs={<Breadcrumbs items={[{ to: '/cases', label: t('cases.nav.cases') }]} />}
        subtitle={
          <>
            <StatusBadge status={c.status} />
            <RiskBadge risk={c.riskLevel} />
            {c.episode > 1 && <span className="badge">{t('cases.episode', { episode: c.episode })}</span>}
            <span className="case-household">
              {can(user, 'household.read') ? <Link to={`/households/${c.householdId}`}>{t('cases.householdLink', { reference: c.householdReference })}</Link> : c.householdReference}
            </span>
          </>
        }
      />
      <nav className="case-tabs" aria-label={t('cases.tabs.label')}>
        <ul>
          {visibleTabs(user.fieldView).map((name) => (
            <li key={name}>
              <NavLink to={name === 'summary' ? `/cases/${c.id}` : `/cases/${c.id}/${name}`} end>
                {t(`cases.tabs.${name}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {Tab === null ? (
        <CaseSummary detail={detail} onChange={onChange} reload={reload} />
      ) : (
        <Suspense fallback={<Loading />}>
          <Tab detail={detail} onChange={onChange} reload={reload} />
        </Suspense>
      )}
    </>
  );
}
