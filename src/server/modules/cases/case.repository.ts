import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import { CLOSED_STATUSES, OPEN_WORK_STATUSES, type ApprovalSubject } from '../../../shared/cases/case-codes.ts';
import { DEFAULT_REVIEW_POLICY, type CaseReviewPolicy } from '../../../shared/cases/case-dates.ts';
import type {
  CaseApprovalTable, CaseAttachmentTable, CaseNoteTable, CaseReviewPolicyTable, CaseVisitTable, FamilyCase, FamilyCaseReviewTable,
  FamilyCaseStatusChangeTable, FamilyCaseTable,
} from '../../db/schema.ts';
import { recordScope } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { ApprovalRow, AttachmentRow, CaseRow, NoteRow, VisitRow } from './case.policy.ts';
import type { SearchCasesInput } from './case.schema.ts';

/**
 * Queries of the case module. Every query on `family_case` carries the
 * caller's record scope; the rows that belong to a case (history, approvals,
 * visits, notes, attachments) are read only after the case itself was found
 * in scope, and still carry the organisation in their WHERE.
 */

const D = DEFAULT_REVIEW_POLICY;

/**
 * The next review date in SQL, the same rule as `nextReviewOn` in
 * shared/cases/case-dates.ts: the last review (or the enrolment) plus the
 * months of the case's risk level in the organisation's policy (`crp`, left
 * joined; the defaults when the organisation has none).
 */
export const nextReviewSql: RawBuilder<string | null> = sql<string | null>`CASE
  WHEN family_case.status IN (${sql.join([...OPEN_WORK_STATUSES])})
   AND coalesce(family_case.last_reviewed_on, family_case.enrolled_on) IS NOT NULL
  THEN (coalesce(family_case.last_reviewed_on, family_case.enrolled_on) + make_interval(months => CASE family_case.risk_level
    WHEN 'high' THEN coalesce(crp.high_months, ${D.highMonths}::int)
    WHEN 'medium' THEN coalesce(crp.medium_months, ${D.mediumMonths}::int)
    WHEN 'low' THEN coalesce(crp.low_months, ${D.lowMonths}::int)
    ELSE coalesce(crp.none_months, ${D.noneMonths}::int) END))::date
  END`;

function caseQuery(db: Executor, actor: Actor) {
  return db
    .selectFrom('family_case')
    .innerJoin('household', 'household.id', 'family_case.household_id')
    .leftJoin('app_user as worker', 'worker.id', 'family_case.assigned_worker_id')
    .leftJoin('case_review_policy as crp', 'crp.organisation_id', 'family_case.organisation_id')
    .where(recordScope(actor, 'family_case'));
}

const caseColumns = (q: ReturnType<typeof caseQuery>) =>
  q.selectAll('family_case').select([
    'household.display_name as household_name',
    'household.reference as household_reference',
    'worker.display_name as worker_name',
    nextReviewSql.as('next_review_on'),
  ]);

/** The case with its household name, worker and next review date, if the caller may reach it. */
export async function findCase(db: Executor, actor: Actor, id: string): Promise<CaseRow | undefined> {
  return caseColumns(caseQuery(db, actor)).where('family_case.id', '=', id).executeTakeFirst();
}

/** The bare case row, locked for the rest of the transaction, if the caller may reach it. */
export async function lockCase(db: Executor, actor: Actor, id: string): Promise<FamilyCase | undefined> {
  return db.selectFrom('family_case').selectAll().where('id', '=', id).where(recordScope(actor, 'family_case')).forUpdate().executeTakeFirst();
}

