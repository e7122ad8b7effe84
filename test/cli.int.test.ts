import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { clientFor, makeOrganisation } from './support/fixtures.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER = process.env['OILA_TEST_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs the `oila` command as a user would, with its own environment. */
function oila(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/cli.ts'), ...args], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env }, timeout: 120_000,
  });
}

/**
 * The manifest's per-table row counts and checksums. The migration
 * bookkeeping is left out: each database records when it ran its own migrations.
 */
function manifestOf(file: string): Record<string, { rows: number; sha256: string }> {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
  const manifest = (JSON.parse(lines.at(-1)!) as { manifest: Record<string, { rows: number; sha256: string }> }).manifest;
  return Object.fromEntries(Object.entries(manifest).filter(([table]) => !table.startsWith('kysely_migration')));
}

async function serverReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: SERVER });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

let t: TestApp;
let work: string;
beforeAll(async () => {
  t = await startTestApp();
  // Some records, so the backup carries people, households and audit events.
  const org = await makeOrganisation(t.db);
  const worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  await worker.post('/api/households', { displayName: 'Backup family', branchId: org.branchA, members: [{ relationship: 'child', person: { givenName: 'Ўктам', familyName: 'Қодиров', sex: 'male', birthDate: '2012-01-01' } }] });
  work = mkdtempSync(path.join(tmpdir(), 'oila-cli-'));
  chmodSync(work, 0o755);
});
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

describe('oila backup and restore', () => {
  it('moves a whole database into a new embedded PostgreSQL and to a server, with identical checksums', async () => {
    const first = path.join(work, 'first.oila-backup');
    await oila(['backup', first], { DATABASE_URL: inject('databaseUrl') });
    const original = manifestOf(first);
    expect(original['person']!.rows).toBeGreaterThan(0);
    expect(original['audit_event']!.rows).toBeGreaterThan(0);

    // Into a fresh embedded PostgreSQL.
    const dataDir = path.join(work, 'embedded');
    const restored = await oila(['restore', first], { OILA_DATA_DIR: dataDir });
    expect(restored.stdout).toMatch(/checksums verified/);
    expect((await oila(['audit', 'verify'], { OILA_DATA_DIR: dataDir })).stdout).toMatch(/audit log intact/);
    const second = path.join(work, 'second.oila-backup');
    await oila(['backup', second], { OILA_DATA_DIR: dataDir });
    expect(manifestOf(second)).toEqual(original);

    // And from there to a PostgreSQL server, when one answers.
    if (await serverReachable()) {
      const name = `oila_cli_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: SERVER });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(SERVER);
      url.pathname = `/${name}`;
      try {
        await oila(['restore', second], { DATABASE_URL: url.toString() });
        const third = path.join(work, 'third.oila-backup');
        await oila(['backup', third], { DATABASE_URL: url.toString() });
        expect(manifestOf(third)).toEqual(original);
        // A second restore into the now-full database is refused and changes nothing.
        await expect(oila(['restore', first], { DATABASE_URL: url.toString() })).rejects.toMatchObject({ stderr: expect.stringMatching(/empty/) });
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  });
});

describe('oila create-admin', () => {
  it('creates the first administrator with a checked password, who must then set up two-factor sign-in', async () => {
    const dataDir = path.join(work, 'fresh');
    await expect(oila(['create-admin', '--email', 'root@example.org', '--name', 'Root'], { OILA_DATA_DIR: dataDir, OILA_ADMIN_PASSWORD: 'password123' }))
      .rejects.toMatchObject({ stderr: expect.stringMatching(/password_too_short|password_too_common/) });
    const out = await oila(['create-admin', '--email', 'Root@Example.org', '--name', 'Root', '--organisation', 'Test association', '--slug', 'test-assoc'], { OILA_DATA_DIR: dataDir, OILA_ADMIN_PASSWORD: 'a long and unusual passphrase' });
    expect(out.stdout).toMatch(/root@example.org created/);
  });
});
