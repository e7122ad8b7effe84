import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { isApiError } from '../api/client.ts';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { errorText } from '../ui/errors.ts';
import { PageHeader } from '../ui/page-header.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('status.notFoundTitle')} />
      <p>{t('status.notFoundText')}</p>
      <p>
        <Link to="/">{t('status.backHome')}</Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('status.forbiddenTitle')} />
      <p>{t('status.forbiddenText')}</p>
      <p>
        <Link to="/">{t('status.backHome')}</Link>
      </p>
    </>
  );
}

/** A page whose code failed to load (often a new version was deployed): reloading fetches the new one. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <main id="main" className="main main--standalone">
      <PageHeader title={t('status.errorTitle')} />
      <p>{t('status.errorText')}</p>
      <p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('status.reload')}
        </button>
      </p>
    </main>
  );
}

/** A record that is missing or out of the user's reach; the server does not say which. */
export function RecordNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('status.recordNotFoundTitle')} />
      <p>{t('status.recordNotFoundText')}</p>
      <p>
        <Link to="/">{t('status.backHome')}</Link>
      </p>
    </>
  );
}

/** A page whose data could not be loaded for another reason (network, server). */
export function LoadFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('status.loadFailedTitle')} />
      <ErrorSummary message={errorText(t, error)} items={[]} />
    </>
  );
}

/** A record's page that could not load it: "not found" when it is missing or out of the user's reach, else the failure. */
export function RecordLoadFailed({ error }: { error: unknown }) {
  if (isApiError(error) && (error.code === 'not_found_or_no_access' || error.code === 'not_found')) return <RecordNotFound />;
  return <LoadFailed error={error} />;
}
