import { sql, type RawBuilder } from 'kysely';
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

/**
 * For the rest of the scan's transaction: no JIT compilation. The scan's
 * queries are many and short, and the planner, misled by how many people a
 * key may hold, would compile some of them at a cost above their run time.
 */
export async function withoutJit(db: Executor): Promise<void> {
  await sql`SET LOCAL jit = off`.execute(db);
}

/** What the scan reads of each person: enough to score, nothing else. */
export type ScanPerson = Pick<Person, 'id' | 'given_name' | 'family_name' | 'patronymic' | 'given_name_alt' | 'family_name_alt' | 'patronymic_alt'
  | 'sex' | 'birth_date' | 'birth_date_estimated' | 'pinfl' | 'birth_certificate' | 'mahalla_id' | 'district_id'>;

/** One person of one block; `side` is 'probe' or 'target' in a probe block, 'all' otherwise. */
export interface ScanMember extends ScanPerson {
  block: string;
  side: 'all' | 'probe' | 'target';
}

export interface ScanBlocks {
  /** How many blocks were read: none when nothing is left after `after`. */
  blocks: number;
  /** The last block in scan order: where the next batch starts. */
  last: string | null;
  /** Key rows (or households) from `after` up to and including the last block: the progress made. */
  units: number;
  /** How many people hold each block's key (its target key in a probe block), archived ones too; 0 for a household. */
  sizes: Map<string, number>;
  /** Active people of the blocks; archived people are left out. */
  members: ScanMember[];
}

const SCAN_PERSON_COLUMNS = ['id', 'given_name', 'family_name', 'patronymic', 'given_name_alt', 'family_name_alt', 'patronymic_alt',
  'sex', 'birth_date', 'birth_date_estimated', 'pinfl', 'birth_certificate', 'mahalla_id', 'district_id'] as const satisfies readonly (keyof ScanPerson)[];

/** The scan's person columns of the relation `alias`, for a select list. */
function scanColumns(alias: string) {
  return sql.join(SCAN_PERSON_COLUMNS.map((c) => sql.ref(`${alias}.${c}`)));
}

/**
 * The scan's columns of one active person, by id, for a LATERAL join: one
 * index look-up per member. (LIMIT keeps the planner from flattening it into
 * a hash join over the whole person table: it cannot tell how few people a
 * batch of blocks holds.)
 */
function activePerson(id: RawBuilder<unknown>) {
  return sql`SELECT ${scanColumns('p')} FROM person p WHERE p.id = ${id} AND p.archived_at IS NULL LIMIT 1`;
}

/** The first byte after every key of a kind: 'nd:' → 'nd;', so a kind is the key range [prefix, end). */
export function keyKindEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

type BlockRow = { block: string; pos: number; size: number; side: ScanMember['side'] | null } & { [K in keyof ScanPerson]: ScanPerson[K] | null };

/**
 * The next `limit` blocks of one key kind after the key `after`, with their
 * members: a block is the people sharing one exact key. Walks the key index
 * in order, so a batch costs a range scan, not a look-up per person. Keys
 * held by one person only are passed over unless `probe` is given.
 *
 * With `probe`, every key of the kind is a block, whose holders (side
 * 'probe') meet the holders of the key with `probe.target` as its kind
 * instead (side 'target'): nq:x meets n:x, ne:x meets ny:x. Of a target key
 * held by more than `probe.narrowAbove` people, only those are read whom a
 * probe of the block meets by district (see blockPairs in duplicate-scan.ts).
 */
