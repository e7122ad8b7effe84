import type { Updateable } from 'kysely';
import { OPEN_WORK_STATUSES, SUSPENDABLE_STATUSES, type ApprovalSubject, type CaseStatus, type ExitReason } from '../../../shared/cases/case-codes.ts';
import { todayInUzbekistan, type CaseReviewPolicy } from '../../../shared/cases/case-dates.ts';
import { eventOptions, transition, type CaseEvent, type CaseFacts, type CaseMachineState } from '../../../shared/cases/case-state-machine.ts';
import { searchFold } from '../../../shared/names/index.ts';
import type { FamilyCase, FamilyCaseTable } from '../../db/schema.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { findHousehold } from '../households/household.repository.ts';
import { assertPlacement } from '../organisation/placement.ts';
import { caseFactsProviders } from './case.extensions.ts';
import { approvalViewFor, caseViewFor, maySearchCaseNames, reviewViewFor, statusChangeViewFor, type CaseRow } from './case.policy.ts';
import {
  approvedSubjects, findApproval, findCase, insertApproval, insertCase, insertReview, insertStatusChange, isCaseWorkerOfBranch, listApprovals,
  listReviews, lockCase, openCaseOfHousehold, policyOf, policyRow, savePolicy, searchCases, statusHistory, updateApprovalAtVersion,
  updateCaseAtVersion,
} from './case.repository.ts';
import type {
  AssignInput, CaseView, CreateCaseInput, DecisionInput, RequestApprovalInput, ReviewInput, SearchCasesInput, TransitionInput,
  UpdateCaseInput, UpdateReviewPolicyInput,
} from './case.schema.ts';
import { overdueCaseIds } from './case-work.ts';

/**
 * Family cases: opening, lifecycle, assignment, risk reviews and approvals.
 * Every read and write of a case is audited; details carry ids and codes,
 * never names or free text.
 */

const invalid = (path: string, code: 'invalid_value' | 'required' = 'invalid_value') =>
  new AppError('validation_failed', 'Some fields are not valid.', { fields: [{ path: [path], code }] });

export const today = (): string => todayInUzbekistan();

/** The case if the caller may reach it; otherwise the same 404 as a missing one. Exported for the casework module. */
export async function requireCase(ctx: HandlerContext, caseId: string): Promise<CaseRow> {
  const row = await findCase(ctx.db, ctx.actor, caseId);
  if (!row) throw notFoundOrNoAccess();
  return row;
}

/** The case locked for this transaction, if the caller may reach it. Exported for the casework module. */
export async function requireCaseForUpdate(ctx: HandlerContext, caseId: string): Promise<FamilyCase> {
  const row = await lockCase(ctx.db, ctx.actor, caseId);
  if (!row) throw notFoundOrNoAccess();
  return row;
}

async function view(ctx: HandlerContext, caseId: string): Promise<CaseView> {
  return caseViewFor(ctx.actor, await requireCase(ctx, caseId), today());
}

/** What the state machine's guards need to know about a case, from approvals and the casework module. */
export async function caseFacts(ctx: HandlerContext, c: FamilyCase): Promise<CaseFacts> {
  const approved = await approvedSubjects(ctx.db, c.id, c.episode);
  const facts: CaseFacts = { planApproved: approved.has('plan'), closureApproved: approved.has('closure') };
  for (const provider of caseFactsProviders()) Object.assign(facts, await provider(ctx.db, c));
  return facts;
}

const machineState = (c: FamilyCase): CaseMachineState => ({
  status: c.status,
  suspendedFrom: c.suspended_from,
  episode: c.episode,
});

// ---------------------------------------------------------------- open, read, search, edit

