import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MERGE_FIELDS } from '../../../shared/duplicates.ts';
import { formatDate, formatNumber } from '../../../shared/i18n/format.ts';
import { api, isApiError } from '../../api/client.ts';
import type { MergeResult, PersonDetail, PersonView } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { LoadFailed, RecordNotFound } from '../../shell/status-pages.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { useLocationLabels } from '../locations/use-location-labels.ts';
import { useOrganisation } from '../organisation/organisation.ts';
import type { DisplayContext } from '../people/person-display.ts';
import { chosenRecord, compareRecords, completeness, mergeFieldLabel, mergeFieldText, mergeRequest, personLabel, suggestSurvivor, type FieldChoices } from './merge-model.ts';
import { justMergedState } from './merge-history.tsx';
import './duplicates.css';

/** Merging two records of one person: both are loaded fresh, so the versions sent are the ones compared. */
export function MergePage() {
  const { t } = useTranslation();
  const { personId = '', otherId = '' } = useParams();
  const both = useResource(
    (signal) => Promise.all([personId, otherId].map((id) => api.get<PersonDetail>(`/api/people/${id}`, { signal }).then((d) => d.person))),
    [personId, otherId],
  );
  if (personId === otherId) {
    return (
      <>
        <PageHeader title={t('review.merge.title')} breadcrumbs={<QueueCrumb />} />
        <p className="notice">{t('review.merge.sameRecord')}</p>
      </>
    );
  }
  if (both.loading && !both.data) return <Loading />;
  if (both.error !== undefined || !both.data) {
    if (isApiError(both.error) && (both.error.code === 'not_found_or_no_access' || both.error.code === 'not_found')) return <RecordNotFound />;
    return <LoadFailed error={both.error} />;
  }
  const [a, b] = both.data as [PersonView, PersonView];
  return <MergeForm a={a} b={b} reload={both.reload} reloading={both.loading} />;
}

function QueueCrumb() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/duplicates">{t('review.title')}</Link>
        </li>
      </ol>
    </nav>
  );
}

function MergeForm({ a, b, reload, reloading }: { a: PersonView; b: PersonView; reload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const org = useOrganisation();
  const location = useLocationLabels([a, b]);
  const ctx: DisplayContext = { t, locale, location, org: org.data };
  const suggestion = suggestSurvivor(a, b);
  const [survivorId, setSurvivorId] = useState(suggestion.survivorId);
  const [choices, setChoices] = useState<FieldChoices>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [stale, setStale] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const survivor = survivorId === b.id ? b : a;
  const other = survivor === a ? b : a;
  const { differing, same } = compareRecords(a, b);
  const archived = [a, b].find((p) => p.archivedAt);
  const suggested = suggestion.survivorId === a.id ? a : b;
  const notSuggested = suggested === a ? b : a;
  const valueText = (p: PersonView, field: (typeof MERGE_FIELDS)[number]) => mergeFieldText(ctx, p, field) || t('common.notRecorded');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setBusy(true);
    setError(undefined);
    setStale(false);
    try {
      const result = await api.post<MergeResult>('/api/people/merge', mergeRequest(survivor, other, choices));
      void navigate(`/people/${result.survivor.id}`, { state: justMergedState(result) });
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict') {
        setStale(true);
        reload();
        return;
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const optionLabel = (p: PersonView) =>
    p.createdAt
      ? t('review.merge.survivor.option', { reference: p.reference, name: personLabel(p, locale), date: formatDate(locale, p.createdAt) })
      : t('review.merge.survivor.optionNoDate', { reference: p.reference, name: personLabel(p, locale) });
  const hint =
    suggestion.reason === 'more_complete'
      ? t('review.merge.survivor.moreComplete', {
          reference: suggested.reference,
          mine: formatNumber(locale, completeness(suggested)),
          theirs: formatNumber(locale, completeness(notSuggested)),
          all: formatNumber(locale, MERGE_FIELDS.length),
        })
      : t('review.merge.survivor.older', { reference: suggested.reference });

  return (
    <>
      <PageHeader
        title={t('review.merge.title')}
        documentTitle={t('review.merge.documentTitle', { first: a.reference, second: b.reference })}
        breadcrumbs={<QueueCrumb />}
      />
      <form className="form review-merge" onSubmit={submit} noValidate aria-busy={reloading || undefined}>
        <ErrorSummary message={stale ? t('review.merge.changed') : error !== undefined ? errorText(t, error) : undefined} items={[]} attempt={attempt} />
        <p>{t('review.merge.intro')}</p>
        <ul className="review-merge-links">
          {[a, b].map((p) => (
            <li key={p.id}>
              <a href={`/people/${p.id}`} target="_blank" rel="noopener">
                {personLabel(p, locale)} ({p.reference})<span className="visually-hidden"> {t('common.opensInNewTab')}</span>
              </a>
            </li>
          ))}
        </ul>
        {archived && <p className="notice notice--error">{t('review.merge.archived', { reference: archived.reference })}</p>}

        <div className="card">
          <RadioGroup
            id="merge-survivor"
            legend={t('review.merge.survivor.legend')}
            hint={hint}
            value={survivorId}
            onChange={setSurvivorId}
            options={[a, b].map((p) => ({ value: p.id, label: optionLabel(p) }))}
          />
        </div>

        <section className="card" aria-labelledby="merge-fields-title">
          <h2 id="merge-fields-title">{t('review.merge.fields.title')}</h2>
          {differing.length === 0 ? (
            <p>{t('review.merge.fields.none')}</p>
          ) : (
            <>
              <p className="muted">{t('review.merge.fields.intro')}</p>
              {differing.map((field) => (
                <div className="review-choice" key={field}>
                  <RadioGroup
                    id={`merge-field-${field}`}
                    legend={mergeFieldLabel(t, field)}
                    value={chosenRecord(field, survivor, other, choices)}
                    onChange={(id) => setChoices((c) => ({ ...c, [field]: id }))}
                    options={[survivor, other].map((p) => ({
                      value: p.id,
                      label: t('review.merge.fields.valueFrom', { value: valueText(p, field), reference: p.reference }),
                    }))}
                  />
                </div>
              ))}
            </>
          )}
          {same.length > 0 && (
            <>
              <h3>{t('review.merge.same.title')}</h3>
              <dl className="details">
                {same.map((field) => (
                  <div className="details-row" key={field}>
                    <dt>{mergeFieldLabel(t, field)}</dt>
                    <dd>{valueText(survivor, field)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="merge-summary-title">
          <h2 id="merge-summary-title">{t('review.merge.summary.title')}</h2>
          <ul className="plain-list">
            <li>{t('review.merge.summary.keep', { survivor: survivor.reference })}</li>
            <li>{t('review.merge.summary.archive', { merged: other.reference, survivor: survivor.reference })}</li>
            <li>{t('review.merge.summary.move', { merged: other.reference, survivor: survivor.reference })}</li>
            <li>{t('review.merge.summary.undo', { survivor: survivor.reference })}</li>
          </ul>
        </section>

        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy || reloading} disabled={Boolean(archived)}>
            {t('review.merge.submit')}
          </Button>
          <Link to="/duplicates" className="button button--secondary">
            {t('review.merge.back')}
          </Link>
        </div>
      </form>
    </>
  );
}
