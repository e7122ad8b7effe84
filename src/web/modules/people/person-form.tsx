import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDisplayDate, toDisplayDate } from '../../../shared/i18n/format.ts';
import { otherScriptSuggestion } from '../../../shared/names/transliterate.ts';
import { formatUzPhone, parseUzPhone } from '../../../shared/validation/phone.ts';
import { pinflBirthDate, pinflSex } from '../../../shared/validation/pinfl.ts';
import { isValidBirthCertificate, normalizeBirthCertificate } from '../../../shared/validation/birth-certificate.ts';
import type { OrganisationInfo } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Checkbox } from '../../ui/checkbox.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { LocationSelects } from '../locations/location-selects.tsx';
import { branchOptions, teamOptions, workerOptions } from '../organisation/organisation.ts';
import { guessScript, pinflProblem, type PersonFormField, type PersonFormValues } from './person-model.ts';

type NameField = 'givenName' | 'familyName' | 'patronymic';
const ALT: Record<NameField, 'givenNameAlt' | 'familyNameAlt' | 'patronymicAlt'> = {
  givenName: 'givenNameAlt',
  familyName: 'familyNameAlt',
  patronymic: 'patronymicAlt',
};

export interface PersonFormProps {
  values: PersonFormValues;
  onChange: (values: PersonFormValues) => void;
  /** Translated errors by field. */
  errors: Partial<Record<PersonFormField, string>>;
  /** The fields the user may see and edit. */
  visible: ReadonlySet<PersonFormField>;
  /** Prefix of every control id; the error summary links to `${idPrefix}${field}`. */
  idPrefix: string;
  org?: OrganisationInfo | undefined;
  /** The short form used inside a household: names, sex and date of birth only. */
  mini?: boolean;
}

/** The id a field's error-summary link goes to (a radio group's first radio). */
export function personFieldTarget(idPrefix: string, field: PersonFormField): string {
  return field === 'nameScript' || field === 'sex' ? `${idPrefix}${field}-input` : `${idPrefix}${field}`;
}

/**
 * The fields of a person. Names are typed in the script they are written in;
 * the other-script form is suggested as they are typed (Uzbek Cyrillic ⇄
 * Latin), and stops following once the user edits it.
 */
