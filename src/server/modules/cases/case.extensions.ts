import type { CaseReviewPolicy } from '../../../shared/cases/case-dates.ts';
import type { CaseFacts } from '../../../shared/cases/case-state-machine.ts';
import type { FamilyCase } from '../../db/schema.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { WorkCase } from './case.repository.ts';
import type { WORK_ITEM_KINDS } from './case.schema.ts';

/**
 * Where the casework module (assessments, plans, referrals…) plugs into the
 * case core without the core knowing its tables. Register from the casework
 * module's top level (it is imported by routes.ts before the server starts):
 *
 * @example
 * registerCaseWorkSource(async ({ db, actor, cases, today }) => {
 *   const rows = await db.selectFrom('plan_action').select(['case_id', 'id', 'due_on'])
 *     .where('organisation_id', '=', actor.organisationId)
 *     .where('case_id', 'in', cases.map((c) => c.id)).where('status', '!=', 'done').execute();
 *   return rows.map((r) => ({ caseId: r.case_id, kind: 'plan_action_due', dueOn: r.due_on, subjectId: r.id }));
 * });
 *
 * registerCaseFactsProvider(async (db, c) => ({ assessmentRecorded: await hasAssessment(db, c.id, c.episode) }));
 */

export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

/** One piece of due work on a case. Overdue when `dueOn` is before today. */
export interface CaseWorkItem {
  caseId: string;
  kind: WorkItemKind;
  dueOn: string;
  /** The record the item is about (plan action, referral, approval), or null for the case itself. */
  subjectId: string | null;
}

export interface CaseWorkContext {
  db: Executor;
  actor: Actor;
  /** Today in Uzbekistan, 'YYYY-MM-DD'. */
  today: string;
  /** The organisation's review policy (its `referralAnswerDays` is for unanswered referrals too). */
  policy: CaseReviewPolicy;
  /**
   * The cases to compute work for: already limited to the caller's record
   * scope, and not closed (exited cases are included for their follow-up).
   * Never query outside these ids.
   */
  cases: readonly WorkCase[];
}

/**
 * Work is computed by query on read, never stored: no scheduler to run, and a
 * changed policy or a completed action shows at once. A source returns the
 * due items of its kind for the given cases.
 */
export type CaseWorkSource = (ctx: CaseWorkContext) => Promise<CaseWorkItem[]>;

const workSources: CaseWorkSource[] = [];

export function registerCaseWorkSource(source: CaseWorkSource): void {
  if (!workSources.includes(source)) workSources.push(source);
}

export function caseWorkSources(): readonly CaseWorkSource[] {
  return workSources;
}

/**
 * Facts for the lifecycle guards that live in other modules' tables, e.g.
 * `assessmentRecorded` (the case cannot become `assessed` while it is
 * false). A provider returns only the facts it knows; later providers win.
 */
export type CaseFactsProvider = (db: Executor, c: FamilyCase) => Promise<Partial<Pick<CaseFacts, 'assessmentRecorded'>>>;

const factsProviders: CaseFactsProvider[] = [];

export function registerCaseFactsProvider(provider: CaseFactsProvider): void {
  if (!factsProviders.includes(provider)) factsProviders.push(provider);
}

export function caseFactsProviders(): readonly CaseFactsProvider[] {
  return factsProviders;
}
