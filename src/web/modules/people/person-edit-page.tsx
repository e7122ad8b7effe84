import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import type { DuplicateCandidate, PersonDetail, PersonView } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { RecordLoadFailed } from '../../shell/status-pages.tsx';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { Button } from '../../ui/button.tsx';
import { ConflictDialog } from '../../ui/conflict-dialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useRecordEdit } from '../../ui/use-record-edit.ts';
import { useLocationLabels } from '../locations/use-location-labels.ts';
import { useOrganisation } from '../organisation/organisation.ts';
import { DuplicateCandidates, DuplicatesAnnouncer, duplicateReasonId } from './duplicate-candidates.tsx';
import { PERSON_EDITABLE_KEYS, personConflictFields, personFieldLabel } from './person-display.ts';
import { personFieldTarget, PersonForm } from './person-form.tsx';
import {
  changedFields, emptyPersonForm, formToPayload, PERSON_FORM_FIELDS, personNames, personToForm, validatePersonForm,
  type PersonFormField, type PersonFormValues,
} from './person-model.ts';
import {
  checkKey, duplicateCheckBody, duplicateSaveDecision, identityChanged, mergeCandidates, needsDuplicateReason, stillRefused, useDuplicateCheck,
  type RefusedCandidates,
} from './use-duplicate-check.ts';

const ID_PREFIX = 'person-';

/** Turns local and server errors into the form's messages and the summary's links, in form order. */
function useFormErrors(local: Partial<Record<PersonFormField, string>>, error: unknown) {
  const { t } = useTranslation();
  const server = fieldErrorsOf(t, error);
  if (isApiError(error) && error.code === 'duplicate_identity' && !server['pinfl']) server['pinfl'] = t('errors.duplicate_identity');
  const fields: Partial<Record<PersonFormField, string>> = { ...local };
  for (const f of PERSON_FORM_FIELDS) if (server[f]) fields[f] = server[f];
  const items: SummaryItem[] = PERSON_FORM_FIELDS.filter((f) => fields[f]).map((f) => ({ target: personFieldTarget(ID_PREFIX, f), message: fields[f]!, label: personFieldLabel(t, f) }));
  // Anything the server said about a field not on this form still needs saying.
  const unplaced = Object.entries(server).filter(([k]) => !(PERSON_FORM_FIELDS as readonly string[]).includes(k));
  const message =
    error !== undefined && (items.length === 0 || unplaced.length > 0) && !(isApiError(error) && error.code === 'version_conflict')
      ? errorText(t, error)
      : undefined;
  return { fields, items, message };
}

function localErrors(t: (k: string) => string, values: PersonFormValues, visible: ReadonlySet<PersonFormField>) {
  const codes = validatePersonForm(values, visible);
  const out: Partial<Record<PersonFormField, string>> = {};
  for (const [k, code] of Object.entries(codes)) out[k as PersonFormField] = t(`fieldErrors.${code}`);
  return out;
}

/** Registering a new person. */
export function PersonCreatePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const toast = useToast();
  const org = useOrganisation();
  const defaultBranch = user.assignments.find((a) => a.branchId)?.branchId ?? '';
  const [values, setValues] = useState<PersonFormValues>(() => emptyPersonForm({ branchId: defaultBranch, assignedWorkerId: user.roles.includes('social_worker') ? user.id : '' }));
  const [local, setLocal] = useState<Partial<Record<PersonFormField, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // A refused save's candidates stay beside the live ones while the person typed is unchanged: they are the server's word.
  const [refused, setRefused] = useState<RefusedCandidates | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const visible = useMemo(() => new Set(PERSON_FORM_FIELDS), []);
  const branches = org.data?.branches ?? [];
  const onlyBranch = branches.length === 1 ? branches[0]!.id : '';
  const effective = !values.branchId && onlyBranch ? { ...values, branchId: onlyBranch } : values;
  const { fields, items, message } = useFormErrors(local, error);
  const checked = duplicateCheckBody(effective);
  const live = useDuplicateCheck(checked, { enabled: can(user, 'person.create') });
  const candidates = mergeCandidates(stillRefused(refused, checked), live.candidates);
  const overriding = needsDuplicateReason(candidates);
  const summary: SummaryItem[] = reasonError ? [...items, { target: duplicateReasonId(), message: reasonError, label: t('duplicates.reasonSummary') }] : items;

  /**
   * Saves. With likely duplicates on screen the worker's reason goes with the
   * save up front; a likely one the live check had not shown yet still comes
   * back as a 409, and joins the list.
   */
  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = localErrors(t, effective, visible);
    setLocal(problems);
    const decision = duplicateSaveDecision(candidates, reason);
    setReasonError(decision.kind === 'reason_missing' ? t('fieldErrors.required') : undefined);
    if (Object.keys(problems).length || decision.kind === 'reason_missing') {
      setError(undefined);
      return;
    }
    setBusy(true);
    try {
      const body = decision.kind === 'override' ? { ...formToPayload(effective), duplicateOverride: decision.override } : formToPayload(effective);
      const created = await api.post<PersonView>('/api/people', body);
      setError(undefined);
      toast.show(t('people.created', { reference: created.reference }));
      void navigate(`/people/${created.id}`);
    } catch (e) {
      if (isApiError(e) && e.code === 'possible_duplicate') setRefused({ key: checkKey(checked), candidates: e.candidates as DuplicateCandidate[] });
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('people.newTitle')} breadcrumbs={<Breadcrumbs items={[{ to: '/people', label: t('nav.people') }]} />} />
      <form onSubmit={submit} noValidate className="form form--aside">
        <div className="form-main">
          <ErrorSummary message={message} items={summary} attempt={attempt} />
          <p className="field-hint">{t('common.requiredLegend')}</p>
          <PersonForm values={effective} onChange={setValues} errors={fields} visible={visible} idPrefix={ID_PREFIX} org={org.data} />
        </div>
        <div className="form-aside">
          <DuplicatesAnnouncer count={candidates.length} />
          {candidates.length > 0 && (
            <DuplicateCandidates candidates={candidates} reason={{ value: reason, onChange: setReason, error: reasonError }} />
          )}
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {overriding ? t('duplicates.registerAnyway') : t('people.register')}
          </Button>
          <Link to="/people" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** Changing a person: only changed fields are sent, with the version the user opened. */
