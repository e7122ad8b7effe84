import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatUzPhone } from '../../../shared/validation/phone.ts';
import { api, isApiError } from '../../api/client.ts';
import type { HouseholdDetail, HouseholdView } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { RecordLoadFailed } from '../../shell/status-pages.tsx';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { Button } from '../../ui/button.tsx';
import { ConflictDialog, type ConflictField } from '../../ui/conflict-dialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useRecordEdit } from '../../ui/use-record-edit.ts';
import { valueText } from '../../ui/value-text.ts';
import { useLocationLabels } from '../locations/use-location-labels.ts';
import { branchName, teamName, useOrganisation, workerName } from '../organisation/organisation.ts';
import { HOUSEHOLD_ID_PREFIX, HouseholdForm, householdFieldLabel } from './household-form.tsx';
import {
  changedHouseholdFields, HOUSEHOLD_FIELDS, householdToForm, validateHousehold, type HouseholdField, type HouseholdFormValues,
} from './household-model.ts';

/** Changing a household's own fields; members are changed on the household's page. */
export function HouseholdEditPage() {
  const { householdId = '' } = useParams();
  const detail = useResource((signal) => api.get<HouseholdDetail>(`/api/households/${householdId}`, { signal }), [householdId]);
  if (detail.loading) return <Loading />;
  if (detail.error !== undefined || !detail.data) return <RecordLoadFailed error={detail.error} />;
  return <HouseholdEditor key={detail.data.household.id} initial={detail.data.household} />;
}

function HouseholdEditor({ initial }: { initial: HouseholdView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const org = useOrganisation();
  const visible = useMemo(() => new Set(HOUSEHOLD_FIELDS.filter((f) => f in initial)), [initial]);
  const edit = useRecordEdit<HouseholdView, HouseholdFormValues, HouseholdField>({
    initial,
    toForm: householdToForm,
    changes: changedHouseholdFields,
    check: (values) => {
      const problems: Partial<Record<HouseholdField, string>> = {};
      for (const [k, code] of Object.entries(validateHousehold(values))) if (visible.has(k as HouseholdField)) problems[k as HouseholdField] = t(`fieldErrors.${code}`);
      return problems;
    },
    apiPath: `/api/households/${initial.id}`,
    pagePath: `/households/${initial.id}`,
    editableKeys: HOUSEHOLD_FIELDS,
  });
  const { base, conflict, error } = edit;
  const location = useLocationLabels(conflict ? [conflict.mine, conflict.current] : []);
  const label = base.displayName ?? base.reference;

  const server = fieldErrorsOf(t, error);
  const fields: Partial<Record<HouseholdField, string>> = { ...edit.local };
  for (const f of HOUSEHOLD_FIELDS) if (server[f]) fields[f] = server[f];
  const items: SummaryItem[] = HOUSEHOLD_FIELDS.filter((f) => fields[f]).map((f) => ({ target: `${HOUSEHOLD_ID_PREFIX}${f}`, message: fields[f]!, label: householdFieldLabel(t, f) }));
  const isConflict = isApiError(error) && error.code === 'version_conflict';
  const message = isConflict ? t('errors.version_conflict') : error !== undefined && items.length === 0 ? errorText(t, error) : undefined;

  const conflictFields: ConflictField[] = HOUSEHOLD_FIELDS.filter((f) => visible.has(f)).map((key) => ({
    key,
    label: householdFieldLabel(t, key),
    format: (value: unknown) => {
      const v = valueText(value);
      if (v === '') return '';
      if (key === 'phone') return formatUzPhone(v);
      if (key === 'regionId' || key === 'districtId' || key === 'mahallaId') return location(v) || t('common.unknownPlace');
      if (key === 'branchId') return branchName(org.data, locale, v);
      if (key === 'teamId') return teamName(org.data, v);
      if (key === 'assignedWorkerId') return workerName(org.data, v) || t('common.anotherWorker');
      return v;
    },
  }));

  return (
    <>
      <PageHeader
        title={t('households.editTitle', { name: label })}
        documentTitle={t('households.editDocumentTitle', { reference: base.reference })}
        subtitle={base.reference}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: '/households', label: t('nav.households') },
              { to: `/households/${base.id}`, label },
            ]}
          />
        }
      />
      <form onSubmit={edit.submit} noValidate className="form">
        <ErrorSummary message={message} items={items} attempt={edit.attempt} />
        <p className="field-hint">{t('common.requiredLegend')}</p>
        <HouseholdForm key={edit.formKey} values={edit.values} onChange={edit.setValues} errors={fields} visible={visible} org={org.data} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={edit.busy}>
            {t('common.saveChanges')}
          </Button>
          <Link to={`/households/${base.id}`} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
      {conflict && (
        <ConflictDialog
          open
          fields={conflictFields}
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
