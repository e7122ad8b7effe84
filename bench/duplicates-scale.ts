/**
 * Speed of duplicate detection and search at registry scale.
 *
 *   npx tsx bench/duplicates-scale.ts [--people 1000000] [--db embedded|server] [--lookups 200] [--searches 300] [--scan-batch BLOCKS] [--no-scan] [--keep]
 *
 * Makes a throwaway database (embedded PostgreSQL in a temporary directory,
 * or a new database on the server named by OILA_BENCH_DATABASE_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres), migrates it, and fills it
 * with N people in families: Uzbek and Russian names written in Cyrillic or
 * Latin, passport and Soviet spellings, given-name suffixes, patronymics,
 * twins, dates of birth, mahallas, households, PINFLs, and about 2% people
 * registered twice with another spelling. Rows are written with multi-row
 * INSERT … SELECT unnest(…), their match keys computed by the application's
 * own code; secondary indexes are dropped during the load and rebuilt after.
 *
 * Then it measures, through the real HTTP API (session, permission, scope,
 * transaction and audit included):
 *  - the registration check (POST /api/people/duplicates/check) p50/p95,
 *    for a social worker (caseload) and a supervisor (branch);
 *  - search-as-you-type (POST /api/search) with prefixes of 3–8 letters;
 *  - the full background scan of the registry, run batch by batch as the
 *    job runner does, with the time of each phase and kind of block, and
 *    the pairs it found judged against the injected re-registrations.
 * and prints a table. The database is dropped at the end; --keep keeps it,
 * with the injected pairs in a table bench_truth, to time other scans of it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { SecretBox } from '../src/server/platform/crypto/secret-box.ts';
import { createDb, createPool, type Db } from '../src/server/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createSession } from '../src/server/platform/auth/session.ts';
import { nameColumns } from '../src/server/modules/people/person.service.ts';
import { personMatchData } from '../src/server/modules/duplicates/match-keys.ts';
import { runScanStep } from '../src/server/modules/duplicates/duplicate-scan.ts';
import { searchFold, uzLatnToCyrl } from '../src/shared/names/index.ts';
import { makePinfl } from '../src/shared/validation/pinfl.ts';
import { TestClient } from '../test/support/test-app.ts';
import { seeded } from './data/duplicate-pairs.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'embedded' },
    lookups: { type: 'string', default: '200' },
    searches: { type: 'string', default: '300' },
    'scan-batch': { type: 'string' },
    'no-scan': { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.people);
const rnd = seeded(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
/** Zipf-like: early entries of a list are much more common, as real names are. */
const pickCommon = <T>(list: readonly T[]): T => list[Math.floor(list.length * rnd() ** 1.3)]!;
const chance = (p: number) => rnd() < p;
const log = (msg: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

// ————— names —————

const MALE = ['Aziz', 'Alisher', 'Sardor', 'Jasur', 'Bobur', 'Jamshid', 'Sherzod', 'Akmal', 'Anvar', 'Bahodir', 'Bekzod', 'Botir', 'Dilshod', 'Doniyor', 'Eldor',
  'Elyor', 'Farhod', 'Farrux', 'Gʻayrat', 'Gʻulom', 'Hasan', 'Husan', 'Ibrohim', 'Ilhom', 'Islom', 'Ismoil', 'Jahongir', 'Javlon', 'Kamol', 'Karim', 'Komil',
  'Laziz', 'Mahmud', 'Muhammad', 'Murod', 'Nodir', 'Odil', 'Otabek', 'Oybek', 'Rustam', 'Ravshan', 'Sanjar', 'Shohrux', 'Sobir', 'Temur', 'Ulugʻbek', 'Umid',
  'Xurshid', 'Yusuf', 'Zafar', 'Abdulla', 'Abdurahmon', 'Asror', 'Azamat', 'Behruz', 'Diyor', 'Firdavs', 'Hamid', 'Ikrom', 'Jaloliddin', 'Kamoliddin',
  'Mirzo', 'Nurali', 'Oʻktam', 'Qodir', 'Rahim', 'Shavkat', 'Tohir', 'Umar', 'Vali', 'Sirojiddin', 'Shahzod', 'Shoxjahon', 'Islombek', 'Muhammadali'];
const FEMALE = ['Nilufar', 'Dilnoza', 'Madina', 'Malika', 'Zarina', 'Shahnoza', 'Dilfuza', 'Gulnora', 'Gulnoza', 'Lola', 'Laziza', 'Dildora', 'Feruza',
  'Fotima', 'Zuhra', 'Hilola', 'Xurshida', 'Sayyora', 'Saida', 'Shahlo', 'Kamola', 'Komila', 'Umida', 'Nigora', 'Maftuna', 'Mahliyo', 'Oʻgʻiloy', 'Muqaddas',
  'Mukarram', 'Iroda', 'Oydin', 'Zulfiya', 'Gulchehra', 'Gulshan', 'Hulkar', 'Nodira', 'Karima', 'Ozoda', 'Dilshoda', 'Sevara', 'Sabina', 'Munisa', 'Mohira',
  'Robiya', 'Sitora', 'Yulduz', 'Barno', 'Charos', 'Diyora', 'Gavhar', 'Marjona', 'Nargiza', 'Nasiba', 'Rayhona', 'Shirin', 'Zilola', 'Zebo', 'Mohinur', 'Durdona'];
const SURNAME = ['Karimov', 'Rahimov', 'Yusupov', 'Aliyev', 'Toshmatov', 'Qodirov', 'Usmonov', 'Rasulov', 'Nazarov', 'Ergashev', 'Mirzayev', 'Tursunov',
  'Qurbonov', 'Rashidov', 'Saidov', 'Ismoilov', 'Olimov', 'Jumayev', 'Sultonov', 'Normatov', 'Xolmatov', 'Kamalov', 'Yoʻldoshev', 'Abdullayev', 'Hasanov',
  'Husanov', 'Sodiqov', 'Qosimov', 'Salimov', 'Halimov', 'Nosirov', 'Boboyev', 'Hamidov', 'Ahmedov', 'Mahmudov', 'Yunusov', 'Tojiboyev', 'Xoʻjayev', 'Umarov',
  'Sharipov', 'Valiyev', 'Eshmatov', 'Sobirov', 'Bakirov', 'Zokirov', 'Gʻofurov', 'Mamatov', 'Raxmatov', 'Sattorov', 'Haydarov', 'Jalilov', 'Fayzullayev',
  'Nurmatov', 'Qayumov', 'Shukurov', 'Tillayev', 'Turgʻunov', 'Oripov', 'Davletov', 'Ibragimov', 'Ivanov', 'Petrov', 'Kim', 'Pak', 'Tsoy', 'Li'];
const NO_ENDING = new Set(['Kim', 'Pak', 'Tsoy', 'Li']);
// Most Uzbek surnames are a forefather's given name with -ov/-yev: add those.
for (const given of MALE) {
  const surname = /[aeiou]$/.test(given) ? `${given}yev` : `${given}ov`;
  if (!SURNAME.includes(surname)) SURNAME.push(surname);
}

const feminine = (surname: string) => (NO_ENDING.has(surname) ? surname : `${surname}a`);
const patronymicOf = (father: string, sex: 'male' | 'female', soviet: boolean) => {
  const stem = father.replace(/ʻ/g, 'ʻ');
  if (soviet) return `${stem}${/[aeiou]$/.test(stem) ? 'y' : 'o'}${sex === 'male' ? 'vich' : 'vna'}`.replace(/yo(vich|vna)$/, 'ye$1');
  return `${stem} ${sex === 'male' ? 'oʻgʻli' : 'qizi'}`;
};

/** Passport, Soviet and careless spellings of an Uzbek Latin name. */
function variant(name: string): string {
  let s = name;
  if (chance(0.5)) s = s.replace(/x/g, 'kh').replace(/X/g, 'Kh');
  if (chance(0.3)) s = s.replace(/(?<![sScCzZkK])h/g, 'kh');
  if (chance(0.4)) s = s.replace(/oʻ/g, 'u').replace(/Oʻ/g, 'U').replace(/gʻ/g, 'g').replace(/Gʻ/g, 'G');
  if (chance(0.3)) s = s.replace(/ʻ/g, "'");
  if (chance(0.3)) s = s.replace(/^J/, 'Dj').replace(/(?<=.)j/g, 'dj');
  if (chance(0.3)) s = s.replace(/q/g, 'k').replace(/Q/g, 'K');
  if (chance(0.2)) s = s.replace(/Yu/g, 'Iu').replace(/yu/g, 'iu');
  if (chance(0.2)) s = s.replace(/o(?=[^ʻ])/g, 'a');
  if (chance(0.15)) s = s.toUpperCase();
  return s;
}
const suffixed = (given: string, sex: 'male' | 'female') => {
  if (!chance(0.5)) return given;
  const suffix = sex === 'male' ? pick(['jon', 'bek']) : /[aeiouаеиоуў]$/i.test(given) ? 'xon' : pick(['xon', 'oy']);
  return `${given}${/\p{Script=Cyrillic}/u.test(given) ? uzLatnToCyrl(suffix) : suffix}`;
};

interface NewRow {
  id: string; branch: number; worker: string; region: string; district: string; mahalla: string;
  given: string; family: string; patronymic: string | null; sex: 'male' | 'female'; birthDate: string | null; estimated: boolean; pinfl: string | null;
}

// ————— database —————

interface Target { url: string; admin: string; embedded?: EmbeddedPostgresHandle; dir?: string }

async function openTarget(): Promise<Target> {
  const name = `oila_bench_${process.pid}_${Date.now()}`;
  let adminUrl: string;
  let embedded: EmbeddedPostgresHandle | undefined;
  let dir: string | undefined;
  if (values.db === 'server') {
    adminUrl = process.env['OILA_BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  } else {
    dir = mkdtempSync(path.join(tmpdir(), 'oila-bench-'));
    embedded = await startEmbeddedPostgres({ dataDir: dir });
    const c = embedded.connection;
    adminUrl = `postgresql://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@localhost:${c.port}/postgres?host=${encodeURIComponent(c.host)}`;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), admin: adminUrl, ...(embedded ? { embedded } : {}), ...(dir ? { dir } : {}) };
}

async function closeTarget(t: Target) {
  const name = new URL(t.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: t.admin });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await t.embedded?.stop();
  if (t.dir) rmSync(t.dir, { recursive: true, force: true });
}

