/**
 * Logical backup and restore of the `public` schema as gzip-compressed NDJSON.
 *
 * File layout (one JSON document per line, UTF-8, then gzip):
 *   {"format":"oila-backup","formatVersion":1,"createdAt":…,"serverVersion":…,"tables":[…restore order…]}
 *   {"t":"<table>","r":<row_to_json text>}                 one line per row, grouped by table
 *   {"manifest":{"<table>":{"rows":N,"sha256":"…"}},"sha256":"…"}
 *
 * A table's sha256 covers each row's JSON text plus "\n" in the backup order;
 * the trailing sha256 covers every byte (uncompressed) before the manifest line.
 * Two rare variants of a row line keep the format lossless:
 *   - `"s":"<row text as a JSON string>"` instead of `"r"` when the row text
 *     contains a raw line break (whitespace inside a `json` column value);
 *   - `"n":["col",…]` before `"r"`/`"s"` names json/jsonb columns holding a
 *     JSON `null`, which row_to_json cannot tell apart from SQL NULL.
 *
 * The schema itself is not in the file: restore expects the target to be
 * migrated to the same migrations and empty.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Pool, PoolClient } from 'pg';

export type BackupErrorCode = 'target_not_empty' | 'checksum_mismatch' | 'format' | 'schema_mismatch';

/** A backup or restore refused for a reason the caller can act on. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  readonly code: BackupErrorCode;

  constructor(code: BackupErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

export interface BackupSummary {
  /** Tables in restore order with their row counts. */
  tables: { name: string; rows: number }[];
  /** Size of the (compressed) backup file. */
  bytes: number;
  ms: number;
}

export interface BackupOptions {
  /** Rows fetched from the server per round trip (default 2000). */
  batchSize?: number;
  /** gzip level 1–9 (default 6). */
  compressionLevel?: number;
}

export interface RestoreOptions {
  /** Rows per INSERT statement (default 500). */
  batchSize?: number;
}

const FORMAT = 'oila-backup';
const FORMAT_VERSION = 1;
const SCHEMA = 'public';
const DEFAULT_FETCH_SIZE = 2000;
const DEFAULT_INSERT_ROWS = 500;
/** Bounds one INSERT's JSON parameter when rows are large (bytea, documents). */
const MAX_INSERT_BYTES = 8 * 1024 * 1024;
const NEWLINE = Buffer.from('\n');

/**
 * Settings that make row_to_json() text identical on every server and client
 * configuration, so checksums computed by backup and restore can be compared.
 * row_security=off makes a policy that would hide rows an error instead of a
 * silently incomplete backup.
 */
const CANONICAL_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  'SET LOCAL extra_float_digits = 3',
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL bytea_output = 'hex'",
  "SET LOCAL lc_monetary = 'C'",
  'SET LOCAL row_security = off',
];

interface ColumnInfo {
  name: string;
  /** Has a collation: ordering must be forced to "C" to agree across servers. */
  collatable: boolean;
  /** GENERATED ALWAYS AS (…) columns are computed by the server, never inserted. */
  generated: boolean;
  /** 'json' | 'jsonb' for (domains over) those types, else undefined. */
  json: 'json' | 'jsonb' | undefined;
}

interface TableInfo {
  oid: string;
  name: string;
  /** 'r' ordinary, 'p' partitioned (read through the parent, never ONLY). */
  kind: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /**
   * Reference data that migrations seed (a table commented `oila:reference-data`,
   * e.g. assessment instruments): a migrated target already holds it, so a
   * restore replaces its rows instead of requiring it empty.
   */
  reference: boolean;
}

interface SchemaInfo {
  /** Restore order: migration tables, then parents before children. */
  tables: TableInfo[];
  /** Foreign keys between different tables: [child, parent] names. */
  references: [string, string][];
}

interface Header {
  format: string;
  formatVersion: number;
  createdAt: string;
  serverVersion: string;
  tables: string[];
}

interface ManifestEntry {
  rows: number;
  sha256: string;
}

/** The table comment that marks reference data seeded by migrations; see TableInfo.reference. */
export const REFERENCE_DATA_COMMENT = 'oila:reference-data';

