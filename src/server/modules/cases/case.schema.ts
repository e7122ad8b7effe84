import { z } from 'zod';
import {
  APPROVAL_STATUSES, APPROVAL_SUBJECTS, ATTACHMENT_KINDS, CASE_NOTE_KINDS, CASE_STATUSES, EXIT_REASONS, REFERRAL_SOURCES, RISK_LEVELS,
  SUSPENDABLE_STATUSES,
} from '../../../shared/cases/case-codes.ts';
import { CASE_EVENTS, TRANSITION_REFUSALS } from '../../../shared/cases/case-state-machine.ts';
import { optionalText, pageQuery, pageSchema, pastDate, requiredText, text, uuid, version } from '../../../shared/schemas/common.ts';

/**
 * The family case API: every request and answer schema, named with
 * `.meta({ id })` so the OpenAPI document (and the web app's types) reuse them.
 * Views list every field as optional where a role's field view may hide it:
 * hidden fields are absent, never null.
 */

/** A closed set of codes; a missing value is reported as `required`, a wrong one as `invalid_value`. */
const codes = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined ? 'required' : undefined) });

export const caseStatus = codes(CASE_STATUSES).meta({ id: 'CaseStatus' });
export const riskLevel = codes(RISK_LEVELS).meta({ id: 'RiskLevel' });
export const referralSource = codes(REFERRAL_SOURCES).meta({ id: 'ReferralSource' });
export const exitReason = codes(EXIT_REASONS).meta({ id: 'ExitReason' });
export const caseEvent = codes(CASE_EVENTS).meta({ id: 'CaseEvent' });
export const approvalSubject = codes(APPROVAL_SUBJECTS).meta({ id: 'ApprovalSubject' });
export const approvalStatus = codes(APPROVAL_STATUSES).meta({ id: 'ApprovalStatus' });
export const caseNoteKind = codes(CASE_NOTE_KINDS).meta({ id: 'CaseNoteKind' });
export const attachmentKind = codes(ATTACHMENT_KINDS).meta({ id: 'AttachmentKind' });

const nullableUuid = uuid.nullish().transform((s) => s ?? null);

// ---------------------------------------------------------------- the case

export const createCaseBody = z
  .strictObject({
    householdId: uuid,
    referralSource,
    referralDate: pastDate,
    referralNote: optionalText(4000),
    riskLevel: riskLevel.default('none'),
    /** Defaults to the household's team. */
    teamId: uuid.nullish(),
    /** Defaults to the caller when a social worker opens the case, else to the household's worker; another worker needs case.assign. */
    assignedWorkerId: uuid.nullish(),
  })
  .meta({ id: 'CreateCase' });
export type CreateCaseInput = z.output<typeof createCaseBody>;

export const updateCaseBody = z
  .strictObject({
    version,
    referralSource: referralSource.optional(),
    referralDate: pastDate.optional(),
    referralNote: optionalText(4000).optional(),
    riskLevel: riskLevel.optional(),
  })
  .meta({ id: 'UpdateCase' });
export type UpdateCaseInput = z.output<typeof updateCaseBody>;

