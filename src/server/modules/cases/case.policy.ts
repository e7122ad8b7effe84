import type { Selectable } from 'kysely';
import type { FieldView } from '../../../shared/permissions.ts';
import type {
  CaseApprovalTable, CaseAttachmentTable, CaseNoteTable, CaseVisitTable, FamilyCase, FamilyCaseReviewTable, FamilyCaseStatusChangeTable,
} from '../../db/schema.ts';
import { pickVisible, type VisibleFields } from '../../platform/access/field-visibility.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { z } from 'zod';
import type { approvalView, attachmentView, CaseView, noteView, reviewView, statusChangeView, visitView } from './case.schema.ts';

/**
 * Which fields of a case each field view shows. A partner (mahalla team
 * member) sees who the family is and where the case stands, not the notes,
 * reasons, exit details or attachments; a de-identified view (M&E) sees codes,
 * dates and counts, never a name or free text.
 */
const PARTNER_CASE: (keyof CaseView)[] = [
  'id', 'caseNumber', 'householdId', 'householdReference', 'householdName', 'branchId', 'teamId', 'assignedWorkerId', 'assignedWorkerName',
  'status', 'suspendedFrom', 'episode', 'referralSource', 'referralDate', 'riskLevel', 'openedOn', 'enrolledOn', 'planApprovedOn',
  'lastReviewedOn', 'nextReviewOn', 'reviewOverdue', 'exitedOn', 'followUpOn', 'version',
];
const DEIDENTIFIED_CASE: (keyof CaseView)[] = [
  'id', 'caseNumber', 'householdId', 'householdReference', 'branchId', 'teamId', 'assignedWorkerId',
  'status', 'suspendedFrom', 'episode', 'referralSource', 'referralDate', 'riskLevel', 'openedOn', 'enrolledOn', 'planApprovedOn',
  'lastReviewedOn', 'nextReviewOn', 'reviewOverdue', 'exitedOn', 'exitReason', 'followUpOn', 'version', 'createdAt', 'updatedAt',
];
const CASE_VISIBLE: VisibleFields<CaseView> = { partner: new Set(PARTNER_CASE), deidentified: new Set(DEIDENTIFIED_CASE) };

/** A case row as the repository reads it: the case with its household, worker and computed review date. */
export type CaseRow = FamilyCase & {
  household_name: string;
  household_reference: string;
  worker_name: string | null;
  next_review_on: string | null;
};