export async function openCase(ctx: HandlerContext, input: CreateCaseInput) {
  const household = await findHousehold(ctx.db, ctx.actor, input.householdId);
  if (!household || household.archived_at) throw invalid('householdId');
  const wantsOther = input.assignedWorkerId !== undefined && input.assignedWorkerId !== null && input.assignedWorkerId !== ctx.actor.userId;
  if (wantsOther && !ctx.actor.permissions.has('case.assign')) {
    throw new AppError('field_not_writable', 'Only a supervisor assigns a case to someone else.', { fields: [{ path: ['assignedWorkerId'], code: 'invalid' }] });
  }
  const isCaseWorker = ctx.actor.roles.includes('social_worker');
  const worker = input.assignedWorkerId !== undefined ? input.assignedWorkerId : isCaseWorker ? ctx.actor.userId : household.assigned_worker_id;
  const scope = await assertPlacement(ctx.db, ctx.actor, {
    branchId: household.branch_id,
    teamId: input.teamId !== undefined ? input.teamId : household.team_id,
    assignedWorkerId: worker,
  });
  if (scope.assigned_worker_id && !(await isCaseWorkerOfBranch(ctx.db, ctx.actor.organisationId, scope.assigned_worker_id, scope.branch_id))) {
    throw invalid('assignedWorkerId');
  }
  if (await openCaseOfHousehold(ctx.db, ctx.actor.organisationId, household.id)) {
    throw new AppError('conflict', 'This household already has an open case; reopen or continue it instead.');
  }
  const row = await insertCase(ctx.db, {
    ...scope,
    household_id: household.id,
    referral_source: input.referralSource,
    referral_date: input.referralDate,
    referral_note: input.referralNote,
    risk_level: input.riskLevel,
    status_reason: null,
    suspended_from: null,
    opened_on: today(),
    enrolled_on: null,
    plan_approved_on: null,
    last_reviewed_on: null,
    exited_on: null,
    exit_reason: null,
    exit_note: null,
    follow_up_on: null,
    follow_up_outcome: null,
    created_by: ctx.actor.userId,
  });
  // The case is "referred" from the day of the referral.
  await insertStatusChange(ctx.db, {
    organisation_id: row.organisation_id, case_id: row.id, episode: 1, from_status: null, to_status: 'referred', event: 'open',
    reason: null, effective_on: input.referralDate, changed_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'case.create', recordType: 'family_case', recordId: row.id, details: { householdId: household.id, referralSource: input.referralSource, riskLevel: input.riskLevel } });
  return detail(ctx, row.id);
}

async function detail(ctx: HandlerContext, caseId: string) {
  const row = await requireCase(ctx, caseId);
  const history = await statusHistory(ctx.db, ctx.actor, caseId);
  const actions = ctx.actor.permissions.has('case.update') ? eventOptions(machineState(row), await caseFacts(ctx, row)) : [];
  return {
    case: caseViewFor(ctx.actor, row, today()),
    actions: actions.map((a) => ({ ...a, needs: [...a.needs] })),
    history: history.map((h) => statusChangeViewFor(ctx.actor, h)),
  };
}

export async function getCase(ctx: HandlerContext, caseId: string) {
  const result = await detail(ctx, caseId);
  await ctx.audit({ action: 'case.read', recordType: 'family_case', recordId: caseId });
  return result;
}

export async function findCases(ctx: HandlerContext, input: SearchCasesInput) {
  const raw = input.q?.trim() ?? '';
  const byNumber = /^FS-\d{4}-\d+$/i.test(raw);
  if (raw && !byNumber && !maySearchCaseNames(ctx.actor.fieldView)) throw new AppError('forbidden', 'Your role may not search by name.');
  const fold = raw && !byNumber ? searchFold(raw) || null : null;
  const onlyIds = input.overdue ? await overdueCaseIds(ctx, input.branchId) : undefined;
  const { rows, total } = await searchCases(ctx.db, ctx.actor, input, { fold, onlyIds });
  await ctx.audit({ action: 'case.search', recordType: 'family_case', details: { results: total, shown: rows.map((r) => r.id) } });
  const now = today();
  return { items: rows.map((r) => caseViewFor(ctx.actor, r, now)), total, page: input.page, pageSize: input.pageSize };
}

