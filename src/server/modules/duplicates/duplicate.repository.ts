import { sql } from 'kysely';
import type { DuplicatePairStatus } from '../../../shared/duplicates.ts';
import { ROLE_REACH } from '../../../shared/permissions.ts';
import type { Person } from '../../db/schema.ts';
import { recordScope } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import { fullNamesOf, personMatchData, type MatchKeySource } from './match-keys.ts';

/**
 * Queries on match keys, possible-duplicate pairs and scans. Functions taking
 * an `Actor` add the caller's scope; the few without one are for the
 * background scan, which works on a whole organisation by design, and return
 * nothing to a caller.
 */

// ————— match keys —————

/** Recomputes a person's keys and fold; call in the transaction that saved the person. */
export async function refreshMatchKeys(db: Executor, person: MatchKeySource & { id: string; organisation_id: string; version: number }): Promise<void> {
  await refreshMatchKeysMany(db, [person]);
}

export async function refreshMatchKeysMany(db: Executor, people: readonly (MatchKeySource & { id: string; organisation_id: string; version: number })[]): Promise<void> {
  if (people.length === 0) return;
  const ids = people.map((p) => p.id);
  const keys: { organisation_id: string; key: string; person_id: string }[] = [];
  const folds: { person_id: string; organisation_id: string; fold: string; person_version: number }[] = [];
  for (const p of people) {
    const data = personMatchData(p);
    for (const key of data.keys) keys.push({ organisation_id: p.organisation_id, key, person_id: p.id });
    folds.push({ person_id: p.id, organisation_id: p.organisation_id, fold: data.fold, person_version: p.version });
  }
  await db.deleteFrom('person_match_key').where('person_id', 'in', ids).execute();
  for (let i = 0; i < keys.length; i += 5000) {
    await db.insertInto('person_match_key').values(keys.slice(i, i + 5000)).onConflict((oc) => oc.doNothing()).execute();
  }
  await db
    .insertInto('person_match_fold')
    .values(folds)
    .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ fold: eb.ref('excluded.fold'), person_version: eb.ref('excluded.person_version'), organisation_id: eb.ref('excluded.organisation_id') })))
    .execute();
}

/** People of an organisation whose keys are missing or older than the row: re-keyed in batches by the scan. */
export async function refreshStaleMatchKeys(db: Executor, organisationId: string, limit: number): Promise<number> {
  const stale = await db
    .selectFrom('person')
    .leftJoin('person_match_fold as f', 'f.person_id', 'person.id')
    .select(['person.id', 'person.organisation_id', 'person.version', 'person.given_name', 'person.family_name', 'person.patronymic',
      'person.given_name_alt', 'person.family_name_alt', 'person.patronymic_alt', 'person.birth_date', 'person.birth_date_estimated', 'person.pinfl', 'person.birth_certificate'])
    .where('person.organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('f.person_id', 'is', null), eb('f.person_version', '<>', eb.ref('person.version'))]))
    .limit(limit)
    .execute();
  await refreshMatchKeysMany(db, stale);
  return stale.length;
}

// ————— candidates —————

/** Similarity at or above which a folded name is a trigram candidate (pg_trgm's `%`). */
export const TRIGRAM_THRESHOLD = 0.45;
/** Largest block of people sharing one exact key that a scan compares pairwise. */
export const BLOCK_CAP = 40;

/**
 * Active people in the caller's scope who share a candidate key with the
 * query (name stems and their consonant skeletons, with or without the date
 * of birth, PINFL, birth certificate): btree look-ups only, so the check
 * stays fast on a large registry. People sharing more keys come first, so a
 * very common name cannot crowd out the namesake born on the same day.
 */
export async function findCandidates(db: Executor, actor: Actor, keys: readonly string[], opts: { excludeIds?: string[]; limit?: number } = {}): Promise<Person[]> {
  if (keys.length === 0) return [];
  const limit = opts.limit ?? 200;
  const ranked = sql<{ person_id: string; shared: number }>`(
    SELECT person_id, count(*)::int AS shared FROM person_match_key
    WHERE organisation_id = ${actor.organisationId} AND key = ANY(${[...keys]}::text[])
    GROUP BY person_id ORDER BY count(*) DESC LIMIT ${limit * 10})`;
  let q = db
    .selectFrom(ranked.as('c'))
    .innerJoin('person', 'person.id', 'c.person_id')
    .selectAll('person')
    .where('person.archived_at', 'is', null)
    .where(recordScope(actor, 'person'));
  if (opts.excludeIds?.length) q = q.where('person.id', 'not in', opts.excludeIds);
  return q.orderBy('c.shared', 'desc').limit(limit).execute();
}

/** Whether the caller reaches a branch or more (else a caseload or a team: a few thousand records at most). */
export function reachesWide(actor: Actor): boolean {
  return actor.assignments.some((a) => ROLE_REACH[a.role] === 'organisation' || ROLE_REACH[a.role] === 'branch');
}

/**
 * Ids of people whose folded name is trigram-similar to `fold`, best first.
 * A wide reach asks the trigram index (needs pg_trgm.similarity_threshold set
 * in the transaction); a caseload compares its own few records directly, so
 * it finds its own people, not the organisation's best 50.
 */
export function similarFolds(actor: Actor, fold: string, limit: number) {
  if (reachesWide(actor)) {
    return sql`SELECT person_id FROM (SELECT person_id FROM person_match_fold WHERE organisation_id = ${actor.organisationId} AND fold % ${fold}
      ORDER BY similarity(fold, ${fold}) DESC LIMIT ${limit}) f`;
  }
  // Per record of the scope (an index look-up each): the planner would otherwise compare every fold of the organisation.
  return sql`SELECT person_id FROM (SELECT person.id AS person_id, (SELECT similarity(f.fold, ${fold}) FROM person_match_fold f WHERE f.person_id = person.id) AS sim
      FROM person WHERE ${recordScope(actor, 'person')}) s WHERE sim >= ${TRIGRAM_THRESHOLD} ORDER BY sim DESC LIMIT ${limit}`;
}

/** How many people of the organisation share each name key, counted up to `cap`. */
export async function nameFrequencies(db: Executor, organisationId: string, keys: readonly string[], cap = 200): Promise<Map<string, number>> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return new Map();
  const { rows } = await sql<{ key: string; n: number }>`
    SELECT k.key, (SELECT count(*)::int FROM (SELECT 1 FROM person_match_key x WHERE x.organisation_id = ${organisationId} AND x.key = k.key LIMIT ${cap}) s) AS n
    FROM unnest(${distinct}::text[]) AS k(key)`.execute(db);
  return new Map(rows.map((r) => [r.key, r.n]));
}

