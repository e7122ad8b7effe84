import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

/** Where Oila's PostgreSQL is: a URL for a server, or the parts for the embedded socket. */
export type ConnectionConfig =
  | { connectionString: string }
  | { host: string; port: number; user: string; password: string; database: string };

/**
 * How values come back from `pg`, decided once for the whole application:
 * - `int8` (bigint, count(*)) → number. Oila's bigints are counters and audit
 *   sequence numbers, far below 2^53; a value above it throws rather than rounds.
 * - `numeric` → string, so money (UZS) is never rounded by floating point.
 * - `date` → 'YYYY-MM-DD' string: a date of birth has no time zone.
 * - `timestamptz` → ISO 8601 string in UTC, the same form the JSON API speaks.
 */
const keepText = (v: string) => v;
const PARSERS = new Map<number, (v: string) => unknown>([
  [
    pg.types.builtins.INT8,
    (v) => {
      const n = Number(v);
      if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${v} exceeds Number.MAX_SAFE_INTEGER`);
      return n;
    },
  ],
  [pg.types.builtins.NUMERIC, keepText],
  [pg.types.builtins.DATE, keepText],
  [pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString()],
]);

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => PARSERS.get(oid) ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPool(config: ConnectionConfig, max = 10): pg.Pool {
  const pool = new pg.Pool({ ...config, max, types: typeParsers, application_name: 'oila', options: '-c TimeZone=UTC' });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** The typed query builder over a pool; every module reaches the database through it. */
export function createDb(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export type Db = Kysely<Database>;
