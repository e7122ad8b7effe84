import { sql, type Insertable, type Updateable } from 'kysely';
import { OPEN_ACTION_STATUSES } from '../../../shared/casework/codes.ts';
import type {
  FamilyPlan, FamilyPlanTable, PlanAction, PlanActionTable, PlanGoal, PlanGoalTable, PlanReview, PlanReviewTable,
} from '../../db/casework-tables.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';

/**
 * Queries on family plans. A plan is read by its case (found in the caller's
 * scope by the service first) and episode, always within the organisation.
 */

export type PlanRow = FamilyPlan & {
  approval_status: 'pending' | 'approved' | 'rejected' | 'withdrawn' | null;
  approval_requested_at: string | null;
  approval_decided_at: string | null;
  approval_comment: string | null;
};

export async function findPlan(db: Executor, actor: Actor, caseId: string, episode: number, opts: { forUpdate?: boolean } = {}): Promise<PlanRow | undefined> {
  if (opts.forUpdate) {
    await db.selectFrom('family_plan').select('id').where('case_id', '=', caseId).where('episode', '=', episode)
      .where('organisation_id', '=', actor.organisationId).forUpdate().execute();
  }
  return db
    .selectFrom('family_plan as p')
    .leftJoin('case_approval as a', 'a.id', 'p.approval_id')
    .selectAll('p')
    .select(['a.status as approval_status', 'a.requested_at as approval_requested_at', 'a.decided_at as approval_decided_at', 'a.decision_comment as approval_comment'])
    .where('p.case_id', '=', caseId)
    .where('p.episode', '=', episode)
    .where('p.organisation_id', '=', actor.organisationId)
    .executeTakeFirst();
}

export interface PlanContent {
  goals: PlanGoal[];
  actions: PlanAction[];
  reviews: (PlanReview & { reviewed_by_name: string })[];
}

export async function planContent(db: Executor, planId: string): Promise<PlanContent> {
  const goals = await db.selectFrom('plan_goal').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  const actions = await db.selectFrom('plan_action').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  const reviews = await db.selectFrom('plan_review as r').innerJoin('app_user as u', 'u.id', 'r.reviewed_by')
    .selectAll('r').select('u.display_name as reviewed_by_name')
    .where('r.plan_id', '=', planId).orderBy('r.reviewed_on', 'desc').orderBy('r.created_at', 'desc').execute();
  return { goals, actions, reviews };
}

export async function insertPlan(db: Executor, values: Insertable<FamilyPlanTable>): Promise<string> {
  return (await db.insertInto('family_plan').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Applies a change and a new version only if the plan still has the version the user saw. */
export async function updatePlanAtVersion(db: Executor, actor: Actor, id: string, version: number, values: Updateable<FamilyPlanTable>): Promise<boolean> {
  const row = await db
    .updateTable('family_plan')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('organisation_id', '=', actor.organisationId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Replaces goals and actions in one go; kept ids stay the same rows for reviews and links. */
export async function replacePlanContent(db: Executor, planId: string, goals: Insertable<PlanGoalTable>[], actions: Insertable<PlanActionTable>[]): Promise<void> {
  await db.deleteFrom('plan_goal').where('plan_id', '=', planId).execute();
  if (goals.length) await db.insertInto('plan_goal').values(goals).execute();
  if (actions.length) await db.insertInto('plan_action').values(actions).execute();
}

export async function updateAction(db: Executor, planId: string, actionId: string, values: Updateable<PlanActionTable>): Promise<boolean> {
  const row = await db.updateTable('plan_action').set(values).where('id', '=', actionId).where('plan_id', '=', planId).returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function insertReview(db: Executor, values: Insertable<PlanReviewTable>): Promise<string> {
  return (await db.insertInto('plan_review').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * Whether the case's plan for the episode is approved as it stands: its
 * approval request was approved and the goals and actions have not changed
 * since. For the case core's guards and work lists.
 */
export async function planApproved(db: Executor, caseId: string, episode: number): Promise<boolean> {
  const row = await db
    .selectFrom('family_plan as p')
    .innerJoin('case_approval as a', 'a.id', 'p.approval_id')
    .select('p.id')
    .where('p.case_id', '=', caseId)
    .where('p.episode', '=', episode)
    .where('a.status', '=', 'approved')
    .whereRef('p.submitted_revision', '=', 'p.content_revision')
    .executeTakeFirst();
  return row !== undefined;
}

/** Open actions of the cases' current plans due on or before `until`: the case core's "plan action due" work items. */
export async function actionsDue(db: Executor, organisationId: string, caseIds: readonly string[], until: string) {
  if (!caseIds.length) return [];
  return db
    .selectFrom('plan_action as pa')
    .innerJoin('family_plan as p', 'p.id', 'pa.plan_id')
    .innerJoin('family_case as c', (j) => j.onRef('c.id', '=', 'p.case_id').onRef('c.episode', '=', 'p.episode'))
    .select(['p.case_id', 'pa.id', 'pa.due_on'])
    .where('pa.organisation_id', '=', organisationId)
    .where('p.case_id', 'in', [...caseIds])
    .where('pa.status', 'in', [...OPEN_ACTION_STATUSES])
    .where('pa.due_on', '<=', until)
    .orderBy('pa.due_on')
    .execute();
}