export async function updateCase(ctx: HandlerContext, caseId: string, input: UpdateCaseInput): Promise<CaseView> {
  const { version, ...changes } = input;
  const current = await requireCaseForUpdate(ctx, caseId);
  if (current.version !== version) throw versionConflict(await view(ctx, caseId));
  const values: Updateable<FamilyCaseTable> = {};
  if (changes.referralSource !== undefined) values.referral_source = changes.referralSource;
  if (changes.referralDate !== undefined) values.referral_date = changes.referralDate;
  if (changes.referralNote !== undefined) values.referral_note = changes.referralNote;
  if (changes.riskLevel !== undefined) values.risk_level = changes.riskLevel;
  const row = await updateCaseAtVersion(ctx.db, ctx.actor, caseId, version, values);
  if (!row) throw versionConflict(await view(ctx, caseId));
  await ctx.audit({
    action: 'case.update', recordType: 'family_case', recordId: caseId,
    details: { fields: Object.keys(changes).sort(), version: row.version, ...(changes.riskLevel !== undefined && changes.riskLevel !== current.risk_level ? { riskFrom: current.risk_level, riskTo: changes.riskLevel } : {}) },
  });
  return view(ctx, caseId);
}

// ---------------------------------------------------------------- lifecycle

interface EventApplication {
  type: CaseEvent;
  on: string;
  reason?: string | null;
  exitReason?: ExitReason | null;
  exitNote?: string | null;
  followUpOutcome?: string | null;
}

/**
 * Applies one lifecycle event to a locked case through the state machine,
 * saves the new state and its key dates, and writes the history row. Throws
 * `illegal_transition` (nothing changed) when the machine refuses.
 */
async function applyEvent(ctx: HandlerContext, current: FamilyCase, e: EventApplication): Promise<FamilyCase> {
  const facts = await caseFacts(ctx, current);
  const result = transition(machineState(current), { type: e.type, reason: e.reason, exitReason: e.exitReason, followUpOutcome: e.followUpOutcome }, facts);
  if (!result.ok) {
    throw new AppError('illegal_transition', `A case that is ${current.status} cannot take “${e.type}” now (${result.refusal}).`, {
      fields: [{ path: ['event'], code: 'invalid_value', params: { refusal: result.refusal, status: current.status } }],
      current: await view(ctx, current.id),
    });
  }
  const last = await ctx.db.selectFrom('family_case_status_change').select('effective_on').where('case_id', '=', current.id)
    .orderBy('changed_at', 'desc').limit(1).executeTakeFirst();
  if (last && e.on < last.effective_on) {
    throw new AppError('validation_failed', 'The date is before the case’s last change.', { fields: [{ path: ['on'], code: 'too_small', params: { minimum: last.effective_on } }] });
  }
  const next = result.state;
  const values: Updateable<FamilyCaseTable> = { status: next.status, suspended_from: next.suspendedFrom, episode: next.episode, status_reason: null };
  switch (e.type) {
    case 'enrol': values.enrolled_on = e.on; break;
    case 'approve_plan': values.plan_approved_on = e.on; break;
    case 'exit': Object.assign(values, { exited_on: e.on, exit_reason: e.exitReason, exit_note: e.exitNote ?? null }); break;
    case 'close_follow_up': Object.assign(values, { follow_up_on: e.on, follow_up_outcome: e.followUpOutcome }); break;
    case 'mark_not_eligible': case 'suspend': case 'return_to_active': values.status_reason = e.reason ?? null; break;
    case 'reopen':
      values.status_reason = e.reason ?? null;
      if (result.change.newEpisode) {
        Object.assign(values, {
          enrolled_on: null, plan_approved_on: null, last_reviewed_on: null, exited_on: null, exit_reason: null, exit_note: null,
          follow_up_on: null, follow_up_outcome: null,
        });
      }
      break;
    case 'start_screening': case 'complete_assessment': case 'activate': case 'start_graduation_review': break;
  }
  const row = await updateCaseAtVersion(ctx.db, ctx.actor, current.id, current.version, values);
  if (!row) throw versionConflict(await view(ctx, current.id));
  await insertStatusChange(ctx.db, {
    organisation_id: row.organisation_id, case_id: row.id, episode: next.episode, from_status: current.status, to_status: next.status,
    event: e.type, reason: e.type === 'exit' ? (e.exitNote ?? null) : e.type === 'close_follow_up' ? null : (e.reason ?? null),
    effective_on: e.on, changed_by: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'case.transition', recordType: 'family_case', recordId: row.id,
    details: { event: e.type, from: current.status, to: next.status, episode: next.episode, ...(e.exitReason ? { exitReason: e.exitReason } : {}), version: row.version },
  });
  return row;
}