export function PersonEditPage() {
  const { personId = '' } = useParams();
  const detail = useResource((signal) => api.get<PersonDetail>(`/api/people/${personId}`, { signal }), [personId]);
  if (detail.loading) return <Loading />;
  if (detail.error !== undefined || !detail.data) return <RecordLoadFailed error={detail.error} />;
  return <PersonEditor key={detail.data.person.id} initial={detail.data.person} />;
}

function PersonEditor({ initial }: { initial: PersonView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const org = useOrganisation();
  const visible = useMemo(() => new Set(PERSON_FORM_FIELDS.filter((f) => f in initial)), [initial]);
  const edit = useRecordEdit<PersonView, PersonFormValues, PersonFormField>({
    initial,
    toForm: personToForm,
    changes: changedFields,
    check: (values) => localErrors(t, values, visible),
    apiPath: `/api/people/${initial.id}`,
    pagePath: `/people/${initial.id}`,
    editableKeys: PERSON_EDITABLE_KEYS,
  });
  const { base, values, conflict, error } = edit;
  const { fields, items, message } = useFormErrors(edit.local, error);
  const location = useLocationLabels(conflict ? [conflict.mine, conflict.current] : []);
  const names = personNames(base, locale);
  const label = names.primary || base.reference;
  // A changed name, birth date or identity number may now match someone else registered: say so before saving.
  const saved = useMemo(() => personToForm(base), [base]);
  const live = useDuplicateCheck(identityChanged(saved, values) ? duplicateCheckBody(values, { excludePersonId: base.id }) : null, {
    enabled: can(user, 'person.create'),
  });

  return (
    <>
      <PageHeader
        title={t('people.editTitle', { name: label })}
        documentTitle={t('people.editDocumentTitle', { reference: base.reference })}
        subtitle={base.reference}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: '/people', label: t('nav.people') },
              { to: `/people/${base.id}`, label },
            ]}
          />
        }
      />
      {base.archivedAt && (
        <div className="notice">
          <p>{t('people.archivedNotice')}</p>
        </div>
      )}
      <form onSubmit={edit.submit} noValidate className="form form--aside">
        <div className="form-main">
          <ErrorSummary
            message={isApiError(error) && error.code === 'version_conflict' ? t('errors.version_conflict') : message}
            items={items}
            attempt={edit.attempt}
          />
          <p className="field-hint">{t('common.requiredLegend')}</p>
          <PersonForm key={edit.formKey} values={values} onChange={edit.setValues} errors={fields} visible={visible} idPrefix={ID_PREFIX} org={org.data} />
        </div>
        <div className="form-aside">
          <DuplicatesAnnouncer count={live.candidates.length} />
          {live.candidates.length > 0 && <DuplicateCandidates candidates={live.candidates} mode="edit" />}
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={edit.busy}>
            {t('common.saveChanges')}
          </Button>
          <Link to={`/people/${base.id}`} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
      {conflict && (
        <ConflictDialog
          open
          fields={personConflictFields({ t, locale, location, org: org.data }, conflict.mine, conflict.current)}
          base={base as unknown as Record<string, unknown>}
          mine={conflict.mine as unknown as Record<string, unknown>}
          current={conflict.current as unknown as Record<string, unknown>}
          onClose={edit.closeConflict}
          onTakeCurrent={edit.takeCurrent}
          onReapply={edit.reapply}
        />
      )}
    </>
  );
}
