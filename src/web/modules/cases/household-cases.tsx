import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import type { HouseholdView, Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { errorText } from '../../ui/errors.ts';
import { can, useUser } from '../../session/session.tsx';
import type { CaseView } from './case-types.ts';
import { RiskBadge, StatusBadge } from './case-ui.tsx';

const CLOSED = ['not_eligible', 'exited', 'follow_up_closed'];

/** The family cases of a household, on the household's page, with "Open a family case" while none is open. */
export function HouseholdCases({ household }: { household: HouseholdView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const mayRead = can(user, 'case.read');
  const cases = useResource(
    mayRead ? async (signal) => (await api.post<Page<CaseView>>('/api/cases/search', { householdId: household.id, page: 1, pageSize: 100 }, { signal })).items : null,
    [household.id, mayRead],
  );
  if (!can(user, 'case.read')) return null;
  const list = cases.data ?? [];
  const hasOpen = list.some((c) => !CLOSED.includes(c.status));
  const mayOpen = can(user, 'case.create') && !household.archivedAt && !hasOpen && !cases.loading;
  return (
    <section className="card" aria-labelledby="household-cases">
      <div className="section-header">
        <h2 id="household-cases">{t('cases.household.title')}</h2>
        {mayOpen && (
          <Link to={`/cases/new?household=${household.id}`} className="button button--primary">
            {t('cases.household.open')}
          </Link>
        )}
      </div>
      {cases.error !== undefined && <p className="muted">{errorText(t, cases.error)}</p>}
      {list.length === 0 ? (
        <p className="muted">{t('cases.household.none')}</p>
      ) : (
        <ul className="plain-list">
          {list.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link> <StatusBadge status={c.status} />
              <RiskBadge risk={c.riskLevel} /> <span className="muted">{t('cases.household.openedOn', { date: formatDate(locale, c.openedOn) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
