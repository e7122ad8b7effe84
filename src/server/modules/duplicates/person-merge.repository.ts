import { sql } from 'kysely';
import type { MovedRow, Person } from '../../db/schema.ts';
import { recordScope } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';

/**
 * Queries of merges. A merge moves every row that points to the merged
 * person; which tables those are is read from the database's own catalogue,
 * so tables added by later migrations move too without a change here.
 */

/** Locks both people, in id order (no deadlock between two merges), if the caller may reach them. */
export async function lockPeople(db: Executor, actor: Actor, ids: readonly string[]): Promise<Map<string, Person>> {
  const rows = await db.selectFrom('person').selectAll().where('id', 'in', [...ids]).where(recordScope(actor, 'person')).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** A foreign key column that points to person(id). */
export interface PersonReference {
  schema: string;
  table: string;
  column: string;
  primaryKey: string[];
}

/** Tables a merge handles itself rather than by repointing their person column. */
const HANDLED_ELSEWHERE = new Set(['person', 'person_match_key', 'person_match_fold', 'duplicate_pair', 'person_merge']);

/** Every single-column foreign key to person(id), in any schema, from the catalogue. */
export async function personReferences(db: Executor): Promise<PersonReference[]> {
  const { rows } = await sql<{ schema: string; table: string; column: string; primary_key: string[] | null }>`
    SELECT n.nspname::text AS schema, c.relname::text AS table, a.attname::text AS column,
      (SELECT array_agg(pa.attname::text ORDER BY array_position(i.indkey::int2[], pa.attnum))
         FROM pg_index i JOIN pg_attribute pa ON pa.attrelid = i.indrelid AND pa.attnum = ANY(i.indkey)
        WHERE i.indrelid = con.conrelid AND i.indisprimary) AS primary_key
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
    WHERE con.contype = 'f' AND con.confrelid = 'person'::regclass AND cardinality(con.conkey) = 1
    ORDER BY n.nspname, c.relname, a.attname`.execute(db);
  return rows
    .filter((r) => !(r.schema === 'public' && HANDLED_ELSEWHERE.has(r.table)))
    .map((r) => ({ schema: r.schema, table: r.table, column: r.column, primaryKey: r.primary_key ?? [] }));
}

const qualified = (ref: { schema: string; table: string }) => sql.table(`${ref.schema}.${ref.table}`);

/** Repoints every row of one reference from one person to another; answers the primary keys of the rows moved. */
export async function moveReference(db: Executor, ref: PersonReference, fromId: string, toId: string): Promise<Record<string, unknown>[]> {
  if (ref.primaryKey.length === 0) throw new Error(`${ref.schema}.${ref.table} references person but has no primary key: a merge could not be undone`);
  const { rows } = await sql<{ row: Record<string, unknown> }>`
    UPDATE ${qualified(ref)} AS t SET ${sql.ref(ref.column)} = ${toId}
    WHERE t.${sql.ref(ref.column)} = ${fromId}
    RETURNING to_jsonb(t.*) AS row`.execute(db);
  return rows.map((r) => Object.fromEntries(ref.primaryKey.map((k) => [k, r.row[k]])));
}

/** Points one moved row back, if it still points where the merge left it. */
export async function moveRowBack(db: Executor, moved: MovedRow, fromId: string, toId: string): Promise<void> {
  const [schema, table] = moved.table.includes('.') ? moved.table.split('.', 2) as [string, string] : ['public', moved.table];
  const conditions = Object.entries(moved.key).map(([col, value]) => sql`t.${sql.ref(col)} = ${value}`);
  await sql`UPDATE ${qualified({ schema, table })} AS t SET ${sql.ref(moved.column)} = ${toId}
    WHERE ${sql.join(conditions, sql` AND `)} AND t.${sql.ref(moved.column)} = ${fromId}`.execute(db);
}

// ————— household memberships —————

export type Membership = Awaited<ReturnType<typeof membershipsOfPerson>>[number];

export async function membershipsOfPerson(db: Executor, personId: string) {
  return db.selectFrom('household_member').selectAll().where('person_id', '=', personId).execute();
}

export async function updateMembership(db: Executor, id: string, values: { left_on?: string | null; is_primary_caregiver?: boolean; person_id?: string; relationship?: string; joined_on?: string | null; household_id?: string }) {
  await db.updateTable('household_member').set(values).where('id', '=', id).execute();
}

// ————— pairs —————

export async function pairsOfPerson(db: Executor, personId: string) {
  return db.selectFrom('duplicate_pair').selectAll().where((eb) => eb.or([eb('person_a_id', '=', personId), eb('person_b_id', '=', personId)])).forUpdate().execute();
}

export async function pairBetween(db: Executor, x: string, y: string) {
  const [a, b] = x < y ? [x, y] : [y, x];
  return db.selectFrom('duplicate_pair').select('id').where('person_a_id', '=', a).where('person_b_id', '=', b).executeTakeFirst();
}

export async function updatePairRow(db: Executor, id: string, values: Record<string, unknown>) {
  const v = { ...values };
  delete v['id'];
  if (v['reasons'] !== undefined && typeof v['reasons'] !== 'string') v['reasons'] = JSON.stringify(v['reasons']);
  await db.updateTable('duplicate_pair').set(v as never).where('id', '=', id).execute();
}

// ————— the merge log —————

export async function insertMerge(db: Executor, values: {
  organisation_id: string; survivor_id: string; merged_id: string; fields: Record<string, 'survivor' | 'merged'>;
  survivor_before: Person; merged_before: Person; moved: MovedRow[]; survivor_version_after: number; merged_version_after: number; merged_by: string;
}) {
  return db.insertInto('person_merge').values({
    ...values,
    fields: JSON.stringify(values.fields),
    survivor_before: JSON.stringify(values.survivor_before),
    merged_before: JSON.stringify(values.merged_before),
    moved: JSON.stringify(values.moved),
    undone_by: null,
    undone_at: null,
  }).returningAll().executeTakeFirstOrThrow();
}

/** A merge of the caller's organisation whose two people the caller may both reach. */
export async function findMerge(db: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('person_merge').selectAll().where('person_merge.id', '=', id).where('person_merge.organisation_id', '=', actor.organisationId)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM person WHERE person.id = person_merge.survivor_id AND ${recordScope(actor, 'person')})`)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM person WHERE person.id = person_merge.merged_id AND ${recordScope(actor, 'person')})`);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function markMergeUndone(db: Executor, id: string, userId: string) {
  await db.updateTable('person_merge').set({ undone_by: userId, undone_at: sql<string>`now()` }).where('id', '=', id).execute();
}

/** Records a person absorbed (merges not undone), newest first; the person must be in the caller's reach. */
export async function mergeHistoryOf(db: Executor, actor: Actor, personId: string) {
  const merges = await db
    .selectFrom('person_merge as m')
    .innerJoin('person', 'person.id', 'm.survivor_id')
    .innerJoin('app_user as u', 'u.id', 'm.merged_by')
    .select(['m.id as mergeId', 'm.merged_id as mergedPersonId', 'm.merged_at as mergedAt', 'm.moved', 'u.id as userId', 'u.display_name as userName'])
    .where('m.survivor_id', '=', personId)
    .where('m.undone_at', 'is', null)
    .where(recordScope(actor, 'person'))
    .orderBy('m.merged_at', 'desc')
    .execute();
  if (merges.length === 0) return [];
  // The absorbed records are the same person as the survivor in scope, whatever scope they were left with.
  const absorbed = await db.selectFrom('person').selectAll().where('id', 'in', merges.map((m) => m.mergedPersonId)).execute();
  const byId = new Map(absorbed.map((p) => [p.id, p]));
  return merges.map((m) => ({ ...m, merged: byId.get(m.mergedPersonId)! }));
}