export const caseView = z
  .object({
    id: uuid,
    caseNumber: z.string(),
    householdId: uuid,
    householdReference: z.string(),
    householdName: z.string().optional(),
    branchId: uuid,
    teamId: uuid.nullable().optional(),
    assignedWorkerId: uuid.nullable().optional(),
    assignedWorkerName: z.string().nullable().optional(),
    status: caseStatus,
    /** Where a suspended case returns to when reopened. */
    suspendedFrom: z.enum(SUSPENDABLE_STATUSES).nullable(),
    /** 1, then 2… each time a closed case is reopened. */
    episode: z.number().int(),
    /** The reason of the last not-eligible, suspension or reopening. */
    statusReason: z.string().nullable().optional(),
    referralSource,
    referralDate: z.string(),
    referralNote: z.string().nullable().optional(),
    riskLevel,
    openedOn: z.string(),
    enrolledOn: z.string().nullable(),
    planApprovedOn: z.string().nullable(),
    lastReviewedOn: z.string().nullable(),
    /** Computed from the last review (or enrolment) and the organisation's review policy for the risk level. */
    nextReviewOn: z.string().nullable(),
    reviewOverdue: z.boolean(),
    exitedOn: z.string().nullable(),
    exitReason: exitReason.nullable().optional(),
    exitNote: z.string().nullable().optional(),
    followUpOn: z.string().nullable().optional(),
    followUpOutcome: z.string().nullable().optional(),
    version: z.number().int(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'FamilyCase' });
export type CaseView = z.infer<typeof caseView>;

export const caseAction = z
  .object({
    event: caseEvent,
    /** False when a guard refuses it now (e.g. the plan is not approved yet); `refusal` says why. */
    allowed: z.boolean(),
    refusal: z.enum(TRANSITION_REFUSALS).nullable(),
    to: caseStatus,
    needs: z.array(z.enum(['reason', 'exitReason', 'followUpOutcome'])),
  })
  .meta({ id: 'CaseAction' });

export const statusChangeView = z
  .object({
    id: uuid,
    episode: z.number().int(),
    from: caseStatus.nullable(),
    to: caseStatus,
    event: z.string(),
    reason: z.string().nullable().optional(),
    effectiveOn: z.string(),
    changedBy: uuid,
    changedByName: z.string().optional(),
    changedAt: z.string(),
  })
  .meta({ id: 'CaseStatusChange' });

export const caseDetail = z
  .object({
    case: caseView,
    /** The lifecycle events the caller could fire now, from the shared state machine; empty without case.update. */
    actions: z.array(caseAction),
    history: z.array(statusChangeView),
  })
  .meta({ id: 'FamilyCaseDetail' });

// ---------------------------------------------------------------- search

export const searchCasesBody = z
  .strictObject({
    /** A case number (FS-2026-000123) or a household name; names are not searchable in a de-identified view. */
    q: text(100).optional(),
    status: z.array(caseStatus).max(CASE_STATUSES.length).optional(),
    riskLevel: z.array(riskLevel).max(RISK_LEVELS.length).optional(),
    branchId: uuid.optional(),
    teamId: uuid.optional(),
    assignedWorkerId: uuid.optional(),
    /** The cases of one household, e.g. on its page. */
    householdId: uuid.optional(),
    unassigned: z.boolean().optional(),
    /** mine: assigned to me; my_teams: of the teams I am in (the team view); all: everything I may see. */
    view: z.enum(['all', 'mine', 'my_teams']).default('all'),
    /** Only cases with overdue work (review, assessment, follow-up, and what the casework module adds). */
    overdue: z.boolean().optional(),
    sort: z.enum(['-updatedAt', 'caseNumber', '-caseNumber', 'nextReviewOn', '-riskLevel', 'openedOn', '-openedOn', 'status']).default('-updatedAt'),
    ...pageQuery,
  })
  .meta({ id: 'SearchCases' });
export type SearchCasesInput = z.output<typeof searchCasesBody>;
export const casePage = pageSchema(caseView).meta({ id: 'FamilyCasePage' });

// ---------------------------------------------------------------- lifecycle

const when = { version, on: pastDate.optional() };
export const transitionBody = z
  .discriminatedUnion('event', [
    z.strictObject({
      event: z.enum(['start_screening', 'enrol', 'complete_assessment', 'approve_plan', 'activate', 'start_graduation_review', 'return_to_active', 'reopen']),
      ...when,
      reason: optionalText(2000),
    }),
    z.strictObject({ event: z.enum(['mark_not_eligible', 'suspend']), ...when, reason: requiredText(2000) }),
    z.strictObject({ event: z.literal('exit'), ...when, exitReason, exitNote: optionalText(4000) }),
    z.strictObject({ event: z.literal('close_follow_up'), ...when, followUpOutcome: requiredText(4000) }),
  ])
  .meta({ id: 'CaseTransition' });
export type TransitionInput = z.output<typeof transitionBody>;

export const assignBody = z
  .strictObject({
    version,
    assignedWorkerId: nullableUuid,
    /** Unchanged when left out. */
    teamId: uuid.nullish(),
    reason: optionalText(500),
  })
  .meta({ id: 'AssignCase' });
export type AssignInput = z.output<typeof assignBody>;

// ---------------------------------------------------------------- reviews and policy

export const reviewBody = z
  .strictObject({ version, reviewedOn: pastDate, riskLevel, summary: requiredText(4000) })
  .meta({ id: 'CreateCaseReview' });
export type ReviewInput = z.output<typeof reviewBody>;

export const reviewView = z
  .object({
    id: uuid,
    reviewedOn: z.string(),
    riskBefore: riskLevel,
    riskAfter: riskLevel,
    summary: z.string().optional(),
    reviewedBy: uuid,
    reviewedByName: z.string().optional(),
    createdAt: z.string(),
  })
  .meta({ id: 'CaseReview' });

const months = z.number().int().min(1).max(24);
const days = (max: number) => z.number().int().min(1).max(max);
export const reviewPolicyFields = {
  highMonths: months,
  mediumMonths: months,
  lowMonths: months,
  noneMonths: months,
  assessmentDueDays: days(365),
  referralAnswerDays: days(365),
  followUpDays: days(730),
};
export const reviewPolicyView = z
  .object({
    ...reviewPolicyFields,
    /** 0 while the organisation uses the defaults. */
    version: z.number().int().min(0),
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseReviewPolicy' });
export const updateReviewPolicyBody = z
  .strictObject({ version: z.number().int().min(0), ...reviewPolicyFields })
  .meta({ id: 'UpdateCaseReviewPolicy' });
export type UpdateReviewPolicyInput = z.output<typeof updateReviewPolicyBody>;

// ---------------------------------------------------------------- approvals

export const requestApprovalBody = z
  .strictObject({
    subjectType: approvalSubject,
    /** The plan (or plan revision) to approve, when the casework module names one. */
    subjectId: nullableUuid,
    note: optionalText(2000),
  })
  .meta({ id: 'RequestCaseApproval' });
export type RequestApprovalInput = z.output<typeof requestApprovalBody>;

export const decisionBody = z
  .discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('approve'), version, comment: optionalText(2000) }),
    /** A rejection sends the request back to the worker with the comment. */
    z.strictObject({ decision: z.literal('reject'), version, comment: requiredText(2000) }),
  ])
  .meta({ id: 'CaseApprovalDecision' });
