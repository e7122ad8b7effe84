import { sql } from 'kysely';
import type { Household, HouseholdUpdate, NewHousehold } from '../../db/schema.ts';
import { recordScope } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { SearchHouseholdsInput } from './household.schema.ts';

export async function findHousehold(db: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<Household | undefined> {
  let q = db.selectFrom('household').selectAll().where('id', '=', id).where(recordScope(actor, 'household'));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertHousehold(db: Executor, values: NewHousehold): Promise<Household> {
  return db.insertInto('household').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateHouseholdAtVersion(db: Executor, actor: Actor, id: string, version: number, values: HouseholdUpdate): Promise<Household | undefined> {
  return db
    .updateTable('household')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where(recordScope(actor, 'household'))
    .returningAll()
    .executeTakeFirst();
}

/** Current members with their person rows; a member the caller may not reach as a person is still listed, as the household shows them. */
export async function currentMembers(db: Executor, householdId: string) {
  return db
    .selectFrom('household_member')
    .innerJoin('person', 'person.id', 'household_member.person_id')
    .selectAll('person')
    .select(['household_member.id as member_id', 'household_member.relationship', 'household_member.is_primary_caregiver', 'household_member.joined_on'])
    .where('household_member.household_id', '=', householdId)
    .where('household_member.left_on', 'is', null)
    .orderBy('household_member.is_primary_caregiver', 'desc')
    .orderBy('person.birth_date', (o) => o.asc().nullsLast())
    .execute();
}

/**
 * Finds households by their name or any member's name, in any spelling.
 * Returns each with its current member count.
 */
export async function searchHouseholds(db: Executor, actor: Actor, input: SearchHouseholdsInput, fold: string | null) {
  let q = db.selectFrom('household').where(recordScope(actor, 'household'));
  if (!input.includeArchived) q = q.where('household.archived_at', 'is', null);
  if (input.branchId) q = q.where('household.branch_id', '=', input.branchId);
  const raw = input.q?.trim() ?? '';
  if (/^H-\d+$/i.test(raw)) q = q.where('household.reference', '=', raw.toUpperCase());
  else if (fold) {
    for (const word of fold.split(' ').filter(Boolean)) {
      const pattern = `%${word.replace(/[%_\\]/g, '\\$&')}%`;
      q = q.where((eb) =>
        eb.or([
          eb('household.search_fold', 'like', pattern),
          eb.exists(
            eb.selectFrom('household_member as hm').innerJoin('person as p', 'p.id', 'hm.person_id').select(sql`1`.as('one'))
              .whereRef('hm.household_id', '=', 'household.id').where('hm.left_on', 'is', null).where('p.search_fold', 'like', pattern),
          ),
        ]),
      );
    }
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let page = q.selectAll('household').select((eb) =>
    eb.selectFrom('household_member').select(eb.fn.countAll<number>().as('n')).whereRef('household_member.household_id', '=', 'household.id').where('household_member.left_on', 'is', null).as('member_count'),
  );
  switch (input.sort) {
    case 'name': page = page.orderBy('household.display_name', 'asc'); break;
    case '-name': page = page.orderBy('household.display_name', 'desc'); break;
    case '-updatedAt': page = page.orderBy('household.updated_at', 'desc'); break;
    case 'relevance': page = fold ? page.orderBy(sql`similarity(household.search_fold, ${fold})`, 'desc') : page.orderBy('household.updated_at', 'desc'); break;
  }
  const rows = await page.orderBy('household.id').limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute();
  return { rows, total };
}
