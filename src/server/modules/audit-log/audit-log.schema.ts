import { z } from 'zod';
import { isoDate, pageQuery, pageSchema, uuid } from '../../../shared/schemas/common.ts';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;

/**
 * A bound of the period searched: a calendar date ('2025-03-08', read in the
 * organisation's time zone, whole day) or an instant with its offset
 * ('2025-03-08T09:30:00+05:00').
 */
const bound = z.union([isoDate, z.iso.datetime({ offset: true })]);

export const searchAuditBody = z.strictObject({
  userId: uuid.optional(),
  recordId: uuid.optional(),
  /** A prefix of the action name: 'person.' finds every action on people. */
  action: z.string().trim().min(1).max(100).regex(/^[a-z0-9_.]+$/, 'invalid_format').optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: bound.optional(),
  to: bound.optional(),
  ...pageQuery,
});
export type SearchAuditInput = z.output<typeof searchAuditBody>;

export const auditEventView = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorUserId: uuid.nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    outcome: z.enum(AUDIT_OUTCOMES),
    recordType: z.string().nullable(),
    recordId: uuid.nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditPage = pageSchema(auditEventView);

export const chainReport = z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenSeq: z.number().int().nullable() });