const LOAD_TABLES = ['person', 'household', 'household_member', 'person_match_key', 'person_match_fold'];

/** Drops secondary indexes and the key tables' constraints for the load; returns the statements that rebuild them. */
async function dropForLoad(client: pg.PoolClient): Promise<string[]> {
  const rebuild: string[] = [];
  const cons = await client.query<{ table: string; name: string; def: string }>(`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c WHERE c.conrelid::regclass::text = ANY($1) AND c.contype IN ('p', 'u', 'f')
      AND NOT (c.contype = 'p' AND c.conrelid::regclass::text IN ('person', 'household'))
    ORDER BY c.contype DESC`, [['person_match_key', 'person_match_fold', 'household_member']]);
  for (const c of cons.rows) {
    await client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`);
    rebuild.push(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
  }
  const idx = await client.query<{ name: string; def: string }>(`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`, [LOAD_TABLES]);
  for (const i of idx.rows) {
    await client.query(`DROP INDEX ${i.name}`);
    rebuild.unshift(i.def);
  }
  // Primary keys first (foreign keys need them), then the rest.
  return rebuild.sort((a, b) => Number(b.includes('PRIMARY KEY')) - Number(a.includes('PRIMARY KEY')));
}

async function insertRows(client: pg.PoolClient, table: string, columns: [string, string][], rows: unknown[][]) {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((r) => r[i]));
  const select = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await client.query(`INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')}) SELECT * FROM unnest(${select})`, arrays);
}

// ————— the load —————

interface World {
  orgId: string;
  branches: { id: string; region: string; districts: { id: string; mahallas: string[] }[]; workers: string[]; supervisor: string }[];
  director: string;
}

async function makeWorld(db: Db): Promise<World> {
  const org = await db.insertInto('organisation').values({ slug: `bench-${process.pid}`, name: 'Bench association' }).returning('id').executeTakeFirstOrThrow();
  const user = async (role: 'social_worker' | 'supervisor' | 'director', label: string, branchId: string | null) => {
    const totp = role === 'social_worker' ? null : 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const u = await db.insertInto('app_user').values({
      organisation_id: org.id, email: `${label}-${process.pid}@bench.oila`, display_name: label, password_hash: 'x', locale: 'en', disabled_at: null,
      totp_secret: totp, totp_enabled_at: totp ? new Date().toISOString() : null, totp_last_step: null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('role_assignment').values({ user_id: u.id, role, branch_id: branchId, programme: null, team_id: null }).execute();
    return u.id;
  };
  const branches: World['branches'] = [];
  for (let b = 0; b < 7; b++) {
    const code = `${process.pid}-${b}`;
    const region = (await db.insertInto('location').values({ kind: 'region', code: `R${code}`, parent_id: null, iso_code: null, name_en: `Region ${b}`, name_ru: `Регион ${b}`, name_uz_latn: `Viloyat ${b}`, name_uz_cyrl: `Вилоят ${b}` }).returning('id').executeTakeFirstOrThrow()).id;
    const branch = (await db.insertInto('branch').values({ organisation_id: org.id, code: `B${b}`, name_en: `Branch ${b}`, name_ru: `Филиал ${b}`, name_uz_latn: `Filial ${b}`, name_uz_cyrl: `Филиал ${b}`, region_id: region }).returning('id').executeTakeFirstOrThrow()).id;
    const districts = [];
    for (let d = 0; d < 8; d++) {
      const district = (await db.insertInto('location').values({ kind: 'district', code: `D${code}-${d}`, parent_id: region, iso_code: null, name_en: `District ${d}`, name_ru: `Район ${d}`, name_uz_latn: `Tuman ${d}`, name_uz_cyrl: `Туман ${d}` }).returning('id').executeTakeFirstOrThrow()).id;
      const mahallas = await db.insertInto('location').values(Array.from({ length: 40 }, (_, m) => ({ kind: 'mahalla' as const, code: `M${code}-${d}-${m}`, parent_id: district, iso_code: null, name_en: `Mahalla ${m}`, name_ru: `Махалля ${m}`, name_uz_latn: `Mahalla ${m}`, name_uz_cyrl: `Маҳалла ${m}` }))).returning('id').execute();
      districts.push({ id: district, mahallas: mahallas.map((m) => m.id) });
    }
    const workers = [];
    for (let w = 0; w < 20; w++) workers.push(await user('social_worker', `worker-${b}-${w}`, branch));
    branches.push({ id: branch, region, districts, workers, supervisor: await user('supervisor', `supervisor-${b}`, branch) });
  }
  return { orgId: org.id, branches, director: await user('director', 'director', null) };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const dateIn = (from: number, to: number) => `${from + Math.floor(rnd() * (to - from + 1))}-${pad2(1 + Math.floor(rnd() * 12))}-${pad2(1 + Math.floor(rnd() * 28))}`;

/** One family: parents and children of one household, and now and then a child registered twice. */
function family(world: World, serial: { n: number }): { people: NewRow[]; household: { id: string; name: string; branch: number; worker: string; region: string; district: string; mahalla: string }; members: [string, string, string, boolean][] } {
  const b = Math.floor(rnd() * world.branches.length);
  const branch = world.branches[b]!;
  const district = pick(branch.districts);
  const place = { branch: b, worker: pick(branch.workers), region: branch.region, district: district.id, mahalla: pick(district.mahallas) };
  const surname = pickCommon(SURNAME);
  const father = pickCommon(MALE);
  const soviet = chance(0.6);
  const people: NewRow[] = [];
  const members: [string, string, string, boolean][] = [];
  const hid = randomUUID();
  // Parents do not give two children one name (twins least of all).
  const taken = new Set<string>();
  const childName = (sex: 'male' | 'female') => {
    let name = pickCommon(sex === 'male' ? MALE : FEMALE);
    while (taken.has(name)) name = pick(sex === 'male' ? MALE : FEMALE);
    taken.add(name);
    return name;
  };
  const add = (given: string, sex: 'male' | 'female', birthDate: string | null, patronymic: string | null, role: string, caregiver: boolean) => {
    const pinfl = birthDate && chance(0.25) ? makePinfl({ birthDate, sex, district: serial.n % 1000, serial: Math.floor(serial.n / 1000) % 1000 }) : null;
    serial.n += 1;
    const row: NewRow = { id: randomUUID(), ...place, given, family: sex === 'male' ? surname : feminine(surname), patronymic, sex, birthDate, estimated: chance(0.05), pinfl };
    people.push(row);
    members.push([hid, row.id, role, caregiver]);
    return row;
  };
  if (chance(0.85)) add(pickCommon(FEMALE), 'female', dateIn(1970, 1998), chance(0.7) ? patronymicOf(pickCommon(MALE), 'female', soviet) : null, 'mother', true);
  if (chance(0.6)) add(father, 'male', dateIn(1965, 1995), chance(0.7) ? patronymicOf(pickCommon(MALE), 'male', soviet) : null, 'father', false);
  const children = 1 + Math.floor(rnd() * 4);
  for (let c = 0; c < children; c++) {
    const sex = chance(0.5) ? 'male' : 'female';
    const dob = dateIn(2005, 2023);
    const child = add(childName(sex), sex, chance(0.04) ? null : dob, chance(0.4) ? patronymicOf(father, sex, soviet) : null, 'child', false);
    if (chance(0.03)) add(childName(sex), sex, child.birthDate, child.patronymic, 'twin', false);
  }
  return { people, household: { id: hid, name: `${surname}lar`, ...place }, members };
}

/** A second registration of one person: another spelling, maybe a suffix, the date as a worker typed it. */
function reRegistration(p: NewRow): NewRow {
  const r = rnd();
  const birthDate = !p.birthDate ? null : r < 0.7 ? p.birthDate : r < 0.8 ? `${p.birthDate.slice(0, 4)}-01-01` : r < 0.9 ? `${p.birthDate.slice(0, 8)}${pad2(Math.min(28, Number(p.birthDate.slice(8)) + 1))}` : null;
  return { ...p, id: randomUUID(), given: suffixed(variant(p.given), p.sex), family: variant(p.family), patronymic: chance(0.5) ? null : p.patronymic, birthDate, estimated: r >= 0.7 && r < 0.8, pinfl: null };
}

/** Pairs of records of one person: the ground truth of the scan. */
const truth = new Set<string>();

async function load(db: Db, pool: pg.Pool, world: World) {
  const client = await pool.connect();
  await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");
  const rebuild = await dropForLoad(client);
  const serial = { n: 0 };
  let total = 0;
  let dups = 0;
  const started = performance.now();
  const PERSON_COLS: [string, string][] = [['id', 'uuid'], ['organisation_id', 'uuid'], ['branch_id', 'uuid'], ['assigned_worker_id', 'uuid'], ['given_name', 'text'],
    ['family_name', 'text'], ['patronymic', 'text'], ['name_script', 'text'], ['given_name_alt', 'text'], ['family_name_alt', 'text'], ['patronymic_alt', 'text'],
    ['search_fold', 'text'], ['sex', 'text'], ['birth_date', 'date'], ['birth_date_estimated', 'bool'], ['pinfl', 'text'], ['region_id', 'uuid'], ['district_id', 'uuid'],
    ['mahalla_id', 'uuid'], ['created_by', 'uuid']];
  while (total < N) {
    const people: unknown[][] = [];
    const keys: unknown[][] = [];
    const folds: unknown[][] = [];
    const households: unknown[][] = [];
    const members: unknown[][] = [];
    while (people.length < 5000 && total < N) {
      const f = family(world, serial);
      const all = [...f.people];
      for (const p of f.people) {
        if (!chance(0.02)) continue;
        const again = reRegistration(p);
        all.push(again);
        truth.add([p.id, again.id].sort().join('+'));
      }
      households.push([f.household.id, world.orgId, world.branches[f.household.branch]!.id, f.household.worker, f.household.name, searchFold(f.household.name),
        f.household.region, f.household.district, f.household.mahalla, f.household.worker]);
      for (const [h, p, role, c] of f.members) members.push([h, p, role === 'twin' ? 'child' : role, c]);
      for (const p of all) {
        if (total >= N) break;
        total += 1;
        if (!f.people.includes(p)) dups += 1;
        // Written in Cyrillic by some workers, Latin (with its variants) by others.
        const cyrl = chance(0.55);
        const write = (s: string | null) => (s === null ? null : cyrl ? uzLatnToCyrl(s) : variant(s));
        const names = nameColumns({ givenName: write(p.given)!, familyName: write(p.family)!, patronymic: write(p.patronymic) });
        people.push([p.id, world.orgId, world.branches[p.branch]!.id, p.worker, names.given_name, names.family_name, names.patronymic, names.name_script,
          names.given_name_alt, names.family_name_alt, names.patronymic_alt, names.search_fold, p.sex, p.birthDate, p.estimated, p.pinfl, p.region, p.district, p.mahalla, p.worker]);
        const data = personMatchData({ ...names, birth_date: p.birthDate, birth_date_estimated: p.estimated, pinfl: p.pinfl, birth_certificate: null });
        for (const k of data.keys) keys.push([world.orgId, k, p.id]);
        folds.push([p.id, world.orgId, data.fold, 1]);
      }
    }
    await insertRows(client, 'person', PERSON_COLS, people);
    await insertRows(client, 'person_match_key', [['organisation_id', 'uuid'], ['key', 'text'], ['person_id', 'uuid']], keys);
    await insertRows(client, 'person_match_fold', [['person_id', 'uuid'], ['organisation_id', 'uuid'], ['fold', 'text'], ['person_version', 'int4']], folds);
    await insertRows(client, 'household', [['id', 'uuid'], ['organisation_id', 'uuid'], ['branch_id', 'uuid'], ['assigned_worker_id', 'uuid'], ['display_name', 'text'], ['search_fold', 'text'],
      ['region_id', 'uuid'], ['district_id', 'uuid'], ['mahalla_id', 'uuid'], ['created_by', 'uuid']], households);
    const known = new Set(people.map((r) => r[0]));
    await insertRows(client, 'household_member', [['household_id', 'uuid'], ['person_id', 'uuid'], ['relationship', 'text'], ['is_primary_caregiver', 'bool']], members.filter((m) => known.has(m[1])));
    if (total % 100_000 < 5000) log(`loaded ${total} people (${Math.round((total / (performance.now() - started)) * 1000)}/s)`);
  }
  const loadMs = performance.now() - started;
  log('rebuilding indexes and constraints');
  const idxStart = performance.now();
  for (const stmt of rebuild) await client.query(stmt);
  const indexMs = performance.now() - idxStart;
  log('vacuum analyze');
  for (const t of LOAD_TABLES) await client.query(`VACUUM ANALYZE ${t}`);
  const keysCount = Number((await client.query('SELECT count(*) AS n FROM person_match_key')).rows[0].n);
  client.release();
  return { loadMs, indexMs, dups, keysCount };
}

// ————— measurements —————

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function clientAs(baseUrl: string, db: Db, userId: string) {
  const c = await new TestClient(baseUrl).init();
  c.cookies.set('oila_session', await createSession(db, userId, 'active'));
  return c;
}

let lastQuery: unknown;

async function main() {
  const wall = performance.now();
  log(`making a throwaway ${values.db} database`);
  const target = await openTarget();
  const pool = createPool({ connectionString: target.url }, 6);
  const db = createDb(pool);
  const rows: [string, string][] = [];
  const push = rows.push.bind(rows);
  rows.push = (...items: [string, string][]) => {
    for (const [k, v] of items) log(`${k}: ${v}`);
    return push(...items);
  };
  try {
    await migrateToLatest(db);
    const world = await makeWorld(db);
    log(`loading ${N} people`);
    const loaded = await load(db, pool, world);
    if (values.keep) {
      // The ground truth lives only in this process: kept with the database, other scans of it can be judged too.
      await sql`CREATE TABLE bench_truth (pair text PRIMARY KEY)`.execute(db);
      await sql`INSERT INTO bench_truth SELECT unnest(${[...truth]}::text[])`.execute(db);
    }
    rows.push(['people (of which registered twice)', `${N} (${loaded.dups})`], ['match keys', String(loaded.keysCount)],
      ['load (multi-row INSERT … unnest, keys computed in Node)', `${(loaded.loadMs / 1000).toFixed(1)} s`], ['index and constraint rebuild', `${(loaded.indexMs / 1000).toFixed(1)} s`]);

    const app = await buildApp({ db, secrets: new SecretBox(randomBytes(32)), logLevel: 'silent' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const branch = world.branches[0]!;
    const worker = branch.workers[0]!;
    const asWorker = await clientAs(baseUrl, db, worker);
    const asDirector = await clientAs(baseUrl, db, world.director);
    const asSupervisor = await clientAs(baseUrl, db, branch.supervisor);

    // Registration checks: a person of the worker's caseload typed again, in another script or spelling.
    const sample = await db.selectFrom('person').select(['id', 'given_name', 'family_name', 'given_name_alt', 'family_name_alt', 'birth_date', 'sex', 'assigned_worker_id'])
      .where('assigned_worker_id', '=', worker).where('archived_at', 'is', null).orderBy(sqlRandom()).limit(Number(values.lookups)).execute();
    for (const [label, client] of [['social worker (caseload)', asWorker], [`supervisor (branch of ${Math.round(N / 7)})`, asSupervisor]] as const) {
      const times: number[] = [];
      let found = 0;
      for (const p of sample) {
        const given = p.given_name_alt && chance(0.5) ? p.given_name_alt : p.given_name;
        const familyName = p.family_name_alt && chance(0.5) ? p.family_name_alt : p.family_name;
        const query = { givenName: variant(suffixed(given, p.sex)), familyName: variant(familyName), sex: p.sex, birthDate: p.birth_date };
        lastQuery = query;
        const [res, ms] = await timed(() => client.post('/api/people/duplicates/check', query));
        if (res.status !== 200) throw new Error(`check answered ${res.status}: ${JSON.stringify(res.body)}`);
        times.push(ms);
        if (res.body.candidates.slice(0, 5).some((c: { person: { id: string } }) => c.person.id === p.id)) found += 1;
        else if (process.env['BENCH_DEBUG']) log(`not found: ${p.given_name} ${p.family_name} ${p.birth_date} as ${JSON.stringify(lastQuery)} → ${JSON.stringify(res.body.candidates.slice(0, 2).map((c: { person: { givenName: string; familyName: string }; score: number }) => [c.person.givenName, c.person.familyName, c.score]))}`);
      }
      rows.push([`registration check, ${label}: p50 / p95 / max (${times.length} look-ups)`, `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} / ${Math.max(...times).toFixed(1)} ms`]);
      rows.push([`  … the person typed again found in the top 5`, `${((found / sample.length) * 100).toFixed(1)} %`]);
    }

    // A registration of someone new: a fresh name, nothing to find (most registrations).
    {
      const times: number[] = [];
      for (let i = 0; i < sample.length; i++) {
        const sex = chance(0.5) ? 'male' : 'female';
        const query = { givenName: pickCommon(sex === 'male' ? MALE : FEMALE), familyName: pickCommon(SURNAME), sex, birthDate: dateIn(2005, 2023) };
        const [res, ms] = await timed(() => asSupervisor.post('/api/people/duplicates/check', query));
        if (res.status !== 200) throw new Error(`check answered ${res.status}: ${JSON.stringify(res.body)}`);
        times.push(ms);
      }
      rows.push([`registration check of a new person, supervisor: p50 / p95 / max (${times.length})`, `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} / ${Math.max(...times).toFixed(1)} ms`]);
    }

    // Search as you type: 3–8 letters of a name, in the script it was written in or the other.
    const names = await db.selectFrom('person').select(['given_name', 'family_name', 'given_name_alt', 'family_name_alt']).orderBy(sqlRandom()).limit(Number(values.searches)).execute();
    for (const [label, client] of [['social worker', asWorker], ['director', asDirector]] as const) {
      const times: number[] = [];
      let hits = 0;
      for (const n of names) {
        const word = pick([n.given_name, n.family_name, n.given_name_alt ?? n.given_name, n.family_name_alt ?? n.family_name]);
        const q = word.slice(0, 3 + Math.floor(rnd() * 6));
        const [res, ms] = await timed(() => client.post('/api/search', { q }));
        if (res.status !== 200) throw new Error(`search answered ${res.status}: ${JSON.stringify(res.body)}`);
        times.push(ms);
        if (res.body.people.length) hits += 1;
      }
      rows.push([`search as you type, ${label}: p50 / p95 / max (${times.length} prefixes of 3–8 letters)`, `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} / ${Math.max(...times).toFixed(1)} ms (${hits} with hits)`]);
    }
    await app.close();

    if (!values['no-scan']) {
      log('full scan');
      await db.insertInto('duplicate_scan').values({ organisation_id: world.orgId, started_by: world.director, cursor: null, error: null, started_at: null, heartbeat_at: null, finished_at: null }).execute();
      const batch = values['scan-batch'] ? Number(values['scan-batch']) : undefined;
      // How long the scan holds the event loop of the process that also serves requests.
      const loopDelay = monitorEventLoopDelay({ resolution: 5 });
      loopDelay.enable();
      const t0 = performance.now();
      // Time per phase, and per kind of block while matching (read from the scan's cursor after each step).
      const phases = new Map<string, number>();
      let phase = 'pending';
      let since = t0;
      let last = 0;
      let steps = 0;
      for (;;) {
        steps += 1;
        const step = await runScanStep(db, { organisationId: world.orgId, ...(batch ? { batchSize: batch } : {}) });
        const row = await db.selectFrom('duplicate_scan').select(['phase', 'cursor']).where('organisation_id', '=', world.orgId).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
        const now = performance.now();
        phases.set(phase, (phases.get(phase) ?? 0) + now - since);
        since = now;
        phase = row.phase === 'matching' && row.cursor ? `matching: ${(JSON.parse(row.cursor) as { stage: string }).stage}` : row.phase;
        if (!step || step.status === 'done') break;
        if (step.processed - last >= 100_000) {
          last = step.processed;
          log(`scanned ${step.processed}/${step.total} (${Math.round((step.processed / (performance.now() - t0)) * 1000)}/s)`);
        }
      }
      const scanMs = performance.now() - t0;
      loopDelay.disable();
      rows.push([`full scan (${steps} steps of ${batch ?? 'the default'} blocks, one transaction each)`, `${(scanMs / 1000).toFixed(1)} s (${Math.round(N / (scanMs / 1000))} people/s)`]);
      const matching = [...phases].filter(([p]) => p.startsWith('matching')).reduce((sum, [, ms]) => sum + ms, 0);
      rows.push(['  … indexing / matching', `${((phases.get('indexing') ?? 0) / 1000).toFixed(1)} s / ${(matching / 1000).toFixed(1)} s`]);
      rows.push(['  … event loop held: p99 / max', `${(loopDelay.percentile(99) / 1e6).toFixed(0)} / ${(loopDelay.max / 1e6).toFixed(0)} ms`]);
      rows.push(['  … matching by kind of block', [...phases].filter(([p]) => p.startsWith('matching: ')).map(([p, ms]) => `${p.slice(10)} ${(ms / 1000).toFixed(1)} s`).join(', ')]);
      const bands = await db.selectFrom('duplicate_pair').select(['band', (eb) => eb.fn.countAll<number>().as('n')]).where('organisation_id', '=', world.orgId).groupBy('band').execute();
      rows.push(['  … pairs found', bands.map((b) => `${b.n} ${b.band}`).join(', ') || 'none']);
      const found = await db.selectFrom('duplicate_pair').select(['person_a_id', 'person_b_id', 'band']).where('organisation_id', '=', world.orgId).execute();
      for (const band of ['likely', 'possible'] as const) {
        const inBand = found.filter((f) => f.band === band);
        const right = inBand.filter((f) => truth.has([f.person_a_id, f.person_b_id].sort().join('+'))).length;
        rows.push([`  … precision of \`${band}\` against the injected re-registrations`, `${(right / Math.max(1, inBand.length)).toFixed(3)} (${right} of ${inBand.length})`]);
      }
      const foundKeys = new Set(found.map((f) => [f.person_a_id, f.person_b_id].sort().join('+')));
      const recalled = [...truth].filter((k) => foundKeys.has(k)).length;
      rows.push(['  … re-registrations found (likely or possible)', `${(recalled / Math.max(1, truth.size)).toFixed(3)} (${recalled} of ${truth.size})`]);
      const common = await sql<{ reasons: string; n: number }>`SELECT reasons::text AS reasons, count(*)::int AS n FROM duplicate_pair WHERE organisation_id = ${world.orgId} GROUP BY 1 ORDER BY 2 DESC LIMIT 6`.execute(db);
      for (const c of common.rows) log(`pairs with reasons ${c.reasons.replace(/"effect": "(agree|disagree)"|"code": |[{}"]/g, '')}: ${c.n}`);
    }
  } finally {
    await db.destroy();
    if (values.keep) log(`kept ${target.url}`);
    else await closeTarget(target);
  }
  rows.push(['wall time', `${((performance.now() - wall) / 60000).toFixed(1)} min`]);
  console.log(`\nduplicates-scale on ${values.db === 'server' ? 'the PostgreSQL server' : 'embedded PostgreSQL'}, N = ${N}\n`);
  console.log('| measure | value |');
  console.log('| --- | --- |');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

function sqlRandom() {
  return sql`random()`;
}

await main();