/** Kysely's bookkeeping (`kysely_migration`, `kysely_migration_lock`) belongs to the migrations, not the data. */
function isMigrationTable(name: string): boolean {
  return name.startsWith('kysely_migration');
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function qualified(name: string): string {
  return `${ident(SCHEMA)}.${ident(name)}`;
}

/**
 * Writes a consistent snapshot of every table of the `public` schema
 * (including the migration bookkeeping) to `file` as gzip-compressed NDJSON.
 * The file appears atomically (written as `<file>.partial`, fsynced, renamed).
 *
 * @example
 * const summary = await backupDatabase(pool, '/var/backups/oila-2026-11-22.ndjson.gz');
 * console.log(summary.tables, summary.bytes);
 */
export async function backupDatabase(pool: Pool, file: string, opts: BackupOptions = {}): Promise<BackupSummary> {
  const started = performance.now();
  const fetchSize = opts.batchSize ?? DEFAULT_FETCH_SIZE;
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  const client = await pool.connect();
  let failed = false;
  let summaryTables: { name: string; rows: number }[];
  try {
    // One snapshot for all tables: rows inserted meanwhile are either
    // entirely in the backup or entirely absent, across every table.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const sql of CANONICAL_SETTINGS) await client.query(sql);
    const schema = await readSchema(client);
    if (schema.tables.length > 0) {
      // Like pg_dump: keep concurrent DDL from changing tables under us.
      await client.query(`LOCK TABLE ${schema.tables.map((t) => qualified(t.name)).join(', ')} IN ACCESS SHARE MODE`);
    }
    // Text, not timestamptz: the application may install its own type parsers.
    const info = await client.query<{ now: string; version: string }>(
      `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now,
              current_setting('server_version') AS version`,
    );
    const header: Header = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: info.rows[0]!.now,
      serverVersion: info.rows[0]!.version,
      tables: schema.tables.map((t) => t.name),
    };

    const manifest: Record<string, ManifestEntry> = {};
    async function* content(): AsyncGenerator<Buffer> {
      const whole = createHash('sha256');
      const emit = (text: string): Buffer => {
        const buf = Buffer.from(text);
        whole.update(buf);
        return buf;
      };
      yield emit(`${JSON.stringify(header)}\n`);
      for (const table of schema.tables) {
        const tableHash = createHash('sha256');
        let rows = 0;
        const prefix = `{"t":${JSON.stringify(table.name)}`;
        for await (const batch of readRows(client, table, fetchSize)) {
          let chunk = '';
          for (const row of batch) {
            tableHash.update(row.text);
            tableHash.update(NEWLINE);
            chunk += `${prefix}${row.jsonNulls ? `,"n":${JSON.stringify(row.jsonNulls)}` : ''}${encodeRow(row.text)}}\n`;
          }
          rows += batch.length;
          yield emit(chunk);
        }
        manifest[table.name] = { rows, sha256: tableHash.digest('hex') };
      }
      yield Buffer.from(`${JSON.stringify({ manifest, sha256: whole.digest('hex') })}\n`);
    }

    await pipeline(
      content,
      createGzip({ level: opts.compressionLevel ?? 6 }),
      createWriteStream(partial, { mode: 0o600 }),
    );
    await client.query('COMMIT');
    summaryTables = header.tables.map((name) => ({ name, rows: manifest[name]?.rows ?? 0 }));
  } catch (err) {
    failed = true;
    await client.query('ROLLBACK').catch(() => {});
    await fs.rm(partial, { force: true });
    throw err;
  } finally {
    // After a failure the aborted generator may still send CLOSE; a discarded
    // connection cannot disturb the next borrower's transaction.
    client.release(failed ? true : undefined);
  }

  try {
    await fsyncPath(partial);
    await fs.rename(partial, target);
  } catch (err) {
    await fs.rm(partial, { force: true });
    throw err;
  }
  // The rename itself is only durable once the directory entry is on disk.
  await fsyncPath(path.dirname(target));
  const { size } = await fs.stat(target);
  return { tables: summaryTables, bytes: size, ms: Math.round(performance.now() - started) };
}

/** A row's JSON text as the tail of its line: `,"r":…` normally, `,"s":"…"` if it has raw line breaks. */
function encodeRow(text: string): string {
  return /[\n\r]/.test(text) ? `,"s":${JSON.stringify(text)}` : `,"r":${text}`;
}

