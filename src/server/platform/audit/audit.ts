import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Executor } from '../http/context.ts';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

/** What happened, to which record. `details` holds ids and codes, never personal data. */
export interface AuditEntry {
  action: string;
  outcome?: AuditOutcome;
  recordType?: string;
  recordId?: string | null;
  details?: Record<string, unknown>;
}

/** Who did it and in which request: filled in by the request context. */
export interface AuditOrigin {
  organisationId: string | null;
  actorUserId: string | null;
  requestId: string | null;
}

/**
 * Appends one event to the audit log with the caller's executor — pass the
 * transaction of the change so both commit or neither does.
 *
 * @example await writeAudit(trx, origin, { action: 'person.read', recordType: 'person', recordId: id })
 */
export async function writeAudit(executor: Executor, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await executor
    .insertInto('audit_event')
    .values({
      organisation_id: origin.organisationId,
      actor_user_id: origin.actorUserId,
      request_id: origin.requestId,
      action: entry.action,
      outcome: entry.outcome ?? 'ok',
      record_type: entry.recordType ?? null,
      record_id: entry.recordId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first event whose hash or link does not match, if any. */
  firstBrokenSeq: number | null;
}

/**
 * Recomputes every hash in order of the chain. A row edited or removed behind
 * the triggers' back (say, by a superuser) breaks the chain from that row on.
 */
export async function verifyAuditChain(db: Db, batch = 50_000): Promise<ChainReport> {
  let prevHash = 'genesis';
  let prevSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await sql<{ seq: number; prev_hash: string; hash: string; computed: string }>`
      SELECT seq, prev_hash, hash,
        audit_event_digest(prev_hash, seq, at, organisation_id, actor_user_id, action, outcome,
                           record_type, record_id, request_id, details) AS computed
      FROM audit_event WHERE seq > ${prevSeq} ORDER BY seq LIMIT ${batch}`.execute(db);
    for (const row of rows.rows) {
      if (row.seq !== prevSeq + 1 || row.prev_hash !== prevHash || row.computed !== row.hash) {
        return { ok: false, checked, firstBrokenSeq: prevSeq + 1 };
      }
      prevSeq = row.seq;
      prevHash = row.hash;
      checked += 1;
    }
    if (rows.rows.length < batch) return { ok: true, checked, firstBrokenSeq: null };
  }
}