export async function transitionCase(ctx: HandlerContext, caseId: string, input: TransitionInput) {
  const current = await requireCaseForUpdate(ctx, caseId);
  if (current.version !== input.version) throw versionConflict(await view(ctx, caseId));
  const on = input.on ?? today();
  if (on < current.referral_date) {
    throw new AppError('validation_failed', 'The date is before the referral.', { fields: [{ path: ['on'], code: 'too_small', params: { minimum: current.referral_date } }] });
  }
  await applyEvent(ctx, current, {
    type: input.event,
    on,
    reason: 'reason' in input ? input.reason : null,
    exitReason: 'exitReason' in input ? input.exitReason : null,
    exitNote: 'exitNote' in input ? input.exitNote : null,
    followUpOutcome: 'followUpOutcome' in input ? input.followUpOutcome : null,
  });
  return detail(ctx, caseId);
}

// ---------------------------------------------------------------- assignment

export async function assignCase(ctx: HandlerContext, caseId: string, input: AssignInput): Promise<CaseView> {
  const current = await requireCaseForUpdate(ctx, caseId);
  if (current.version !== input.version) throw versionConflict(await view(ctx, caseId));
  const teamId = input.teamId !== undefined ? input.teamId : current.team_id;
  const scope = await assertPlacement(ctx.db, ctx.actor, { branchId: current.branch_id, teamId, assignedWorkerId: input.assignedWorkerId });
  if (scope.assigned_worker_id && !(await isCaseWorkerOfBranch(ctx.db, ctx.actor.organisationId, scope.assigned_worker_id, current.branch_id))) {
    throw invalid('assignedWorkerId');
  }
  const row = await updateCaseAtVersion(ctx.db, ctx.actor, caseId, input.version, { assigned_worker_id: scope.assigned_worker_id, team_id: scope.team_id });
  if (!row) throw versionConflict(await view(ctx, caseId));
  await ctx.audit({
    action: 'case.assign', recordType: 'family_case', recordId: caseId,
    details: { fromWorker: current.assigned_worker_id, toWorker: row.assigned_worker_id, fromTeam: current.team_id, toTeam: row.team_id, version: row.version },
  });
  return view(ctx, caseId);
}

// ---------------------------------------------------------------- reviews and policy