async function fsyncPath(p: string): Promise<void> {
  const handle = await fs.open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

interface ReadRow {
  text: string;
  jsonNulls: string[] | undefined;
}

/**
 * The rows of one table as row_to_json text, in a server-independent order,
 * fetched through a cursor so a large table never sits in memory.
 */
async function* readRows(client: PoolClient, table: TableInfo, fetchSize: number): AsyncGenerator<ReadRow[]> {
  const alias = 'oila_backup_row';
  const from = table.kind === 'p' ? qualified(table.name) : `ONLY ${qualified(table.name)}`;
  // Primary key order, compared as bytes for text so that servers with other
  // collations produce the same sequence (and hence the same checksum).
  // Without a primary key the row text itself is the only order that every
  // column type supports (json and point have no ordering at all).
  const order =
    table.primaryKey.length > 0
      ? table.primaryKey
          .map((name) => {
            const col = table.columns.find((c) => c.name === name);
            return `${alias}.${ident(name)}${col?.collatable ? ' COLLATE "C"' : ''}`;
          })
          .join(', ')
      : `row_to_json(${alias}.*)::text COLLATE "C"`;
  const jsonColumns = table.columns.filter((c) => c.json);
  const nulls =
    jsonColumns.length > 0
      ? `, array_remove(ARRAY[${jsonColumns
          .map((c) => `CASE WHEN ${c.json}_typeof(${alias}.${ident(c.name)}::${c.json}) = 'null' THEN ${literal(c.name)} END`)
          .join(', ')}], NULL)`
      : '';
  const cursor = 'oila_backup_cursor';
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(${alias}.*)::text${nulls} FROM ${from} ${alias} ORDER BY ${order}`,
  );
  try {
    for (;;) {
      const res = await client.query<[string, string[] | undefined]>({
        text: `FETCH FORWARD ${fetchSize} FROM ${cursor}`,
        rowMode: 'array',
      });
      if (res.rows.length === 0) break;
      yield res.rows.map(([text, jsonNulls]) => ({
        text,
        jsonNulls: jsonNulls && jsonNulls.length > 0 ? jsonNulls : undefined,
      }));
      if (res.rows.length < fetchSize) break;
    }
  } finally {
    // Fails only if the transaction is already aborted; the original error matters then.
    await client.query(`CLOSE ${cursor}`).catch(() => {});
  }
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Tables of the schema in restore order, with the columns and keys we need. */
async function readSchema(client: PoolClient): Promise<SchemaInfo> {
  const tables = await client.query<{ oid: string; name: string; kind: string; reference: boolean }>(
    `SELECT c.oid::text AS oid, c.relname AS name, c.relkind::text AS kind,
            coalesce(obj_description(c.oid, 'pg_class') = ${literal(REFERENCE_DATA_COMMENT)}, false) AS reference
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname COLLATE "C"`,
    [SCHEMA],
  );
  const oids = tables.rows.map((t) => t.oid);
  const columns = await client.query<{
    rel: string;
    name: string;
    collatable: boolean;
    generated: boolean;
    json: string | null;
  }>(
    `SELECT a.attrelid::text AS rel, a.attname AS name, a.attcollation <> 0 AS collatable,
            a.attgenerated <> '' AS generated,
            CASE WHEN ty.typname IN ('json', 'jsonb') AND ty.typnamespace = 'pg_catalog'::regnamespace
                 THEN ty.typname::text END AS json
       FROM pg_attribute a
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_type ty ON ty.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    [oids],
  );
  const keys = await client.query<{ rel: string; name: string }>(
    `SELECT i.indrelid::text AS rel, a.attname AS name
       FROM pg_index i
       CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND i.indrelid = ANY($1::oid[])
      ORDER BY i.indrelid, k.ord`,
    [oids],
  );
  const fks = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT conrelid::text AS child, confrelid::text AS parent
       FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY($1::oid[]) AND confrelid = ANY($1::oid[]) AND conrelid <> confrelid`,
    [oids],
  );

  const byOid = new Map<string, TableInfo>();
  for (const t of tables.rows) {
    byOid.set(t.oid, { oid: t.oid, name: t.name, kind: t.kind, columns: [], primaryKey: [], reference: t.reference });
  }
  for (const c of columns.rows) {
    byOid.get(c.rel)?.columns.push({
      name: c.name,
      collatable: c.collatable,
      generated: c.generated,
      json: c.json === 'json' || c.json === 'jsonb' ? c.json : undefined,
    });
  }
  for (const k of keys.rows) byOid.get(k.rel)?.primaryKey.push(k.name);
  const references: [string, string][] = [];
  for (const fk of fks.rows) {
    const child = byOid.get(fk.child);
    const parent = byOid.get(fk.parent);
    if (child && parent) references.push([child.name, parent.name]);
  }
  const order = restoreOrder([...byOid.values()].map((t) => t.name), references);
  const byName = new Map([...byOid.values()].map((t) => [t.name, t]));
  return { tables: order.map((name) => byName.get(name)!), references };
}

/**
 * Migration tables first, then a topological order of the foreign keys
 * (parents before children), alphabetical among equals so the order is
 * stable. A cycle is broken at its alphabetically first table; such data only
 * loads with deferrable constraints or session_replication_role.
 */
function restoreOrder(names: readonly string[], references: readonly (readonly [string, string])[]): string[] {
  const sorted = [...names].sort();
  const result = sorted.filter(isMigrationTable);
  const pending = new Set(sorted.filter((n) => !isMigrationTable(n)));
  const parentsOf = new Map<string, Set<string>>();
  for (const [child, parent] of references) {
    if (child === parent || !pending.has(child) || !pending.has(parent)) continue;
    let set = parentsOf.get(child);
    if (!set) parentsOf.set(child, (set = new Set()));
    set.add(parent);
  }
  while (pending.size > 0) {
    const ready = [...pending].find((n) => [...(parentsOf.get(n) ?? [])].every((p) => !pending.has(p)));
    const next = ready ?? [...pending][0]!;
    result.push(next);
    pending.delete(next);
  }
  return result;
}

/**
 * Loads a backup into an empty database whose schema was created by running
 * the same migrations. Everything happens in one transaction that commits
 * only after the restored rows were re-read and match the file's checksums.
 *
 * @example
 * await migrateToLatest(db);            // the caller creates the schema first
 * const summary = await restoreDatabase(pool, '/var/backups/oila-2026-11-22.ndjson.gz');
 */
export async function restoreDatabase(
  pool: Pool,
  file: string,
  opts: RestoreOptions = {},
): Promise<BackupSummary> {
  const started = performance.now();
  const insertRows = opts.batchSize ?? DEFAULT_INSERT_ROWS;
  const source = path.resolve(file);
  const { size } = await fs.stat(source);

  // Pass 1 touches no database: a damaged or foreign file is refused before
  // any row is written.
  const checked = await checkFile(source);
  const { header, manifest } = checked;

  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN');
    for (const sql of CANONICAL_SETTINGS) await client.query(sql);
    const schema = await readSchema(client);
    const tables = new Map(schema.tables.map((t) => [t.name, t]));
    checkSameSchema(header, checked, schema);
    await checkSameMigrations(client, checked, tables);
    await checkEmpty(client, schema);

    // As superuser (or with GRANT SET ON PARAMETER) triggers and FK checks are
    // skipped, so user triggers (audit, updated_at) cannot alter the rows.
    let replica = false;
    await client.query('SAVEPOINT oila_restore_role');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('RELEASE SAVEPOINT oila_restore_role');
      replica = true;
    } catch (err) {
      if ((err as { code?: string }).code !== '42501') throw err;
      await client.query('ROLLBACK TO SAVEPOINT oila_restore_role');
    }
    // Helps cyclic or self references when the constraints are deferrable.
    await client.query('SET CONSTRAINTS ALL DEFERRED');

    const dataTables = header.tables.filter((n) => !isMigrationTable(n));
    // Reference data seeded by the target's migrations gives way to the backup's.
    for (const table of schema.tables) if (table.reference && dataTables.includes(table.name)) await client.query(`DELETE FROM ${qualified(table.name)}`);
    const fileOrderFits = schema.references.every(
      ([child, parent]) => header.tables.indexOf(parent) < header.tables.indexOf(child),
    );
    if (replica || fileOrderFits) {
      await loadRows(client, source, tables, new Set(dataTables), insertRows);
    } else {
      // The file's grouping contradicts the target's foreign keys: read it
      // once per table, in the target's order.
      const targetOrder = schema.tables.map((t) => t.name).filter((n) => !isMigrationTable(n));
      for (const name of targetOrder) await loadRows(client, source, tables, new Set([name]), insertRows);
    }

    await resetSequences(client, schema.tables.filter((t) => !isMigrationTable(t.name)));

    for (const name of dataTables) {
      const actual = await tableDigest(client, tables.get(name)!);
      const expected = manifest[name]!;
      if (actual.rows !== expected.rows || actual.sha256 !== expected.sha256) {
        throw new BackupError(
          'checksum_mismatch',
          `Restored table "${name}" does not match the backup (rows ${actual.rows} vs ${expected.rows}, ` +
            `sha256 ${actual.sha256.slice(0, 12)}… vs ${expected.sha256.slice(0, 12)}…); nothing was restored.`,
        );
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    failed = true;
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    // A failed restore may leave the session in an unknown state; discard it.
    client.release(failed ? true : undefined);
  }
  return {
    tables: header.tables.map((name) => ({ name, rows: manifest[name]!.rows })),
    bytes: size,
    ms: Math.round(performance.now() - started),
  };
}

interface CheckedFile {
  header: Header;
  manifest: Record<string, ManifestEntry>;
  /** Row texts of the migration tables, compared with the target's. */
  migrationRows: Map<string, string[]>;
  /** Column names of each table's first row, to detect schema drift early. */
  firstRowKeys: Map<string, string[]>;
}

/** Reads the whole file and proves it complete and intact. */
async function checkFile(file: string): Promise<CheckedFile> {
  let header: Header | undefined;
  let manifestLine: string | undefined;
  const whole = createHash('sha256');
  const counts = new Map<string, { rows: number; hash: Hash }>();
  const migrationRows = new Map<string, string[]>();
  const firstRowKeys = new Map<string, string[]>();
  let position = -1;

  for await (const line of readLines(file)) {
    if (manifestLine !== undefined) throw new BackupError('format', 'Data follows the manifest line');
    const text = line.toString('utf8');
    if (!header) {
      header = parseHeader(text);
      for (const name of header.tables) counts.set(name, { rows: 0, hash: createHash('sha256') });
    } else if (text.startsWith('{"manifest":')) {
      manifestLine = text;
      continue;
    } else {
      const row = parseRowLine(text);
      const index = header.tables.indexOf(row.table);
      if (index < 0) throw new BackupError('format', `Row for table "${row.table}", which the header does not list`);
      if (index < position) throw new BackupError('format', `Rows of table "${row.table}" are not grouped in header order`);
      position = index;
      const entry = counts.get(row.table)!;
      entry.rows += 1;
      entry.hash.update(row.text);
      entry.hash.update(NEWLINE);
      if (isMigrationTable(row.table)) {
        let list = migrationRows.get(row.table);
        if (!list) migrationRows.set(row.table, (list = []));
        list.push(row.text);
      }
      if (!firstRowKeys.has(row.table)) firstRowKeys.set(row.table, Object.keys(parseJsonObject(row.text)));
    }
    whole.update(line);
    whole.update(NEWLINE);
  }
  if (!header) throw new BackupError('format', 'The file is empty');
  if (manifestLine === undefined) throw new BackupError('format', 'The file is truncated: no manifest line');

  const parsed = parseJsonObject(manifestLine) as { manifest?: unknown; sha256?: unknown };
  const manifest = parsed.manifest;
  if (typeof parsed.sha256 !== 'string' || !manifest || typeof manifest !== 'object') {
    throw new BackupError('format', 'The manifest line is malformed');
  }
  if (parsed.sha256 !== whole.digest('hex')) {
    throw new BackupError('checksum_mismatch', 'The file content does not match its checksum; the file is damaged');
  }
  const entries = manifest as Record<string, ManifestEntry>;
  for (const name of header.tables) {
    const expected = entries[name];
    const actual = counts.get(name)!;
    const sha = actual.hash.digest('hex');
    if (!expected || expected.rows !== actual.rows || expected.sha256 !== sha) {
      throw new BackupError('checksum_mismatch', `Table "${name}" in the file does not match its manifest entry`);
    }
  }
  if (Object.keys(entries).length !== header.tables.length) {
    throw new BackupError('format', 'The manifest lists tables the header does not');
  }
  return { header, manifest: entries, migrationRows, firstRowKeys };
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BackupError('format', `Invalid JSON in backup file: ${(err as Error).message}`, { cause: err });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new BackupError('format', 'Expected a JSON object in backup file');
  }
  return value as Record<string, unknown>;
}

function parseHeader(text: string): Header {
  const h = parseJsonObject(text);
  if (h.format !== FORMAT) throw new BackupError('format', 'Not an Oila backup file');
  if (h.formatVersion !== FORMAT_VERSION) {
    throw new BackupError('format', `Unsupported backup format version ${String(h.formatVersion)}`);
  }
  const tables = h.tables;
  if (!Array.isArray(tables) || !tables.every((t) => typeof t === 'string') || new Set(tables).size !== tables.length) {
    throw new BackupError('format', 'The header has no valid table list');
  }
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: String(h.createdAt),
    serverVersion: String(h.serverVersion),
    tables: tables,
  };
}

const JSON_STRING = '"(?:[^"\\\\]|\\\\.)*"';
const ROW_LINE = new RegExp(`^\\{"t":(${JSON_STRING})(?:,"n":(\\[(?:${JSON_STRING}(?:,${JSON_STRING})*)?\\]))?,"([rs])":`);

interface RowLine {
  table: string;
  text: string;
  jsonNulls: string[] | undefined;
}

/** Slices the row text out of its line instead of parsing it: faster, and byte-exact for the checksum. */
function parseRowLine(line: string): RowLine {
  const m = ROW_LINE.exec(line);
  if (!m || !line.endsWith('}')) throw new BackupError('format', `Malformed row line: ${line.slice(0, 80)}`);
  const table = JSON.parse(m[1]!) as string;
  const jsonNulls = m[2] ? (JSON.parse(m[2]) as string[]) : undefined;
  const body = line.slice(m[0].length, -1);
  let text = body;
  if (m[3] === 's') {
    try {
      text = JSON.parse(body) as string;
    } catch (err) {
      throw new BackupError('format', `Malformed row line: ${line.slice(0, 80)}`, { cause: err });
    }
    if (typeof text !== 'string') throw new BackupError('format', `Malformed row line: ${line.slice(0, 80)}`);
  }
  if (!text.startsWith('{')) throw new BackupError('format', `Malformed row line: ${line.slice(0, 80)}`);
  return { table, text, jsonNulls };
}

/** Uncompressed lines (without "\n") of a gzip file, as raw bytes. */
async function* readLines(file: string): AsyncGenerator<Buffer> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  let pending: Buffer[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, nl));
        yield pending.length === 1 ? pending[0]! : Buffer.concat(pending);
        pending = [];
        start = nl + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError('format', `Cannot read the backup file: ${(err as Error).message}`, { cause: err });
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

function checkSameSchema(header: Header, checked: CheckedFile, schema: SchemaInfo): void {
  const target = new Set(schema.tables.map((t) => t.name));
  const missing = header.tables.filter((n) => !target.has(n));
  const extra = [...target].filter((n) => !header.tables.includes(n));
  if (missing.length > 0 || extra.length > 0) {
    throw new BackupError(
      'schema_mismatch',
      `The target schema differs from the backup's (missing tables: ${missing.join(', ') || 'none'}; ` +
        `extra tables: ${extra.join(', ') || 'none'}). Run the same migrations first.`,
    );
  }
  for (const table of schema.tables) {
    const keys = checked.firstRowKeys.get(table.name);
    if (!keys) continue;
    const columns = table.columns.map((c) => c.name);
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) {
      throw new BackupError(
        'schema_mismatch',
        `Table "${table.name}" has columns (${columns.join(', ')}) but the backup has (${keys.join(', ')})`,
      );
    }
  }
}

