import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Locale } from '../../shared/i18n/locales.ts';
import type { Role, Programme } from '../../shared/permissions.ts';
import type { CaseworkDatabase } from './casework-tables.ts';
import type {
  ApprovalStatus, ApprovalSubject, AttachmentKind, CaseNoteKind, CaseStatus, ExitReason, ReferralSource, RiskLevel, SuspendableStatus,
} from '../../shared/cases/case-codes.ts';

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
  /** Set when this record was merged into another one (and archived). */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
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

// Family strengthening: the case core (migration 0003-family-cases).

export interface FamilyCaseTable extends ScopedRecordColumns {
  id: Generated<string>;
  /** FS-<year>-<6 digits>, made by the database. */
  case_number: Generated<string>;
  household_id: string;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  suspended_from: SuspendableStatus | null;
  episode: Generated<number>;
  referral_source: ReferralSource;
  referral_date: string;
  referral_note: string | null;
  risk_level: ColumnType<RiskLevel, RiskLevel | undefined, RiskLevel>;
  /** Why the case is in its status: the not-eligible, suspension or reopening reason. */
  status_reason: string | null;
  opened_on: string;
  enrolled_on: string | null;
  plan_approved_on: string | null;
  last_reviewed_on: string | null;
  exited_on: string | null;
  exit_reason: ExitReason | null;
  exit_note: string | null;
  follow_up_on: string | null;
  follow_up_outcome: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_at: Timestamp;
}

export interface FamilyCaseStatusChangeTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  episode: number;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  event: string;
  reason: string | null;
  effective_on: string;
  changed_by: string;
  changed_at: Generated<string>;
}

export interface CaseReviewPolicyTable {
  organisation_id: string;
  high_months: number;
  medium_months: number;
  low_months: number;
  none_months: number;
  assessment_due_days: number;
  referral_answer_days: number;
  follow_up_days: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface FamilyCaseReviewTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  reviewed_on: string;
  risk_before: RiskLevel;
  risk_after: RiskLevel;
  summary: string;
  reviewed_by: string;
  created_at: Generated<string>;
}

export interface CaseApprovalTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  episode: number;
  subject_type: ApprovalSubject;
  subject_id: string | null;
  status: ColumnType<ApprovalStatus, ApprovalStatus | undefined, ApprovalStatus>;
  request_note: string | null;
  requested_by: string;
  requested_at: Generated<string>;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string | null;
  version: Generated<number>;
}

export interface CaseVisitTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  visited_on: string;
  participants: string;
  observations: string;
  next_steps: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CaseNoteTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  kind: CaseNoteKind;
  occurred_on: string;
  body: string;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CaseAttachmentTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  kind: AttachmentKind;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** <organisation id>/<uuid> under the attachment root; never a client-chosen name. */
  storage_key: string;
  description: string | null;
  uploaded_by: string;
  uploaded_at: Generated<string>;
  /** Set together when the attachment was removed; its file is gone then. */
  removed_at: string | null;
  removed_by: string | null;
  removal_reason: string | null;
}

// Finding and merging duplicate people (migration 0002-person-matching).

/** Exact candidate and search keys of a person (see modules/duplicates/match-keys.ts). */
export interface PersonMatchKeyTable {
  organisation_id: string;
  key: string;
  person_id: string;
}

/** The folded name stems of a person for trigram similarity, and the person version they were computed from. */
export interface PersonMatchFoldTable {
  person_id: string;
  organisation_id: string;
  fold: string;
  person_version: number;
}

export interface DuplicateScanTable {
  id: Generated<string>;
  organisation_id: string;
  status: Generated<'pending' | 'running' | 'done' | 'failed'>;
  phase: Generated<'indexing' | 'matching'>;
  /** Where the matching phase is (JSON: kind of block, last block done, progress); the scan resumes after it. */
  cursor: string | null;
  processed: Generated<number>;
  total: Generated<number>;
  pairs_found: Generated<number>;
  error: string | null;
  started_by: string;
  created_at: Generated<string>;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
}

export interface DuplicatePairTable {
  id: Generated<string>;
  organisation_id: string;
  /** The smaller id of the two. */
  person_a_id: string;
  person_b_id: string;
  score: number;
  band: 'likely' | 'possible';
  reasons: ColumnType<{ code: string; effect: 'agree' | 'disagree' }[], string, string>;
  status: Generated<'open' | 'dismissed' | 'merged'>;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  scan_id: string | null;
  version: Generated<number>;
  created_at: Generated<string>;
  updated_at: Timestamp;
}

/** One merge, with what undoing it needs: the before-images and every row moved. */
export interface PersonMergeTable {
  id: Generated<string>;
  organisation_id: string;
  survivor_id: string;
  merged_id: string;
  fields: ColumnType<Record<string, 'survivor' | 'merged'>, string, string>;
  survivor_before: ColumnType<Record<string, unknown>, string, string>;
  merged_before: ColumnType<Record<string, unknown>, string, string>;
  moved: ColumnType<MovedRow[], string, string>;
  survivor_version_after: number;
  merged_version_after: number;
  merged_by: string;
  merged_at: Generated<string>;
  undone_by: string | null;
  undone_at: string | null;
}

/** A row a merge repointed from the merged person to the survivor. */
export interface MovedRow {
  table: string;
  column: string;
  /** Primary key of the row. */
  key: Record<string, unknown>;
  /** The whole row before the merge, for rows the merge changed beyond the person column. */
  before?: Record<string, unknown>;
}

/** The casework tables (0004) are declared in casework-tables.ts. */
export interface Database extends CaseworkDatabase {
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
  person_match_key: PersonMatchKeyTable;
  person_match_fold: PersonMatchFoldTable;
  duplicate_scan: DuplicateScanTable;
  duplicate_pair: DuplicatePairTable;
  person_merge: PersonMergeTable;
  family_case: FamilyCaseTable;
  family_case_status_change: FamilyCaseStatusChangeTable;
  case_review_policy: CaseReviewPolicyTable;
  family_case_review: FamilyCaseReviewTable;
  case_approval: CaseApprovalTable;
  case_visit: CaseVisitTable;
  case_note: CaseNoteTable;
  case_attachment: CaseAttachmentTable;
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
export type FamilyCase = Selectable<FamilyCaseTable>;
