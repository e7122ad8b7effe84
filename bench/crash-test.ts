/**
 * Crash test: a stream of acknowledged writes through the API, `kill -9` of
 * the Oila process at a random moment, a restart on the same data directory,
 * and a check that every write the API acknowledged is there and the audit
 * chain is intact.
 *
 *   npx tsx bench/crash-test.ts [--trials 20] [--concurrency 4]
 *
 * Prints one line per trial and a closing "N passed, N failed" line; exits 1
 * on any lost write.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../src/server/demo/demo-seed.ts';

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false }, trials: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '4' } } });
const TRIALS = Number(values.trials);
const CONCURRENCY = Number(values.concurrency);
/** A port nobody listens on now: a leftover server on a fixed port would answer in our child's place. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(import.meta.dirname, '..');

function startOila(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/cli.ts'), 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, OILA_DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

async function waitReady(child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Oila exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Oila was not ready in ${timeoutMs} ms: ${stderr.slice(-2000)}`);
}

class Session {
  cookies = new Map<string, string>();
  async call(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(BASE + url, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': this.cookies.get('oila_csrf') ?? '',
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }
  static async signIn(): Promise<{ session: Session; branchId: string }> {
    const s = new Session();
    await s.call('GET', '/api/auth/session');
    const r = await s.call('POST', '/api/auth/sign-in', { email: 'worker@demo.oila.uz', password: DEMO_PASSWORD });
    if (r.json?.stage !== 'active') throw new Error(`sign-in failed: ${JSON.stringify(r.json)}`);
    const branchId = r.json.user.assignments[0].branchId as string;
    return { session: s, branchId };
  }
}

/** 2000-01-01 plus a day per write of the run: unique across trials, writers and writes, always in the past. */
function birthDateOf(trialNo: number, writer: number, i: number): string {
  const day = ((trialNo * 4 + writer) * 400 + i) % 9000;
  return new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10);
}

async function trial(n: number, dataDir: string, acknowledged: Map<string, string>): Promise<{ lost: string[]; writes: number; killedAfterMs: number }> {
  const child = startOila(dataDir);
  await waitReady(child);
  const { session, branchId } = await Session.signIn();
  const killAfter = 150 + Math.floor(Math.random() * 1500);
  let stop = false;
  let writes = 0;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const name = `Crash${n}w${w}n${i}`;
      try {
        // A different birth date for each write keeps duplicate detection from taking the look-alike names for one child.
        const person = { givenName: name, familyName: 'Test', sex: i % 2 ? 'male' : 'female', birthDate: birthDateOf(n, w, i), branchId };
        let r = await session.call('POST', '/api/people', person);
        // Should two still look alike, save anyway with a reason; other writers may add look-alikes meanwhile, so ask again with the candidates named each time.
        for (let attempt = 0; attempt < 10 && r.status === 409 && r.json?.error?.code === 'possible_duplicate'; attempt++) {
          const candidateIds = (r.json.error.candidates as { person: { id: string } }[]).map((c) => c.person.id);
          r = await session.call('POST', '/api/people', { ...person, duplicateOverride: { reason: 'crash test: distinct records', candidateIds } });
        }
        if (r.status === 201) {
          acknowledged.set(r.json.id as string, name);
          writes += 1;
        } else if (!stop) throw new Error(`write refused: ${r.status} ${JSON.stringify(r.json)}`);
      } catch (e) {
        if (!stop) throw e;
      }
    }
  };
  const running = Array.from({ length: CONCURRENCY }, (_, w) => writer(w));
  await new Promise((r) => setTimeout(r, killAfter));
  stop = true;
  child.kill('SIGKILL');
  const results = await Promise.allSettled(running);
  await exited(child);
  const failure = results.find((r) => r.status === 'rejected');
  if (failure?.status === 'rejected') throw failure.reason;

  // Restart on the same data directory: the orphaned PostgreSQL is recovered.
  const again = startOila(dataDir);
  try {
    await waitReady(again);
    const { session: check } = await Session.signIn();
    const lost: string[] = [];
    for (const [id, name] of acknowledged) {
      const r = await check.call('GET', `/api/people/${id}`);
      if (r.status !== 200 || r.json.person.givenName !== name) lost.push(id);
    }
    return { lost, writes, killedAfterMs: killAfter };
  } finally {
    again.kill('SIGTERM');
    await exited(again);
  }
}

async function verifyAudit(dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/cli.ts'), 'audit', 'verify'], { cwd: ROOT, env: { ...process.env, OILA_DATA_DIR: dataDir, DATABASE_URL: '' } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out))));
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'oila-crash-'));
chmodSync(dataDir, 0o755);
const acknowledged = new Map<string, string>();
let passed = 0;
let failed = 0;
try {
  for (let n = 1; n <= TRIALS; n++) {
    const result = await trial(n, dataDir, acknowledged);
    const ok = result.lost.length === 0;
    if (ok) passed += 1;
    else failed += 1;
    process.stdout.write(`trial ${n}: killed after ${result.killedAfterMs} ms, ${result.writes} writes acknowledged in this trial, ${acknowledged.size} in all, ${result.lost.length} lost ${ok ? 'ok' : 'FAILED'}\n`);
  }
  process.stdout.write(`${await verifyAudit(dataDir)}\n`);
} catch (error) {
  failed += 1;
  process.stdout.write(`crash test error: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  if (values.keep) process.stdout.write(`data kept in ${dataDir}\n`);
  else rmSync(dataDir, { recursive: true, force: true });
}
process.stdout.write(`crash: ${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
