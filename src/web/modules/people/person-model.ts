import type { FieldErrorCode } from '../../../shared/errors.ts';
import { parseDisplayDate, toDisplayDate } from '../../../shared/i18n/format.ts';
import { detectScript } from '../../../shared/names/transliterate.ts';
import { isValidBirthCertificate, normalizeBirthCertificate } from '../../../shared/validation/birth-certificate.ts';
import { formatUzPhone, parseUzPhone } from '../../../shared/validation/phone.ts';
import { isValidPinfl } from '../../../shared/validation/pinfl.ts';
import type { NameScript, PersonView, Sex } from '../../api/types.ts';

/**
 * The person form as the user types it (strings, dd.mm.yyyy dates, phone as
 * typed) and its conversions to and from the API's shapes. Pure, so the
 * rules — what counts as a change, what is sent — are tested without a
 * browser.
 */
export interface PersonFormValues {
  givenName: string;
  familyName: string;
  patronymic: string;
  nameScript: NameScript | '';
  givenNameAlt: string;
  familyNameAlt: string;
  patronymicAlt: string;
  sex: Sex | '';
  birthDate: string;
  birthDateEstimated: boolean;
  disability: boolean;
  specialNeeds: string;
  healthNotes: string;
  pinfl: string;
  birthCertificate: string;
  phone: string;
  regionId: string;
  districtId: string;
  mahallaId: string;
  addressLine: string;
  branchId: string;
  assignedWorkerId: string;
  teamId: string;
}

export type PersonFormField = keyof PersonFormValues;

/** Every field of the form, in the order the form shows them (the error summary follows it). */
export const PERSON_FORM_FIELDS: readonly PersonFormField[] = [
  'nameScript', 'familyName', 'givenName', 'patronymic', 'familyNameAlt', 'givenNameAlt', 'patronymicAlt',
  'sex', 'birthDate', 'birthDateEstimated', 'pinfl', 'birthCertificate', 'disability', 'specialNeeds', 'healthNotes',
  'phone', 'regionId', 'districtId', 'mahallaId', 'addressLine', 'branchId', 'teamId', 'assignedWorkerId',
];

/** What the API accepts for a person (create body; a PATCH sends a subset). */
export interface PersonPayload {
  givenName: string;
  familyName: string;
  patronymic: string | null;
  nameScript?: NameScript;
  givenNameAlt: string | null;
  familyNameAlt: string | null;
  patronymicAlt: string | null;
  sex: Sex | '';
  birthDate: string | null;
  birthDateEstimated: boolean;
  disability: boolean;
  specialNeeds: string | null;
  healthNotes: string | null;
  pinfl: string | null;
  birthCertificate: string | null;
  phone: string | null;
  regionId: string | null;
  districtId: string | null;
  mahallaId: string | null;
  addressLine: string | null;
  branchId: string;
  assignedWorkerId: string | null;
  teamId: string | null;
}

export function emptyPersonForm(defaults: Partial<PersonFormValues> = {}): PersonFormValues {
  return {
    givenName: '', familyName: '', patronymic: '', nameScript: '', givenNameAlt: '', familyNameAlt: '', patronymicAlt: '',
    sex: '', birthDate: '', birthDateEstimated: false, disability: false, specialNeeds: '', healthNotes: '',
    pinfl: '', birthCertificate: '', phone: '', regionId: '', districtId: '', mahallaId: '', addressLine: '',
    branchId: '', assignedWorkerId: '', teamId: '',
    ...defaults,
  };
}

const str = (v: string | null | undefined): string => v ?? '';

/** The form filled from a record; fields the user's role does not see stay empty (and are not shown). */
export function personToForm(p: PersonView): PersonFormValues {
  return {
    givenName: str(p.givenName),
    familyName: str(p.familyName),
    patronymic: str(p.patronymic),
    nameScript: p.nameScript ?? '',
    givenNameAlt: str(p.givenNameAlt),
    familyNameAlt: str(p.familyNameAlt),
    patronymicAlt: str(p.patronymicAlt),
    sex: p.sex ?? '',
    birthDate: toDisplayDate(p.birthDate),
    birthDateEstimated: p.birthDateEstimated ?? false,
    disability: p.disability ?? false,
    specialNeeds: str(p.specialNeeds),
    healthNotes: str(p.healthNotes),
    pinfl: str(p.pinfl),
    birthCertificate: str(p.birthCertificate),
    phone: p.phone ? formatUzPhone(p.phone) : '',
    regionId: str(p.regionId),
    districtId: str(p.districtId),
    mahallaId: str(p.mahallaId),
    addressLine: str(p.addressLine),
    branchId: str(p.branchId),
    assignedWorkerId: str(p.assignedWorkerId),
    teamId: str(p.teamId),
  };
}