export async function insertCase(db: Executor, values: Insertable<FamilyCaseTable>): Promise<FamilyCase> {
  return db.insertInto('family_case').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateCaseAtVersion(db: Executor, actor: Actor, id: string, version: number, values: Updateable<FamilyCaseTable>): Promise<FamilyCase | undefined> {
  return db
    .updateTable('family_case')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where(recordScope(actor, 'family_case'))
    .returningAll()
    .executeTakeFirst();
}

export async function openCaseOfHousehold(db: Executor, organisationId: string, householdId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('family_case').select('id').where('organisation_id', '=', organisationId).where('household_id', '=', householdId)
    .where('status', 'not in', [...CLOSED_STATUSES]).executeTakeFirst();
}

export async function insertStatusChange(db: Executor, values: Insertable<FamilyCaseStatusChangeTable>): Promise<void> {
  await db.insertInto('family_case_status_change').values(values).execute();
}

export async function statusHistory(db: Executor, actor: Actor, caseId: string) {
  return db
    .selectFrom('family_case_status_change as h')
    .innerJoin('app_user as u', 'u.id', 'h.changed_by')
    .selectAll('h')
    .select('u.display_name as changed_by_name')
    .where('h.case_id', '=', caseId)
    .where('h.organisation_id', '=', actor.organisationId)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id')
    .execute();
}

// ---------------------------------------------------------------- search

export interface CaseSearchExtra {
  /** Folded household-name words, when searching by name. */
  fold: string | null;
  /** Only these cases (the overdue filter); undefined for no limit. */
  onlyIds?: readonly string[] | undefined;
}

export async function searchCases(db: Executor, actor: Actor, input: SearchCasesInput, extra: CaseSearchExtra): Promise<{ rows: CaseRow[]; total: number }> {
  let q = caseQuery(db, actor);
  if (input.status?.length) q = q.where('family_case.status', 'in', input.status);
  if (input.riskLevel?.length) q = q.where('family_case.risk_level', 'in', input.riskLevel);
  if (input.branchId) q = q.where('family_case.branch_id', '=', input.branchId);
  if (input.teamId) q = q.where('family_case.team_id', '=', input.teamId);
  if (input.assignedWorkerId) q = q.where('family_case.assigned_worker_id', '=', input.assignedWorkerId);
  if (input.householdId) q = q.where('family_case.household_id', '=', input.householdId);
  if (input.unassigned) q = q.where('family_case.assigned_worker_id', 'is', null);
  if (input.view === 'mine') q = q.where('family_case.assigned_worker_id', '=', actor.userId);
  if (input.view === 'my_teams') {
    const teams = [...new Set(actor.assignments.flatMap((a) => (a.teamId ? [a.teamId] : [])))];
    q = teams.length ? q.where('family_case.team_id', 'in', teams) : q.where(sql<boolean>`false`);
  }
  if (extra.onlyIds) q = extra.onlyIds.length ? q.where('family_case.id', 'in', [...extra.onlyIds]) : q.where(sql<boolean>`false`);
  const raw = input.q?.trim() ?? '';
  if (/^FS-\d{4}-\d+$/i.test(raw)) q = q.where('family_case.case_number', '=', raw.toUpperCase());
  else if (extra.fold) {
    for (const word of extra.fold.split(' ').filter(Boolean)) {
      q = q.where('household.search_fold', 'like', `%${word.replace(/[%_\\]/g, '\\$&')}%`);
    }
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let page = caseColumns(q);
  switch (input.sort) {
    case '-updatedAt': page = page.orderBy('family_case.updated_at', 'desc'); break;
    case 'caseNumber': page = page.orderBy('family_case.case_number', 'asc'); break;
    case '-caseNumber': page = page.orderBy('family_case.case_number', 'desc'); break;
    case 'nextReviewOn': page = page.orderBy(sql`next_review_on`, (o) => o.asc().nullsLast()); break;
    case '-riskLevel': page = page.orderBy(sql`array_position(array['high','medium','low','none'], family_case.risk_level)`, 'asc'); break;
    case 'openedOn': page = page.orderBy('family_case.opened_on', 'asc'); break;
    case '-openedOn': page = page.orderBy('family_case.opened_on', 'desc'); break;
    case 'status': page = page.orderBy(sql`array_position(array['referred','screening','enrolled','assessed','plan_approved','active','graduation_review','suspended','exited','follow_up_closed','not_eligible'], family_case.status)`, 'asc'); break;
  }
  const rows = await page.orderBy('family_case.id').limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute();
  return { rows, total };
}

/**
 * Cases in scope whose number starts with `prefix` or equals `exact`, for the
 * global search box: the same scoped query as the case list, so a case out of
 * reach is simply never found. Numbers are stored upper-case (FS-2026-000123).
 */
export async function casesByNumber(db: Executor, actor: Actor, match: { prefix: string; exact?: string | undefined }, limit: number): Promise<CaseRow[]> {
  const pattern = `${match.prefix.replace(/[%_\\]/g, '\\$&')}%`;
  const q = caseQuery(db, actor).where((eb) => {
    const byPrefix = eb('family_case.case_number', 'like', pattern);
    return match.exact ? eb.or([byPrefix, eb('family_case.case_number', '=', match.exact)]) : byPrefix;
  });
  // The exact number first even when many numbers share the prefix, then the newest.
  const ranked = match.exact ? caseColumns(q).orderBy(sql`family_case.case_number = ${match.exact}`, 'desc') : caseColumns(q);
  return ranked.orderBy('family_case.case_number', 'desc').limit(limit).execute();
}

/** What due work is computed from: the dates and the people of a case, not its texts. */
export type WorkCase = Pick<CaseRow, 'id' | 'case_number' | 'status' | 'risk_level' | 'assigned_worker_id' | 'referral_date' | 'enrolled_on' | 'exited_on' | 'follow_up_on' | 'next_review_on' | 'household_name'>;

/** The open cases in the caller's reach (exited ones too, for their follow-up), with only the columns work needs: a supervisor's reach is thousands of rows. */
export async function casesForWork(db: Executor, actor: Actor, filter: { assignedWorkerId?: string; branchId?: string | undefined }): Promise<WorkCase[]> {
  let q = caseQuery(db, actor).where('family_case.status', 'not in', ['not_eligible', 'follow_up_closed']);
  if (filter.assignedWorkerId) q = q.where('family_case.assigned_worker_id', '=', filter.assignedWorkerId);
  if (filter.branchId) q = q.where('family_case.branch_id', '=', filter.branchId);
  return q
    .select([
      'family_case.id', 'family_case.case_number', 'family_case.status', 'family_case.risk_level', 'family_case.assigned_worker_id', 'family_case.referral_date',
      'family_case.enrolled_on', 'family_case.exited_on', 'family_case.follow_up_on', 'household.display_name as household_name', nextReviewSql.as('next_review_on'),
    ])
    .orderBy('family_case.case_number')
    .execute();
}

/** Counts by status, in scope. */
export async function statusCounts(db: Executor, actor: Actor, branchId: string | undefined) {
  let q = db.selectFrom('family_case').where(recordScope(actor, 'family_case'));
  if (branchId) q = q.where('branch_id', '=', branchId);
  return q.select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
}

// ---------------------------------------------------------------- policy

export async function policyRow(db: Executor, organisationId: string) {
  return db.selectFrom('case_review_policy').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
}

export function policyOf(row: { high_months: number; medium_months: number; low_months: number; none_months: number; assessment_due_days: number; referral_answer_days: number; follow_up_days: number } | undefined): CaseReviewPolicy {
  if (!row) return { ...DEFAULT_REVIEW_POLICY };
  return {
    highMonths: row.high_months, mediumMonths: row.medium_months, lowMonths: row.low_months, noneMonths: row.none_months,
    assessmentDueDays: row.assessment_due_days, referralAnswerDays: row.referral_answer_days, followUpDays: row.follow_up_days,
  };
}

export async function savePolicy(db: Executor, organisationId: string, expectedVersion: number, p: CaseReviewPolicy, by: string) {
  const values = {
    high_months: p.highMonths, medium_months: p.mediumMonths, low_months: p.lowMonths, none_months: p.noneMonths,
    assessment_due_days: p.assessmentDueDays, referral_answer_days: p.referralAnswerDays, follow_up_days: p.followUpDays, updated_by: by,
  } satisfies Partial<Insertable<CaseReviewPolicyTable>>;
  if (expectedVersion === 0) {
    return db.insertInto('case_review_policy').values({ organisation_id: organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doNothing()).returningAll().executeTakeFirst();
  }
  return db.updateTable('case_review_policy').set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('organisation_id', '=', organisationId).where('version', '=', expectedVersion).returningAll().executeTakeFirst();
}

// ---------------------------------------------------------------- reviews

export async function insertReview(db: Executor, values: Insertable<FamilyCaseReviewTable>): Promise<void> {
  await db.insertInto('family_case_review').values(values).execute();
}

export async function listReviews(db: Executor, actor: Actor, caseId: string) {
  return db.selectFrom('family_case_review as r').innerJoin('app_user as u', 'u.id', 'r.reviewed_by')
    .selectAll('r').select('u.display_name as reviewed_by_name')
    .where('r.case_id', '=', caseId).where('r.organisation_id', '=', actor.organisationId)
    .orderBy('r.reviewed_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

// ---------------------------------------------------------------- approvals

function approvalQuery(db: Executor, actor: Actor) {
  return db.selectFrom('case_approval as a')
    .innerJoin('app_user as rq', 'rq.id', 'a.requested_by')
    .leftJoin('app_user as dc', 'dc.id', 'a.decided_by')
    .selectAll('a')
    .select(['rq.display_name as requested_by_name', 'dc.display_name as decided_by_name'])
    .where('a.organisation_id', '=', actor.organisationId);
}

export async function listApprovals(db: Executor, actor: Actor, caseId: string): Promise<ApprovalRow[]> {
  return approvalQuery(db, actor).where('a.case_id', '=', caseId).orderBy('a.requested_at', 'desc').orderBy('a.id').execute();
}

export async function findApproval(db: Executor, actor: Actor, caseId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ApprovalRow | undefined> {
  if (opts.forUpdate) {
    await db.selectFrom('case_approval').select('id').where('id', '=', id).where('case_id', '=', caseId).forUpdate().execute();
  }
  return approvalQuery(db, actor).where('a.case_id', '=', caseId).where('a.id', '=', id).executeTakeFirst();
}

export async function insertApproval(db: Executor, values: Insertable<CaseApprovalTable>): Promise<string> {
  return (await db.insertInto('case_approval').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateApprovalAtVersion(db: Executor, actor: Actor, id: string, version: number, values: Updateable<CaseApprovalTable>): Promise<boolean> {
  const row = await db.updateTable('case_approval').set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id).where('version', '=', version).where('organisation_id', '=', actor.organisationId)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Which subjects have an approved approval in the case's current episode: the guards of the state machine. */
export async function approvedSubjects(db: Executor, caseId: string, episode: number): Promise<Set<ApprovalSubject>> {
  const rows = await db.selectFrom('case_approval').select('subject_type').distinct()
    .where('case_id', '=', caseId).where('episode', '=', episode).where('status', '=', 'approved').execute();
  return new Set(rows.map((r) => r.subject_type));
}

/** Pending approvals and, per case and subject, the latest decision when it was a rejection (work for the worker). */
export async function approvalsForWork(db: Executor, organisationId: string, caseIds: readonly string[]) {
  if (!caseIds.length) return [];
  return db.selectFrom('case_approval as a')
    .innerJoin('family_case as c', 'c.id', 'a.case_id')
    .select(['a.id', 'a.case_id', 'a.subject_type', 'a.status', 'a.requested_by', 'a.requested_at', 'a.decided_at'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.case_id', 'in', [...caseIds])
    .whereRef('a.episode', '=', 'c.episode')
    .where((eb) => eb.or([
      eb('a.status', '=', 'pending'),
      eb.and([
        eb('a.status', '=', 'rejected'),
        eb.not(eb.exists(eb.selectFrom('case_approval as later').select(sql`1`.as('one'))
          .whereRef('later.case_id', '=', 'a.case_id').whereRef('later.subject_type', '=', 'a.subject_type')
          .whereRef('later.requested_at', '>', 'a.requested_at'))),
      ]),
    ]))
    .execute();
}

// ---------------------------------------------------------------- visits and notes

export async function listVisits(db: Executor, actor: Actor, caseId: string): Promise<VisitRow[]> {
  return db.selectFrom('case_visit as v').innerJoin('app_user as u', 'u.id', 'v.created_by').selectAll('v').select('u.display_name as created_by_name')
    .where('v.case_id', '=', caseId).where('v.organisation_id', '=', actor.organisationId)
    .orderBy('v.visited_on', 'desc').orderBy('v.created_at', 'desc').execute();
}

export async function findVisit(db: Executor, actor: Actor, caseId: string, id: string): Promise<VisitRow | undefined> {
  return db.selectFrom('case_visit as v').innerJoin('app_user as u', 'u.id', 'v.created_by').selectAll('v').select('u.display_name as created_by_name')
    .where('v.case_id', '=', caseId).where('v.id', '=', id).where('v.organisation_id', '=', actor.organisationId).executeTakeFirst();
}

export async function insertVisit(db: Executor, values: Insertable<CaseVisitTable>): Promise<string> {
  return (await db.insertInto('case_visit').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateVisitAtVersion(db: Executor, actor: Actor, caseId: string, id: string, version: number, values: Updateable<CaseVisitTable>): Promise<boolean> {
  const row = await db.updateTable('case_visit').set({ ...values, updated_by: actor.userId, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id).where('case_id', '=', caseId).where('version', '=', version).where('organisation_id', '=', actor.organisationId)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function listNotes(db: Executor, actor: Actor, caseId: string): Promise<NoteRow[]> {
  return db.selectFrom('case_note as n').innerJoin('app_user as u', 'u.id', 'n.created_by').selectAll('n').select('u.display_name as created_by_name')
    .where('n.case_id', '=', caseId).where('n.organisation_id', '=', actor.organisationId)
    .orderBy('n.occurred_on', 'desc').orderBy('n.created_at', 'desc').execute();
}

export async function findNote(db: Executor, actor: Actor, caseId: string, id: string): Promise<NoteRow | undefined> {
  return db.selectFrom('case_note as n').innerJoin('app_user as u', 'u.id', 'n.created_by').selectAll('n').select('u.display_name as created_by_name')
    .where('n.case_id', '=', caseId).where('n.id', '=', id).where('n.organisation_id', '=', actor.organisationId).executeTakeFirst();
}

export async function insertNote(db: Executor, values: Insertable<CaseNoteTable>): Promise<string> {
  return (await db.insertInto('case_note').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateNoteAtVersion(db: Executor, actor: Actor, caseId: string, id: string, version: number, values: Updateable<CaseNoteTable>): Promise<boolean> {
  const row = await db.updateTable('case_note').set({ ...values, updated_by: actor.userId, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id).where('case_id', '=', caseId).where('version', '=', version).where('organisation_id', '=', actor.organisationId)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

// ---------------------------------------------------------------- attachments

export async function listAttachments(db: Executor, actor: Actor, caseId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('case_attachment as a').innerJoin('app_user as u', 'u.id', 'a.uploaded_by').selectAll('a').select('u.display_name as uploaded_by_name')
    .where('a.case_id', '=', caseId).where('a.organisation_id', '=', actor.organisationId).where('a.removed_at', 'is', null)
    .orderBy('a.uploaded_at', 'desc').orderBy('a.id').execute();
}

export async function findAttachment(db: Executor, actor: Actor, caseId: string, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('case_attachment as a').innerJoin('app_user as u', 'u.id', 'a.uploaded_by').selectAll('a').select('u.display_name as uploaded_by_name')
    .where('a.case_id', '=', caseId).where('a.id', '=', id).where('a.organisation_id', '=', actor.organisationId).where('a.removed_at', 'is', null).executeTakeFirst();
}

/** Marks an attachment removed; false when it is not there (or removed already). */
export async function markAttachmentRemoved(db: Executor, actor: Actor, caseId: string, id: string, reason: string): Promise<boolean> {
  const row = await db.updateTable('case_attachment').set({ removed_at: sql<string>`now()`, removed_by: actor.userId, removal_reason: reason })
    .where('case_id', '=', caseId).where('id', '=', id).where('organisation_id', '=', actor.organisationId).where('removed_at', 'is', null)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function insertAttachment(db: Executor, values: Insertable<CaseAttachmentTable>): Promise<string> {
  return (await db.insertInto('case_attachment').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Users of the organisation who hold a case-working role in a branch: who a case may be assigned to. */
export async function isCaseWorkerOfBranch(db: Executor, organisationId: string, userId: string, branchId: string): Promise<boolean> {
  const row = await db.selectFrom('app_user as u').innerJoin('role_assignment as r', 'r.user_id', 'u.id').select('u.id')
    .where('u.id', '=', userId).where('u.organisation_id', '=', organisationId).where('u.disabled_at', 'is', null)
    .where('r.role', 'in', ['social_worker', 'care_worker', 'supervisor'])
    .where((eb) => eb.or([eb('r.branch_id', '=', branchId), eb('r.branch_id', 'is', null)]))
    .executeTakeFirst();
  return row !== undefined;
}

export async function userNames(db: Executor, organisationId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', organisationId).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
