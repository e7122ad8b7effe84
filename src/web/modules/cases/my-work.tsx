import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { workItemPath } from './case-model.ts';
import type { MyWork as MyWorkData, WorkItem } from './case-types.ts';
import './cases.css';

/**
 * "My work" on the home page: what is overdue and what falls due in the next
 * two weeks on the user's cases (and, for a supervisor, requests waiting for
 * their decision), each leading to where it is done.
 */
export function MyWork() {
  const { t } = useTranslation();
  const user = useUser();
  const work = useResource((signal) => api.get<MyWorkData>('/api/cases/my-work?horizonDays=14', { signal }), []);
  const items = work.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue);
  const soon = items.filter((i) => !i.overdue);
  return (
    <section className="card my-work" aria-labelledby="my-work">
      <div className="section-header">
        <h2 id="my-work">{t('cases.work.title')}</h2>
        <div className="section-actions">
          <Link to="/cases?view=mine">{t('cases.work.myCases')}</Link>
          {(can(user, 'case.approve') || can(user, 'case.assign')) && <Link to="/cases/dashboard">{t('cases.dashboard.title')}</Link>}
        </div>
      </div>
      {work.error !== undefined && <ErrorSummary message={errorText(t, work.error)} items={[]} />}
      {work.loading && !work.data && <Loading />}
      {work.data && (
        <>
          <p>{t('cases.work.counts', { overdue: work.data.overdue, dueSoon: work.data.dueSoon })}</p>
          {items.length === 0 && <p className="muted">{t('cases.work.nothing')}</p>}
          {overdue.length > 0 && <WorkList id="work-overdue" title={t('cases.work.overdueTitle', { count: overdue.length })} items={overdue} />}
          {soon.length > 0 && <WorkList id="work-soon" title={t('cases.work.soonTitle', { count: soon.length })} items={soon} />}
        </>
      )}
    </section>
  );
}

function WorkList({ id, title, items }: { id: string; title: string; items: WorkItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h3 id={id}>{title}</h3>
      <ul className="work-list" aria-labelledby={id}>
        {items.map((i) => (
          <li key={`${i.caseId}-${i.kind}-${i.subjectId ?? ''}`} className={`work-item ${i.overdue ? 'work-item--overdue' : ''}`}>
            <Link to={workItemPath(i)} className="work-link">
              {t(`cases.work.kind.${i.kind}`)}
            </Link>
            <span className="work-case">
              {i.caseNumber}
              {i.householdName ? ` · ${i.householdName}` : ''}
            </span>
            <span className="work-due">
              {i.overdue ? t('cases.work.wasDue', { date: formatDate(locale, i.dueOn) }) : t('cases.work.due', { date: formatDate(locale, i.dueOn) })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
