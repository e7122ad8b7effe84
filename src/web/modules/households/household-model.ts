import type { FieldErrorCode } from '../../../shared/errors.ts';
import { formatUzPhone, parseUzPhone } from '../../../shared/validation/phone.ts';
import type { HouseholdView, PersonView, Relationship } from '../../api/types.ts';
import { formToPayload, validatePersonForm, type PersonFormField, type PersonFormValues } from '../people/person-model.ts';

/**
 * The household form as typed and its conversions to the API's shapes.
 * Pure, so what is sent and what counts as a change are tested.
 */
export interface HouseholdFormValues {
  displayName: string;
  phone: string;
  notes: string;
  regionId: string;
  districtId: string;
  mahallaId: string;
  addressLine: string;
  branchId: string;
  teamId: string;
  assignedWorkerId: string;
}

export type HouseholdField = keyof HouseholdFormValues;

/** Form order, which the error summary follows. */
export const HOUSEHOLD_FIELDS: readonly HouseholdField[] = [
  'displayName', 'phone', 'regionId', 'districtId', 'mahallaId', 'addressLine', 'notes', 'branchId', 'teamId', 'assignedWorkerId',
];

export interface HouseholdPayload {
  displayName: string;
  phone: string | null;
  notes: string | null;
  regionId: string | null;
  districtId: string | null;
  mahallaId: string | null;
  addressLine: string | null;
  branchId: string;
  teamId: string | null;
  assignedWorkerId: string | null;
}

export function emptyHouseholdForm(defaults: Partial<HouseholdFormValues> = {}): HouseholdFormValues {
  return { displayName: '', phone: '', notes: '', regionId: '', districtId: '', mahallaId: '', addressLine: '', branchId: '', teamId: '', assignedWorkerId: '', ...defaults };
}

const str = (v: string | null | undefined): string => v ?? '';
const opt = (v: string): string | null => (v.trim() ? v.trim() : null);

export function householdToForm(h: HouseholdView): HouseholdFormValues {
  return {
    displayName: str(h.displayName),
    phone: h.phone ? formatUzPhone(h.phone) : '',
    notes: str(h.notes),
    regionId: str(h.regionId),
    districtId: str(h.districtId),
    mahallaId: str(h.mahallaId),
    addressLine: str(h.addressLine),
    branchId: str(h.branchId),
    teamId: str(h.teamId),
    assignedWorkerId: str(h.assignedWorkerId),
  };
}

export function householdPayload(v: HouseholdFormValues): HouseholdPayload {
  const phone = v.phone.trim();
  return {
    displayName: v.displayName.trim(),
    phone: phone ? (parseUzPhone(phone) ?? phone) : null,
    notes: opt(v.notes),
    regionId: v.regionId || null,
    districtId: v.districtId || null,
    mahallaId: v.mahallaId || null,
    addressLine: opt(v.addressLine),
    branchId: v.branchId,
    teamId: v.teamId || null,
    assignedWorkerId: v.assignedWorkerId || null,
  };
}

/** Only what changed, among the fields the record showed. */
export function changedHouseholdFields(base: HouseholdView, values: HouseholdFormValues): Partial<HouseholdPayload> {
  const before = householdPayload(householdToForm(base));
  const after = householdPayload(values);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof HouseholdPayload)[]) {
    if (!(key in base)) continue;
    if ((before[key] ?? null) !== (after[key] ?? null)) out[key] = after[key];
  }
  return out;
}

export function validateHousehold(v: HouseholdFormValues): Partial<Record<HouseholdField, FieldErrorCode>> {
  const errors: Partial<Record<HouseholdField, FieldErrorCode>> = {};
  if (!v.displayName.trim()) errors.displayName = 'required';
  if (!v.branchId) errors.branchId = 'required';
  if (v.phone.trim() && !parseUzPhone(v.phone)) errors.phone = 'invalid_phone';
  return errors;
}

/** The fields of a new person registered together with a household (they take its branch and address). */
export const MEMBER_PERSON_FIELDS: readonly PersonFormField[] = [
  'nameScript', 'familyName', 'givenName', 'patronymic', 'familyNameAlt', 'givenNameAlt', 'patronymicAlt', 'sex', 'birthDate', 'birthDateEstimated',
];

interface MemberBase {
  /** Stable key for React while rows are added and removed. */
  key: string;
  relationship: Relationship | '';
  isPrimaryCaregiver: boolean;
}

export type MemberDraft = (MemberBase & { kind: 'existing'; person: PersonView }) | (MemberBase & { kind: 'new'; values: PersonFormValues });

export type MemberInput =
  | { personId: string; relationship: Relationship | ''; isPrimaryCaregiver: boolean }
  | { person: Record<string, unknown>; relationship: Relationship | ''; isPrimaryCaregiver: boolean };

/**
 * A member as the API takes it: an existing person by id, or a new person's
 * few fields, with the worker's reason when they register a likely duplicate.
 */
export function memberInput(m: MemberDraft, duplicateOverride?: { reason: string; candidateIds: string[] }): MemberInput {
  if (m.kind === 'existing') return { personId: m.person.id, relationship: m.relationship, isPrimaryCaregiver: m.isPrimaryCaregiver };
  const full = formToPayload(m.values) as unknown as Record<string, unknown>;
  const person: Record<string, unknown> = {};
  for (const f of MEMBER_PERSON_FIELDS) if (full[f] !== undefined) person[f] = full[f];
  if (duplicateOverride) person['duplicateOverride'] = duplicateOverride;
  return { person, relationship: m.relationship, isPrimaryCaregiver: m.isPrimaryCaregiver };
}

const CAREGIVING: readonly Relationship[] = ['mother', 'father', 'guardian', 'grandparent'];

/**
 * The names of the other members who care for the family (parents, guardian,
 * grandparent, or marked primary caregiver), as the duplicate check compares
 * them with the caregivers of a registered child.
 */
export function caregiverNamesFor(members: readonly MemberDraft[], index: number): string[] {
  return members.flatMap((m, i) => {
    if (i === index || !(m.isPrimaryCaregiver || (m.relationship && CAREGIVING.includes(m.relationship)))) return [];
    const p = m.kind === 'existing' ? m.person : m.values;
    const name = [p.givenName, p.familyName].map((x) => (x ?? '').trim()).filter(Boolean).join(' ');
    return name ? [name] : [];
  });
}

/** Problems of each member row, keyed like the server's paths: `relationship`, `person.givenName`. */
export function validateMember(m: MemberDraft): Record<string, FieldErrorCode> {
  const out: Record<string, FieldErrorCode> = {};
  if (!m.relationship) out['relationship'] = 'required';
  if (m.kind === 'new') {
    const codes = validatePersonForm(m.values, new Set(MEMBER_PERSON_FIELDS));
    for (const [k, code] of Object.entries(codes)) out[`person.${k}`] = code;
  }
  return out;
}
