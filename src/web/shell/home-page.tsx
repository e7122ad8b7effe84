import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateLong } from '../../shared/i18n/format.ts';
import { useLocale } from '../i18n/i18n.ts';
import { can, useUser } from '../session/session.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useOrganisation } from '../modules/organisation/organisation.ts';
import { visibleNavItems } from './nav-items.ts';

const MyWork = lazy(() => import('../modules/cases/my-work.tsx').then((m) => ({ default: m.MyWork })));

/** The landing page: who you are, what your role lets you do, and where to start. */
export function HomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const org = useOrganisation();
  const items = visibleNavItems(user.permissions);
  const branchName = (id: string | null) => (id ? (org.data?.branches.find((b) => b.id === id)?.names[locale] ?? '') : '');
  const teamName = (id: string | null) => (id ? (org.data?.teams.find((x) => x.id === id)?.name ?? '') : '');

  return (
    <>
      <PageHeader
        title={t('home.title', { name: user.displayName })}
        documentTitle={t('home.documentTitle')}
        subtitle={formatDateLong(locale, new Date())}
      />
      {can(user, 'case.read') && (
        <Suspense fallback={null}>
          <MyWork />
        </Suspense>
      )}
      <section className="card" aria-labelledby="home-roles">
        <h2 id="home-roles">{t('home.yourRoles')}</h2>
        <p>{t('home.organisation', { name: user.organisation.name })}</p>
        <ul className="role-list">
          {user.assignments.map((a, i) => {
            const scope = [branchName(a.branchId), a.programme ? t(`programmes.${a.programme}`) : '', teamName(a.teamId)].filter(Boolean);
            return (
              <li key={`${a.role}-${i}`}>
                <strong>{t(`roles.${a.role}`)}</strong>
                {scope.length > 0 && <span className="muted"> — {scope.join(', ')}</span>}
              </li>
            );
          })}
        </ul>
        <p className="muted">{t(`fieldView.${user.fieldView}`)}</p>
      </section>
      {items.length > 0 && (
        <section aria-labelledby="home-sections">
          <h2 id="home-sections">{t('home.whereToStart')}</h2>
          <ul className="tile-list">
            {items.map((item) => (
              <li key={item.to} className="tile">
                <Link to={item.to} className="tile-link">
                  {t(item.label)}
                </Link>
                <p className="muted">{t(item.describe ?? `home.describe.${item.to.slice(1)}`)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {items.length === 0 && <p>{t('home.nothingYet')}</p>}
      {!user.totpEnabled && (
        <section className="notice" aria-labelledby="home-totp">
          <h2 id="home-totp">{t('home.totpTitle')}</h2>
          <p>{t('home.totpText')}</p>
          <p>
            <Link to="/account">{t('home.totpLink')}</Link>
          </p>
        </section>
      )}
      {(can(user, 'person.create') || can(user, 'household.create')) && (
        <p className="home-quick">
          {can(user, 'person.create') && (
            <Link to="/people/new" className="button button--primary">
              {t('people.new')}
            </Link>
          )}
          {can(user, 'household.create') && (
            <Link to="/households/new" className="button button--secondary">
              {t('households.new')}
            </Link>
          )}
        </p>
      )}
    </>
  );
}
