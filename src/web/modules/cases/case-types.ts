import type {
  ApprovalStatus, ApprovalSubject, AttachmentKind, CaseNoteKind, CaseStatus, ExitReason, ReferralSource, RiskLevel, SuspendableStatus,
} from '../../../shared/cases/case-codes.ts';
import type { CaseEvent, EventInput, TransitionRefusal } from '../../../shared/cases/case-state-machine.ts';

/**
 * The family case API as the staff app reads it (server: `cases/case.schema.ts`).
 * Fields a role's view may hide are optional: absent, never null.
 */

export interface CaseView {
  id: string;
  caseNumber: string;
  householdId: string;
  householdReference: string;
  householdName?: string;
  branchId: string;
  teamId?: string | null;
  assignedWorkerId?: string | null;
  assignedWorkerName?: string | null;
  status: CaseStatus;
  suspendedFrom: SuspendableStatus | null;
  episode: number;
  statusReason?: string | null;
  referralSource: ReferralSource;
  referralDate: string;
  referralNote?: string | null;
  riskLevel: RiskLevel;
  openedOn: string;
  enrolledOn: string | null;
  planApprovedOn: string | null;
  lastReviewedOn: string | null;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  exitedOn: string | null;
  exitReason?: ExitReason | null;
  exitNote?: string | null;
  followUpOn?: string | null;
  followUpOutcome?: string | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface CaseAction {
  event: CaseEvent;
  allowed: boolean;
  refusal: TransitionRefusal | null;
  to: CaseStatus;
  needs: EventInput[];
}

export interface StatusChange {
  id: string;
  episode: number;
  from: CaseStatus | null;
  to: CaseStatus;
  event: string;
  reason?: string | null;
  effectiveOn: string;
  changedBy: string;
  changedByName?: string;
  changedAt: string;
}

export interface CaseDetail {
  case: CaseView;
  actions: CaseAction[];
  history: StatusChange[];
}

export const CASE_SORTS = ['-updatedAt', 'caseNumber', '-caseNumber', 'nextReviewOn', '-riskLevel', 'openedOn', '-openedOn', 'status'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface ApprovalView {
  id: string;
  caseId: string;
  episode: number;
  subjectType: ApprovalSubject;
  subjectId: string | null;
  status: ApprovalStatus;
  requestNote?: string | null;
  requestedBy: string;
  requestedByName?: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedByName?: string | null;
  decidedAt: string | null;
  decisionComment?: string | null;
  version: number;
}

export interface ReviewView {
  id: string;
  reviewedOn: string;
  riskBefore: RiskLevel;
  riskAfter: RiskLevel;
  summary?: string;
  reviewedBy: string;
  reviewedByName?: string;
  createdAt: string;
}

export interface VisitView {
  id: string;
  caseId: string;
  visitedOn: string;
  participants?: string;
  observations?: string;
  nextSteps?: string | null;
  version: number;
  createdBy: string;
  createdByName?: string;
  createdAt: string;
  updatedAt: string;
}

export interface NoteView {
  id: string;
  caseId: string;
  kind: CaseNoteKind;
  occurredOn: string;
  body?: string;
  version: number;
  createdBy: string;
  createdByName?: string;
  createdAt: string;
  updatedAt: string;
}

export interface AttachmentView {
  id: string;
  caseId: string;
  kind: AttachmentKind;
  fileName?: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  description?: string | null;
  uploadedBy: string;
  uploadedByName?: string;
  uploadedAt: string;
}

/** The kinds of due work the server computes (server: `WORK_ITEM_KINDS` in case.schema.ts). */
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
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export interface WorkItem {
  caseId: string;
  caseNumber: string;
  householdName?: string;
  assignedWorkerId: string | null;
  kind: WorkItemKind;
  dueOn: string;
  overdue: boolean;
  subjectId: string | null;
}

export interface MyWork {
  today: string;
  horizonDays: number;
  overdue: number;
  dueSoon: number;
  items: WorkItem[];
}

export interface DashboardWorker {
  workerId: string;
  workerName?: string;
  caseload: number;
  open: number;
  highRisk: number;
  overdue: number;
}

export interface Dashboard {
  today: string;
  branchId: string | null;
  byStatus: Record<CaseStatus, number>;
  riskMix: Record<RiskLevel, number>;
  overdue: Record<WorkItemKind, number>;
  pendingApprovals: number;
  unassignedOpen: number;
  workers: DashboardWorker[];
}
