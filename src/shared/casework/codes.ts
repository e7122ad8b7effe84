/**
 * The closed vocabularies of casework content (assessments, plans, services,
 * referrals, partner organisations, mahalla teams), shared by the server
 * (database checks, zod schemas) and the web app (labels, filters).
 */

export const INSTRUMENT_KINDS = ['child', 'household'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** The instruments Oila ships with (migration 0004); an organisation may publish later versions. */
export const BUILT_IN_INSTRUMENTS = ['child_status_index', 'household_self_reliance'] as const;

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Actions still to be done: these fall due. */
export const OPEN_ACTION_STATUSES = ['planned', 'in_progress'] as const;

export const GOAL_PROGRESS = ['not_started', 'some_progress', 'good_progress', 'achieved', 'dropped'] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];

/** Who is responsible for a plan action: a name typed in (a parent, a neighbour), a colleague, or a partner organisation. */
export const RESPONSIBLE_KINDS = ['name', 'user', 'partner'] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];

export const SERVICE_TYPES = [
  'educational',
  'medical',
  'psychological',
  'social',
  'legal',
  'parenting_skills',
  'economic_vocational_training',
  'economic_job_placement',
  'economic_small_business',
  'day_care',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const PROVIDER_KINDS = ['internal', 'external'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** What a service's units count. */
export const SERVICE_UNITS = ['session', 'hour', 'day', 'course', 'item'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];

export const ASSISTANCE_KINDS = ['cash', 'in_kind'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

export const PARTNER_KINDS = [
  'government_body',
  'ngo',
  'school',
  'polyclinic',
  'mahalla',
  'womens_committee',
  'police_prevention_inspector',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const MEETING_KINDS = ['team_meeting', 'case_conference'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Sums of money are Uzbek soʻm, written as a decimal string so no float ever rounds them. */
export const UZS_PATTERN = /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/;