export async function reviewCase(ctx: HandlerContext, caseId: string, input: ReviewInput): Promise<CaseView> {
  const current = await requireCaseForUpdate(ctx, caseId);
  if (current.version !== input.version) throw versionConflict(await view(ctx, caseId));
  if (!(OPEN_WORK_STATUSES as readonly CaseStatus[]).includes(current.status)) {
    throw new AppError('conflict', 'Only an enrolled case that is being worked on is reviewed.');
  }
  if (current.enrolled_on && input.reviewedOn < current.enrolled_on) {
    throw new AppError('validation_failed', 'A review cannot be before the enrolment.', { fields: [{ path: ['reviewedOn'], code: 'too_small', params: { minimum: current.enrolled_on } }] });
  }
  await insertReview(ctx.db, {
    organisation_id: current.organisation_id, case_id: caseId, reviewed_on: input.reviewedOn, risk_before: current.risk_level,
    risk_after: input.riskLevel, summary: input.summary, reviewed_by: ctx.actor.userId,
  });
  const lastReviewed = current.last_reviewed_on && current.last_reviewed_on > input.reviewedOn ? current.last_reviewed_on : input.reviewedOn;
  const row = await updateCaseAtVersion(ctx.db, ctx.actor, caseId, input.version, { last_reviewed_on: lastReviewed, risk_level: input.riskLevel });
  if (!row) throw versionConflict(await view(ctx, caseId));
  await ctx.audit({ action: 'case.review', recordType: 'family_case', recordId: caseId, details: { riskFrom: current.risk_level, riskTo: input.riskLevel, reviewedOn: input.reviewedOn, version: row.version } });
  return view(ctx, caseId);
}

export async function getReviews(ctx: HandlerContext, caseId: string) {
  await requireCase(ctx, caseId);
  const rows = await listReviews(ctx.db, ctx.actor, caseId);
  await ctx.audit({ action: 'case.reviews.read', recordType: 'family_case', recordId: caseId });
  return rows.map((r) => reviewViewFor(ctx.actor, r));
}

export async function organisationPolicy(ctx: HandlerContext): Promise<CaseReviewPolicy> {
  return policyOf(await policyRow(ctx.db, ctx.actor.organisationId));
}

export async function getReviewPolicy(ctx: HandlerContext) {
  const row = await policyRow(ctx.db, ctx.actor.organisationId);
  await ctx.audit({ action: 'case.policy.read', recordType: 'case_review_policy' });
  return { ...policyOf(row), version: row?.version ?? 0, isDefault: !row, updatedAt: row?.updated_at ?? null };
}

export async function updateReviewPolicy(ctx: HandlerContext, input: UpdateReviewPolicyInput) {
  const { version, ...policy } = input;
  const current = await policyRow(ctx.db, ctx.actor.organisationId);
  const currentView = { ...policyOf(current), version: current?.version ?? 0, isDefault: !current, updatedAt: current?.updated_at ?? null };
  if ((current?.version ?? 0) !== version) throw versionConflict(currentView);
  const row = await savePolicy(ctx.db, ctx.actor.organisationId, version, policy, ctx.actor.userId);
  if (!row) throw versionConflict(currentView);
  await ctx.audit({ action: 'case.policy.update', recordType: 'case_review_policy', details: { ...policy, version: row.version } });
  return { ...policyOf(row), version: row.version, isDefault: false, updatedAt: row.updated_at };
}

// ---------------------------------------------------------------- approvals

/** The states in which each subject may be put to a supervisor. */
const REQUESTABLE: Record<ApprovalSubject, readonly CaseStatus[]> = {
  plan: ['assessed', 'plan_approved', 'active', 'graduation_review'],
  closure: [...SUSPENDABLE_STATUSES, 'suspended'],
};

export async function getApprovals(ctx: HandlerContext, caseId: string) {
  await requireCase(ctx, caseId);
  const rows = await listApprovals(ctx.db, ctx.actor, caseId);
  await ctx.audit({ action: 'case.approvals.read', recordType: 'family_case', recordId: caseId });
  return rows.map((r) => approvalViewFor(ctx.actor, r));
}

