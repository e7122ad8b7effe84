import { sql, type Kysely } from 'kysely';

/**
 * A case attachment uploaded by mistake (the wrong family's document, a photo
 * that should never have been taken) can be removed: its file is deleted, the
 * row stays with who removed it, when and why, so the case history and the
 * audit trail still make sense.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE case_attachment
      ADD COLUMN removed_at timestamptz,
      ADD COLUMN removed_by uuid REFERENCES app_user(id),
      ADD COLUMN removal_reason text,
      ADD CONSTRAINT case_attachment_removal_complete CHECK (
        (removed_at IS NULL AND removed_by IS NULL AND removal_reason IS NULL)
        OR (removed_at IS NOT NULL AND removed_by IS NOT NULL AND removal_reason IS NOT NULL));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE case_attachment DROP CONSTRAINT case_attachment_removal_complete,
      DROP COLUMN removal_reason, DROP COLUMN removed_by, DROP COLUMN removed_at;
  `.execute(db);
}