/** The target must have run exactly the migrations the backup's database had. */
async function checkSameMigrations(
  client: PoolClient,
  checked: CheckedFile,
  tables: Map<string, TableInfo>,
): Promise<void> {
  for (const table of tables.values()) {
    if (!isMigrationTable(table.name) || !table.columns.some((c) => c.name === 'name')) continue;
    const fromFile = (checked.migrationRows.get(table.name) ?? [])
      .map((text) => String(parseJsonObject(text).name))
      .sort();
    const res = await client.query<{ name: string }>(`SELECT name::text AS name FROM ${qualified(table.name)}`);
    const inTarget = res.rows.map((r) => r.name).sort();
    const missing = fromFile.filter((n) => !inTarget.includes(n));
    const extra = inTarget.filter((n) => !fromFile.includes(n));
    if (missing.length > 0 || extra.length > 0) {
      throw new BackupError(
        'schema_mismatch',
        `Migrations differ from the backup's (not applied here: ${missing.join(', ') || 'none'}; ` +
          `applied here only: ${extra.join(', ') || 'none'})`,
      );
    }
  }
}

async function checkEmpty(client: PoolClient, schema: SchemaInfo): Promise<void> {
  const nonEmpty: string[] = [];
  for (const table of schema.tables) {
    if (isMigrationTable(table.name) || table.reference) continue;
    const res = await client.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${qualified(table.name)}) AS found`,
    );
    if (res.rows[0]?.found) nonEmpty.push(table.name);
  }
  if (nonEmpty.length > 0) {
    throw new BackupError(
      'target_not_empty',
      `The target database already has data (tables: ${nonEmpty.join(', ')}); restore needs an empty, migrated database.`,
    );
  }
}

/** Pass 2: inserts the rows of `only` tables, batching consecutive rows of one table. */
async function loadRows(
  client: PoolClient,
  file: string,
  tables: Map<string, TableInfo>,
  only: Set<string>,
  insertRows: number,
): Promise<void> {
  let batchTable: TableInfo | undefined;
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    if (batchTable && batch.length > 0) {
      await client.query(insertSql(batchTable), [`[${batch.join(',')}]`]);
    }
    batch = [];
    batchBytes = 0;
  };

  let first = true;
  for await (const line of readLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    const text = line.toString('utf8');
    if (text.startsWith('{"manifest":')) break;
    const row = parseRowLine(text);
    if (!only.has(row.table)) continue;
    const table = tables.get(row.table)!;
    if (row.jsonNulls) {
      // Rare: row_to_json wrote JSON null and SQL NULL alike; insert this row
      // on its own so those columns get 'null'::json(b) back.
      await flush();
      await client.query(insertSql(table, row.jsonNulls), [row.text]);
      continue;
    }
    if (table !== batchTable || batch.length >= insertRows || batchBytes + row.text.length > MAX_INSERT_BYTES) {
      await flush();
      batchTable = table;
    }
    batch.push(row.text);
    batchBytes += row.text.length;
  }
  await flush();
}

/**
 * INSERT of a JSON array of rows (or one row when `jsonNulls` is given).
 * Generated columns are left out, as the server computes them, and
 * OVERRIDING SYSTEM VALUE keeps the ids of GENERATED ALWAYS identity columns.
 */
function insertSql(table: TableInfo, jsonNulls?: string[]): string {
  const columns = table.columns.filter((c) => !c.generated);
  const target = columns.map((c) => ident(c.name)).join(', ');
  const values = columns
    .map((c) =>
      c.json && jsonNulls?.includes(c.name)
        ? `'null'::${c.json}`
        : `r.${ident(c.name)}`,
    )
    .join(', ');
  const source = jsonNulls
    ? `json_populate_record(NULL::${qualified(table.name)}, $1::json) r`
    : `json_populate_recordset(NULL::${qualified(table.name)}, $1::json) r`;
  return `INSERT INTO ${qualified(table.name)} (${target}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM ${source}`;
}

/** Serial and identity sequences continue after the restored ids. */
async function resetSequences(client: PoolClient, tables: TableInfo[]): Promise<void> {
  if (tables.length === 0) return;
  const owned = await client.query<{ table: string; column: string; seq: string }>(
    `SELECT c.relname AS table, a.attname AS column, s.seq
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       CROSS JOIN LATERAL pg_get_serial_sequence(format('%I.%I', $2::text, c.relname), a.attname) AS s(seq)
      WHERE c.oid = ANY($1::oid[]) AND s.seq IS NOT NULL`,
    [tables.map((t) => t.oid), SCHEMA],
  );
  for (const { table, column, seq } of owned.rows) {
    await client.query(
      `SELECT setval($1::regclass, m) FROM (SELECT max(${ident(column)}) AS m FROM ${qualified(table)}) s
        WHERE m IS NOT NULL`,
      [seq],
    );
  }
}

/** Row count and sha256 of a table, computed exactly as the backup does. */
async function tableDigest(client: PoolClient, table: TableInfo): Promise<ManifestEntry> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of readRows(client, table, DEFAULT_FETCH_SIZE)) {
    for (const row of batch) {
      hash.update(row.text);
      hash.update(NEWLINE);
    }
    rows += batch.length;
  }
  return { rows, sha256: hash.digest('hex') };
}
