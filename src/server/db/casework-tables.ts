import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  ActionStatus, AssistanceKind, InstrumentKind, MeetingKind, PartnerKind, ProviderKind, ResponsibleKind, ServiceType, ServiceUnit, TaskStatus,
} from '../../shared/casework/codes.ts';
import type { ReferralState } from '../../shared/casework/referral-state-machine.ts';

/**
 * Row types of the casework content (migration 0004-casework). `Database`
 * in schema.ts extends `CaseworkDatabase`, so Kysely knows these tables.
 *
 * jsonb columns are read as parsed JSON and written as JSON text.
 */
type Timestamp = ColumnType<string, string | undefined, string>;
type Json<T> = ColumnType<T, string, string>;
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
/** numeric: read as a decimal string (see database.ts), written as a string. */
type Numeric = ColumnType<string, string, string>;

export interface AssessmentInstrumentTable {
  id: Generated<string>;
  organisation_id: string | null;
  code: string;
  version: number;
  kind: InstrumentKind;
  definition: Json<unknown>;
  active: Generated<boolean>;
  published_by: string | null;
  published_at: Generated<string>;
}

export interface AssessmentTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  episode: number;
  person_id: string | null;
  instrument_id: string;
  assessed_on: string;
  assessor_id: string;
  answers: Json<Record<string, number>>;
  factor_notes: JsonWithDefault<Record<string, string>>;
  domain_scores: Json<Record<string, number>>;
  overall_score: ColumnType<string | null, string | null, string | null>;
  summary: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PartnerContact {
  name: string;
  position: string | null;
  phone: string | null;
  email: string | null;
}

export interface PartnerOrganisationTable {
  id: Generated<string>;
  organisation_id: string;
  kind: PartnerKind;
  name: string;
  district_id: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  contacts: JsonWithDefault<PartnerContact[]>;
  notes: string | null;
  archived_at: string | null;
  archive_reason: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_at: Timestamp;
}

export interface FamilyPlanTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  episode: number;
  content_revision: Generated<number>;
  approval_id: string | null;
  submitted_revision: number | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PlanGoalTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  position: number;
  instrument_code: string;
  domain_code: string;
  text: string;
}

export interface PlanActionTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  goal_id: string;
  position: number;
  text: string;
  responsible_kind: ResponsibleKind;
  responsible_name: string | null;
  responsible_user_id: string | null;
  responsible_partner_id: string | null;
  due_on: string;
  status: ActionStatus;
  completed_on: string | null;
}

export interface GoalProgressEntry {
  goalId: string;
  goalText: string;
  progress: string;
  note: string | null;
}

export interface PlanReviewTable {
  id: Generated<string>;
  organisation_id: string;
  plan_id: string;
  reviewed_on: string;
  summary: string;
  goal_progress: Json<GoalProgressEntry[]>;
  reviewed_by: string;
  created_at: Generated<string>;
}

export interface ServiceDeliveryTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  service_type: ServiceType;
  provider_kind: ProviderKind;
  partner_id: string | null;
  provider_name: string | null;
  delivered_on: string;
  units: Numeric;
  unit: ServiceUnit;
  cost_uzs: ColumnType<string | null, string | null, string | null>;
  project_code: string | null;
  group_session_id: string | null;
  session_title: string | null;
  notes: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ServiceDeliveryPersonTable {
  delivery_id: string;
  person_id: string;
}

export interface OneTimeAssistanceTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  kind: AssistanceKind;
  item: string | null;
  value_uzs: Numeric;
  project_code: string | null;
  given_on: string;
  person_id: string | null;
  notes: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ReferralTable {
  id: Generated<string>;
  organisation_id: string;
  case_id: string;
  partner_id: string;
  person_id: string;
  reason: string;
  services_requested: ColumnType<string[], string[] | undefined, string[]>;
  data_categories: ColumnType<string[], string[], string[]>;
  status: ColumnType<ReferralState, ReferralState | undefined, ReferralState>;
  sent_on: string | null;
  consent_id: string | null;
  consent_override_reason: string | null;
  consent_override_by: string | null;
  answered_on: string | null;
  answer_note: string | null;
  completed_on: string | null;
  outcome_note: string | null;
  revoked_on: string | null;
  revoke_reason: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface TeamMemberTable {
  id: Generated<string>;
  organisation_id: string;
  team_id: string;
  partner_id: string | null;
  user_id: string | null;
  name: string;
  position: string | null;
  phone: string | null;
  email: string | null;
  joined_on: string;
  left_on: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_at: Timestamp;
}

export interface TeamMeetingTable {
  id: Generated<string>;
  organisation_id: string;
  branch_id: string;
  team_id: string;
  kind: MeetingKind;
  held_on: string;
  place: string;
  summary: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface TeamMeetingAttendeeTable {
  id: Generated<string>;
  meeting_id: string;
  member_id: string | null;
  name: string;
  organisation_name: string | null;
  position: number;
}

export interface TeamMeetingCaseTable {
  meeting_id: string;
  case_id: string;
  decision: string;
  position: number;
}

export interface TeamMeetingTaskTable {
  id: Generated<string>;
  organisation_id: string;
  meeting_id: string;
  case_id: string | null;
  text: string;
  responsible_member_id: string | null;
  responsible_name: string;
  due_on: string;
  status: ColumnType<TaskStatus, TaskStatus | undefined, TaskStatus>;
  done_on: string | null;
  position: number;
}

export interface CaseworkDatabase {
  assessment_instrument: AssessmentInstrumentTable;
  assessment: AssessmentTable;
  partner_organisation: PartnerOrganisationTable;
  family_plan: FamilyPlanTable;
  plan_goal: PlanGoalTable;
  plan_action: PlanActionTable;
  plan_review: PlanReviewTable;
  service_delivery: ServiceDeliveryTable;
  service_delivery_person: ServiceDeliveryPersonTable;
  one_time_assistance: OneTimeAssistanceTable;
  referral: ReferralTable;
  team_member: TeamMemberTable;
  team_meeting: TeamMeetingTable;
  team_meeting_attendee: TeamMeetingAttendeeTable;
  team_meeting_case: TeamMeetingCaseTable;
  team_meeting_task: TeamMeetingTaskTable;
}

export type AssessmentInstrument = Selectable<AssessmentInstrumentTable>;
export type Assessment = Selectable<AssessmentTable>;
export type PartnerOrganisation = Selectable<PartnerOrganisationTable>;
export type FamilyPlan = Selectable<FamilyPlanTable>;
export type PlanGoal = Selectable<PlanGoalTable>;
export type PlanAction = Selectable<PlanActionTable>;
export type PlanReview = Selectable<PlanReviewTable>;
export type ServiceDelivery = Selectable<ServiceDeliveryTable>;
export type OneTimeAssistance = Selectable<OneTimeAssistanceTable>;
export type Referral = Selectable<ReferralTable>;
export type TeamMember = Selectable<TeamMemberTable>;
export type TeamMeeting = Selectable<TeamMeetingTable>;
export type TeamMeetingTask = Selectable<TeamMeetingTaskTable>;