const opt = (v: string): string | null => (v.trim() ? v.trim() : null);

/**
 * The values to send. Unreadable input is sent as typed (a date the user
 * could not finish, a phone that does not parse) so the server's field error
 * points at it, rather than being silently dropped.
 */
export function formToPayload(v: PersonFormValues): PersonPayload {
  const phone = v.phone.trim();
  const date = v.birthDate.trim();
  const payload: PersonPayload = {
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    patronymic: opt(v.patronymic),
    givenNameAlt: opt(v.givenNameAlt),
    familyNameAlt: opt(v.familyNameAlt),
    patronymicAlt: opt(v.patronymicAlt),
    sex: v.sex,
    birthDate: date ? (parseDisplayDate(date) ?? date) : null,
    birthDateEstimated: v.birthDateEstimated,
    disability: v.disability,
    specialNeeds: opt(v.specialNeeds),
    healthNotes: opt(v.healthNotes),
    pinfl: v.pinfl.replace(/\s+/g, '') || null,
    birthCertificate: v.birthCertificate.trim() ? normalizeBirthCertificate(v.birthCertificate) : null,
    phone: phone ? (parseUzPhone(phone) ?? phone) : null,
    regionId: v.regionId || null,
    districtId: v.districtId || null,
    mahallaId: v.mahallaId || null,
    addressLine: opt(v.addressLine),
    branchId: v.branchId,
    assignedWorkerId: v.assignedWorkerId || null,
    teamId: v.teamId || null,
  };
  if (v.nameScript) payload.nameScript = v.nameScript;
  return payload;
}

/**
 * Only what changed, for a PATCH, limited to the fields the record showed
 * (a field the role cannot see is never sent). Compared after conversion, so
 * retyping a phone in another layout is not a change.
 */
export function changedFields(base: PersonView, values: PersonFormValues): Partial<PersonPayload> {
  const before = formToPayload(personToForm(base));
  const after = formToPayload(values);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof PersonPayload)[]) {
    if (!(key in base)) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) out[key] = after[key];
  }
  return out;
}

/**
 * Checks made before sending, with the same codes the server uses, so the
 * user sees the same message either way. Only the visible fields are checked.
 */
export function validatePersonForm(v: PersonFormValues, visible: ReadonlySet<PersonFormField>, today = new Date()): Partial<Record<PersonFormField, FieldErrorCode>> {
  const errors: Partial<Record<PersonFormField, FieldErrorCode>> = {};
  const check = (field: PersonFormField, code: FieldErrorCode | null) => {
    if (code && visible.has(field)) errors[field] = code;
  };
  check('familyName', v.familyName.trim() ? null : 'required');
  check('givenName', v.givenName.trim() ? null : 'required');
  check('sex', v.sex ? null : 'required');
  check('branchId', v.branchId ? null : 'required');
  if (v.birthDate.trim()) {
    const iso = parseDisplayDate(v.birthDate);
    const todayIso = today.toISOString().slice(0, 10);
    check('birthDate', !iso ? 'invalid_date' : iso > todayIso ? 'date_in_future' : iso < '1900-01-01' ? 'invalid_date' : null);
  }
  check('pinfl', pinflProblem(v.pinfl, true));
  check('phone', v.phone.trim() && !parseUzPhone(v.phone) ? 'invalid_phone' : null);
  check('birthCertificate', v.birthCertificate.trim() && !isValidBirthCertificate(v.birthCertificate) ? 'invalid_format' : null);
  return errors;
}

/**
 * A PINFL's problem while it is being typed: nothing until it could be
 * complete (14 digits), unless `final` (on leaving the field or saving).
 */
export function pinflProblem(text: string, final: boolean): FieldErrorCode | null {
  const compact = text.replace(/\s+/g, '');
  if (!compact) return null;
  if (/\D/.test(compact)) return 'invalid_pinfl';
  if (compact.length < 14) return final ? 'invalid_pinfl' : null;
  return isValidPinfl(compact) ? null : 'invalid_pinfl';
}

/** The script of the names as typed, to pre-select the script choice; null when unclear. */
export function guessScript(...names: string[]): NameScript | null {
  const s = detectScript(names.join(' '));
  return s === 'cyrl' || s === 'latn' ? s : null;
}

export { personNames, readerScript, type NameParts } from './person-names.ts';
