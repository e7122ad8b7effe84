import type { FieldView } from '../../../shared/permissions.ts';
import type { Person } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { pickVisible, type VisibleFields } from '../../platform/access/field-visibility.ts';
import type { Actor } from '../../platform/http/context.ts';
import { PERSON_FIELDS, type AgeBand, type PersonField, type PersonView } from './person.schema.ts';

type ViewKey = keyof PersonView;

/** What each field view shows of a person. `full` is every field. */
const PARTNER_FIELDS: readonly ViewKey[] = [
  'id', 'reference', 'givenName', 'familyName', 'patronymic', 'nameScript', 'givenNameAlt', 'familyNameAlt', 'patronymicAlt',
  'sex', 'ageBand', 'regionId', 'districtId', 'mahallaId', 'branchId', 'teamId', 'archivedAt', 'mergedIntoId', 'version',
];
const DEIDENTIFIED_FIELDS: readonly ViewKey[] = [
  'id', 'reference', 'sex', 'ageBand', 'disability', 'regionId', 'districtId', 'branchId', 'archivedAt', 'mergedIntoId', 'version', 'createdAt', 'updatedAt',
];
const VISIBLE: VisibleFields<PersonView> = {
  partner: new Set(PARTNER_FIELDS),
  deidentified: new Set(DEIDENTIFIED_FIELDS),
};

/** Which fields a view may change: only the full view writes person data. */
export function writablePersonFields(view: FieldView): ReadonlySet<PersonField> {
  return view === 'full' ? new Set(PERSON_FIELDS) : new Set();
}

/** Whether names may be searched: a de-identified view must not probe names. */
export function maySearchByName(view: FieldView): boolean {
  return view !== 'deidentified';
}

export function ageBandOf(birthDate: string | null, today = new Date()): AgeBand | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age -= 1;
  if (age < 3) return '0-2';
  if (age < 6) return '3-5';
  if (age < 12) return '6-11';
  if (age < 15) return '12-14';
  if (age < 18) return '15-17';
  if (age < 24) return '18-23';
  return '24+';
}

/** The person as `actor` may see them: hidden fields are removed, not blanked. */
export function personViewFor(actor: Pick<Actor, 'fieldView'>, row: Person): PersonView {
  const full: PersonView = {
    id: row.id,
    reference: row.reference,
    givenName: row.given_name,
    familyName: row.family_name,
    patronymic: row.patronymic,
    nameScript: row.name_script,
    givenNameAlt: row.given_name_alt,
    familyNameAlt: row.family_name_alt,
    patronymicAlt: row.patronymic_alt,
    sex: row.sex,
    birthDate: row.birth_date,
    birthDateEstimated: row.birth_date_estimated,
    ageBand: ageBandOf(row.birth_date),
    disability: row.disability,
    specialNeeds: row.special_needs,
    healthNotes: row.health_notes,
    pinfl: row.pinfl,
    birthCertificate: row.birth_certificate,
    phone: row.phone,
    regionId: row.region_id,
    districtId: row.district_id,
    mahallaId: row.mahalla_id,
    addressLine: row.address_line,
    branchId: row.branch_id,
    assignedWorkerId: row.assigned_worker_id,
    teamId: row.team_id,
    archivedAt: row.archived_at,
    mergedIntoId: row.merged_into_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return pickVisible(actor.fieldView, full, VISIBLE);
}

/** Refuses a write that names a field the caller may not set. */
export function assertWritable(actor: Pick<Actor, 'fieldView'>, fields: Iterable<string>): void {
  const writable = writablePersonFields(actor.fieldView) as ReadonlySet<string>;
  const refused = [...fields].filter((f) => f !== 'version' && !writable.has(f));
  if (refused.length) {
    throw new AppError('field_not_writable', 'Your role may not change some of these fields.', {
      fields: refused.map((f) => ({ path: [f], code: 'invalid' as const })),
    });
  }
}
