import { sql, type Kysely } from 'kysely';
import { personMatchData, type MatchKeySource } from '../../modules/duplicates/match-keys.ts';

/**
 * Finding the same person across scripts and spellings: indexed candidate
 * keys and folded names, the possible-duplicate queue and its resumable
 * scan, and merges that can be undone.
 *
 * The keys of existing people are computed here, in TypeScript, by the same
 * code that keeps them current when a person is saved. A person whose keys
 * are missing or older than the row (person_match_fold.person_version) is
 * re-keyed by the next duplicate scan as well, so keys never stay stale for
 * long even if a row was written around the services.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Deferrable, so a restore can load people in any order.
    ALTER TABLE person ADD COLUMN merged_into_id uuid REFERENCES person(id) DEFERRABLE INITIALLY IMMEDIATE;
    CREATE INDEX person_merged_into_idx ON person (merged_into_id) WHERE merged_into_id IS NOT NULL;

    -- Exact keys (kinds n:, ny:, gd:, fd:, id:, bc:, t:), byte-ordered so a
    -- prefix is a range of the index.
    CREATE TABLE person_match_key (
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      key text COLLATE "C" NOT NULL,
      person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      PRIMARY KEY (organisation_id, key, person_id)
    );
    CREATE INDEX person_match_key_person_idx ON person_match_key (person_id);

    -- One row per keyed person: the folded name stems for trigram similarity,
    -- and the person version the keys were computed from.
    CREATE TABLE person_match_fold (
      person_id uuid PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      fold text NOT NULL,
      person_version integer NOT NULL
    );
    CREATE INDEX person_match_fold_trgm ON person_match_fold USING gin (fold gin_trgm_ops);

    CREATE TABLE duplicate_scan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
      phase text NOT NULL DEFAULT 'indexing' CHECK (phase IN ('indexing', 'matching')),
      cursor uuid,
      processed integer NOT NULL DEFAULT 0,
      total integer NOT NULL DEFAULT 0,
      pairs_found integer NOT NULL DEFAULT 0,
      error text,
      started_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      heartbeat_at timestamptz,
      finished_at timestamptz
    );
    -- One scan at a time per organisation.
    CREATE UNIQUE INDEX duplicate_scan_active_key ON duplicate_scan (organisation_id) WHERE status IN ('pending', 'running');
    CREATE INDEX duplicate_scan_org_idx ON duplicate_scan (organisation_id, created_at DESC);

    CREATE TABLE duplicate_pair (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      person_a_id uuid NOT NULL REFERENCES person(id),
      person_b_id uuid NOT NULL REFERENCES person(id),
      score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
      band text NOT NULL CHECK (band IN ('likely', 'possible')),
      reasons jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'merged')),
      decision_reason text,
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      scan_id uuid REFERENCES duplicate_scan(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (person_a_id < person_b_id),
      UNIQUE (person_a_id, person_b_id)
    );
    CREATE INDEX duplicate_pair_queue_idx ON duplicate_pair (organisation_id, status, score DESC);
    CREATE INDEX duplicate_pair_b_idx ON duplicate_pair (person_b_id);

    CREATE TABLE person_merge (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      survivor_id uuid NOT NULL REFERENCES person(id),
      merged_id uuid NOT NULL REFERENCES person(id),
      fields jsonb NOT NULL,
      survivor_before jsonb NOT NULL,
      merged_before jsonb NOT NULL,
      moved jsonb NOT NULL,
      survivor_version_after integer NOT NULL,
      merged_version_after integer NOT NULL,
      merged_by uuid NOT NULL REFERENCES app_user(id),
      merged_at timestamptz NOT NULL DEFAULT now(),
      undone_by uuid REFERENCES app_user(id),
      undone_at timestamptz
    );
    CREATE INDEX person_merge_survivor_idx ON person_merge (survivor_id, merged_at DESC);
    CREATE INDEX person_merge_merged_idx ON person_merge (merged_id);
  `.execute(db);

  await backfillKeys(db);
}

/** Keys for the people already registered, in batches. */
async function backfillKeys(db: Kysely<unknown>): Promise<void> {
  type Row = MatchKeySource & { id: string; organisation_id: string; version: number };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<Row>`
      SELECT id, organisation_id, version, given_name, family_name, patronymic, given_name_alt, family_name_alt, patronymic_alt,
             to_char(birth_date, 'YYYY-MM-DD') AS birth_date, birth_date_estimated, pinfl, birth_certificate
      FROM person WHERE id > ${after} ORDER BY id LIMIT 2000`.execute(db);
    if (rows.length === 0) return;
    const keys: { organisation_id: string; key: string; person_id: string }[] = [];
    const folds: { person_id: string; organisation_id: string; fold: string; person_version: number }[] = [];
    for (const r of rows) {
      const data = personMatchData(r);
      for (const key of data.keys) keys.push({ organisation_id: r.organisation_id, key, person_id: r.id });
      folds.push({ person_id: r.id, organisation_id: r.organisation_id, fold: data.fold, person_version: r.version });
    }
    if (keys.length) {
      await sql`INSERT INTO person_match_key (organisation_id, key, person_id)
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(organisation_id uuid, key text, person_id uuid)
        ON CONFLICT DO NOTHING`.execute(db);
    }
    await sql`INSERT INTO person_match_fold (person_id, organisation_id, fold, person_version)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(folds)}::jsonb) AS f(person_id uuid, organisation_id uuid, fold text, person_version integer)
      ON CONFLICT (person_id) DO NOTHING`.execute(db);
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE person_merge;
    DROP TABLE duplicate_pair;
    DROP TABLE duplicate_scan;
    DROP TABLE person_match_fold;
    DROP TABLE person_match_key;
    ALTER TABLE person DROP COLUMN merged_into_id;
  `.execute(db);
}
