import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/i18n/format.ts';
import { formatUzPhone } from '../../../shared/validation/phone.ts';
import { api } from '../../api/client.ts';
import type { ConsentView, PersonDetail, PersonView } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { RecordLoadFailed } from '../../shell/status-pages.tsx';
import { Button } from '../../ui/button.tsx';
import { ArchiveDialog } from '../../ui/archive-dialog.tsx';
import { Details } from '../../ui/details.tsx';
import { Loading } from '../../ui/loading.tsx';
import { RecordHeader } from '../../ui/record-header.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { useToast } from '../../ui/toast.tsx';
import { addressText, useLocationLabels } from '../locations/use-location-labels.ts';
import { branchName, teamName, useOrganisation, workerName } from '../organisation/organisation.ts';
import { RecordConsentDialog, WithdrawConsentDialog } from './consent-dialogs.tsx';
import { ageOn } from './person-display.ts';
import { personNames } from './person-model.ts';
import { MergedIntoBanner, MergedRecords, useJustMergedToast } from '../duplicates/merge-history.tsx';

/** A person: details as the user's role may see them, their households and consents. */
export function PersonViewPage() {
  const { personId = '' } = useParams();
  const detail = useResource((signal) => api.get<PersonDetail>(`/api/people/${personId}`, { signal }), [personId]);
  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error !== undefined || !detail.data) return <RecordLoadFailed error={detail.error} />;
  return <PersonDetails detail={detail.data} onChange={detail.setData} reload={detail.reload} />;
}

