import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createDb, createPool } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/server/db/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'embedded' | 'server';
  }
}

/**
 * Makes one fresh, migrated database for the run: in the embedded PostgreSQL
 * (default) or on the server named by OILA_TEST_DATABASE_URL when
 * OILA_TEST_DB=server. Tests never depend on each other's data: each makes its
 * own organisation.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = process.env['OILA_TEST_DB'] === 'server' ? 'server' : 'embedded';
  const dbName = `oila_test_${process.pid}_${Date.now()}`;
  let embedded: EmbeddedPostgresHandle | undefined;
  let adminUrl: string;
  const dataDir = path.resolve('.oila-test', `pg-${process.pid}`);
  if (kind === 'server') {
    adminUrl = process.env['OILA_TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  } else {
    mkdirSync(dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres({ dataDir });
    const c = embedded.connection;
    adminUrl = `postgresql://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@localhost:${c.port}/postgres?host=${encodeURIComponent(c.host)}`;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const db = createDb(createPool({ connectionString: databaseUrl }, 2));
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  project.provide('databaseUrl', databaseUrl);
  project.provide('databaseKind', kind);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await client.end();
    if (embedded) {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
