import type { DuplicatePairStatus, DuplicateReason, DuplicateScanStatus } from '../../shared/duplicates.ts';
import type { Locale } from '../../shared/i18n/locales.ts';
import type { FieldView, Permission, Programme, Role } from '../../shared/permissions.ts';

/**
 * The API's shapes as the staff app reads them. The server's zod schemas are
 * the source of truth; they are mirrored here as plain types so the browser
 * bundle does not carry zod. Optional fields are the ones a role may not see:
 * they are absent from the response, never null.
 */

export interface RoleAssignment {
  role: Role;
  branchId: string | null;
  programme: Programme | null;
  teamId: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  organisation: { id: string; name: string };
  roles: Role[];
  permissions: Permission[];
  fieldView: FieldView;
  assignments: RoleAssignment[];
  totpEnabled: boolean;
}

export type SessionState =
  | { stage: 'anonymous' }
  | { stage: 'pending_totp'; totpEnrolled: boolean }
  | { stage: 'active'; user: SessionUser };

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrSvgDataUrl: string;
}

export interface TotpEnableResult {
  recoveryCodes: string[];
  state: SessionState;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
export type NameScript = 'cyrl' | 'latn';
export const AGE_BANDS = ['0-2', '3-5', '6-11', '12-14', '15-17', '18-23', '24+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface PersonView {
  id: string;
  reference: string;
  givenName?: string;
  familyName?: string;
  patronymic?: string | null;
  nameScript?: NameScript;
  givenNameAlt?: string | null;
  familyNameAlt?: string | null;
  patronymicAlt?: string | null;
  sex?: Sex;
  birthDate?: string | null;
  birthDateEstimated?: boolean;
  ageBand?: AgeBand | null;
  disability?: boolean;
  specialNeeds?: string | null;
  healthNotes?: string | null;
  pinfl?: string | null;
  birthCertificate?: string | null;
  phone?: string | null;
  regionId?: string | null;
  districtId?: string | null;
  mahallaId?: string | null;
  addressLine?: string | null;
  branchId?: string;
  assignedWorkerId?: string | null;
  teamId?: string | null;
  archivedAt: string | null;
  /** Set when this record was merged into another one (the survivor). */
  mergedIntoId?: string | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export const PEOPLE_SORTS = ['relevance', 'name', '-name', 'birthDate', '-birthDate', '-updatedAt', 'updatedAt'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export interface PersonMembership {
  householdId: string;
  householdReference: string;
  householdName?: string;
  relationship: string;
  isPrimaryCaregiver: boolean;
}

export const CONSENT_PURPOSES = ['case_management', 'referral', 'alternative_care', 'aftercare', 'reporting', 'photos_publication', 'other'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const DATA_CATEGORIES = ['identity', 'contact', 'address', 'health', 'disability', 'education', 'family', 'documents', 'photos', 'case_notes'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface ConsentView {
  id: string;
  personId: string;
  householdId: string | null;
  purpose: string;
  purposeNote?: string | null;
  dataCategories: string[];
  transfersTo: string | null;
  grantedOn: string;
  expiresOn: string | null;
  withdrawnAt: string | null;
  withdrawalNote: string | null;
  status: 'active' | 'expired' | 'withdrawn';
  version: number;
}

export type DuplicateBand = 'likely' | 'possible';

/** A registered person who may be the one being registered, and why. */
export interface DuplicateCandidate {
  person: PersonView;
  score: number;
  band: DuplicateBand;
  reasons: { code: string; effect: 'agree' | 'disagree' }[];
}

export interface PersonDetail {
  person: PersonView;
  households: PersonMembership[];
  consents?: ConsentView[];
  /** Records merged into this one and not undone, newest first. */
  merges?: PersonMergeHistoryItem[];
}

/** What a list of records shows of a person: the reference and the name in both scripts. */
export type PersonNameView = Pick<PersonView, 'id' | 'reference' | 'givenName' | 'familyName' | 'patronymic' | 'nameScript' | 'givenNameAlt' | 'familyNameAlt' | 'patronymicAlt' | 'archivedAt' | 'mergedIntoId'>;

/** A record a person absorbed by a merge. */
export interface PersonMergeHistoryItem {
  mergeId: string;
  /** The absorbed record (archived, pointing here), by its name and reference only. */
  merged: PersonNameView;
  mergedAt: string;
  mergedBy: { id: string; displayName: string };
  /** Linked rows that moved to the survivor, by table. */
  moved: Record<string, number>;
}

/** The answer to a merge: both records as they are now, and the rows moved by table. */
export interface MergeResult {
  mergeId: string;
  survivor: PersonView;
  merged: PersonView;
  moved: Record<string, number>;
}

/** A background scan of the registry for possible duplicates. */
export interface DuplicateScan {
  id: string;
  status: DuplicateScanStatus;
  phase: 'indexing' | 'matching';
  processed: number;
  total: number;
  pairsFound: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string | null;
}

/** Two records the scan found alike, waiting for (or past) a supervisor's decision. */
export interface DuplicatePair {
  id: string;
  score: number;
  band: DuplicateBand;
  reasons: DuplicateReason[];
  status: DuplicatePairStatus;
  personA: PersonView;
  personB: PersonView;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
  updatedAt: string;
}

export const RELATIONSHIPS = ['head', 'mother', 'father', 'child', 'grandparent', 'sibling', 'other_relative', 'guardian', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface HouseholdView {
  id: string;
  reference: string;
  displayName?: string;
  regionId?: string | null;
  districtId?: string | null;
  mahallaId?: string | null;
  addressLine?: string | null;
  phone?: string | null;
  notes?: string | null;
  branchId?: string;
  teamId?: string | null;
  assignedWorkerId?: string | null;
  memberCount?: number;
  archivedAt: string | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface HouseholdMember {
  memberId: string;
  relationship: Relationship;
  isPrimaryCaregiver: boolean;
  joinedOn: string | null;
  person: PersonView;
}

export interface HouseholdDetail {
  household: HouseholdView;
  members: HouseholdMember[];
}

export const HOUSEHOLD_SORTS = ['relevance', 'name', '-name', '-updatedAt'] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];

export type LocationKind = 'region' | 'district' | 'mahalla';
export type LocalizedNames = Record<Locale, string>;

export interface LocationItem {
  id: string;
  kind: LocationKind;
  parentId: string | null;
  code: string;
  names: LocalizedNames;
}

export interface Branch {
  id: string;
  code: string;
  names: LocalizedNames;
  regionId: string | null;
}

export interface Team {
  id: string;
  branchId: string;
  name: string;
  mahallaId: string | null;
}

/** A colleague a record can be assigned to: a name only, no contacts. */
export interface Worker {
  id: string;
  displayName: string;
  branchIds: string[];
}

export interface OrganisationInfo {
  organisation: { id: string; name: string; slug: string };
  branches: Branch[];
  teams: Team[];
  workers: Worker[];
}

/** An account as an administrator sees it. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  disabledAt: string | null;
  totpEnabled: boolean;
  assignments: RoleAssignment[];
  version: number;
  createdAt: string;
  lastSignInAt?: string;
}

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  outcome: AuditOutcome;
  recordType: string | null;
  recordId: string | null;
  details: Record<string, unknown>;
}
