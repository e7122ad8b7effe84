import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { createDb, createPool, type ConnectionConfig, type Db } from './db/database.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './db/embedded-postgres.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadSecretKey, SecretBox } from './platform/crypto/secret-box.ts';
import { sealPlainTotpSecrets } from './platform/auth/totp.ts';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface Database {
  db: Db;
  /** The pool under `db`, for the backup and restore that stream raw rows. */
  pool: pg.Pool;
  kind: 'embedded' | 'server';
  close(): Promise<void>;
}

/** Opens Oila's database: the server named by DATABASE_URL, or the embedded PostgreSQL in the data directory. */
export async function openDatabase(config: Config, log: (msg: string) => void = () => undefined): Promise<Database> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let connection: ConnectionConfig;
  if (config.databaseUrl) {
    connection = { connectionString: config.databaseUrl };
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
    connection = embedded.connection;
  }
  const pool = createPool(connection, 10);
  const db = createDb(pool);
  return {
    db,
    pool,
    kind: embedded ? 'embedded' : 'server',
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

export interface RunningOila {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, runs migrations, and starts the web server. */
export async function startOila(config: Config, opts: { seed?: (db: Db) => Promise<void>; log?: (msg: string) => void } = {}): Promise<RunningOila> {
  const log = opts.log ?? (() => undefined);
  const database = await openDatabase(config, log);
  try {
    const ran = await migrateToLatest(database.db);
    if (ran.length) log(`migrations applied: ${ran.join(', ')}`);
    if (opts.seed) await opts.seed(database.db);
    const secrets = new SecretBox(await loadSecretKey(config));
    const sealed = await sealPlainTotpSecrets(database.db, secrets);
    if (sealed) log(`two-factor secrets sealed: ${sealed}`);
    const app = await buildApp({ db: database.db, secrets, logLevel: config.logLevel, trustProxy: config.trustProxy, webRoot: WEB_ROOT, backgroundJobs: true });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = address && typeof address === 'object' ? address.port : config.port;
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      stop: () => (stopping ??= (async () => {
        await app.close();
        await database.close();
      })()),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
