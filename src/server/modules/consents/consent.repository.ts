import { sql } from 'kysely';
import type { Executor } from '../../platform/http/context.ts';

export async function listConsents(db: Executor, personId: string) {
  return db.selectFrom('consent').selectAll().where('person_id', '=', personId).orderBy('granted_on', 'desc').orderBy('created_at', 'desc').execute();
}

export async function findConsent(db: Executor, id: string) {
  return db.selectFrom('consent').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function withdrawConsentAtVersion(db: Executor, id: string, version: number, note: string | null) {
  return db
    .updateTable('consent')
    .set({ withdrawn_at: sql<string>`now()`, withdrawal_note: note, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('withdrawn_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
