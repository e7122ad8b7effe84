import { sql } from 'kysely';
import type { FieldError } from '../../../shared/errors.ts';
import { AppError, notFoundOrNoAccess } from '../../platform/errors/app-error.ts';
import type { Actor, Executor, HandlerContext } from '../../platform/http/context.ts';
import type { CaseRow } from '../cases/case.policy.ts';
import { findCase, lockCase } from '../cases/case.repository.ts';

/**
 * The one door of every casework module into a case. A case-owned row
 * (assessment, plan, service, referral…) is reachable exactly when its case
 * is: services call `caseInScope` first, with the case core's own scoped
 * query, and then read their rows by case id and organisation.
 */

/** Closed for casework: nothing new is recorded on a case that was never enrolled or whose follow-up is closed. */
const CLOSED_FOR_WORK = new Set(['not_eligible', 'follow_up_closed']);

/** The case if the caller may reach it; otherwise "not found or no access", whether it exists or not. */
export async function caseInScope(ctx: HandlerContext, caseId: string): Promise<CaseRow> {
  const row = await findCase(ctx.db, ctx.actor, caseId);
  if (!row) throw notFoundOrNoAccess();
  return row;
}

/**
 * The case, locked for this transaction, for a write of casework content:
 * reachable, and not closed for work. Locking the case orders concurrent
 * writes on one case (and the core's status changes) one after the other.
 */
export async function caseForWrite(ctx: HandlerContext, caseId: string): Promise<CaseRow> {
  const locked = await lockCase(ctx.db, ctx.actor, caseId);
  if (!locked) throw notFoundOrNoAccess();
  if (CLOSED_FOR_WORK.has(locked.status)) throw new AppError('conflict', 'This case is closed; reopen it to record casework.');
  return caseInScope(ctx, caseId);
}

export function invalid(fields: FieldError[]): AppError {
  return new AppError('validation_failed', 'Some fields are not valid.', { fields });
}

/** Whether a person is (or was) a member of the household: casework records only people of the case's family. */
export async function householdMembers(db: Executor, householdId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('household_member').select('person_id').where('household_id', '=', householdId).execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Display names of users of the caller's organisation, by id. */
export async function userNames(db: Executor, actor: Actor, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => typeof x === 'string'))];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', actor.organisationId).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Names of partner organisations of the caller's organisation, by id. */
export async function partnerNames(db: Executor, actor: Actor, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => typeof x === 'string'))];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('partner_organisation').select(['id', 'name']).where('organisation_id', '=', actor.organisationId).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A user of the organisation who is not disabled. */
export async function activeUserExists(db: Executor, actor: Actor, userId: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('id', '=', userId).where('organisation_id', '=', actor.organisationId).where('disabled_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** A partner organisation of the caller's organisation, not archived. */
export async function activePartnerExists(db: Executor, actor: Actor, partnerId: string): Promise<boolean> {
  const row = await db.selectFrom('partner_organisation').select('id').where('id', '=', partnerId).where('organisation_id', '=', actor.organisationId).where('archived_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** Today in Uzbekistan (UTC+5), as the database sees it. */
export const todaySql = sql<string>`(now() AT TIME ZONE 'Asia/Tashkent')::date`;