export async function scanKeyBlocks(db: Executor, organisationId: string, opts: { prefix: string; after: string | null; limit: number; probe?: { target: string; narrowAbove: number } }): Promise<ScanBlocks> {
  const after = opts.after ?? opts.prefix;
  const below = keyKindEnd(opts.prefix);
  const minSize = opts.probe ? 1 : 2;
  // The running sum over every key (ones held by one person too) is the progress; the planner streams it up to the LIMIT.
  const blocks = sql`SELECT key, n, upto FROM (
      SELECT key, n, (sum(n) OVER (ORDER BY key ROWS UNBOUNDED PRECEDING))::int AS upto
      FROM (SELECT key, count(*)::int AS n FROM person_match_key
            WHERE organisation_id = ${organisationId} AND key > ${after} AND key < ${below} GROUP BY key) g
    ) w WHERE n >= ${minSize} ORDER BY key LIMIT ${opts.limit}`;
  const holdersOf = (key: RawBuilder<unknown>) => sql`SELECT k.person_id FROM person_match_key k WHERE k.organisation_id = ${organisationId} AND k.key = ${key}`;
  if (!opts.probe) {
    const { rows } = await sql<BlockRow>`
      WITH b AS MATERIALIZED (${blocks})
      SELECT b.key AS block, b.upto AS pos, b.n AS size, CASE WHEN p.id IS NULL THEN NULL ELSE 'all' END AS side, ${scanColumns('p')}
      FROM b
      LEFT JOIN LATERAL (${holdersOf(sql`b.key`)}) h ON true
      LEFT JOIN LATERAL (${activePerson(sql`h.person_id`)}) p ON true`.execute(db);
    return collectBlocks(rows);
  }
  const target = sql`(${opts.probe.target} || substr(b.key, ${opts.prefix.length + 1})) COLLATE "C"`;
  const { rows } = await sql<BlockRow>`
    WITH b AS MATERIALIZED (
      SELECT b.key, b.upto, (SELECT count(*) FROM (${holdersOf(target)}) t)::int AS size FROM (${blocks}) b
    ), probes AS MATERIALIZED (
      SELECT b.key AS block, 'probe' AS side, p.* FROM b
      CROSS JOIN LATERAL (${holdersOf(sql`b.key`)}) h
      CROSS JOIN LATERAL (${activePerson(sql`h.person_id`)}) p
    ), reach AS MATERIALIZED (
      -- Where the probes of a block live: a block with no active probe reads no targets.
      SELECT block, array_agg(district_id) FILTER (WHERE district_id IS NOT NULL) AS districts, bool_or(district_id IS NULL) AS anywhere
      FROM probes GROUP BY block
    ), targets AS MATERIALIZED (
      SELECT b.key AS block, 'target' AS side, p.* FROM b
      JOIN reach r ON r.block = b.key
      CROSS JOIN LATERAL (${holdersOf(target)}) h
      CROSS JOIN LATERAL (${activePerson(sql`h.person_id`)}) p
      WHERE b.size <= ${opts.probe.narrowAbove} OR r.anywhere OR p.district_id IS NULL OR p.district_id = ANY(r.districts)
    ), m AS MATERIALIZED (
      SELECT * FROM probes UNION ALL SELECT * FROM targets
    )
    SELECT b.key AS block, b.upto AS pos, b.size, m.side, ${scanColumns('m')}
    FROM b LEFT JOIN m ON m.block = b.key`.execute(db);
  return collectBlocks(rows);
}

/**
 * The next `limit` households of the organisation after the id `after`, with
 * their current members: members of one household are always compared.
 */
export async function scanHouseholdBlocks(db: Executor, organisationId: string, opts: { after: string | null; limit: number }): Promise<ScanBlocks> {
  const { rows } = await sql<BlockRow>`
    WITH b AS MATERIALIZED (
      SELECT id, (row_number() OVER (ORDER BY id))::int AS pos FROM household
      WHERE organisation_id = ${organisationId} AND id > ${opts.after ?? '00000000-0000-0000-0000-000000000000'}::uuid ORDER BY id LIMIT ${opts.limit}
    )
    SELECT b.id::text AS block, b.pos, 0 AS size, CASE WHEN p.id IS NULL THEN NULL ELSE 'all' END AS side, ${scanColumns('p')}
    FROM b
    LEFT JOIN household_member m ON m.household_id = b.id AND m.left_on IS NULL
    LEFT JOIN LATERAL (${activePerson(sql`m.person_id`)}) p ON true`.execute(db);
  return collectBlocks(rows);
}