export interface MatchContext {
  householdIds: string[];
  caregiverNames: string[];
}

const CAREGIVER_RELATIONSHIPS = ['head', 'mother', 'father', 'guardian', 'grandparent'];

/**
 * The current households of each person and the names of their caregivers,
 * for scoring only: names found here are compared, never returned.
 */
export async function matchContexts(db: Executor, personIds: readonly string[]): Promise<Map<string, MatchContext>> {
  const out = new Map<string, MatchContext>();
  if (personIds.length === 0) return out;
  // Driven by the ids, one index look-up each (LATERAL … LIMIT keeps the
  // planner from hashing the whole membership table for a long id list).
  const { rows } = await sql<{ person_id: string; household_id: string } & Pick<Person, 'given_name' | 'family_name' | 'patronymic' | 'given_name_alt' | 'family_name_alt' | 'patronymic_alt'>>`
    SELECT m.person_id, m.household_id, c.given_name, c.family_name, c.patronymic, c.given_name_alt, c.family_name_alt, c.patronymic_alt
    FROM unnest(${[...new Set(personIds)]}::uuid[]) AS ids(id)
    CROSS JOIN LATERAL (
      SELECT hm.person_id, hm.household_id FROM household_member hm WHERE hm.person_id = ids.id AND hm.left_on IS NULL LIMIT 20
    ) m
    LEFT JOIN LATERAL (
      SELECT p.given_name, p.family_name, p.patronymic, p.given_name_alt, p.family_name_alt, p.patronymic_alt
      FROM household_member cm JOIN person p ON p.id = cm.person_id
      WHERE cm.household_id = m.household_id AND cm.left_on IS NULL AND cm.person_id <> m.person_id
        AND (cm.is_primary_caregiver OR cm.relationship = ANY(${CAREGIVER_RELATIONSHIPS}::text[]))
      LIMIT 10
    ) c ON true`.execute(db);
  for (const r of rows) {
    const ctx = out.get(r.person_id) ?? { householdIds: [], caregiverNames: [] };
    if (!ctx.householdIds.includes(r.household_id)) ctx.householdIds.push(r.household_id);
    if (r.given_name && r.family_name) ctx.caregiverNames.push(...fullNamesOf(r));
    out.set(r.person_id, ctx);
  }
  return out;
}

