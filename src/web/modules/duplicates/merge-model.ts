import { MERGE_FIELDS, type MergeField } from '../../../shared/duplicates.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import { detectScript } from '../../../shared/names/transliterate.ts';
import { formatDate } from '../../../shared/i18n/format.ts';
import type { PersonNameView, PersonView } from '../../api/types.ts';
import { addressText } from '../locations/use-location-labels.ts';
import { personFieldLabel, personFieldText, type DisplayContext } from '../people/person-display.ts';
import { personNames } from '../people/person-model.ts';

/**
 * The rules of the merge screen, pure so they are tested without a browser:
 * which fields of two records differ, which record is suggested to stay,
 * which value each field keeps unless the user says otherwise, and what is
 * sent to the server.
 */

/** The person properties a merge field carries: a name with its other-script spelling, a date with its "estimated" mark, the whole address. */
export const MERGE_FIELD_KEYS: Record<MergeField, readonly (keyof PersonView)[]> = {
  givenName: ['givenName', 'givenNameAlt'],
  familyName: ['familyName', 'familyNameAlt'],
  patronymic: ['patronymic', 'patronymicAlt'],
  sex: ['sex'],
  birthDate: ['birthDate', 'birthDateEstimated'],
  disability: ['disability'],
  specialNeeds: ['specialNeeds'],
  healthNotes: ['healthNotes'],
  pinfl: ['pinfl'],
  birthCertificate: ['birthCertificate'],
  phone: ['phone'],
  address: ['regionId', 'districtId', 'mahallaId', 'addressLine'],
};

const NAME_FIELDS = new Set<MergeField>(['givenName', 'familyName', 'patronymic']);

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Whether the caller's role sees this field on the record at all. */
export function isVisible(p: PersonView, field: MergeField): boolean {
  return MERGE_FIELD_KEYS[field].some((k) => k in p);
}

/**
 * Whether a field holds information. A flag on its own ("has a disability")
 * counts only when set, as "no" is also what an unasked question looks like.
 */
export function isFilled(p: PersonView, field: MergeField): boolean {
  if (field === 'disability') return p.disability === true;
  return MERGE_FIELD_KEYS[field].some((k) => text(p[k]) !== '');
}

/**
 * Whether two records hold the same value for a field. A name and its
 * other-script spelling are compared as a pair, so «Нилуфар» / Nilufar equals
 * Nilufar / «Нилуфар»: the same name typed first in another script.
 */
export function sameValue(a: PersonView, b: PersonView, field: MergeField): boolean {
  if (NAME_FIELDS.has(field)) {
    const [main, alt] = MERGE_FIELD_KEYS[field] as [keyof PersonView, keyof PersonView];
    const pair = (p: PersonView) => [text(p[main]), text(p[alt])].sort().join('\u0000');
    return pair(a) === pair(b);
  }
  return MERGE_FIELD_KEYS[field].every((k) => {
    const x = a[k] ?? null;
    const y = b[k] ?? null;
    return typeof x === 'string' || typeof y === 'string' ? text(x) === text(y) : x === y;
  });
}

/** The fields both records show, split into those that differ (a choice to make) and those that agree. */
export function compareRecords(a: PersonView, b: PersonView): { differing: MergeField[]; same: MergeField[] } {
  const differing: MergeField[] = [];
  const same: MergeField[] = [];
  for (const field of MERGE_FIELDS) {
    if (!isVisible(a, field) && !isVisible(b, field)) continue;
    (sameValue(a, b, field) ? same : differing).push(field);
  }
  return { differing, same };
}

/** How many of the merge fields a record has filled in. */
export function completeness(p: PersonView): number {
  return MERGE_FIELDS.filter((f) => isFilled(p, f)).length;
}

export interface SurvivorSuggestion {
  survivorId: string;
  /** Why: it has more filled in, or both are as complete and it was registered first. */
  reason: 'more_complete' | 'older';
}

/**
 * The record suggested to stay: the more complete one, as it carries more
 * of what workers have checked; when both are as complete, the one
 * registered first, whose reference people have used longest.
 */
export function suggestSurvivor(a: PersonView, b: PersonView): SurvivorSuggestion {
  const ca = completeness(a);
  const cb = completeness(b);
  if (ca !== cb) return { survivorId: ca > cb ? a.id : b.id, reason: 'more_complete' };
  const older = (x: PersonView, y: PersonView) => {
    if (x.createdAt && y.createdAt && x.createdAt !== y.createdAt) return x.createdAt < y.createdAt;
    return x.reference.localeCompare(y.reference) <= 0;
  };
  return { survivorId: older(a, b) ? a.id : b.id, reason: 'older' };
}

