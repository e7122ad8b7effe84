import { sql, type Insertable, type Updateable } from 'kysely';
import type { ReferralTable } from '../../db/casework-tables.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { ReferralRow } from './referral.policy.ts';

/** Referrals, read by case (found in scope by the service first) within the organisation. */

function referralQuery(db: Executor, actor: Actor) {
  return db
    .selectFrom('referral as r')
    .innerJoin('partner_organisation as p', 'p.id', 'r.partner_id')
    .selectAll('r')
    .select(['p.name as partner_name', 'p.kind as partner_kind'])
    .where('r.organisation_id', '=', actor.organisationId);
}

export async function listReferrals(db: Executor, actor: Actor, caseId: string): Promise<ReferralRow[]> {
  return referralQuery(db, actor).where('r.case_id', '=', caseId).orderBy('r.created_at', 'desc').execute();
}

export async function findReferral(db: Executor, actor: Actor, caseId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReferralRow | undefined> {
  let q = referralQuery(db, actor).where('r.case_id', '=', caseId).where('r.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('r');
  return q.executeTakeFirst();
}

export async function insertReferral(db: Executor, values: Insertable<ReferralTable>): Promise<string> {
  return (await db.insertInto('referral').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateReferralAtVersion(db: Executor, actor: Actor, caseId: string, id: string, version: number, values: Updateable<ReferralTable>): Promise<boolean> {
  const row = await db.updateTable('referral')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id).where('case_id', '=', caseId).where('organisation_id', '=', actor.organisationId).where('version', '=', version)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

/**
 * The consent that lets a referral about `personId` be sent on `onDate`: not
 * withdrawn, in force that day, for referral or case management, covering
 * every data category shared. A consent for referral itself is preferred.
 */
export async function consentForReferral(db: Executor, organisationId: string, personId: string, categories: readonly string[], onDate: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('consent')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .where('withdrawn_at', 'is', null)
    .where('granted_on', '<=', onDate)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', onDate)]))
    .where((eb) => eb.or([
      eb('purpose', 'in', ['referral', 'case_management']),
      eb('purpose', 'like', 'referral:%'),
      eb('purpose', 'like', 'case\\_management:%'),
    ]))
    .where(sql<boolean>`data_categories @> ${sql.val([...categories])}::text[]`)
    .orderBy(sql`purpose LIKE 'referral%'`, 'desc')
    .orderBy('granted_on', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Referrals of these cases sent and not yet answered: the case core's "referral unanswered" work items. */
export async function referralsAwaitingAnswer(db: Executor, organisationId: string, caseIds: readonly string[]) {
  if (!caseIds.length) return [];
  return db.selectFrom('referral').select(['case_id', 'id', 'sent_on'])
    .where('organisation_id', '=', organisationId).where('case_id', 'in', [...caseIds]).where('status', '=', 'sent')
    .orderBy('sent_on').execute();
}

/**
 * Referrals of the organisation sent at least `days` days before `asOf` and
 * still without the partner's answer (14 days by default in the review policy).
 */
export async function referralsUnanswered(db: Executor, organisationId: string, asOf: string, days: number) {
  return db.selectFrom('referral').select(['case_id', 'id', 'sent_on', 'partner_id'])
    .where('organisation_id', '=', organisationId).where('status', '=', 'sent')
    .where('sent_on', '<=', sql<string>`${asOf}::date - ${days}::int`)
    .orderBy('sent_on').execute();
}
