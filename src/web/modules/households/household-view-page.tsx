import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/i18n/format.ts';
import { formatUzPhone } from '../../../shared/validation/phone.ts';
import { api, isApiError } from '../../api/client.ts';
import type { DuplicateCandidate, HouseholdDetail, HouseholdMember, HouseholdView } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { RecordLoadFailed } from '../../shell/status-pages.tsx';
import { ArchiveDialog } from '../../ui/archive-dialog.tsx';
import { Button } from '../../ui/button.tsx';
import { Details } from '../../ui/details.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { RecordHeader } from '../../ui/record-header.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { useToast } from '../../ui/toast.tsx';
import { addressText, useLocationLabels } from '../locations/use-location-labels.ts';
import { branchName, teamName, useOrganisation, workerName } from '../organisation/organisation.ts';
import { personNames } from '../people/person-model.ts';
import { memberInput, validateMember, type MemberDraft } from './household-model.ts';
import { MemberDuplicates, memberDuplicatesPrefix } from './member-duplicates.tsx';
import { duplicateReasonId } from '../people/duplicate-candidates.tsx';
import { checkKey, duplicateCheckBody, duplicateSaveDecision, mergeCandidates, stillRefused, type RefusedCandidates } from '../people/use-duplicate-check.ts';
import { AddMemberButtons, MemberRow, memberFieldId, memberFieldLabel } from './member-editor.tsx';

const HouseholdCases = lazy(() => import('../cases/household-cases.tsx').then((m) => ({ default: m.HouseholdCases })));

/** A household: its details, current members (with who is the main caregiver), and changes to membership. */
export function HouseholdViewPage() {
  const { householdId = '' } = useParams();
  const detail = useResource((signal) => api.get<HouseholdDetail>(`/api/households/${householdId}`, { signal }), [householdId]);
  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error !== undefined || !detail.data) return <RecordLoadFailed error={detail.error} />;
  return <HouseholdDetails detail={detail.data} onChange={detail.setData} reload={detail.reload} />;
}

