import { verifyAuditChain, type ChainReport } from '../../platform/audit/audit.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { searchAuditEvents } from './audit-log.repository.ts';
import type { AuditEventView, SearchAuditInput } from './audit-log.schema.ts';

/**
 * The organisation's audit log, newest first. Reading it is itself audited,
 * with the filters used (ids, codes and dates only), so who looked at whose
 * trail is on the trail too.
 */
export async function searchAudit(ctx: HandlerContext, input: SearchAuditInput) {
  const { rows, total } = await searchAuditEvents(ctx.db, ctx.actor.organisationId, input);
  const { page, pageSize, ...filters } = input;
  await ctx.audit({ action: 'audit.search', details: { filters, results: total, page } });
  const items: AuditEventView[] = rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    outcome: r.outcome,
    recordType: r.record_type,
    recordId: r.record_id,
    details: r.details,
  }));
  return { items, total, page, pageSize };
}

/**
 * Recomputes the hash chain. The chain runs across organisations (one log
 * per installation), so this checks all of it; the answer holds counts and a
 * sequence number only, nothing of another organisation.
 */
export async function verifyAudit(ctx: HandlerContext): Promise<ChainReport> {
  const report = await verifyAuditChain(ctx.db);
  await ctx.audit({ action: 'audit.verify', details: { ...report } });
  return report;
}
