import { sql, type Kysely } from 'kysely';

/**
 * The duplicate scan walks blocks of people sharing a key (a range of the
 * key index) instead of people in id order: its cursor becomes text, holding
 * the kind of block, the last block done and the progress. A scan under way
 * starts its matching over, as its person-id cursor means nothing now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE duplicate_scan ALTER COLUMN cursor TYPE text USING NULL;
    UPDATE duplicate_scan SET processed = 0 WHERE status IN ('pending', 'running') AND phase = 'matching';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE duplicate_scan SET processed = 0 WHERE status IN ('pending', 'running') AND phase = 'matching';
    ALTER TABLE duplicate_scan ALTER COLUMN cursor TYPE uuid USING NULL;
  `.execute(db);
}