export function PersonForm({ values, onChange, errors, visible, idPrefix, org, mini }: PersonFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [altTouched, setAltTouched] = useState<Record<NameField, boolean>>(() => ({
    givenName: Boolean(values.givenNameAlt),
    familyName: Boolean(values.familyNameAlt),
    patronymic: Boolean(values.patronymicAlt),
  }));
  const [scriptChosen, setScriptChosen] = useState(Boolean(values.nameScript));
  const [pinflLive, setPinflLive] = useState<string | undefined>(undefined);
  const [blurErrors, setBlurErrors] = useState<Partial<Record<PersonFormField, string>>>({});
  const show = (f: PersonFormField) => visible.has(f);
  const id = (f: PersonFormField) => `${idPrefix}${f}`;
  const err = (f: PersonFormField) => errors[f] ?? blurErrors[f];
  const set = (patch: Partial<PersonFormValues>) => onChange({ ...values, ...patch });

  function setName(field: NameField, text: string) {
    const next: PersonFormValues = { ...values, [field]: text };
    if (!altTouched[field]) next[ALT[field]] = otherScriptSuggestion(text)?.text ?? '';
    if (!scriptChosen) next.nameScript = guessScript(next.familyName, next.givenName, next.patronymic) ?? '';
    onChange(next);
  }

  function setPinfl(text: string) {
    const problem = pinflProblem(text, false);
    setPinflLive(problem ? t(`fieldErrors.${problem}`) : undefined);
    const patch: Partial<PersonFormValues> = { pinfl: text };
    // A valid PINFL encodes the date of birth and sex: fill them if still empty.
    const born = pinflBirthDate(text);
    if (born && !values.birthDate.trim() && show('birthDate')) patch.birthDate = toDisplayDate(born);
    const sex = pinflSex(text);
    if (sex && !values.sex && show('sex')) patch.sex = sex;
    set(patch);
  }

  const pinflBorn = pinflBirthDate(values.pinfl);
  const pinflMismatch =
    (pinflBorn && values.birthDate && parseDisplayDate(values.birthDate) && parseDisplayDate(values.birthDate) !== pinflBorn) ||
    (pinflSex(values.pinfl) && values.sex && pinflSex(values.pinfl) !== values.sex);

  const scriptLabel = (s: string) => (s === 'cyrl' ? t('person.scriptCyrl') : t('person.scriptLatn'));
  const altScript = values.nameScript === 'cyrl' ? 'latn' : values.nameScript === 'latn' ? 'cyrl' : '';

  const nameFields = (['familyName', 'givenName', 'patronymic'] as const).filter(show);
  const altFields = (['familyName', 'givenName', 'patronymic'] as const).filter((f) => show(ALT[f]));

  return (
    <div className="person-form">
      <Group legend={t('person.groupName')}>
        {show('nameScript') && (
          <RadioGroup
            id={id('nameScript')}
            legend={t('person.fields.nameScript')}
            hint={t('person.nameScriptHint')}
            value={values.nameScript}
            inline
            options={[
              { value: 'cyrl', label: t('person.scriptCyrl') },
              { value: 'latn', label: t('person.scriptLatn') },
            ]}
            error={err('nameScript')}
            onChange={(nameScript) => {
              setScriptChosen(true);
              set({ nameScript });
            }}
          />
        )}
        <div className="field-row">
          {nameFields.map((f) => (
            <TextField
              key={f}
              id={id(f)}
              label={t(`person.fields.${f}`)}
              value={values[f]}
              onChange={(text) => setName(f, text)}
              required={f !== 'patronymic'}
              autoComplete="off"
              spellCheck={false}
              maxLength={80}
              error={err(f)}
            />
          ))}
        </div>
        {altFields.length > 0 && (
          <>
            <p className="field-hint">
              {altScript ? t('person.altHint', { script: scriptLabel(altScript) }) : t('person.altHintNoScript')}
            </p>
            <div className="field-row">
              {altFields.map((f) => (
                <TextField
                  key={ALT[f]}
                  id={id(ALT[f])}
                  label={t(`person.fields.${ALT[f]}`)}
                  value={values[ALT[f]]}
                  onChange={(text) => {
                    setAltTouched((s) => ({ ...s, [f]: true }));
                    set({ [ALT[f]]: text });
                  }}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={80}
                  error={err(ALT[f])}
                />
              ))}
            </div>
          </>
        )}
      </Group>

      <Group legend={t('person.groupAbout')}>
        {show('sex') && (
          <RadioGroup
            id={id('sex')}
            legend={t('person.fields.sex')}
            value={values.sex}
            inline
            required
            options={[
              { value: 'female', label: t('sex.female') },
              { value: 'male', label: t('sex.male') },
            ]}
            error={err('sex')}
            onChange={(sex) => set({ sex })}
          />
        )}
        {show('birthDate') && (
          <DateField id={id('birthDate')} label={t('person.fields.birthDate')} value={values.birthDate} onChange={(birthDate) => set({ birthDate })} error={err('birthDate')} />
        )}
        {show('birthDateEstimated') && (
          <Checkbox
            id={id('birthDateEstimated')}
            label={t('person.fields.birthDateEstimated')}
            hint={t('person.estimatedHint')}
            checked={values.birthDateEstimated}
            onChange={(birthDateEstimated) => set({ birthDateEstimated })}
          />
        )}
        {!mini && show('disability') && (
          <Checkbox id={id('disability')} label={t('person.fields.disability')} checked={values.disability} onChange={(disability) => set({ disability })} />
        )}
        {!mini && show('specialNeeds') && (
          <TextField id={id('specialNeeds')} label={t('person.fields.specialNeeds')} hint={t('person.specialNeedsHint')} value={values.specialNeeds} onChange={(specialNeeds) => set({ specialNeeds })} multiline maxLength={2000} error={err('specialNeeds')} />
        )}
        {!mini && show('healthNotes') && (
          <TextField id={id('healthNotes')} label={t('person.fields.healthNotes')} value={values.healthNotes} onChange={(healthNotes) => set({ healthNotes })} multiline maxLength={4000} error={err('healthNotes')} />
        )}
      </Group>

      {!mini && (show('pinfl') || show('birthCertificate')) && (
        <Group legend={t('person.groupDocuments')}>
          {show('pinfl') && (
            <>
              <TextField
                id={id('pinfl')}
                label={t('person.fields.pinfl')}
                hint={t('person.pinflHint')}
                value={values.pinfl}
                onChange={setPinfl}
                onBlur={() => {
                  const problem = pinflProblem(values.pinfl, true);
                  setPinflLive(problem ? t(`fieldErrors.${problem}`) : undefined);
                }}
                inputMode="numeric"
                autoComplete="off"
                maxLength={20}
                width="medium"
                error={errors.pinfl ?? pinflLive}
              />
              {pinflBorn && !pinflLive && (
                <p className={pinflMismatch ? 'field-warning' : 'field-hint'} role="status">
                  {t('person.pinflDecoded', { date: formatDate(locale, pinflBorn), sex: t(`sex.${pinflSex(values.pinfl) ?? 'female'}`) })}
                  {pinflMismatch ? ` ${t('person.pinflMismatch')}` : ''}
                </p>
              )}
            </>
          )}
          {show('birthCertificate') && (
            <TextField
              id={id('birthCertificate')}
              label={t('person.fields.birthCertificate')}
              hint={t('person.birthCertificateHint')}
              value={values.birthCertificate}
              onChange={(birthCertificate) => set({ birthCertificate })}
              onBlur={() => {
                const text = values.birthCertificate.trim();
                if (!text) return setBlurErrors((e) => ({ ...e, birthCertificate: undefined }));
                if (isValidBirthCertificate(text)) {
                  set({ birthCertificate: normalizeBirthCertificate(text) });
                  setBlurErrors((e) => ({ ...e, birthCertificate: undefined }));
                } else setBlurErrors((e) => ({ ...e, birthCertificate: t('fieldErrors.invalid_format') }));
              }}
              autoComplete="off"
              maxLength={30}
              width="medium"
              error={err('birthCertificate')}
            />
          )}
        </Group>
      )}

      {!mini && (show('phone') || show('regionId') || show('addressLine')) && (
        <Group legend={t('person.groupContact')}>
          {show('phone') && (
            <TextField
              id={id('phone')}
              label={t('person.fields.phone')}
              hint={t('common.phoneHint')}
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={values.phone}
              onChange={(phone) => set({ phone })}
              onBlur={() => {
                const text = values.phone.trim();
                if (!text) return setBlurErrors((e) => ({ ...e, phone: undefined }));
                const e164 = parseUzPhone(text);
                if (e164) {
                  set({ phone: formatUzPhone(e164) });
                  setBlurErrors((e) => ({ ...e, phone: undefined }));
                } else setBlurErrors((e) => ({ ...e, phone: t('fieldErrors.invalid_phone') }));
              }}
              maxLength={30}
              width="medium"
              error={err('phone')}
            />
          )}
          {show('regionId') && (
            <LocationSelects
              idPrefix={idPrefix}
              value={{ regionId: values.regionId, districtId: values.districtId, mahallaId: values.mahallaId }}
              onChange={(address) => set(address)}
              errors={{ regionId: err('regionId'), districtId: err('districtId'), mahallaId: err('mahallaId') }}
            />
          )}
          {show('addressLine') && (
            <TextField id={id('addressLine')} label={t('address.line')} hint={t('address.lineHint')} value={values.addressLine} onChange={(addressLine) => set({ addressLine })} maxLength={300} error={err('addressLine')} />
          )}
        </Group>
      )}

      {!mini && show('branchId') && (
        <Group legend={t('person.groupAssignment')}>
          <Select
            id={id('branchId')}
            label={t('common.branch')}
            value={values.branchId}
            required
            emptyLabel={t('common.choose')}
            options={branchOptions(org, locale)}
            error={err('branchId')}
            onChange={(branchId) => set({ branchId, teamId: '' })}
          />
          {show('teamId') && (
            <Select
              id={id('teamId')}
              label={t('common.team')}
              value={values.teamId}
              emptyLabel={t('common.noTeam')}
              options={teamOptions(org, values.branchId)}
              error={err('teamId')}
              onChange={(teamId) => set({ teamId })}
            />
          )}
          {show('assignedWorkerId') && (
            <Select
              id={id('assignedWorkerId')}
              label={t('common.assignedWorker')}
              value={values.assignedWorkerId}
              emptyLabel={t('common.unassigned')}
              options={workerOptions(org, values.branchId, values.assignedWorkerId)}
              error={err('assignedWorkerId')}
              onChange={(assignedWorkerId) => set({ assignedWorkerId })}
            />
          )}
        </Group>
      )}
    </div>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="form-group">
      <legend className="form-group-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}