/** Rows of (block, member) to blocks; `pos` grows with the scan order, so the block with the largest is the last. */
function collectBlocks(rows: readonly BlockRow[]): ScanBlocks {
  const sizes = new Map<string, number>();
  const members: ScanMember[] = [];
  let last: string | null = null;
  let units = 0;
  for (const r of rows) {
    sizes.set(r.block, Math.max(sizes.get(r.block) ?? 0, r.size));
    if (r.pos > units) {
      units = r.pos;
      last = r.block;
    }
    // The person columns are null together, when the row has no active person.
    if (r.id !== null && r.side !== null) members.push(r as ScanMember);
  }
  return { blocks: sizes.size, last, units, sizes, members };
}

/** How many key rows of the kinds and households a scan will walk: its total of work. */
export async function countScanUnits(db: Executor, organisationId: string, prefixes: readonly string[]): Promise<number> {
  const parts = prefixes.map((prefix) => sql`(SELECT count(*) FROM person_match_key WHERE organisation_id = ${organisationId} AND key > ${prefix} AND key < ${keyKindEnd(prefix)})`);
  const { rows } = await sql<{ n: number }>`SELECT (${sql.join([...parts, sql`(SELECT count(*) FROM household WHERE organisation_id = ${organisationId})`], sql` + `)})::int AS n`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The key rows of a kind after the key `after`, or with `prefix` null the households after the id `after`: the rest of a stage's work. */
export async function countScanUnitsAfter(db: Executor, organisationId: string, prefix: string | null, after: string | null): Promise<number> {
  const { rows } = prefix === null
    ? await sql<{ n: number }>`SELECT count(*)::int AS n FROM household
        WHERE organisation_id = ${organisationId} AND id > ${after ?? '00000000-0000-0000-0000-000000000000'}::uuid`.execute(db)
    : await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_match_key
        WHERE organisation_id = ${organisationId} AND key > ${after ?? prefix} AND key < ${keyKindEnd(prefix)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Of the pairs (a < b), those this scan recorded already or that a person
 * decided (an upsert would leave those as they are): the scan skips them.
 */
export async function pairsToSkip(db: Executor, scanId: string, pairs: readonly { a: string; b: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  // One look-up in the pair index each, however many pairs earlier scans left.
  const { rows } = await sql<{ a: string; b: string }>`
    SELECT q.a, q.b
    FROM unnest(${pairs.map((p) => p.a)}::uuid[], ${pairs.map((p) => p.b)}::uuid[]) AS q(a, b)
    CROSS JOIN LATERAL (
      SELECT 1 FROM duplicate_pair d WHERE d.person_a_id = q.a AND d.person_b_id = q.b AND (d.scan_id = ${scanId} OR d.status <> 'open') LIMIT 1
    ) d`.execute(db);
  return new Set(rows.map((r) => `${r.a}|${r.b}`));
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

/**
 * Records pairs; an open pair gets the new score, a decided one keeps its
 * decision. Returns how many pairs were new to the queue or re-scored.
 */
export async function upsertPairs(db: Executor, pairs: readonly PairUpsert[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < pairs.length; i += 1000) {
    const chunk = pairs.slice(i, i + 1000).map((p) => ({ ...p, reasons: JSON.stringify(p.reasons) }));
    const rows = await db
      .insertInto('duplicate_pair')
      .values(chunk)
      .onConflict((oc) => oc.columns(['person_a_id', 'person_b_id']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'), band: eb.ref('excluded.band'), reasons: eb.ref('excluded.reasons'), scan_id: eb.ref('excluded.scan_id'), updated_at: sql<string>`now()`,
      })).where('duplicate_pair.status', '=', 'open'))
      .returning('duplicate_pair.id')
      .execute();
    written += rows.length;
  }
  return written;
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
