import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresProcesses, startEmbeddedPostgres } from './embedded-postgres.ts';
import type { EmbeddedPostgresHandle } from './embedded-postgres.ts';

const TIMEOUT = 60_000;
const moduleUrl = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'embedded-postgres.ts')).href;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function query<T extends pg.QueryResultRow>(handle: EmbeddedPostgresHandle, sql: string): Promise<T[]> {
  const client = new pg.Client(handle.connection);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the embedded server from a separate Node process (through tsx, like
 * the application) and resolves with that process once the server is ready.
 */
function startInChildProcess(dataDir: string): Promise<{ nodePid: number }> {
  const code = [
    `import { startEmbeddedPostgres } from ${JSON.stringify(moduleUrl)};`,
    `await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });`,
    `console.log('READY');`,
    'setInterval(() => {}, 60_000);',
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY') && child.pid) resolve({ nodePid: child.pid });
    });
    child.once('exit', (codeOrNull) => reject(new Error(`child exited (${codeOrNull}): ${stderr}`)));
  });
}

describe('startEmbeddedPostgres', () => {
  let dataDir: string;
  const logs: string[] = [];
  const log = (msg: string): void => {
    logs.push(msg);
  };

  beforeAll(async () => {
    // Short path under /tmp: the socket path must stay below ~100 bytes.
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'oila-ep-'));
  });

  afterAll(async () => {
    if (!dataDir) return;
    // Leave no server behind even if a test failed half-way.
    for (const pid of await findPostgresProcesses(path.join(dataDir, 'pg'))) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  }, TIMEOUT);

  it('initialises a socket-only cluster with the oila database and a stored password', async () => {
    const handle = await startEmbeddedPostgres({ dataDir, log });
    try {
      expect(handle.connection).toMatchObject({
        host: path.join(dataDir, 'run'),
        port: 5432,
        user: 'postgres',
        database: 'oila',
      });
      const stored = await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8');
      expect(stored.trim()).toBe(handle.connection.password);
      expect(handle.connection.password.length).toBeGreaterThanOrEqual(24);
      expect((await fs.stat(path.join(dataDir, 'pg-password'))).mode & 0o777).toBe(0o600);

      const [settings] = await query<Record<string, string>>(
        handle,
        `SELECT current_database() AS db, current_setting('listen_addresses') AS listen,
                current_setting('data_checksums') AS checksums, current_setting('fsync') AS fsync,
                current_setting('synchronous_commit') AS sync, current_setting('TimeZone') AS tz,
                current_setting('shared_buffers') AS buffers, current_setting('max_connections') AS conns,
                current_setting('password_encryption') AS enc, pg_encoding_to_char(encoding) AS encoding
           FROM pg_database WHERE datname = current_database()`,
      );
      expect(settings).toEqual({
        db: 'oila',
        listen: '',
        checksums: 'on',
        fsync: 'on',
        sync: 'on',
        tz: 'UTC',
        buffers: '128MB',
        conns: '100',
        enc: 'scram-sha-256',
        encoding: 'UTF8',
      });

      // The stored password is required: scram-sha-256 even on the socket.
      const wrong = new pg.Client({ ...handle.connection, password: 'wrong' });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
      await wrong.end().catch(() => {});

      await query(handle, 'CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL)');
      await query(handle, "INSERT INTO note (body) VALUES ('первая запись'), ('second')");
    } finally {
      await handle.stop();
    }
    // stop() is idempotent and leaves no process for this data directory.
    await handle.stop();
    expect(await findPostgresProcesses(path.join(dataDir, 'pg'))).toEqual([]);
    expect(logs.some((l) => l.includes('initialising a new cluster'))).toBe(true);
  }, TIMEOUT);

  it('restarts on the existing cluster with the same password and data', async () => {
    const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
    logs.length = 0;
    const handle = await startEmbeddedPostgres({ dataDir, log });
    try {
      expect(handle.connection.password).toBe(password);
      expect(logs.some((l) => l.includes('initialising'))).toBe(false);
      const rows = await query<{ body: string }>(handle, 'SELECT body FROM note ORDER BY id');
      expect(rows.map((r) => r.body)).toEqual(['первая запись', 'second']);
    } finally {
      await handle.stop();
    }
  }, TIMEOUT);

  it('takes over after the owning Node process was killed with SIGKILL', async () => {
    const { nodePid } = await startInChildProcess(dataDir);
    const orphanPid = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    // While its Node process lives, the server is not an orphan: hands off.
    await expect(startEmbeddedPostgres({ dataDir, log })).rejects.toThrow(
      new RegExp(`in use by a running server \\(pid ${orphanPid}\\) owned by process ${nodePid}`),
    );
    expect(isRunning(orphanPid)).toBe(true);

    process.kill(nodePid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    expect(isRunning(nodePid)).toBe(false);
    // The server outlives its parent and still holds the data directory.
    expect(isRunning(orphanPid)).toBe(true);

    logs.length = 0;
    const handle = await startEmbeddedPostgres({ dataDir, log });
    try {
      expect(logs.some((l) => l.includes(`orphaned server (pid ${orphanPid})`))).toBe(true);
      const rows = await query<{ count: string }>(handle, 'SELECT count(*) FROM note');
      expect(rows[0]?.count).toBe('2');
      await query(handle, "INSERT INTO note (body) VALUES ('after recovery')");
      const pids = await findPostgresProcesses(path.join(dataDir, 'pg'));
      expect(pids).not.toContain(orphanPid);
    } finally {
      await handle.stop();
    }
    expect(await findPostgresProcesses(path.join(dataDir, 'pg'))).toEqual([]);
  }, TIMEOUT);

  it('starts over a stale postmaster.pid whose process is gone', async () => {
    const { nodePid } = await startInChildProcess(dataDir);
    const serverPid = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    // Both die at once (power cut, OOM killer): only the lock files remain.
    process.kill(nodePid, 'SIGKILL');
    process.kill(serverPid, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    while ((await findPostgresProcesses(path.join(dataDir, 'pg'))).length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }

    const handle = await startEmbeddedPostgres({ dataDir, log });
    try {
      const rows = await query<{ count: string }>(handle, 'SELECT count(*) FROM note');
      expect(rows[0]?.count).toBe('3');
    } finally {
      await handle.stop();
    }
    expect(await findPostgresProcesses(path.join(dataDir, 'pg'))).toEqual([]);
  }, TIMEOUT);

  it('refuses a data directory whose socket path would be too long', async () => {
    const longDir = path.join(os.tmpdir(), 'x'.repeat(90));
    await expect(startEmbeddedPostgres({ dataDir: longDir })).rejects.toThrow(/socket path .* bytes/);
  });
});
