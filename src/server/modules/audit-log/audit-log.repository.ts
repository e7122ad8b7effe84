import { sql } from 'kysely';
import { DEFAULT_TIME_ZONE } from '../../../shared/i18n/format.ts';
import type { Executor } from '../../platform/http/context.ts';
import type { SearchAuditInput } from './audit-log.schema.ts';

const isDateOnly = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * Events of one organisation, newest first. A date bound is a whole day in
 * the organisation's time zone (`to` includes its day). An instant `to`
 * includes its whole millisecond: the API shows times to the millisecond
 * while the log keeps microseconds, so an event's own `at` must find it. The action filter is a prefix, with LIKE's wildcards escaped: the
 * `_` in 'auth.sign_in' must match only itself.
 */
export async function searchAuditEvents(db: Executor, organisationId: string, input: SearchAuditInput) {
  let q = db.selectFrom('audit_event').where('audit_event.organisation_id', '=', organisationId);
  if (input.userId) q = q.where('audit_event.actor_user_id', '=', input.userId);
  if (input.recordId) q = q.where('audit_event.record_id', '=', input.recordId);
  if (input.action) q = q.where('audit_event.action', 'like', `${input.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (input.outcome) q = q.where('audit_event.outcome', '=', input.outcome);
  if (input.from) {
    const from = input.from;
    q = q.where('audit_event.at', '>=', isDateOnly(from) ? sql<string>`(${from}::date)::timestamp AT TIME ZONE ${DEFAULT_TIME_ZONE}` : sql<string>`${from}::timestamptz`);
  }
  if (input.to) {
    const to = input.to;
    q = isDateOnly(to)
      ? q.where('audit_event.at', '<', sql<string>`(${to}::date + 1)::timestamp AT TIME ZONE ${DEFAULT_TIME_ZONE}`)
      : q.where('audit_event.at', '<', sql<string>`${to}::timestamptz + interval '1 millisecond'`);
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
    .select([
      'audit_event.seq', 'audit_event.at', 'audit_event.actor_user_id', 'app_user.display_name as actor_name', 'audit_event.action',
      'audit_event.outcome', 'audit_event.record_type', 'audit_event.record_id', 'audit_event.details',
    ])
    .orderBy('audit_event.at', 'desc')
    .orderBy('audit_event.seq', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows, total };
}
