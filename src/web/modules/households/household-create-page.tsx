import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import type { DuplicateCandidate, HouseholdDetail } from '../../api/types.ts';
import { can, useUser } from '../../session/session.tsx';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useOrganisation } from '../organisation/organisation.ts';
import { duplicateReasonId } from '../people/duplicate-candidates.tsx';
import {
  checkKey, duplicateCheckBody, duplicateSaveDecision, mergeCandidates, stillRefused, type RefusedCandidates,
} from '../people/use-duplicate-check.ts';
import { HOUSEHOLD_ID_PREFIX, HouseholdForm, householdFieldLabel } from './household-form.tsx';
import {
  caregiverNamesFor, emptyHouseholdForm, HOUSEHOLD_FIELDS, householdPayload, memberInput, validateHousehold, validateMember,
  type HouseholdField, type HouseholdFormValues, type MemberDraft,
} from './household-model.ts';
import { MemberDuplicates, memberDuplicatesPrefix } from './member-duplicates.tsx';
import { AddMemberButtons, MemberRow, memberFieldId, memberFieldLabel } from './member-editor.tsx';

type ByMember<T> = Record<string, T>;

const ALL_FIELDS: ReadonlySet<HouseholdField> = new Set(HOUSEHOLD_FIELDS);

/** Registering a household and its members in one step. */
export function HouseholdCreatePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const toast = useToast();
  const org = useOrganisation();
  const defaultBranch = user.assignments.find((a) => a.branchId)?.branchId ?? '';
  const [values, setValues] = useState<HouseholdFormValues>(() =>
    emptyHouseholdForm({ branchId: defaultBranch, assignedWorkerId: user.roles.includes('social_worker') ? user.id : '' }),
  );
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [local, setLocal] = useState<{ household: Partial<Record<HouseholdField, string>>; members: Record<string, string>[] }>({ household: {}, members: [] });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // Possible duplicates of each new member, by member key: live answers, a refused save's, and the worker's reasons.
  const [live, setLive] = useState<ByMember<DuplicateCandidate[]>>({});
  const [refused, setRefused] = useState<ByMember<RefusedCandidates>>({});
  const [reasons, setReasons] = useState<ByMember<string>>({});
  const [reasonMissing, setReasonMissing] = useState<ReadonlySet<string>>(new Set());
  const branches = org.data?.branches ?? [];
  const effective = !values.branchId && branches.length === 1 ? { ...values, branchId: branches[0]!.id } : values;
  const address = { regionId: effective.regionId, districtId: effective.districtId, mahallaId: effective.mahallaId };
  const checking = can(user, 'person.create');
  const typedOf = (m: MemberDraft) => (m.kind === 'new' ? duplicateCheckBody(m.values) : null);
  const candidatesOf = (m: MemberDraft) => mergeCandidates(stillRefused(refused[m.key], typedOf(m)), live[m.key] ?? []);

  // Server errors by path: household fields at the top level, members under `members.<i>.`.
  const server = fieldErrorsOf(t, error);
  const householdErrors: Partial<Record<HouseholdField, string>> = { ...local.household };
  for (const f of HOUSEHOLD_FIELDS) if (server[f]) householdErrors[f] = server[f];
  const memberErrors = members.map((_, i) => {
    const out: Record<string, string> = { ...(local.members[i] ?? {}) };
    const prefix = `members.${i}.`;
    for (const [k, v] of Object.entries(server)) {
      if (!k.startsWith(prefix)) continue;
      const path = k.slice(prefix.length);
      // A new member who may already be registered: point at their name and say what to do.
      if (path === 'person' && isApiError(error) && error.code === 'possible_duplicate') out['person.familyName'] = t('households.duplicateMember');
      else out[path] = v;
    }
    return out;
  });
  const items: SummaryItem[] = [
    ...HOUSEHOLD_FIELDS.filter((f) => householdErrors[f]).map((f) => ({ target: `${HOUSEHOLD_ID_PREFIX}${f}`, message: householdErrors[f]!, label: householdFieldLabel(t, f) })),
    ...memberErrors.flatMap((errs, i) =>
      Object.entries(errs).map(([path, message]) => ({
        target: memberFieldId(i, path),
        message: t('households.memberError', { number: i + 1, message: t('common.summaryItem', { field: memberFieldLabel(t, path), message }) }),
      })),
    ),
    ...members.flatMap((m, i) =>
      reasonMissing.has(m.key)
        ? [{
            target: duplicateReasonId(memberDuplicatesPrefix(i)),
            message: t('households.memberError', { number: i + 1, message: t('common.summaryItem', { field: t('duplicates.reasonSummary'), message: t('fieldErrors.required') }) }),
          }]
        : [],
    ),
  ];
  const message = error !== undefined && items.length === 0 ? errorText(t, error) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const hh: Partial<Record<HouseholdField, string>> = {};
    for (const [k, code] of Object.entries(validateHousehold(effective))) hh[k as HouseholdField] = t(`fieldErrors.${code}`);
    const mm = members.map((m) => Object.fromEntries(Object.entries(validateMember(m)).map(([k, code]) => [k, t(`fieldErrors.${code}`)])));
    setLocal({ household: hh, members: mm });
    setError(undefined);
    // A new member shown as likely registered already is saved only with the worker's reason, asked for before sending.
    const decisions = members.map((m) => (m.kind === 'new' ? duplicateSaveDecision(candidatesOf(m), reasons[m.key] ?? '') : ({ kind: 'plain' } as const)));
    const missing = new Set(members.filter((_, i) => decisions[i]!.kind === 'reason_missing').map((m) => m.key));
    setReasonMissing(missing);
    if (Object.keys(hh).length || mm.some((x) => Object.keys(x).length) || missing.size) return;
    setBusy(true);
    try {
      const body = { ...householdPayload(effective), members: members.map((m, i) => {
        const d = decisions[i]!;
        return memberInput(m, d.kind === 'override' ? d.override : undefined);
      }) };
      const created = await api.post<HouseholdDetail>('/api/households', body);
      toast.show(t('households.created', { reference: created.household.reference }));
      void navigate(`/households/${created.household.id}`);
    } catch (e) {
      // The member the server found likely registered: their candidates join the live ones under their row.
      const at = isApiError(e) && e.code === 'possible_duplicate' ? e.fields.find((f) => f.path[0] === 'members')?.path[1] : undefined;
      const member = at !== undefined ? members[Number(at)] : undefined;
      if (member && isApiError(e)) setRefused((r) => ({ ...r, [member.key]: { key: checkKey(typedOf(member)), candidates: e.candidates as DuplicateCandidate[] } }));
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('households.newTitle')}
        breadcrumbs={<Breadcrumbs items={[{ to: '/households', label: t('nav.households') }]} />}
      />
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary message={message} items={items} attempt={attempt} />
        <p className="field-hint">{t('common.requiredLegend')}</p>
        <HouseholdForm values={effective} onChange={setValues} errors={householdErrors} visible={ALL_FIELDS} org={org.data} />
        <section className="form-group" aria-labelledby="members-heading">
          <h2 id="members-heading" className="form-group-legend">
            {t('households.members')}
          </h2>
          {members.length === 0 && <p className="muted">{t('households.noMembersYet')}</p>}
          {members.map((m, i) => (
            <div key={m.key} className="member-with-duplicates">
              <MemberRow
                index={i}
                member={m}
                errors={memberErrors[i] ?? {}}
                onChange={(next) => setMembers((list) => list.map((x) => (x.key === m.key ? next : x)))}
                onRemove={() => setMembers((list) => list.filter((x) => x.key !== m.key))}
              />
              {m.kind === 'new' && (
                <MemberDuplicates
                  index={i}
                  values={m.values}
                  address={address}
                  caregiverNames={caregiverNamesFor(members, i)}
                  candidates={candidatesOf(m)}
                  onLive={(list) => setLive((l) => ({ ...l, [m.key]: list }))}
                  enabled={checking}
                  reason={{
                    value: reasons[m.key] ?? '',
                    onChange: (text) => setReasons((r) => ({ ...r, [m.key]: text })),
                    error: reasonMissing.has(m.key) ? t('fieldErrors.required') : undefined,
                  }}
                />
              )}
            </div>
          ))}
          <AddMemberButtons
            idPrefix="household-create-pick-"
            excludeIds={members.flatMap((m) => (m.kind === 'existing' ? [m.person.id] : []))}
            onAdd={(m) => setMembers((list) => [...list, m])}
          />
        </section>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('households.register')}
          </Button>
          <Link to="/households" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
