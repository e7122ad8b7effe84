/**
 * How long the busiest list and the period report take on a large registry.
 *
 *   npx tsx bench/casework-scale.ts [--families 10000] [--runs 30]
 *
 * Makes a throwaway embedded PostgreSQL (or uses DATABASE_URL, which must name
 * an empty database), seeds the demo organisation, generates the families in
 * SQL — each household with a mother and two children, a family case in a mix
 * of states, services, one-time assistance and referrals — then times the API
 * over HTTP as a supervisor and as a worker would call it. Prints a table of
 * p50/p95 in milliseconds.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { SecretBox } from '../src/server/platform/crypto/secret-box.ts';
import { readConfig } from '../src/server/config.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { seedDemo } from '../src/server/demo/demo-seed.ts';
import { createSession } from '../src/server/platform/auth/session.ts';
import { openDatabase } from '../src/server/start.ts';

const { values } = parseArgs({ options: { families: { type: 'string', default: '10000' }, runs: { type: 'string', default: '30' } } });
const FAMILIES = Number(values.families);
const RUNS = Number(values.runs);

const dataDir = mkdtempSync(path.join(tmpdir(), 'oila-bench-'));
chmodSync(dataDir, 0o755);
const database = await openDatabase({ ...readConfig(), dataDir });
const db = database.db;
const t0 = performance.now();
await migrateToLatest(db);
await seedDemo(db);

const org = await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow();
const worker = await db.selectFrom('app_user').select('id').where('email', '=', 'worker@demo.oila.uz').executeTakeFirstOrThrow();
const supervisor = await db.selectFrom('app_user').select('id').where('email', '=', 'supervisor@demo.oila.uz').executeTakeFirstOrThrow();
const tashkent = await db.selectFrom('branch').select('id').where('code', '=', 'TAS').executeTakeFirstOrThrow();

// Everything in Tashkent branch, so the supervisor's lists cover all of it; a third is the demo worker's own caseload.
await sql`
  INSERT INTO partner_organisation (organisation_id, kind, name, created_by)
  SELECT ${org.id}, (ARRAY['polyclinic','school','ngo','womens_committee'])[1 + g % 4], 'Partner ' || g, ${worker.id}
  FROM generate_series(1, 40) g`.execute(db);
await sql`
  INSERT INTO household (organisation_id, branch_id, assigned_worker_id, display_name, search_fold, created_by)
  SELECT ${org.id}, ${tashkent.id}, CASE WHEN g % 3 = 0 THEN ${worker.id}::uuid END, 'Bench family ' || g, 'bench family ' || g, ${worker.id}
  FROM generate_series(1, ${FAMILIES}) g`.execute(db);
await sql`
  INSERT INTO person (organisation_id, branch_id, assigned_worker_id, given_name, family_name, name_script, search_fold, sex, birth_date, created_by)
  SELECT h.organisation_id, h.branch_id, h.assigned_worker_id,
         (ARRAY['Dilnoza','Aziz','Madina','Shohrux','Nigora','Bobur','Sitora','Jasur'])[1 + (r.n + k) % 8],
         'Benchov' || r.n, 'latn',
         lower((ARRAY['Dilnoza','Aziz','Madina','Shohrux','Nigora','Bobur','Sitora','Jasur'])[1 + (r.n + k) % 8] || ' benchov' || r.n),
         CASE WHEN k = 0 THEN 'female' WHEN (r.n + k) % 2 = 0 THEN 'female' ELSE 'male' END,
         CASE WHEN k = 0 THEN date '1985-01-01' + (r.n % 3000) ELSE date '2008-01-01' + ((r.n * k) % 5000) END,
         h.created_by
  FROM (SELECT id, organisation_id, branch_id, assigned_worker_id, created_by, row_number() OVER (ORDER BY id)::int AS n FROM household WHERE display_name LIKE 'Bench family %') h
  CROSS JOIN generate_series(0, 2) k
  CROSS JOIN LATERAL (SELECT h.n) r`.execute(db);
await sql`
  INSERT INTO household_member (household_id, person_id, relationship, is_primary_caregiver)
  SELECT h.id, p.id, CASE WHEN p.birth_date < date '2000-01-01' THEN 'mother' ELSE 'child' END, p.birth_date < date '2000-01-01'
  FROM household h JOIN person p ON p.family_name = 'Benchov' || substr(h.display_name, 14)
  WHERE h.display_name LIKE 'Bench family %'`.execute(db);
await sql`
  INSERT INTO family_case (organisation_id, branch_id, assigned_worker_id, household_id, status, referral_source, referral_date, risk_level,
                           opened_on, enrolled_on, plan_approved_on, last_reviewed_on, exited_on, exit_reason, created_by)
  SELECT h.organisation_id, h.branch_id, h.assigned_worker_id, h.id, s.status,
         (ARRAY['mahalla_team','womens_committee','school','polyclinic','self'])[1 + n % 5],
         date '2024-01-01' + (n % 600), (ARRAY['none','low','medium','high'])[1 + n % 4],
         date '2024-01-01' + (n % 600),
         CASE WHEN s.status NOT IN ('referred','screening','not_eligible') THEN date '2024-01-15' + (n % 600) END,
         CASE WHEN s.status IN ('plan_approved','active','graduation_review','exited') THEN date '2024-02-15' + (n % 600) END,
         CASE WHEN s.status IN ('active','graduation_review') THEN date '2024-06-01' + (n % 400) END,
         CASE WHEN s.status = 'exited' THEN date '2025-01-01' + (n % 300) END,
         CASE WHEN s.status = 'exited' THEN (ARRAY['self_reliant','self_reliant','moved_away','declined','lost_contact'])[1 + n % 5] END,
         h.created_by
  FROM (SELECT *, row_number() OVER (ORDER BY id)::int AS n FROM household WHERE display_name LIKE 'Bench family %') h
  CROSS JOIN LATERAL (SELECT (ARRAY['referred','screening','enrolled','assessed','plan_approved','active','active','active','graduation_review','exited'])[1 + h.n % 10] AS status) s`.execute(db);
await sql`
  INSERT INTO service_delivery (organisation_id, case_id, service_type, provider_kind, delivered_on, units, unit, cost_uzs, created_by, updated_by)
  SELECT c.organisation_id, c.id,
         (ARRAY['educational','medical','psychological','social','legal','parenting_skills','economic_vocational_training','day_care'])[1 + (k + c.n) % 8],
         'internal', date '2024-03-01' + ((c.n + k * 37) % 700), 1 + k % 3, 'session', 50000 * (1 + k % 4), c.created_by, c.created_by
  FROM (SELECT *, row_number() OVER (ORDER BY id)::int AS n FROM family_case WHERE status NOT IN ('referred','screening')) c
  CROSS JOIN generate_series(1, 5) k`.execute(db);
await sql`
  INSERT INTO one_time_assistance (organisation_id, case_id, kind, item, value_uzs, given_on, created_by, updated_by)
  SELECT organisation_id, id, CASE WHEN n % 2 = 0 THEN 'cash' ELSE 'in_kind' END, CASE WHEN n % 2 = 0 THEN NULL ELSE 'School kit' END,
         300000 + (n % 10) * 10000, date '2024-04-01' + (n % 600), created_by, created_by
  FROM (SELECT *, row_number() OVER (ORDER BY id)::int AS n FROM family_case) c WHERE n % 3 = 0`.execute(db);
await sql`ANALYZE`.execute(db);
const counts = await sql<{ t: string; n: number }>`
  SELECT 'households' AS t, count(*)::int AS n FROM household UNION ALL SELECT 'people', count(*)::int FROM person
  UNION ALL SELECT 'family cases', count(*)::int FROM family_case UNION ALL SELECT 'service deliveries', count(*)::int FROM service_delivery
  UNION ALL SELECT 'one-time assistance', count(*)::int FROM one_time_assistance`.execute(db);
const setupSeconds = ((performance.now() - t0) / 1000).toFixed(1);

const app = await buildApp({ db, secrets: new SecretBox(randomBytes(32)), logLevel: 'warn' });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const cookie = async (userId: string) => `oila_session=${await createSession(db, userId, 'active')}; oila_csrf=bench`;
const sessions = { supervisor: await cookie(supervisor.id), worker: await cookie(worker.id) };

async function time(label: string, who: keyof typeof sessions, method: string, url: string, body?: unknown) {
  const ms: number[] = [];
  let status = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const started = performance.now();
    const res = await fetch(base + url, { method, headers: { cookie: sessions[who], 'x-csrf-token': 'bench', 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    await res.arrayBuffer();
    status = res.status;
    if (i >= 3) ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  return { label, status, p50: pct(0.5), p95: pct(0.95) };
}

const rows = [
  await time('case list, supervisor, page 1 (25)', 'supervisor', 'POST', '/api/cases/search', { page: 1, pageSize: 25 }),
  await time('case list, supervisor, active + high risk', 'supervisor', 'POST', '/api/cases/search', { status: ['active'], riskLevel: ['high'], page: 1, pageSize: 25 }),
  await time("case list, worker's caseload", 'worker', 'POST', '/api/cases/search', { page: 1, pageSize: 25 }),
  await time('people search "benchov12"', 'supervisor', 'POST', '/api/people/search', { q: 'benchov12', page: 1, pageSize: 25 }),
  await time('case list, supervisor, overdue only', 'supervisor', 'POST', '/api/cases/search', { overdue: true, page: 1, pageSize: 25 }),
  await time('supervisor dashboard', 'supervisor', 'GET', '/api/cases/dashboard'),
  await time("worker's my-work", 'worker', 'GET', '/api/cases/my-work'),
  await time('period report, 2024–2025, all branches', 'supervisor', 'POST', '/api/reports/family-strengthening', { from: '2024-01-01', to: '2025-12-31' }),
];
await app.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(`\n${counts.rows.map((r) => `${r.n} ${r.t}`).join(', ')} (generated in ${setupSeconds} s)\n`);
console.log('request                                     status   p50 ms   p95 ms');
for (const r of rows) console.log(`${r.label.padEnd(44)}${String(r.status).padStart(6)}${r.p50.padStart(9)}${r.p95.padStart(9)}`);