/** Choices the user made, by field: the id of the record whose value is kept. */
export type FieldChoices = Partial<Record<MergeField, string>>;

/**
 * The record whose value a field keeps: the user's choice, else the
 * survivor's value, unless the survivor has nothing there and the other
 * record has (a merge should not lose a known phone number by default).
 */
export function chosenRecord(field: MergeField, survivor: PersonView, other: PersonView, choices: FieldChoices): string {
  const picked = choices[field];
  if (picked === survivor.id || picked === other.id) return picked;
  return !isFilled(survivor, field) && isFilled(other, field) ? other.id : survivor.id;
}

export interface MergeRequest {
  survivorId: string;
  mergedId: string;
  survivorVersion: number;
  mergedVersion: number;
  fields: Partial<Record<MergeField, 'survivor' | 'merged'>>;
}

/** The body of POST /api/people/merge: every differing field named, so the log says what was decided, not only what changed. */
export function mergeRequest(survivor: PersonView, other: PersonView, choices: FieldChoices): MergeRequest {
  const fields: MergeRequest['fields'] = {};
  for (const field of compareRecords(survivor, other).differing) {
    fields[field] = chosenRecord(field, survivor, other, choices) === other.id ? 'merged' : 'survivor';
  }
  return { survivorId: survivor.id, mergedId: other.id, survivorVersion: survivor.version, mergedVersion: other.version, fields };
}

/**
 * Tables whose moved rows have a name in the interface (`review.history.tables.<table>`);
 * rows of any other table (added later, or in another schema) are counted together.
 */
export const MOVED_TABLES = ['household_member', 'consent', 'assessment', 'service_delivery_person', 'one_time_assistance', 'referral'] as const;
export type MovedTable = (typeof MOVED_TABLES)[number];

/** Moved-row counts in a fixed order, unknown tables folded into one `other` line; tables with nothing moved are left out. */
export function movedLines(moved: Readonly<Record<string, number>>): { table: MovedTable | 'other'; count: number }[] {
  const known = new Set<string>(MOVED_TABLES);
  const lines: { table: MovedTable | 'other'; count: number }[] = MOVED_TABLES.filter((table) => (moved[table] ?? 0) > 0).map((table) => ({ table, count: moved[table]! }));
  const other = Object.entries(moved).filter(([table]) => !known.has(table)).reduce((sum, [, n]) => sum + n, 0);
  if (other > 0) lines.push({ table: 'other', count: other });
  return lines;
}

/** The name a reader knows a person by, or the reference when the role sees no names. */
export function personLabel(p: PersonNameView, locale: Locale): string {
  return personNames(p, locale).primary || p.reference;
}

/** A person as lists of records name them: «Name (P-000123)», or the reference alone when the role sees no names. */
export function personWithReference(p: PersonNameView, locale: Locale): string {
  const name = personNames(p, locale).primary;
  return name ? `${name} (${p.reference})` : p.reference;
}

/** The language tag of a name as written, so a screen reader reads «Нилуфар» with Cyrillic rules. */
export function scriptLang(name: string): 'uz-Cyrl' | 'uz-Latn' {
  return detectScript(name) === 'cyrl' ? 'uz-Cyrl' : 'uz-Latn';
}

/** A merge field's label in the reader's language. */
export function mergeFieldLabel(t: DisplayContext['t'], field: MergeField): string {
  return field === 'address' ? t('address.title') : personFieldLabel(t, field);
}

/**
 * A merge field's value as the reader sees it: a name with its other-script
 * spelling, a date marked when estimated, the address in words; '' when
 * the record has nothing there.
 */
export function mergeFieldText(ctx: DisplayContext, p: PersonView, field: MergeField): string {
  switch (field) {
    case 'givenName':
    case 'familyName':
    case 'patronymic': {
      const main = text(p[field]);
      const alt = text(p[MERGE_FIELD_KEYS[field][1]!]);
      return main && alt ? `${main} (${alt})` : main || alt;
    }
    case 'birthDate': {
      if (!p.birthDate) return '';
      const date = formatDate(ctx.locale, p.birthDate);
      return p.birthDateEstimated ? ctx.t('review.merge.fields.estimatedDate', { date }) : date;
    }
    case 'address':
      return addressText(ctx.location, p);
    case 'disability':
      return p.disability === undefined ? '' : personFieldText(ctx, field, p.disability);
    case 'sex':
    case 'specialNeeds':
    case 'healthNotes':
    case 'pinfl':
    case 'birthCertificate':
    case 'phone':
      return personFieldText(ctx, field, p[field]);
  }
}