function HouseholdDetails({ detail, onChange, reload }: { detail: HouseholdDetail; onChange: (d: HouseholdDetail) => void; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const org = useOrganisation();
  const h = detail.household;
  const location = useLocationLabels([h]);
  const [archiving, setArchiving] = useState(false);
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<HouseholdMember | null>(null);
  const archived = Boolean(h.archivedAt);
  const mayUpdate = can(user, 'household.update') && !archived;
  const title = h.displayName ?? t('households.householdTitle', { reference: h.reference });

  const rows: [string, string][] = [];
  const add = (label: string, value: string, present: boolean) => present && rows.push([label, value]);
  add(t('households.fields.phone'), h.phone ? formatUzPhone(h.phone) : '', 'phone' in h);
  add(t('address.title'), addressText(location, h), 'regionId' in h);
  add(t('households.fields.notes'), h.notes ?? '', 'notes' in h);
  add(t('common.branch'), branchName(org.data, locale, h.branchId), 'branchId' in h);
  add(t('common.team'), teamName(org.data, h.teamId), 'teamId' in h);
  add(t('common.assignedWorker'), h.assignedWorkerId ? workerName(org.data, h.assignedWorkerId) || t('common.anotherWorker') : t('common.unassigned'), 'assignedWorkerId' in h);
  add(t('common.updated'), h.updatedAt ? formatDateTime(locale, h.updatedAt) : '', 'updatedAt' in h);

  return (
    <>
      <RecordHeader
        title={title}
        documentTitle={t('households.householdTitle', { reference: h.reference })}
        referenceLabel={t('households.referenceLabel', { reference: h.reference })}
        archived={archived}
        list={{ to: '/households', label: t('nav.households') }}
        editTo={mayUpdate && user.fieldView === 'full' ? `/households/${h.id}/edit` : undefined}
        onArchive={can(user, 'household.archive') ? () => setArchiving(true) : undefined}
      />
      {archived && (
        <div className="notice">
          <p>{t('households.archivedOn', { date: formatDate(locale, h.archivedAt) })}</p>
        </div>
      )}
      <section className="card" aria-labelledby="household-details">
        <h2 id="household-details">{t('households.details')}</h2>
        <Details rows={rows} />
      </section>

      <section className="card" aria-labelledby="household-members">
        <div className="section-header">
          <h2 id="household-members">{t('households.membersCount', { count: detail.members.length })}</h2>
          {mayUpdate && <Button onClick={() => setAdding(true)}>{t('households.addMember')}</Button>}
        </div>
        {detail.members.length === 0 ? (
          <p className="muted">{t('households.noMembers')}</p>
        ) : (
          <RowsTable caption={t('households.members')} columns={[t('people.columns.name'), t('households.fields.relationship'), t('person.fields.birthDate'), t('households.since')]} actions={mayUpdate}>
            {detail.members.map((m) => {
              const names = personNames(m.person, locale);
              const label = names.primary || m.person.reference;
              return (
                <tr key={m.memberId}>
                  <th scope="row" data-label={t('people.columns.name')}>
                    {can(user, 'person.read') ? <Link to={`/people/${m.person.id}`}>{label}</Link> : label}
                    {m.isPrimaryCaregiver && <span className="badge badge--ok">{t('households.primaryCaregiver')}</span>}
                  </th>
                  <td data-label={t('households.fields.relationship')}>{t(`relationship.${m.relationship}`)}</td>
                  <td data-label={t('person.fields.birthDate')}>
                    {m.person.birthDate ? formatDate(locale, m.person.birthDate) : m.person.ageBand ? t('people.ageBand', { band: m.person.ageBand }) : ''}
                  </td>
                  <td data-label={t('households.since')}>{m.joinedOn ? formatDate(locale, m.joinedOn) : ''}</td>
                  {mayUpdate && (
                    <td data-label={t('common.actions')}>
                      <Button variant="link" onClick={() => setLeaving(m)}>
                        {t('households.endMembership')}
                        <span className="visually-hidden"> — {label}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
          </RowsTable>
        )}
      </section>

      <Suspense fallback={null}>
        <HouseholdCases household={h} />
      </Suspense>

      {archiving && (
        <ArchiveDialog
          title={t('households.archiveTitle')}
          text={t('households.archiveText')}
          path={`/api/households/${h.id}/archive`}
          version={h.version}
          onClose={() => setArchiving(false)}
          onDone={(updated: HouseholdView) => {
            setArchiving(false);
            onChange({ ...detail, household: updated });
            toast.show(t('households.archived'));
          }}
          onConflict={() => {
            setArchiving(false);
            reload();
          }}
        />
      )}
      {adding && (
        <AddMemberDialog
          household={h}
          members={detail.members}
          excludeIds={detail.members.map((m) => m.person.id)}
          onClose={() => setAdding(false)}
          onDone={(next) => {
            setAdding(false);
            onChange(next);
            toast.show(t('households.memberAdded'));
          }}
        />
      )}
      {leaving && (
        <LeaveDialog
          household={h}
          member={leaving}
          onClose={() => setLeaving(null)}
          onDone={(next) => {
            setLeaving(null);
            onChange(next);
            toast.show(t('households.membershipEnded'));
          }}
          onConflict={() => {
            setLeaving(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function AddMemberDialog(props: { household: HouseholdView; members: readonly HouseholdMember[]; excludeIds: string[]; onClose: () => void; onDone: (d: HouseholdDetail) => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const [member, setMember] = useState<MemberDraft | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // A new member who may be registered already: live candidates, a refused save's, and the worker's reason.
  const [live, setLive] = useState<DuplicateCandidate[]>([]);
  const [refused, setRefused] = useState<RefusedCandidates | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const { household } = props;
  const typed = member?.kind === 'new' ? duplicateCheckBody(member.values) : null;
  const candidates = mergeCandidates(stillRefused(refused, typed), live);
  const errors = { ...local, ...fieldErrorsOf(t, error) };
  if (errors['person'] && isApiError(error) && error.code === 'possible_duplicate') {
    delete errors['person'];
    errors['person.familyName'] = t('households.duplicateMember');
  }
  const items: SummaryItem[] = [
    ...Object.entries(errors).map(([path, message]) => ({ target: memberFieldId(0, path), message, label: memberFieldLabel(t, path) })),
    ...(reasonMissing ? [{ target: duplicateReasonId(memberDuplicatesPrefix(0)), message: t('fieldErrors.required'), label: t('duplicates.reasonSummary') }] : []),
  ];
  // The household's caregivers, as the check compares them with a registered child's.
  const caregiverNames = props.members
    .filter((m) => m.isPrimaryCaregiver || ['mother', 'father', 'guardian', 'grandparent'].includes(m.relationship))
    .map((m) => [m.person.givenName, m.person.familyName].filter(Boolean).join(' '))
    .filter(Boolean);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!member) return;
    setAttempt((n) => n + 1);
    const problems = Object.fromEntries(Object.entries(validateMember(member)).map(([k, code]) => [k, t(`fieldErrors.${code}`)]));
    setLocal(problems);
    setError(undefined);
    const decision = member.kind === 'new' ? duplicateSaveDecision(candidates, reason) : ({ kind: 'plain' } as const);
    setReasonMissing(decision.kind === 'reason_missing');
    if (Object.keys(problems).length || decision.kind === 'reason_missing') return;
    setBusy(true);
    try {
      props.onDone(await api.post<HouseholdDetail>(`/api/households/${household.id}/members`, memberInput(member, decision.kind === 'override' ? decision.override : undefined)));
    } catch (e) {
      // Found likely registered on saving: those candidates join the live ones under the row.
      if (isApiError(e) && e.code === 'possible_duplicate') setRefused({ key: checkKey(typed), candidates: e.candidates as DuplicateCandidate[] });
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      wide
      title={t('households.addMember')}
      onClose={props.onClose}
      actions={
        <>
          {member && (
            <Button type="submit" form="add-member-form" variant="primary" busy={busy}>
              {t('households.addMember')}
            </Button>
          )}
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <form id="add-member-form" onSubmit={submit} noValidate>
        <ErrorSummary message={error !== undefined && items.length === 0 ? errorText(t, error) : undefined} items={items} attempt={attempt} />
        {member ? (
          <>
            <MemberRow index={0} member={member} errors={errors} onChange={setMember} onRemove={() => setMember(null)} />
            {member.kind === 'new' && (
              <MemberDuplicates
                index={0}
                values={member.values}
                address={{ regionId: household.regionId ?? '', districtId: household.districtId ?? '', mahallaId: household.mahallaId ?? '' }}
                caregiverNames={caregiverNames}
                candidates={candidates}
                onLive={setLive}
                enabled={can(user, 'person.create')}
                reason={{ value: reason, onChange: setReason, error: reasonMissing ? t('fieldErrors.required') : undefined }}
              />
            )}
          </>
        ) : (
          <AddMemberButtons idPrefix="add-member-pick-" excludeIds={props.excludeIds} onAdd={setMember} />
        )}
      </form>
    </Dialog>
  );
}

function LeaveDialog(props: { household: HouseholdView; member: HouseholdMember; onClose: () => void; onDone: (d: HouseholdDetail) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toast = useToast();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const name = personNames(props.member.person, locale).primary || props.member.person.reference;

  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      props.onDone(await api.post<HouseholdDetail>(`/api/households/${props.household.id}/members/${props.member.memberId}/leave`, { version: props.household.version }));
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict') {
        toast.show(t('common.changedMeanwhile'), 'error');
        props.onConflict();
        return;
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={t('households.endMembershipTitle')}
      onClose={props.onClose}
      actions={
        <>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {t('households.endMembership')}
          </Button>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <ErrorSummary message={error !== undefined ? errorText(t, error) : undefined} items={[]} />
      <p>{t('households.endMembershipText', { name })}</p>
    </Dialog>
  );
}
