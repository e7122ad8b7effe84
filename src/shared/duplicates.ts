/**
 * Codes of possible-duplicate findings, shared by the server (which computes
 * them) and the web app (which translates `duplicates.bands.<band>` and
 * `duplicates.reasons.<code>`). A finding is a suggestion for a person to
 * review: records are never merged on it automatically.
 */

/** `likely`: review before saving; `possible`: worth a look. Below `possible` nothing is shown. */
export const DUPLICATE_BANDS = ['likely', 'possible'] as const;
export type DuplicateBand = (typeof DUPLICATE_BANDS)[number];

/** Why two records look alike or not: one code per field compared, each either agreeing or disagreeing. */
export const DUPLICATE_REASONS = {
  name_same: 'agree',
  name_similar: 'agree',
  name_different: 'disagree',
  birth_date_same: 'agree',
  /** Within the tolerance of an estimated date, or a typing slip (day and month swapped, one digit). */
  birth_date_close: 'agree',
  /** Both dates exact and only the year agrees: more likely two people. */
  birth_year_same: 'disagree',
  birth_date_different: 'disagree',
  sex_same: 'agree',
  sex_different: 'disagree',
  pinfl_same: 'agree',
  pinfl_different: 'disagree',
  birth_certificate_same: 'agree',
  birth_certificate_different: 'disagree',
  household_shared: 'agree',
  caregiver_same: 'agree',
  mahalla_same: 'agree',
  district_same: 'agree',
  district_different: 'disagree',
} as const;
export type DuplicateReasonCode = keyof typeof DUPLICATE_REASONS;
export const DUPLICATE_REASON_CODES = Object.keys(DUPLICATE_REASONS) as DuplicateReasonCode[];

export interface DuplicateReason {
  code: DuplicateReasonCode;
  effect: 'agree' | 'disagree';
}

export const DUPLICATE_PAIR_STATUSES = ['open', 'dismissed', 'merged'] as const;
export type DuplicatePairStatus = (typeof DUPLICATE_PAIR_STATUSES)[number];

export const DUPLICATE_SCAN_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type DuplicateScanStatus = (typeof DUPLICATE_SCAN_STATUSES)[number];

/** Person fields a merge can take from either record; the rest stay the survivor's. */
export const MERGE_FIELDS = [
  'givenName', 'familyName', 'patronymic', 'sex', 'birthDate', 'disability', 'specialNeeds', 'healthNotes',
  'pinfl', 'birthCertificate', 'phone', 'address',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
