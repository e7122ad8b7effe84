import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../errors/app-error.ts';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;

const secrets = new WeakMap<Db, Promise<string>>();
function throttleSecret(db: Db): Promise<string> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      await db.insertInto('app_secret').values({ name: 'throttle', value: randomBytes(32).toString('hex') }).onConflict((oc) => oc.column('name').doNothing()).execute();
      return (await db.selectFrom('app_secret').select('value').where('name', '=', 'throttle').executeTakeFirstOrThrow()).value;
    })();
    secrets.set(db, secret);
  }
  return secret;
}

/** Keys that count attempts without storing the e-mail or the address itself. */
export async function throttleKeys(db: Db, email: string, ip: string): Promise<{ accountKey: string; ipKey: string }> {
  const key = await throttleSecret(db);
  const mac = (v: string) => createHmac('sha256', key).update(v).digest('hex');
  return { accountKey: mac(`account:${email.trim().toLowerCase()}`), ipKey: mac(`ip:${ip}`) };
}

/**
 * Refuses with 429 once an account or an address has failed 10 times in the
 * last 15 minutes, saying how long to wait.
 */
export async function assertNotThrottled(db: Db, keys: { accountKey: string; ipKey: string }): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const rows = await sql<{ kind: string; failures: number; oldest: string | null }>`
    SELECT 'account' AS kind, count(*)::int AS failures, min(at) AS oldest FROM sign_in_attempt
      WHERE account_key = ${keys.accountKey} AND NOT succeeded AND at > ${since}
    UNION ALL
    SELECT 'ip', count(*)::int, min(at) FROM sign_in_attempt
      WHERE ip_key = ${keys.ipKey} AND NOT succeeded AND at > ${since}`.execute(db);
  for (const row of rows.rows) {
    if (row.failures >= MAX_FAILURES && row.oldest) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(row.oldest) + WINDOW_MS - Date.now()) / 1000));
      throw new AppError('rate_limited', 'Too many failed sign-ins. Wait before trying again.', { retryAfterSeconds });
    }
  }
}

export async function recordAttempt(db: Db, keys: { accountKey: string; ipKey: string }, succeeded: boolean): Promise<void> {
  await db.insertInto('sign_in_attempt').values({ account_key: keys.accountKey, ip_key: keys.ipKey, succeeded }).execute();
}
