import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordScope } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';

/**
 * The SQL behind the family strengthening report. Every figure starts from
 * `family_case` filtered by the caller's record scope (and the branch asked
 * for), so a supervisor's figures are their branch's and nobody counts what
 * they may not see.
 */

export interface ReportScope {
  actor: Actor;
  branchId: string | undefined;
  from: string;
  to: string;
}

function scopedCases(db: Executor, s: ReportScope): SelectQueryBuilder<Database, 'family_case', object> {
  let q = db.selectFrom('family_case').where(recordScope(s.actor, 'family_case'));
  if (s.branchId) q = q.where('family_case.branch_id', '=', s.branchId);
  return q;
}

/** Enrolled on or before the period's end, and not exited before it began. */
function activeInPeriod(db: Executor, s: ReportScope) {
  return scopedCases(db, s)
    .where('family_case.enrolled_on', 'is not', null)
    .where('family_case.enrolled_on', '<=', s.to)
    .where((eb) => eb.or([eb('family_case.exited_on', 'is', null), eb('family_case.exited_on', '>=', s.from)]));
}

export async function supported(db: Executor, s: ReportScope) {
  return activeInPeriod(db, s)
    .select((eb) => [eb.fn.count<number>('family_case.id').distinct().as('cases'), eb.fn.count<number>('family_case.household_id').distinct().as('families')])
    .executeTakeFirstOrThrow();
}

/**
 * Children of the supported families: members during the period (joined by
 * its end, not left before its start) who were under 18 at some time in it —
 * born after (from − 18 years) and by its end.
 */
export async function children(db: Executor, s: ReportScope) {
  const households = activeInPeriod(db, s).select('family_case.household_id');
  return db
    .selectFrom('household_member as hm')
    .innerJoin('person as p', 'p.id', 'hm.person_id')
    .where('hm.household_id', 'in', households)
    .where((eb) => eb.or([eb('hm.joined_on', 'is', null), eb('hm.joined_on', '<=', s.to)]))
    .where((eb) => eb.or([eb('hm.left_on', 'is', null), eb('hm.left_on', '>=', s.from)]))
    .where('p.birth_date', '>', sql<string>`(${s.from}::date - interval '18 years')::date`)
    .where('p.birth_date', '<=', s.to)
    .select((eb) => [
      eb.fn.count<number>('p.id').distinct().as('total'),
      sql<number>`count(DISTINCT p.id) FILTER (WHERE p.sex = 'female')`.as('female'),
      sql<number>`count(DISTINCT p.id) FILTER (WHERE p.sex = 'male')`.as('male'),
    ])
    .executeTakeFirstOrThrow();
}

const caseIds = (db: Executor, s: ReportScope) => scopedCases(db, s).select('family_case.id');

export async function servicesByType(db: Executor, s: ReportScope) {
  return db
    .selectFrom('service_delivery as sd')
    .where('sd.organisation_id', '=', s.actor.organisationId)
    .where('sd.case_id', 'in', caseIds(db, s))
    .where('sd.delivered_on', '>=', s.from)
    .where('sd.delivered_on', '<=', s.to)
    .select((eb) => [
      'sd.service_type',
      eb.fn.countAll<number>().as('count'),
      sql<string>`coalesce(sum(sd.units), 0)::text`.as('units'),
      sql<string>`coalesce(sum(sd.cost_uzs), 0)::numeric(18, 2)::text`.as('cost'),
    ])
    .groupBy('sd.service_type')
    .execute();
}

export async function assistanceByKind(db: Executor, s: ReportScope) {
  return db
    .selectFrom('one_time_assistance as a')
    .where('a.organisation_id', '=', s.actor.organisationId)
    .where('a.case_id', 'in', caseIds(db, s))
    .where('a.given_on', '>=', s.from)
    .where('a.given_on', '<=', s.to)
    .select((eb) => ['a.kind', eb.fn.countAll<number>().as('count'), sql<string>`coalesce(sum(a.value_uzs), 0)::numeric(18, 2)::text`.as('value')])
    .groupBy('a.kind')
    .execute();
}

/** Sent, accepted (answered yes; a later revocation does not undo it) and completed within the period, each by its own date. */
export async function referralCounts(db: Executor, s: ReportScope) {
  const inPeriod = (col: string) => sql<number>`count(*) FILTER (WHERE ${sql.ref(col)} BETWEEN ${s.from}::date AND ${s.to}::date)`;
  return db
    .selectFrom('referral as r')
    .where('r.organisation_id', '=', s.actor.organisationId)
    .where('r.case_id', 'in', caseIds(db, s))
    .select([
      inPeriod('r.sent_on').as('sent'),
      sql<number>`count(*) FILTER (WHERE r.answered_on BETWEEN ${s.from}::date AND ${s.to}::date AND r.status <> 'rejected')`.as('accepted'),
      inPeriod('r.completed_on').as('completed'),
    ])
    .executeTakeFirstOrThrow();
}

export async function exits(db: Executor, s: ReportScope) {
  return scopedCases(db, s)
    .where('family_case.exited_on', '>=', s.from)
    .where('family_case.exited_on', '<=', s.to)
    .where('family_case.exit_reason', 'is not', null)
    .select((eb) => ['family_case.exit_reason', eb.fn.countAll<number>().as('count')])
    .groupBy('family_case.exit_reason')
    .execute();
}

export async function averageDaysToExit(db: Executor, s: ReportScope) {
  return scopedCases(db, s)
    .where('family_case.exited_on', '>=', s.from)
    .where('family_case.exited_on', '<=', s.to)
    .where('family_case.enrolled_on', 'is not', null)
    .select(sql<string | null>`round(avg(family_case.exited_on - family_case.enrolled_on), 1)::text`.as('days'))
    .executeTakeFirstOrThrow();
}

/** Members and children (under 18 today) per household, for the case list export: counts only, no names. */
export async function householdCounts(db: Executor, householdIds: readonly string[], today: string) {
  if (!householdIds.length) return new Map<string, { members: number; children: number }>();
  const rows = await db
    .selectFrom('household_member as hm')
    .innerJoin('person as p', 'p.id', 'hm.person_id')
    .where('hm.household_id', 'in', [...new Set(householdIds)])
    .where('hm.left_on', 'is', null)
    .select((eb) => [
      'hm.household_id',
      eb.fn.countAll<number>().as('members'),
      sql<number>`count(*) FILTER (WHERE p.birth_date > (${today}::date - interval '18 years')::date)`.as('children'),
    ])
    .groupBy('hm.household_id')
    .execute();
  return new Map(rows.map((r) => [r.household_id, { members: r.members, children: r.children }]));
}
