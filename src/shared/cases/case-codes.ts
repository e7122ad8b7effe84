/**
 * The closed vocabularies of a family case, shared by the server (database
 * checks, zod schemas) and the web app (labels, filters).
 */

export const CASE_STATUSES = [
  'referred',
  'screening',
  'not_eligible',
  'enrolled',
  'assessed',
  'plan_approved',
  'active',
  'graduation_review',
  'exited',
  'follow_up_closed',
  'suspended',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The states a case can be suspended from, and so return to. */
export const SUSPENDABLE_STATUSES = ['enrolled', 'assessed', 'plan_approved', 'active', 'graduation_review'] as const;
export type SuspendableStatus = (typeof SUSPENDABLE_STATUSES)[number];

/** Closed states: the household may have a new case, and reopening starts a new episode. */
export const CLOSED_STATUSES = ['not_eligible', 'exited', 'follow_up_closed'] as const;

/** Cases in these states are worked on: reviews fall due, work items appear. */
export const OPEN_WORK_STATUSES = ['enrolled', 'assessed', 'plan_approved', 'active', 'graduation_review'] as const;

export const REFERRAL_SOURCES = ['mahalla_team', 'womens_committee', 'school', 'polyclinic', 'self', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/**
 * Uzbekistan's national scheme: low = a one-off service or referral; medium =
 * problems in two or more areas; high = four or more areas, or violence, abuse
 * or addiction.
 */
export const RISK_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const EXIT_REASONS = [
  'self_reliant',
  'moved_away',
  'declined',
  'no_longer_eligible',
  'transferred',
  'entered_alternative_care',
  'lost_contact',
  'death',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const APPROVAL_SUBJECTS = ['plan', 'closure'] as const;
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const CASE_NOTE_KINDS = ['note', 'phone_call', 'meeting'] as const;
export type CaseNoteKind = (typeof CASE_NOTE_KINDS)[number];

export const ATTACHMENT_KINDS = ['document', 'photo'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