/** Names of the caregivers of one household, for a registration typed into it. */
export async function householdCaregiverNames(db: Executor, householdId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('household_member as cm')
    .innerJoin('person as c', 'c.id', 'cm.person_id')
    .select(['c.given_name', 'c.family_name', 'c.patronymic', 'c.given_name_alt', 'c.family_name_alt', 'c.patronymic_alt'])
    .where('cm.household_id', '=', householdId)
    .where('cm.left_on', 'is', null)
    .where((eb) => eb.or([eb('cm.is_primary_caregiver', '=', true), eb('cm.relationship', 'in', CAREGIVER_RELATIONSHIPS)]))
    .execute();
  return rows.flatMap((r) => fullNamesOf(r));
}

// ————— the scan: whole organisation, no caller —————

export async function countActivePeople(db: Executor, organisationId: string): Promise<number> {
  const r = await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisationId).where('archived_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next batch of active people after the cursor, in id order. */
export async function nextScanBatch(db: Executor, organisationId: string, cursor: string | null, size: number): Promise<Person[]> {
  let q = db.selectFrom('person').selectAll().where('organisation_id', '=', organisationId).where('archived_at', 'is', null);
  if (cursor) q = q.where('id', '>', cursor);
  return q.orderBy('id').limit(size).execute();
}

/**
 * Candidate pairs (a < b) for a batch. Date and identity keys (nd:, gd:,
 * fd:, id:, bc:) pair records sharing them. A name key (n:) pairs a record
 * only with records that have no date of birth (nq:), and a record without
 * one looks its name up among all; an estimated date (ne:) meets the
 * namesakes born within a year of it (ny:). Lookups of more than BLOCK_CAP
 * people are skipped. Members of one household are always compared.
 * So namesakes born on unrelated days in other families are never compared,
 * and no person row is read here. Archived people are left out by the caller.
 */
export async function scanCandidatePairs(db: Executor, organisationId: string, batchIds: readonly string[]): Promise<{ a: string; b: string }[]> {
  if (batchIds.length === 0) return [];
  const { rows } = await sql<{ a: string; b: string }>`
    WITH bkeys AS (
      SELECT k.person_id, k.key FROM person_match_key k
      WHERE k.person_id = ANY(${[...batchIds]}::uuid[]) AND k.organisation_id = ${organisationId} AND k.key NOT LIKE 't:%' AND k.key NOT LIKE 'sk:%'
    ), probes AS (
      SELECT person_id, CASE
          WHEN key LIKE 'n:%' THEN 'nq:' || substr(key, 3)
          WHEN key LIKE 'nq:%' THEN 'n:' || substr(key, 4)
          WHEN key LIKE 'ny:%' THEN 'ne:' || substr(key, 4)
          WHEN key LIKE 'ne:%' THEN 'ny:' || substr(key, 4)
          ELSE key END AS target
      FROM bkeys
    ), capped AS (
      SELECT d.target FROM (SELECT DISTINCT target FROM probes) d
      WHERE NOT (d.target LIKE 'n:%' OR d.target LIKE 'ny:%')
        OR (SELECT count(*) FROM (SELECT 1 FROM person_match_key x WHERE x.organisation_id = ${organisationId} AND x.key = d.target LIMIT ${BLOCK_CAP + 1}) s) <= ${BLOCK_CAP}
    )
    SELECT DISTINCT pr.person_id AS a, k2.person_id AS b
    FROM probes pr
    JOIN capped USING (target)
    JOIN person_match_key k2 ON k2.organisation_id = ${organisationId} AND k2.key COLLATE "C" = pr.target AND k2.person_id > pr.person_id
    UNION
    SELECT m1.person_id AS a, m2.person_id AS b
    FROM household_member m1
    JOIN household_member m2 ON m2.household_id = m1.household_id AND m2.person_id > m1.person_id AND m2.left_on IS NULL
    WHERE m1.person_id = ANY(${[...batchIds]}::uuid[]) AND m1.left_on IS NULL`.execute(db);
  return rows;
}

export async function peopleByIds(db: Executor, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('person').selectAll().where('id', 'in', sql<string>`(SELECT unnest(${[...new Set(ids)]}::uuid[]))`).execute();
}

export interface PairUpsert {
  organisation_id: string;
  person_a_id: string;
  person_b_id: string;
  score: number;
  band: 'likely' | 'possible';
  reasons: { code: string; effect: 'agree' | 'disagree' }[];
  scan_id: string | null;
}

/** Records pairs; an open pair gets the new score, a decided one keeps its decision. */
export async function upsertPairs(db: Executor, pairs: readonly PairUpsert[]): Promise<void> {
  for (let i = 0; i < pairs.length; i += 1000) {
    const chunk = pairs.slice(i, i + 1000).map((p) => ({ ...p, reasons: JSON.stringify(p.reasons) }));
    await db
      .insertInto('duplicate_pair')
      .values(chunk)
      .onConflict((oc) => oc.columns(['person_a_id', 'person_b_id']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'), band: eb.ref('excluded.band'), reasons: eb.ref('excluded.reasons'), scan_id: eb.ref('excluded.scan_id'), updated_at: sql<string>`now()`,
      })).where('duplicate_pair.status', '=', 'open'))
      .execute();
  }
}