function PersonDetails({ detail, onChange, reload }: { detail: PersonDetail; onChange: (d: PersonDetail) => void; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const org = useOrganisation();
  const p = detail.person;
  const location = useLocationLabels([p]);
  const names = personNames(p, locale);
  const [archiving, setArchiving] = useState(false);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentView | null>(null);
  useJustMergedToast(reload);
  const archived = Boolean(p.archivedAt);
  const title = names.primary || t('people.personTitle', { reference: p.reference });

  const rows: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode, present: boolean) => {
    if (present) rows.push([label, value]);
  };
  add(t('person.otherScriptName'), names.secondary, 'givenNameAlt' in p);
  add(t('person.fields.sex'), p.sex ? t(`sex.${p.sex}`) : '', 'sex' in p);
  add(
    t('person.fields.birthDate'),
    p.birthDate ? (
      <>
        {formatDate(locale, p.birthDate)} {t('person.ageYears', { count: ageOn(p.birthDate) })}
        {p.birthDateEstimated && <span className="badge">{t('person.estimated')}</span>}
      </>
    ) : (
      ''
    ),
    'birthDate' in p,
  );
  add(t('people.columns.age'), p.ageBand ? t('people.ageBand', { band: p.ageBand }) : '', !('birthDate' in p) && 'ageBand' in p);
  add(t('person.fields.disability'), p.disability ? t('common.yes') : t('common.no'), 'disability' in p);
  add(t('person.fields.specialNeeds'), p.specialNeeds ?? '', 'specialNeeds' in p);
  add(t('person.fields.healthNotes'), p.healthNotes ?? '', 'healthNotes' in p);
  add(t('person.fields.pinfl'), p.pinfl ? <span className="mono">{p.pinfl}</span> : '', 'pinfl' in p);
  add(t('person.fields.birthCertificate'), p.birthCertificate ?? '', 'birthCertificate' in p);
  add(t('person.fields.phone'), p.phone ? <a href={`tel:${p.phone}`}>{formatUzPhone(p.phone)}</a> : '', 'phone' in p);
  add(t('address.title'), addressText(location, p), 'regionId' in p);
  add(t('common.branch'), branchName(org.data, locale, p.branchId), 'branchId' in p);
  add(t('common.team'), teamName(org.data, p.teamId), 'teamId' in p);
  add(t('common.assignedWorker'), p.assignedWorkerId ? workerName(org.data, p.assignedWorkerId) || t('common.anotherWorker') : t('common.unassigned'), 'assignedWorkerId' in p);
  add(t('common.created'), p.createdAt ? formatDateTime(locale, p.createdAt) : '', 'createdAt' in p);
  add(t('common.updated'), p.updatedAt ? formatDateTime(locale, p.updatedAt) : '', 'updatedAt' in p);

  const consents = detail.consents;
  const replaceConsent = (c: ConsentView) =>
    onChange({ ...detail, consents: consents?.some((x) => x.id === c.id) ? consents.map((x) => (x.id === c.id ? c : x)) : [c, ...(consents ?? [])] });

  return (
    <>
      <RecordHeader
        title={title}
        documentTitle={t('people.personTitle', { reference: p.reference })}
        referenceLabel={t('people.referenceLabel', { reference: p.reference })}
        archived={archived}
        list={{ to: '/people', label: t('nav.people') }}
        editTo={can(user, 'person.update') && user.fieldView === 'full' ? `/people/${p.id}/edit` : undefined}
        onArchive={can(user, 'person.archive') ? () => setArchiving(true) : undefined}
      />
      {p.mergedIntoId && <MergedIntoBanner person={p} />}
      {archived && !p.mergedIntoId && (
        <div className="notice">
          <p>{t('people.archivedOn', { date: formatDate(locale, p.archivedAt) })}</p>
        </div>
      )}
      {user.fieldView !== 'full' && (
        <p className="notice notice--info">{t(`fieldView.${user.fieldView}`)}</p>
      )}

      <section className="card" aria-labelledby="person-details">
        <h2 id="person-details">{t('people.details')}</h2>
        <Details rows={rows} />
      </section>

      <section className="card" aria-labelledby="person-households">
        <h2 id="person-households">{t('people.households')}</h2>
        {detail.households.length === 0 ? (
          <p className="muted">{t('people.noHouseholds')}</p>
        ) : (
          <ul className="plain-list">
            {detail.households.map((h) => (
              <li key={h.householdId}>
                <Link to={`/households/${h.householdId}`}>{h.householdName ?? h.householdReference}</Link>{' '}
                <span className="muted">({h.householdReference})</span> — {t(`relationship.${h.relationship}`, { defaultValue: h.relationship })}
                {h.isPrimaryCaregiver && <span className="badge badge--ok">{t('households.primaryCaregiver')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {consents && can(user, 'consent.read') && (
        <section className="card" aria-labelledby="person-consents">
          <div className="section-header">
            <h2 id="person-consents">{t('consent.title')}</h2>
            {can(user, 'consent.write') && !archived && (
              <Button onClick={() => setRecording(true)}>{t('consent.recordTitle')}</Button>
            )}
          </div>
          {consents.length === 0 ? (
            <p className="muted">{t('consent.none')}</p>
          ) : (
            <RowsTable caption={t('consent.title')} columns={[t('consent.purpose'), t('consent.dataCategories'), t('consent.transfersTo'), t('consent.period'), t('consent.status')]} actions>
              {consents.map((c) => (
                <tr key={c.id}>
                  <th scope="row" data-label={t('consent.purpose')}>
                    {t(`consent.purposes.${c.purpose}`, { defaultValue: c.purpose })}
                  </th>
                  <td data-label={t('consent.dataCategories')}>{c.dataCategories.map((x) => t(`consent.categories.${x}`, { defaultValue: x })).join(', ')}</td>
                  <td data-label={t('consent.transfersTo')}>{c.transfersTo ?? <span className="muted">{t('consent.noTransfers')}</span>}</td>
                  <td data-label={t('consent.period')}>
                    {formatDate(locale, c.grantedOn)} – {c.expiresOn ? formatDate(locale, c.expiresOn) : t('consent.noExpiry')}
                  </td>
                  <td data-label={t('consent.status')}>
                    <span className={`badge badge--${c.status === 'active' ? 'ok' : 'warning'}`}>{t(`consent.statuses.${c.status}`)}</span>
                    {c.withdrawnAt && <span className="cell-secondary">{formatDate(locale, c.withdrawnAt)}{c.withdrawalNote ? ` — ${c.withdrawalNote}` : ''}</span>}
                  </td>
                  <td data-label={t('common.actions')}>
                    {c.status === 'active' && can(user, 'consent.write') && (
                      <Button variant="link" onClick={() => setWithdrawing(c)}>
                        {t('consent.withdraw')}
                        <span className="visually-hidden"> — {t(`consent.purposes.${c.purpose}`, { defaultValue: c.purpose })}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </RowsTable>
          )}
        </section>
      )}

      {detail.merges && detail.merges.length > 0 && (
        <MergedRecords merges={detail.merges} canUndo={can(user, 'person.merge') && user.fieldView === 'full'} onUndone={reload} />
      )}

      {archiving && (
        <ArchiveDialog
          title={t('people.archiveTitle')}
          text={t('people.archiveText')}
          path={`/api/people/${p.id}/archive`}
          version={p.version}
          onClose={() => setArchiving(false)}
          onDone={(updated: PersonView) => {
            setArchiving(false);
            onChange({ ...detail, person: updated });
            toast.show(t('people.archived'));
          }}
          onConflict={() => {
            setArchiving(false);
            reload();
          }}
        />
      )}
      {recording && (
        <RecordConsentDialog
          personId={p.id}
          onClose={() => setRecording(false)}
          onSaved={(c) => {
            setRecording(false);
            replaceConsent(c);
            toast.show(t('consent.recorded'));
          }}
        />
      )}
      {withdrawing && (
        <WithdrawConsentDialog
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onSaved={(c) => {
            setWithdrawing(null);
            replaceConsent(c);
            toast.show(t('consent.withdrawn'));
          }}
        />
      )}
    </>
  );
}
