import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatUzPhone, parseUzPhone } from '../../../shared/validation/phone.ts';
import type { OrganisationInfo } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { LocationSelects } from '../locations/location-selects.tsx';
import { branchOptions, teamOptions, workerOptions } from '../organisation/organisation.ts';
import type { HouseholdField, HouseholdFormValues } from './household-model.ts';

export const HOUSEHOLD_ID_PREFIX = 'household-';

/** A household field's label, for error summaries and the conflict dialog. */
export function householdFieldLabel(t: TFunction, key: HouseholdField): string {
  switch (key) {
    case 'regionId':
      return t('address.region');
    case 'districtId':
      return t('address.district');
    case 'mahallaId':
      return t('address.mahalla');
    case 'addressLine':
      return t('address.line');
    case 'branchId':
      return t('common.branch');
    case 'teamId':
      return t('common.team');
    case 'assignedWorkerId':
      return t('common.assignedWorker');
    case 'displayName':
    case 'phone':
    case 'notes':
      return t(`households.fields.${key}`);
  }
}

export interface HouseholdFormProps {
  values: HouseholdFormValues;
  onChange: (values: HouseholdFormValues) => void;
  errors: Partial<Record<HouseholdField, string>>;
  visible: ReadonlySet<HouseholdField>;
  org: OrganisationInfo | undefined;
}

/** The household's own fields: name, contact, address and who works with it. */
export function HouseholdForm({ values, onChange, errors, visible, org }: HouseholdFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [phoneError, setPhoneError] = useState<string | undefined>(undefined);
  const set = (patch: Partial<HouseholdFormValues>) => onChange({ ...values, ...patch });
  const id = (f: HouseholdField) => `${HOUSEHOLD_ID_PREFIX}${f}`;
  const show = (f: HouseholdField) => visible.has(f);

  return (
    <>
      <fieldset className="form-group">
        <legend className="form-group-legend">{t('households.groupHousehold')}</legend>
        {show('displayName') && (
          <TextField id={id('displayName')} label={t('households.fields.displayName')} hint={t('households.displayNameHint')} value={values.displayName} onChange={(displayName) => set({ displayName })} required maxLength={120} error={errors.displayName} />
        )}
        {show('phone') && (
          <TextField
            id={id('phone')}
            label={t('households.fields.phone')}
            hint={t('common.phoneHint')}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={values.phone}
            onChange={(phone) => set({ phone })}
            onBlur={() => {
              const text = values.phone.trim();
              if (!text) return setPhoneError(undefined);
              const e164 = parseUzPhone(text);
              if (e164) {
                set({ phone: formatUzPhone(e164) });
                setPhoneError(undefined);
              } else setPhoneError(t('fieldErrors.invalid_phone'));
            }}
            width="medium"
            maxLength={30}
            error={errors.phone ?? phoneError}
          />
        )}
        {show('notes') && <TextField id={id('notes')} label={t('households.fields.notes')} value={values.notes} onChange={(notes) => set({ notes })} multiline maxLength={4000} error={errors.notes} />}
      </fieldset>
      {show('regionId') && (
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('address.title')}</legend>
          <LocationSelects
            idPrefix={HOUSEHOLD_ID_PREFIX}
            value={{ regionId: values.regionId, districtId: values.districtId, mahallaId: values.mahallaId }}
            onChange={(address) => set(address)}
            errors={{ regionId: errors.regionId, districtId: errors.districtId, mahallaId: errors.mahallaId }}
          />
          {show('addressLine') && (
            <TextField id={id('addressLine')} label={t('address.line')} hint={t('address.lineHint')} value={values.addressLine} onChange={(addressLine) => set({ addressLine })} maxLength={300} error={errors.addressLine} />
          )}
        </fieldset>
      )}
      {show('branchId') && (
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('person.groupAssignment')}</legend>
          <Select id={id('branchId')} label={t('common.branch')} value={values.branchId} required emptyLabel={t('common.choose')} options={branchOptions(org, locale)} error={errors.branchId} onChange={(branchId) => set({ branchId, teamId: '' })} />
          {show('teamId') && <Select id={id('teamId')} label={t('common.team')} value={values.teamId} emptyLabel={t('common.noTeam')} options={teamOptions(org, values.branchId)} error={errors.teamId} onChange={(teamId) => set({ teamId })} />}
          {show('assignedWorkerId') && (
            <Select id={id('assignedWorkerId')} label={t('common.assignedWorker')} value={values.assignedWorkerId} emptyLabel={t('common.unassigned')} options={workerOptions(org, values.branchId, values.assignedWorkerId)} error={errors.assignedWorkerId} onChange={(assignedWorkerId) => set({ assignedWorkerId })} />
          )}
        </fieldset>
      )}
    </>
  );
}
