import type { TFunction } from 'i18next';
import { formatDate } from '../../../shared/i18n/format.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import { formatUzPhone } from '../../../shared/validation/phone.ts';
import type { OrganisationInfo, PersonView } from '../../api/types.ts';
import type { ConflictField } from '../../ui/conflict-dialog.tsx';
import { valueText } from '../../ui/value-text.ts';
import { branchName, teamName, workerName } from '../organisation/organisation.ts';
import type { PersonFormField } from './person-model.ts';

/** Fields of a person a user edits, in form order; the conflict dialog compares these. */
export const PERSON_EDITABLE_KEYS = [
  'familyName', 'givenName', 'patronymic', 'nameScript', 'familyNameAlt', 'givenNameAlt', 'patronymicAlt',
  'sex', 'birthDate', 'birthDateEstimated', 'pinfl', 'birthCertificate', 'disability', 'specialNeeds', 'healthNotes',
  'phone', 'regionId', 'districtId', 'mahallaId', 'addressLine', 'branchId', 'teamId', 'assignedWorkerId',
] as const satisfies readonly (keyof PersonView)[];

export type PersonEditableKey = (typeof PERSON_EDITABLE_KEYS)[number];

export interface DisplayContext {
  t: TFunction;
  locale: Locale;
  location: (id: string | null | undefined) => string;
  org: OrganisationInfo | undefined;
}

/** Label of a person field in the reader's language. */
export function personFieldLabel(t: TFunction, key: PersonEditableKey | PersonFormField): string {
  if (key === 'regionId') return t('address.region');
  if (key === 'districtId') return t('address.district');
  if (key === 'mahallaId') return t('address.mahalla');
  if (key === 'addressLine') return t('address.line');
  if (key === 'branchId') return t('common.branch');
  if (key === 'teamId') return t('common.team');
  if (key === 'assignedWorkerId') return t('common.assignedWorker');
  return t(`person.fields.${key}`);
}

/** A person field's value as words: dates as dd.mm.yyyy, ids as names, yes/no for flags. */
export function personFieldText(ctx: DisplayContext, key: PersonEditableKey, value: unknown): string {
  const { t, locale } = ctx;
  const v = valueText(value);
  if (v === '') return '';
  switch (key) {
    case 'sex':
      return t(`sex.${v}`);
    case 'nameScript':
      return v === 'cyrl' ? t('person.scriptCyrl') : t('person.scriptLatn');
    case 'birthDate':
      return formatDate(locale, v);
    case 'birthDateEstimated':
    case 'disability':
      return value === true ? t('common.yes') : t('common.no');
    case 'phone':
      return formatUzPhone(v);
    case 'regionId':
    case 'districtId':
    case 'mahallaId':
      return ctx.location(v) || t('common.unknownPlace');
    case 'branchId':
      return branchName(ctx.org, locale, v);
    case 'teamId':
      return teamName(ctx.org, v);
    case 'assignedWorkerId':
      return workerName(ctx.org, v) || t('common.anotherWorker');
    case 'familyName':
    case 'givenName':
    case 'patronymic':
    case 'familyNameAlt':
    case 'givenNameAlt':
    case 'patronymicAlt':
    case 'specialNeeds':
    case 'healthNotes':
    case 'pinfl':
    case 'birthCertificate':
    case 'addressLine':
      return v;
  }
}

/** The rows of the conflict dialog: the fields either version shows. */
export function personConflictFields(ctx: DisplayContext, a: PersonView, b: PersonView): ConflictField[] {
  return PERSON_EDITABLE_KEYS.filter((k) => k in a || k in b).map((key) => ({
    key,
    label: personFieldLabel(ctx.t, key),
    format: (value: unknown) => personFieldText(ctx, key, value),
  }));
}

/** Age in whole years on a date, for the people list and the person page. */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}
