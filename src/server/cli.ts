import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { generateSync } from 'otplib';
import { readConfig } from './config.ts';
import type { Db } from './db/database.ts';
import { backupDatabase, restoreDatabase } from './db/backup.ts';
import { migrateToLatest } from './db/migrate.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, seedDemo } from './demo/demo-seed.ts';
import { verifyAuditChain, writeAudit } from './platform/audit/audit.ts';
import { assertAcceptablePassword, hashPassword } from './platform/auth/password.ts';
import { AppError } from './platform/errors/app-error.ts';
import { importLocations, parseLocations } from './modules/locations/location-import.ts';
import { openDatabase, startOila } from './start.ts';

const HELP = `Usage: oila <command> [options]

  serve [--demo]              start Oila (embedded PostgreSQL unless DATABASE_URL is set);
                              --demo fills an empty database with demo data
  migrate                     bring the database schema up to date
  create-admin --email E --name N [--organisation NAME --slug SLUG]
                              create the first administrator (password asked, or OILA_ADMIN_PASSWORD)
  import-locations FILE...    import regions, districts or mahallas (JSON or CSV)
  backup FILE                 write a consistent snapshot of the whole database to FILE
  restore FILE                load a snapshot into an empty (migrated) database and verify it
  audit verify                check the audit log's hash chain
  demo-code                   print the current two-factor code of the demo accounts

Environment: DATABASE_URL, OILA_DATA_DIR (default ./data), HOST (127.0.0.1), PORT (3000), LOG_LEVEL, OILA_SECRET_KEY (default: <data dir>/secret.key).`;

const say = (msg: string) => process.stdout.write(`${msg}\n`);

async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(readConfig());
  try {
    await migrateToLatest(database.db);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

async function serve(demo: boolean): Promise<void> {
  const config = readConfig();
  const running = await startOila(config, {
    // PostgreSQL's own start-up chatter only at debug level.
    log: (m) => {
      if (config.logLevel === 'debug' || !/^(initdb|postgres):/.test(m)) process.stderr.write(`${m}\n`);
    },
    seed: demo
      ? async (db) => {
          if (await seedDemo(db)) say('Demo data created.');
        }
      : undefined,
  });
  say(`Oila is running at ${running.url}  (database: ${running.database.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server'})`);
  if (demo) {
    say(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) say(`  ${u.role.padEnd(14)} ${u.email}`);
    say(`Supervisor, director and admin also need a two-factor code: authenticator secret ${DEMO_TOTP_SECRET},`);
    say(`or run: npm run oila -- demo-code`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping\n`);
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env['OILA_ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) return readFileSync(0, 'utf8').split('\n')[0] ?? '';
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (12 to 128 characters): ');
  } finally {
    rl.close();
  }
}

async function createAdmin(values: Record<string, string | boolean | undefined>): Promise<void> {
  const email = String(values['email'] ?? '').trim().toLowerCase();
  const name = String(values['name'] ?? '').trim();
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || !name) throw new Error('create-admin needs --email and --name');
  const password = await readPassword();
  assertAcceptablePassword(password);
  await withDatabase(async (db) => {
    await db.transaction().execute(async (trx) => {
      let org = await trx.selectFrom('organisation').select('id').orderBy('created_at').executeTakeFirst();
      if (!org) {
        const orgName = String(values['organisation'] ?? '').trim();
        const slug = String(values['slug'] ?? '').trim();
        if (!orgName || !slug) throw new Error('no organisation yet: give --organisation "Name" and --slug short-name');
        org = await trx.insertInto('organisation').values({ name: orgName, slug }).returning('id').executeTakeFirstOrThrow();
      }
      const user = await trx
        .insertInto('app_user')
        .values({ organisation_id: org.id, email, display_name: name, password_hash: await hashPassword(password), locale: 'en', disabled_at: null, totp_secret: null, totp_enabled_at: null, totp_last_step: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('role_assignment').values({ user_id: user.id, role: 'admin', branch_id: null, programme: null, team_id: null }).execute();
      await writeAudit(trx, { organisationId: org.id, actorUserId: null, requestId: null }, { action: 'user.create.cli', recordType: 'user', recordId: user.id, details: { roles: ['admin'] } });
    });
  });
  say(`Administrator ${email} created. Sign in and set up two-factor sign-in.`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { demo: { type: 'boolean' }, email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' }, slug: { type: 'string' } },
  });
  switch (command ?? 'help') {
    case 'serve':
      await serve(values.demo === true);
      return -1;
    case 'migrate':
      await withDatabase(async (db) => say(`migrations applied: ${(await migrateToLatest(db)).join(', ') || 'none (up to date)'}`));
      return 0;
    case 'create-admin':
      await createAdmin(values);
      return 0;
    case 'import-locations':
      if (!positionals.length) throw new Error('import-locations needs at least one file');
      await withDatabase(async (db) => {
        for (const file of positionals) {
          const text = readFileSync(file, 'utf8');
          const summary = await db.transaction().execute((trx) => importLocations(trx, parseLocations(file.endsWith('.csv') ? 'csv' : 'json', text)));
          say(`${file}: ${summary.inserted} added, ${summary.updated} updated`);
        }
      });
      return 0;
    case 'backup': {
      const file = positionals[0];
      if (!file) throw new Error('backup needs a file name');
      const database = await openDatabase(readConfig());
      try {
        const summary = await backupDatabase(database.pool, file);
        say(`backup written to ${file}: ${summary.tables.reduce((n, t) => n + t.rows, 0)} rows in ${summary.tables.length} tables, ${summary.bytes} bytes, ${summary.ms} ms`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'restore': {
      const file = positionals[0];
      if (!file) throw new Error('restore needs a file name');
      const database = await openDatabase(readConfig());
      try {
        await migrateToLatest(database.db);
        const summary = await restoreDatabase(database.pool, file);
        say(`restored ${file}: ${summary.tables.reduce((n, t) => n + t.rows, 0)} rows in ${summary.tables.length} tables, counts and checksums verified (${summary.ms} ms)`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'audit': {
      if (positionals[0] !== 'verify') throw new Error('usage: oila audit verify');
      const report = await withDatabase((db) => verifyAuditChain(db));
      say(report.ok ? `audit log intact: ${report.checked} events checked` : `audit log BROKEN at event ${report.firstBrokenSeq} (${report.checked} events before it are intact)`);
      return report.ok ? 0 : 1;
    }
    case 'demo-code':
      say(generateSync({ secret: DEMO_TOTP_SECRET }));
      return 0;
    default:
      say(HELP);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const message = error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`oila: ${message}\n`);
    process.exit(1);
  },
);
