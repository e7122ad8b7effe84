import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import * as foundation from './migrations/0001-foundation.ts';
import * as personMatching from './migrations/0002-person-matching.ts';
import * as familyCases from './migrations/0003-family-cases.ts';
import * as casework from './migrations/0004-casework.ts';
import * as attachmentRemoval from './migrations/0005-attachment-removal.ts';
import * as duplicateScanBlocks from './migrations/0006-duplicate-scan-blocks.ts';

/**
 * Migrations are listed here, not discovered on disk, so a bundled or
 * relocated server runs exactly the migrations it was built with.
 */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-person-matching': personMatching,
  '0003-family-cases': familyCases,
  '0004-casework': casework,
  '0005-attachment-removal': attachmentRemoval,
  '0006-duplicate-scan-blocks': duplicateScanBlocks,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** True when every known migration has run: what /readyz reports. */
export async function migrationsComplete(db: Db): Promise<boolean> {
  const migrator = new Migrator({ db, provider });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