export type DecisionInput = z.output<typeof decisionBody>;

export const approvalView = z
  .object({
    id: uuid,
    caseId: uuid,
    episode: z.number().int(),
    subjectType: approvalSubject,
    subjectId: uuid.nullable(),
    status: approvalStatus,
    requestNote: z.string().nullable().optional(),
    requestedBy: uuid,
    requestedByName: z.string().optional(),
    requestedAt: z.string(),
    decidedBy: uuid.nullable(),
    decidedByName: z.string().nullable().optional(),
    decidedAt: z.string().nullable(),
    decisionComment: z.string().nullable().optional(),
    version: z.number().int(),
  })
  .meta({ id: 'CaseApproval' });
export const approvalDecisionResult = z
  .object({ approval: approvalView, case: caseView })
  .meta({ id: 'CaseApprovalDecisionResult' });

// ---------------------------------------------------------------- visits and notes

const visitFields = {
  visitedOn: pastDate,
  participants: requiredText(1000),
  observations: requiredText(8000),
  nextSteps: optionalText(4000),
};
export const createVisitBody = z.strictObject(visitFields).meta({ id: 'CreateCaseVisit' });
export const updateVisitBody = z
  .strictObject({
    version,
    visitedOn: visitFields.visitedOn.optional(),
    participants: visitFields.participants.optional(),
    observations: visitFields.observations.optional(),
    nextSteps: visitFields.nextSteps.optional(),
  })
  .meta({ id: 'UpdateCaseVisit' });
export type CreateVisitInput = z.output<typeof createVisitBody>;
export type UpdateVisitInput = z.output<typeof updateVisitBody>;

