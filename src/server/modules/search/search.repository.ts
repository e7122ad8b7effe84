import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Household, Person } from '../../db/schema.ts';
import { recordScope } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import { reachesWide, similarFolds, TRIGRAM_THRESHOLD } from '../duplicates/duplicate.repository.ts';

/**
 * Queries of the global search. Fast enough for search-as-you-type on a
 * large registry: the longest typed word is looked up as a prefix range of
 * the byte-ordered `t:` keys (btree), the other words filter the few rows
 * found; a folded-name trigram lookup adds spellings no prefix reaches.
 */

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');


const wordStarts = (w: string) => (eb: ExpressionBuilder<Database, 'person'>) =>
  eb.or([eb('person.search_fold', 'like', `${escapeLike(w)}%`), eb('person.search_fold', 'like', `% ${escapeLike(w)}%`)]);

/** People in scope with a name word starting with each query word (any order). */
export async function peopleByPrefix(db: Executor, actor: Actor, words: readonly string[], limit: number): Promise<Person[]> {
  if (words.length === 0) return [];
  if (!reachesWide(actor)) {
    // A caseload or a team: a few thousand records at most, read through the scope's own indexes.
    let q = db.selectFrom('person').selectAll().where('person.archived_at', 'is', null).where(recordScope(actor, 'person'));
    for (const w of words) q = q.where(wordStarts(w));
    return q.limit(limit).execute();
  }
  const [driver, ...rest] = [...words].sort((a, b) => b.length - a.length) as [string, ...string[]];
  let q = db
    .selectFrom('person_match_key as k')
    .innerJoin('person', 'person.id', 'k.person_id')
    .selectAll('person')
    .where('k.organisation_id', '=', actor.organisationId)
    .where('k.key', 'like', `t:${escapeLike(driver)}%`)
    .where('person.archived_at', 'is', null)
    .where(recordScope(actor, 'person'));
  // A word of the name starts with each other word: at the start of the folded text or after a space.
  for (const w of rest) q = q.where(wordStarts(w));
  // Exact words first (their keys sort first in the range), then the rest of the range.
  const rows = await q.orderBy('k.key').limit(limit * 3).execute();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true))).slice(0, limit);
}

/** People in scope whose folded name is trigram-similar to the query's: other spellings and typing slips. */
export async function peopleByFold(db: Executor, actor: Actor, fold: string, limit: number): Promise<Person[]> {
  if (fold.length < 4) return [];
  if (reachesWide(actor)) await sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`.execute(db);
  return db
    .selectFrom('person')
    .selectAll()
    .where('person.id', 'in', sql<string>`(${similarFolds(actor, fold, limit * 3)})`)
    .where('person.archived_at', 'is', null)
    .where(recordScope(actor, 'person'))
    .limit(limit)
    .execute();
}

/** People in scope by exact reference or PINFL. */
export async function peopleByIdentifier(db: Executor, actor: Actor, q: { reference?: string; pinfl?: string }): Promise<Person[]> {
  let query = db.selectFrom('person').selectAll().where(recordScope(actor, 'person'));
  if (q.reference) query = query.where('reference', '=', q.reference);
  else if (q.pinfl) query = query.where('pinfl', '=', q.pinfl).where('organisation_id', '=', actor.organisationId);
  else return [];
  return query.limit(5).execute();
}

/** Households in scope whose name has a word starting with each query word. */
export async function householdsByName(db: Executor, actor: Actor, words: readonly string[], limit: number): Promise<Household[]> {
  if (words.length === 0) return [];
  let q = db.selectFrom('household').selectAll().where('household.archived_at', 'is', null).where(recordScope(actor, 'household'));
  for (const w of words) {
    q = q.where((eb) => eb.or([eb('household.search_fold', 'like', `${escapeLike(w)}%`), eb('household.search_fold', 'like', `% ${escapeLike(w)}%`)]));
  }
  return q.orderBy(sql`similarity(household.search_fold, ${words.join(' ')})`, 'desc').orderBy('household.id').limit(limit).execute();
}

/** Current households of the given people, in the caller's scope. */
export async function householdsOfPeople(db: Executor, actor: Actor, personIds: readonly string[], limit: number): Promise<Household[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('household')
    .selectAll()
    .where('household.archived_at', 'is', null)
    .where(recordScope(actor, 'household'))
    .where('household.id', 'in', (eb) => eb.selectFrom('household_member').select('household_id').where('person_id', 'in', [...personIds]).where('left_on', 'is', null))
    .limit(limit)
    .execute();
}

/** Households in scope by exact reference. */
export async function householdByReference(db: Executor, actor: Actor, reference: string): Promise<Household[]> {
  return db.selectFrom('household').selectAll().where('reference', '=', reference).where(recordScope(actor, 'household')).limit(1).execute();
}