export function caseViewFor(actor: Pick<Actor, 'fieldView'>, row: CaseRow, today: string): CaseView {
  return pickVisible(actor.fieldView, {
    id: row.id,
    caseNumber: row.case_number,
    householdId: row.household_id,
    householdReference: row.household_reference,
    householdName: row.household_name,
    branchId: row.branch_id,
    teamId: row.team_id,
    assignedWorkerId: row.assigned_worker_id,
    assignedWorkerName: row.worker_name,
    status: row.status,
    suspendedFrom: row.suspended_from,
    episode: row.episode,
    statusReason: row.status_reason,
    referralSource: row.referral_source,
    referralDate: row.referral_date,
    referralNote: row.referral_note,
    riskLevel: row.risk_level,
    openedOn: row.opened_on,
    enrolledOn: row.enrolled_on,
    planApprovedOn: row.plan_approved_on,
    lastReviewedOn: row.last_reviewed_on,
    nextReviewOn: row.next_review_on,
    reviewOverdue: row.next_review_on !== null && row.next_review_on < today,
    exitedOn: row.exited_on,
    exitReason: row.exit_reason,
    exitNote: row.exit_note,
    followUpOn: row.follow_up_on,
    followUpOutcome: row.follow_up_outcome,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, CASE_VISIBLE);
}

type StatusChangeView = z.infer<typeof statusChangeView>;
const HISTORY_VISIBLE: VisibleFields<StatusChangeView> = {
  partner: new Set<keyof StatusChangeView>(['id', 'episode', 'from', 'to', 'event', 'effectiveOn', 'changedBy', 'changedByName', 'changedAt']),
  deidentified: new Set<keyof StatusChangeView>(['id', 'episode', 'from', 'to', 'event', 'effectiveOn', 'changedBy', 'changedAt']),
};
export function statusChangeViewFor(actor: Pick<Actor, 'fieldView'>, row: Selectable<FamilyCaseStatusChangeTable> & { changed_by_name: string }): StatusChangeView {
  return pickVisible(actor.fieldView, {
    id: row.id, episode: row.episode, from: row.from_status, to: row.to_status, event: row.event, reason: row.reason,
    effectiveOn: row.effective_on, changedBy: row.changed_by, changedByName: row.changed_by_name, changedAt: row.changed_at,
  }, HISTORY_VISIBLE);
}

type ReviewView = z.infer<typeof reviewView>;
const REVIEW_VISIBLE: VisibleFields<ReviewView> = {
  partner: new Set<keyof ReviewView>(['id', 'reviewedOn', 'riskBefore', 'riskAfter', 'reviewedBy', 'reviewedByName', 'createdAt']),
  deidentified: new Set<keyof ReviewView>(['id', 'reviewedOn', 'riskBefore', 'riskAfter', 'reviewedBy', 'createdAt']),
};
export function reviewViewFor(actor: Pick<Actor, 'fieldView'>, row: Selectable<FamilyCaseReviewTable> & { reviewed_by_name: string }): ReviewView {
  return pickVisible(actor.fieldView, {
    id: row.id, reviewedOn: row.reviewed_on, riskBefore: row.risk_before, riskAfter: row.risk_after, summary: row.summary,
    reviewedBy: row.reviewed_by, reviewedByName: row.reviewed_by_name, createdAt: row.created_at,
  }, REVIEW_VISIBLE);
}

type ApprovalView = z.infer<typeof approvalView>;
const APPROVAL_BASE: (keyof ApprovalView)[] = ['id', 'caseId', 'episode', 'subjectType', 'subjectId', 'status', 'requestedBy', 'requestedAt', 'decidedBy', 'decidedAt', 'version'];
const APPROVAL_VISIBLE: VisibleFields<ApprovalView> = {
  partner: new Set<keyof ApprovalView>([...APPROVAL_BASE, 'requestedByName', 'decidedByName']),
  deidentified: new Set<keyof ApprovalView>(APPROVAL_BASE),
};
export type ApprovalRow = Selectable<CaseApprovalTable> & { requested_by_name: string; decided_by_name: string | null };
export function approvalViewFor(actor: Pick<Actor, 'fieldView'>, row: ApprovalRow): ApprovalView {
  return pickVisible(actor.fieldView, {
    id: row.id, caseId: row.case_id, episode: row.episode, subjectType: row.subject_type, subjectId: row.subject_id, status: row.status,
    requestNote: row.request_note, requestedBy: row.requested_by, requestedByName: row.requested_by_name, requestedAt: row.requested_at,
    decidedBy: row.decided_by, decidedByName: row.decided_by_name, decidedAt: row.decided_at, decisionComment: row.decision_comment, version: row.version,
  }, APPROVAL_VISIBLE);
}

type VisitView = z.infer<typeof visitView>;
const VISIT_VISIBLE: VisibleFields<VisitView> = {
  // A partner knows a visit happened and who took part; what was seen stays with the case workers.
  partner: new Set<keyof VisitView>(['id', 'caseId', 'visitedOn', 'participants', 'version', 'createdBy', 'createdByName', 'createdAt', 'updatedAt']),
  deidentified: new Set<keyof VisitView>(['id', 'caseId', 'visitedOn', 'version', 'createdBy', 'createdAt', 'updatedAt']),
};
export type VisitRow = Selectable<CaseVisitTable> & { created_by_name: string };
export function visitViewFor(actor: Pick<Actor, 'fieldView'>, row: VisitRow): VisitView {
  return pickVisible(actor.fieldView, {
    id: row.id, caseId: row.case_id, visitedOn: row.visited_on, participants: row.participants, observations: row.observations,
    nextSteps: row.next_steps, version: row.version, createdBy: row.created_by, createdByName: row.created_by_name,
    createdAt: row.created_at, updatedAt: row.updated_at,
  }, VISIT_VISIBLE);
}

type NoteView = z.infer<typeof noteView>;
const NOTE_VISIBLE: VisibleFields<NoteView> = {
  partner: new Set<keyof NoteView>([]), // refused before: see assertCaseContent
  deidentified: new Set<keyof NoteView>(['id', 'caseId', 'kind', 'occurredOn', 'version', 'createdBy', 'createdAt', 'updatedAt']),
};
export type NoteRow = Selectable<CaseNoteTable> & { created_by_name: string };
export function noteViewFor(actor: Pick<Actor, 'fieldView'>, row: NoteRow): NoteView {
  return pickVisible(actor.fieldView, {
    id: row.id, caseId: row.case_id, kind: row.kind, occurredOn: row.occurred_on, body: row.body, version: row.version,
    createdBy: row.created_by, createdByName: row.created_by_name, createdAt: row.created_at, updatedAt: row.updated_at,
  }, NOTE_VISIBLE);
}

type AttachmentView = z.infer<typeof attachmentView>;
const ATTACHMENT_VISIBLE: VisibleFields<AttachmentView> = {
  partner: new Set<keyof AttachmentView>([]), // refused before: see assertCaseContent
  deidentified: new Set<keyof AttachmentView>(['id', 'caseId', 'kind', 'contentType', 'sizeBytes', 'sha256', 'uploadedBy', 'uploadedAt']),
};
export type AttachmentRow = Selectable<CaseAttachmentTable> & { uploaded_by_name: string };
export function attachmentViewFor(actor: Pick<Actor, 'fieldView'>, row: AttachmentRow): AttachmentView {
  return pickVisible(actor.fieldView, {
    id: row.id, caseId: row.case_id, kind: row.kind, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes,
    sha256: row.sha256, description: row.description, uploadedBy: row.uploaded_by, uploadedByName: row.uploaded_by_name, uploadedAt: row.uploaded_at,
  }, ATTACHMENT_VISIBLE);
}

/**
 * Case content a field view may open at all: notes and attachments are for
 * the case workers (and, as metadata without text, for monitoring); a partner
 * gets neither. Attachment bytes are for the full view only.
 */
export type CaseContent = 'notes' | 'attachments' | 'attachment_file';
const CONTENT_VIEWS: Record<CaseContent, readonly FieldView[]> = {
  notes: ['full', 'deidentified'],
  attachments: ['full', 'deidentified'],
  attachment_file: ['full'],
};
export function assertCaseContent(actor: Pick<Actor, 'fieldView'>, content: CaseContent): void {
  if (!CONTENT_VIEWS[content].includes(actor.fieldView)) throw new AppError('forbidden', 'Your role may not open this part of a case.');
}

/** Whether names may be searched: a de-identified view must not probe names. */
export function maySearchCaseNames(view: FieldView): boolean {
  return view !== 'deidentified';
}