export const visitView = z
  .object({
    id: uuid,
    caseId: uuid,
    visitedOn: z.string(),
    participants: z.string().optional(),
    observations: z.string().optional(),
    nextSteps: z.string().nullable().optional(),
    version: z.number().int(),
    createdBy: uuid,
    createdByName: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseVisit' });

const noteFields = { kind: caseNoteKind, occurredOn: pastDate, body: requiredText(8000) };
export const createNoteBody = z.strictObject(noteFields).meta({ id: 'CreateCaseNote' });
export const updateNoteBody = z
  .strictObject({ version, kind: noteFields.kind.optional(), occurredOn: noteFields.occurredOn.optional(), body: noteFields.body.optional() })
  .meta({ id: 'UpdateCaseNote' });
export type CreateNoteInput = z.output<typeof createNoteBody>;
export type UpdateNoteInput = z.output<typeof updateNoteBody>;

export const noteView = z
  .object({
    id: uuid,
    caseId: uuid,
    kind: caseNoteKind,
    occurredOn: z.string(),
    /** Absent in a de-identified view. */
    body: z.string().optional(),
    version: z.number().int(),
    createdBy: uuid,
    createdByName: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseNote' });

// ---------------------------------------------------------------- attachments

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The form fields sent with an upload besides the one file (multipart/form-data). */
export const attachmentFields = z
  .strictObject({ kind: attachmentKind.optional(), description: optionalText(500) })
  .meta({ id: 'CaseAttachmentFields' });

/** Why an attachment is removed: kept with the row and shown in the audit trail. */
export const removeAttachmentBody = z.strictObject({ reason: requiredText(500) });

export const attachmentView = z
  .object({
    id: uuid,
    caseId: uuid,
    kind: attachmentKind,
    fileName: z.string().optional(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    description: z.string().nullable().optional(),
    uploadedBy: uuid,
    uploadedByName: z.string().optional(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'CaseAttachment' });

/** The bytes of a download: not JSON. */
export const fileBytes = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ description: 'The file, as an attachment download' });

// ---------------------------------------------------------------- work and dashboard

export const WORK_ITEM_KINDS = [
  'screening_due',
  'assessment_due',
  'review_due',
  'plan_action_due',
  'referral_unanswered',
  'follow_up_due',
  'approval_pending',
  'approval_rejected',
] as const;
export const workItemKind = z.enum(WORK_ITEM_KINDS).meta({ id: 'CaseWorkItemKind' });

export const workItemView = z
  .object({
    caseId: uuid,
    caseNumber: z.string(),
    householdName: z.string().optional(),
    assignedWorkerId: uuid.nullable(),
    kind: workItemKind,
    dueOn: z.string(),
    overdue: z.boolean(),
    /** The record the item is about (approval, plan action, referral…), when not the case itself. */
    subjectId: uuid.nullable(),
  })
  .meta({ id: 'CaseWorkItem' });

export const myWorkQuery = z.strictObject({ horizonDays: z.coerce.number().int().min(0).max(90).default(14) });
export const myWorkView = z
  .object({
    today: z.string(),
    horizonDays: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    items: z.array(workItemView),
  })
  .meta({ id: 'CaseMyWork' });

export const dashboardQuery = z.strictObject({ branchId: uuid.optional() });
const riskCounts = z.object(Object.fromEntries(RISK_LEVELS.map((r) => [r, z.number().int()])) as Record<(typeof RISK_LEVELS)[number], z.ZodNumber>);
export const dashboardView = z
  .object({
    today: z.string(),
    branchId: uuid.nullable(),
    /** Cases by status (every status, zero included). */
    byStatus: z.object(Object.fromEntries(CASE_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof CASE_STATUSES)[number], z.ZodNumber>),
    /** Risk mix of the open cases (enrolled … graduation review). */
    riskMix: riskCounts,
    /** Overdue work items by kind. */
    overdue: z.object(Object.fromEntries(WORK_ITEM_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof WORK_ITEM_KINDS)[number], z.ZodNumber>),
    pendingApprovals: z.number().int(),
    unassignedOpen: z.number().int(),
    workers: z.array(
      z.object({
        workerId: uuid,
        workerName: z.string().optional(),
        /** Cases not closed (anything but not eligible, exited, follow-up closed). */
        caseload: z.number().int(),
        open: z.number().int(),
        highRisk: z.number().int(),
        overdue: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'CaseDashboard' });