export async function requestApproval(ctx: HandlerContext, caseId: string, input: RequestApprovalInput) {
  const current = await requireCaseForUpdate(ctx, caseId);
  if (!REQUESTABLE[input.subjectType].includes(current.status)) {
    throw new AppError('illegal_transition', `A ${input.subjectType} approval cannot be requested for a case that is ${current.status}.`, {
      fields: [{ path: ['subjectType'], code: 'invalid_value', params: { status: current.status } }],
    });
  }
  const pending = await ctx.db.selectFrom('case_approval').select('id').where('case_id', '=', caseId).where('subject_type', '=', input.subjectType)
    .where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw new AppError('conflict', 'A request for this approval is already waiting for a decision.');
  const id = await insertApproval(ctx.db, {
    organisation_id: current.organisation_id, case_id: caseId, episode: current.episode, subject_type: input.subjectType,
    subject_id: input.subjectId, request_note: input.note, requested_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'case.approval.request', recordType: 'family_case', recordId: caseId, details: { approvalId: id, subjectType: input.subjectType, subjectId: input.subjectId } });
  const row = await findApproval(ctx.db, ctx.actor, caseId, id);
  return approvalViewFor(ctx.actor, row!);
}

/**
 * A supervisor's decision. Approving a plan moves an assessed case to
 * `plan_approved`; rejecting a closure sends a case under graduation review
 * back to `active`; any rejection goes back to the worker with its comment.
 */
export async function decideApproval(ctx: HandlerContext, caseId: string, approvalId: string, input: DecisionInput) {
  const current = await requireCaseForUpdate(ctx, caseId);
  const approval = await findApproval(ctx.db, ctx.actor, caseId, approvalId, { forUpdate: true });
  if (!approval) throw notFoundOrNoAccess();
  if (approval.version !== input.version) throw versionConflict(approvalViewFor(ctx.actor, approval));
  if (approval.status !== 'pending') throw new AppError('conflict', 'This request has been decided or withdrawn already.');
  if (approval.requested_by === ctx.actor.userId) throw new AppError('forbidden', 'A request is decided by someone other than who made it.');
  if (approval.episode !== current.episode) throw new AppError('conflict', 'This request belongs to an earlier episode of the case.');
  const approved = input.decision === 'approve';
  const ok = await updateApprovalAtVersion(ctx.db, ctx.actor, approvalId, input.version, {
    status: approved ? 'approved' : 'rejected', decided_by: ctx.actor.userId, decided_at: new Date().toISOString(), decision_comment: input.comment,
  });
  if (!ok) throw versionConflict(approvalViewFor(ctx.actor, approval));
  await ctx.audit({
    action: approved ? 'case.approval.approve' : 'case.approval.reject', recordType: 'family_case', recordId: caseId,
    details: { approvalId, subjectType: approval.subject_type },
  });
  if (approved && approval.subject_type === 'plan' && current.status === 'assessed') {
    await applyEvent(ctx, current, { type: 'approve_plan', on: today() });
  } else if (!approved && approval.subject_type === 'closure' && current.status === 'graduation_review') {
    await applyEvent(ctx, current, { type: 'return_to_active', on: today(), reason: input.comment });
  }
  const row = await findApproval(ctx.db, ctx.actor, caseId, approvalId);
  return { approval: approvalViewFor(ctx.actor, row!), case: await view(ctx, caseId) };
}

export async function withdrawApproval(ctx: HandlerContext, caseId: string, approvalId: string, input: { version: number }) {
  await requireCaseForUpdate(ctx, caseId);
  const approval = await findApproval(ctx.db, ctx.actor, caseId, approvalId, { forUpdate: true });
  if (!approval) throw notFoundOrNoAccess();
  if (approval.version !== input.version) throw versionConflict(approvalViewFor(ctx.actor, approval));
  if (approval.status !== 'pending') throw new AppError('conflict', 'Only a waiting request can be withdrawn.');
  if (approval.requested_by !== ctx.actor.userId) throw new AppError('forbidden', 'Only who made a request withdraws it.');
  await updateApprovalAtVersion(ctx.db, ctx.actor, approvalId, input.version, { status: 'withdrawn' });
  await ctx.audit({ action: 'case.approval.withdraw', recordType: 'family_case', recordId: caseId, details: { approvalId } });
  const row = await findApproval(ctx.db, ctx.actor, caseId, approvalId);
  return approvalViewFor(ctx.actor, row!);
}
