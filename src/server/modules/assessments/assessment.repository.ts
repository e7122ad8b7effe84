import { sql, type Insertable, type Updateable } from 'kysely';
import type { AssessmentInstrument, AssessmentInstrumentTable, AssessmentTable } from '../../db/casework-tables.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { AssessmentRow } from './assessment.policy.ts';

/**
 * Queries on instruments and assessments. Instruments are visible to an
 * organisation when built in (organisation_id NULL) or its own. Assessments
 * are read by case id only after the service found the case in the caller's
 * scope, and always within the caller's organisation.
 */

function visibleInstruments(db: Executor, organisationId: string) {
  return db.selectFrom('assessment_instrument').where((eb) => eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', organisationId)]));
}

export async function listInstruments(db: Executor, organisationId: string, code?: string): Promise<AssessmentInstrument[]> {
  let q = visibleInstruments(db, organisationId).selectAll();
  if (code) q = q.where('code', '=', code);
  return q.orderBy('code').orderBy('version', 'desc').execute();
}

export async function findInstrument(db: Executor, organisationId: string, id: string): Promise<AssessmentInstrument | undefined> {
  return visibleInstruments(db, organisationId).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInstruments(db: Executor, organisationId: string, ids: readonly string[]): Promise<Map<string, AssessmentInstrument>> {
  if (!ids.length) return new Map();
  const rows = await visibleInstruments(db, organisationId).selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The version new assessments of `code` use: the newest active one the organisation sees. */
export async function currentInstrument(db: Executor, organisationId: string, code: string): Promise<AssessmentInstrument | undefined> {
  return visibleInstruments(db, organisationId).selectAll().where('code', '=', code).where('active', '=', true).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/**
 * The next version number of `code` for the organisation, after the built-in
 * versions and its own. Taken under a transaction-scoped lock on the code, so
 * two publications cannot get the same number.
 */
export async function nextInstrumentVersion(db: Executor, organisationId: string, code: string): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`instrument:${organisationId}:${code}`}))`.execute(db);
  const row = await visibleInstruments(db, organisationId).select((eb) => eb.fn.max('version').as('v')).where('code', '=', code).executeTakeFirst();
  return (row?.v ?? 0) + 1;
}

export async function insertInstrument(db: Executor, values: Insertable<AssessmentInstrumentTable>): Promise<AssessmentInstrument> {
  return db.insertInto('assessment_instrument').values(values).returningAll().executeTakeFirstOrThrow();
}

function assessmentQuery(db: Executor, actor: Actor) {
  return db
    .selectFrom('assessment')
    .innerJoin('app_user as assessor', 'assessor.id', 'assessment.assessor_id')
    .selectAll('assessment')
    .select('assessor.display_name as assessor_name')
    .where('assessment.organisation_id', '=', actor.organisationId);
}

export async function listAssessments(db: Executor, actor: Actor, caseId: string): Promise<AssessmentRow[]> {
  return assessmentQuery(db, actor).where('assessment.case_id', '=', caseId)
    .orderBy('assessment.assessed_on', 'desc').orderBy('assessment.created_at', 'desc').execute();
}

export async function findAssessment(db: Executor, actor: Actor, caseId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<AssessmentRow | undefined> {
  let q = assessmentQuery(db, actor).where('assessment.case_id', '=', caseId).where('assessment.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('assessment');
  return q.executeTakeFirst();
}

export async function insertAssessment(db: Executor, values: Insertable<AssessmentTable>): Promise<string> {
  return (await db.insertInto('assessment').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAssessmentAtVersion(db: Executor, actor: Actor, caseId: string, id: string, version: number, values: Updateable<AssessmentTable>): Promise<boolean> {
  const row = await db
    .updateTable('assessment')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .where('organisation_id', '=', actor.organisationId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the case has an assessment in an episode: the case core's guard for "assessed". */
export async function hasAssessment(db: Executor, caseId: string, episode: number): Promise<boolean> {
  const row = await db.selectFrom('assessment').select('id').where('case_id', '=', caseId).where('episode', '=', episode).limit(1).executeTakeFirst();
  return row !== undefined;
}
