import { sql } from 'kysely';
import type { NewPerson, Person, PersonUpdate } from '../../db/schema.ts';
import { recordScope } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { SearchPeopleInput } from './person.schema.ts';

/**
 * Queries on people. Every function takes the caller and adds their scope:
 * an out-of-scope person is indistinguishable from a missing one.
 */
export async function findPerson(db: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<Person | undefined> {
  let q = db.selectFrom('person').selectAll().where('id', '=', id).where(recordScope(actor, 'person'));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertPerson(db: Executor, values: NewPerson): Promise<Person> {
  return db.insertInto('person').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Applies a change only if the row still has the version the user saw. */
export async function updatePersonAtVersion(db: Executor, actor: Actor, id: string, version: number, values: PersonUpdate): Promise<Person | undefined> {
  return db
    .updateTable('person')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where(recordScope(actor, 'person'))
    .returningAll()
    .executeTakeFirst();
}

const SORTS = {
  name: [['family_name', 'asc'], ['given_name', 'asc']],
  '-name': [['family_name', 'desc'], ['given_name', 'desc']],
  birthDate: [['birth_date', 'asc']],
  '-birthDate': [['birth_date', 'desc']],
  updatedAt: [['updated_at', 'asc']],
  '-updatedAt': [['updated_at', 'desc']],
} as const;

/**
 * Finds people by any spelling: `fold` is the query folded the way names are
 * folded when saved (see shared/names), each word must occur in the folded
 * names (a trigram index serves this), best matches first.
 */
export async function searchPeople(db: Executor, actor: Actor, input: SearchPeopleInput, fold: string | null): Promise<{ rows: Person[]; total: number }> {
  let q = db.selectFrom('person').where(recordScope(actor, 'person'));
  if (!input.includeArchived) q = q.where('archived_at', 'is', null);
  if (input.branchId) q = q.where('branch_id', '=', input.branchId);
  if (input.sex) q = q.where('sex', '=', input.sex);
  const raw = input.q?.trim() ?? '';
  if (/^P-\d+$/i.test(raw)) q = q.where('reference', '=', raw.toUpperCase());
  else if (/^\d{14}$/.test(raw)) q = q.where('pinfl', '=', raw);
  else if (fold) {
    for (const word of fold.split(' ').filter(Boolean)) q = q.where('search_fold', 'like', `%${word.replace(/[%_\\]/g, '\\$&')}%`);
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let page = q.selectAll();
  if (input.sort === 'relevance') {
    page = fold ? page.orderBy(sql`similarity(search_fold, ${fold})`, 'desc').orderBy('family_name').orderBy('given_name') : page.orderBy('updated_at', 'desc');
  } else {
    for (const [col, dir] of SORTS[input.sort]) page = page.orderBy(col, (o) => (dir === 'asc' ? o.asc().nullsLast() : o.desc().nullsLast()));
  }
  const rows = await page.orderBy('id').limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute();
  return { rows, total };
}

/** The person's current households that the caller may also see. */
export async function membershipsOf(db: Executor, actor: Actor, personId: string) {
  return db
    .selectFrom('household_member')
    .innerJoin('household', 'household.id', 'household_member.household_id')
    .select(['household.id as householdId', 'household.reference as householdReference', 'household.display_name as householdName', 'household_member.relationship', 'household_member.is_primary_caregiver as isPrimaryCaregiver'])
    .where('household_member.person_id', '=', personId)
    .where('household_member.left_on', 'is', null)
    .where(recordScope(actor, 'household'))
    .execute();
}

/**
 * Whether an active person of the organisation holds this PINFL. Deliberately
 * organisation-wide, not scoped: one number is one person, whoever registered
 * them. The answer is yes or no, never who.
 */
export async function pinflInUse(db: Executor, organisationId: string, pinfl: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('person').select('id').where('organisation_id', '=', organisationId).where('pinfl', '=', pinfl).where('archived_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}
