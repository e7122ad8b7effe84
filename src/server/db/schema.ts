import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Locale } from '../../shared/i18n/locales.ts';
import type { Role, Programme } from '../../shared/permissions.ts';

/** A timestamp with time zone: read as an ISO string, written as a string or left to the default. */
type Timestamp = ColumnType<string, string | undefined, string>;
type CreatedAt = ColumnType<string, never, never>;

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: Generated<string>;
}

export interface BranchTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  name_en: string;
  name_ru: string;
  name_uz_latn: string;
  name_uz_cyrl: string;
  region_id: string | null;
  created_at: Generated<string>;
}

export interface TeamTable {
  id: Generated<string>;
  organisation_id: string;
  branch_id: string;
  name: string;
  mahalla_id: string | null;
  created_at: Generated<string>;
}

export interface AppUserTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  password_changed_at: Timestamp;
  locale: Locale;
  disabled_at: string | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totp_last_step: number | null;
  recovery_code_hashes: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  created_at: Generated<string>;
  updated_at: Timestamp;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  branch_id: string | null;
  programme: Programme | null;
  team_id: string | null;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table does not leak live sessions. */
  id: string;
  user_id: string;
  stage: 'pending_totp' | 'active';
  created_at: Generated<string>;
  last_seen_at: Timestamp;
  expires_at: string;
}

export interface AppSecretTable {
  name: string;
  value: string;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  /** sha256 of the lower-cased e-mail typed: counts failures without storing the address. */
  account_key: string;
  /** sha256 of the client address, salted per deployment. */
  ip_key: string;
  succeeded: boolean;
  at: Generated<string>;
}

export interface AuditEventTable {
  id: Generated<number>;
  seq: ColumnType<number, never, never>;
  at: CreatedAt;
  organisation_id: string | null;
  actor_user_id: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  record_type: string | null;
  record_id: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

export interface LocationTable {
  id: Generated<string>;
  kind: 'region' | 'district' | 'mahalla';
  parent_id: string | null;
  code: string;
  iso_code: string | null;
  name_en: string;
  name_ru: string;
  name_uz_latn: string;
  name_uz_cyrl: string;
}

export interface ScopedRecordColumns {
  organisation_id: string;
  branch_id: string;
  assigned_worker_id: string | null;
  team_id: string | null;
}

export interface HouseholdTable extends ScopedRecordColumns {
  id: Generated<string>;
  reference: Generated<string>;
  display_name: string;
  search_fold: string;
  region_id: string | null;
  district_id: string | null;
  mahalla_id: string | null;
  address_line: string | null;
  phone: string | null;
  notes: string | null;
  archived_at: string | null;
  archive_reason: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_at: Timestamp;
}

export interface PersonTable extends ScopedRecordColumns {
  id: Generated<string>;
  reference: Generated<string>;
  given_name: string;
  family_name: string;
  patronymic: string | null;
  name_script: 'cyrl' | 'latn';
  given_name_alt: string | null;
  family_name_alt: string | null;
  patronymic_alt: string | null;
  /** Folded form of every name in both scripts, for search in any spelling. */
  search_fold: string;
  sex: 'female' | 'male';
  birth_date: string | null;
  birth_date_estimated: boolean;
  disability: boolean;
  special_needs: string | null;
  health_notes: string | null;
  pinfl: string | null;
  birth_certificate: string | null;
  phone: string | null;
  region_id: string | null;
  district_id: string | null;
  mahalla_id: string | null;
  address_line: string | null;
  archived_at: string | null;
  archive_reason: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_at: Timestamp;
}

export interface HouseholdMemberTable {
  id: Generated<string>;
  household_id: string;
  person_id: string;
  relationship: string;
  is_primary_caregiver: boolean;
  joined_on: string | null;
  left_on: string | null;
}

export interface ConsentTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  household_id: string | null;
  purpose: string;
  data_categories: ColumnType<string[], string[], string[]>;
  transfers_to: string | null;
  granted_on: string;
  expires_on: string | null;
  withdrawn_at: string | null;
  withdrawal_note: string | null;
  recorded_by: string;
  version: Generated<number>;
  created_at: Generated<string>;
}

export interface Database {
  organisation: OrganisationTable;
  branch: BranchTable;
  team: TeamTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  app_secret: AppSecretTable;
  sign_in_attempt: SignInAttemptTable;
  audit_event: AuditEventTable;
  location: LocationTable;
  household: HouseholdTable;
  person: PersonTable;
  household_member: HouseholdMemberTable;
  consent: ConsentTable;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type Household = Selectable<HouseholdTable>;
export type NewHousehold = Insertable<HouseholdTable>;
export type HouseholdUpdate = Updateable<HouseholdTable>;
export type Location = Selectable<LocationTable>;
export type AuditEvent = Selectable<AuditEventTable>;