// ————— scans —————

export async function insertScan(db: Executor, organisationId: string, userId: string) {
  return db.insertInto('duplicate_scan').values({ organisation_id: organisationId, started_by: userId, cursor: null, error: null, started_at: null, heartbeat_at: null, finished_at: null })
    .onConflict((oc) => oc.column('organisation_id').where('status', 'in', ['pending', 'running']).doNothing())
    .returningAll().executeTakeFirst();
}

export async function latestScan(db: Executor, organisationId: string) {
  return db.selectFrom('duplicate_scan').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function activeScan(db: Executor, organisationId: string) {
  return db.selectFrom('duplicate_scan').selectAll().where('organisation_id', '=', organisationId).where('status', 'in', ['pending', 'running']).executeTakeFirst();
}

/** Claims one unfinished scan no other worker holds; the row lock lasts until the batch's transaction ends. */
export async function claimScan(db: Executor, opts: { organisationId?: string } = {}) {
  let q = db.selectFrom('duplicate_scan').selectAll().where('status', 'in', ['pending', 'running']);
  if (opts.organisationId) q = q.where('organisation_id', '=', opts.organisationId);
  return q.orderBy('created_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
}

export async function updateScan(db: Executor, id: string, values: Partial<{ status: 'pending' | 'running' | 'done' | 'failed'; phase: 'indexing' | 'matching'; cursor: string | null; processed: number; total: number; pairs_found: number; error: string | null; started_at: string; finished_at: string }>) {
  await db.updateTable('duplicate_scan').set({ ...values, heartbeat_at: sql<string>`now()` }).where('id', '=', id).execute();
}

// ————— pairs as a caller sees them —————

/** Both people of the pair are within the caller's reach. */
function bothInReach(actor: Actor) {
  return sql<boolean>`EXISTS (SELECT 1 FROM person WHERE person.id = duplicate_pair.person_a_id AND ${recordScope(actor, 'person')})
    AND EXISTS (SELECT 1 FROM person WHERE person.id = duplicate_pair.person_b_id AND ${recordScope(actor, 'person')})`;
}

export interface PairFilter {
  status: DuplicatePairStatus;
  band?: 'likely' | 'possible' | undefined;
  branchId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listPairs(db: Executor, actor: Actor, f: PairFilter) {
  let q = db.selectFrom('duplicate_pair').where('duplicate_pair.organisation_id', '=', actor.organisationId).where('duplicate_pair.status', '=', f.status).where(bothInReach(actor));
  if (f.band) q = q.where('duplicate_pair.band', '=', f.band);
  if (f.branchId) {
    q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM person WHERE person.id IN (duplicate_pair.person_a_id, duplicate_pair.person_b_id) AND person.branch_id = ${f.branchId})`);
  }
  if (f.status === 'open') {
    q = q.where(sql<boolean>`NOT EXISTS (SELECT 1 FROM person WHERE person.id IN (duplicate_pair.person_a_id, duplicate_pair.person_b_id) AND person.archived_at IS NOT NULL)`);
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.selectAll('duplicate_pair').orderBy('duplicate_pair.score', 'desc').orderBy('duplicate_pair.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: Number(total) };
}

export async function findPair(db: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('duplicate_pair').selectAll().where('id', '=', id).where('organisation_id', '=', actor.organisationId).where(bothInReach(actor));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function decidePair(db: Executor, id: string, version: number, values: { status: 'dismissed' | 'merged'; decision_reason: string | null; decided_by: string }) {
  return db.updateTable('duplicate_pair')
    .set({ ...values, decided_at: sql<string>`now()`, updated_at: sql<string>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', id).where('version', '=', version)
    .returningAll().executeTakeFirst();
}

/** People of the listed ids that the caller may reach. */
export async function peopleInReach(db: Executor, actor: Actor, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('person').selectAll().where('id', 'in', [...new Set(ids)]).where(recordScope(actor, 'person')).execute();
}
