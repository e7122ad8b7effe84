import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { auditsOf, download } from '../../../../test/support/casework.ts';

/**
 * The family strengthening report on a dataset of its own, with every
 * figure worked out by hand. Period: 1 January – 30 June 2025.
 *
 * | case | branch | enrolled   | exited              | counted as supported |
 * | C1   | A      | 2024-10-01 | —                   | yes                  |
 * | C2   | A      | 2025-03-10 | 2025-06-01 self-rel.| yes (83 days)        |
 * | C3   | A      | 2024-01-15 | 2025-02-14 moved    | yes (396 days)       |
 * | C4   | A      | 2024-01-01 | 2024-12-31          | no (exited before)   |
 * | C5   | A      | 2025-07-15 | —                   | no (enrolled after)  |
 * | C6   | A      | —          | —                   | no (only referred)   |
 * | C7   | B      | 2025-01-05 | 2025-05-05 self-rel.| yes (120 days)       |
 */
let t: TestApp;
let org: OrgFixture;
let other: OrgFixture;
let director: TestClient;
let supervisor: TestClient;
let me: TestClient;
let partnerId: string;
const period = { from: '2025-01-01', to: '2025-06-30' };
const c = {} as Record<'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7', string>;
const familyNames: string[] = [];

async function household(db: Db, o: OrgFixture, branch: string, name: string, members: { sex: 'female' | 'male'; birth: string; left?: string }[]): Promise<{ id: string; people: string[] }> {
  const by = o.users.supervisor.id;
  const h = await db.insertInto('household').values({
    organisation_id: o.organisationId, branch_id: branch, team_id: null, assigned_worker_id: null, display_name: name, search_fold: name.toLowerCase(),
    region_id: null, district_id: null, mahalla_id: null, address_line: null, phone: null, notes: null, archived_at: null, archive_reason: null, created_by: by,
  }).returning('id').executeTakeFirstOrThrow();
  familyNames.push(name);
  const people: string[] = [];
  for (const [i, m] of members.entries()) {
    const p = await db.insertInto('person').values({
      organisation_id: o.organisationId, branch_id: branch, team_id: null, assigned_worker_id: null, given_name: `${name} member ${i}`, family_name: name,
      patronymic: null, name_script: 'latn', given_name_alt: null, family_name_alt: null, patronymic_alt: null, search_fold: name.toLowerCase(), sex: m.sex,
      birth_date: m.birth, birth_date_estimated: false, disability: false, special_needs: null, health_notes: null, pinfl: null, birth_certificate: null,
      phone: null, region_id: null, district_id: null, mahalla_id: null, address_line: null, archived_at: null, archive_reason: null, created_by: by,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('household_member').values({ household_id: h.id, person_id: p.id, relationship: i === 0 ? 'mother' : 'child', is_primary_caregiver: i === 0, joined_on: '2020-01-01', left_on: m.left ?? null }).execute();
    people.push(p.id);
  }
  return { id: h.id, people };
}

async function familyCase(db: Db, o: OrgFixture, branch: string, householdId: string, s: { status: 'referred' | 'enrolled' | 'active' | 'exited'; enrolled?: string; exited?: string; reason?: 'self_reliant' | 'moved_away' }) {
  return (await db.insertInto('family_case').values({
    organisation_id: o.organisationId, branch_id: branch, team_id: null, assigned_worker_id: branch === o.branchA ? o.users.social_worker.id : o.workerB.id,
    household_id: householdId, status: s.status, suspended_from: null, referral_source: 'mahalla_team', referral_date: '2023-12-01', referral_note: null,
    status_reason: null, opened_on: '2023-12-01', enrolled_on: s.enrolled ?? null, plan_approved_on: null, last_reviewed_on: null, exited_on: s.exited ?? null,
    exit_reason: s.reason ?? null, exit_note: null, follow_up_on: null, follow_up_outcome: null, created_by: o.users.supervisor.id,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

async function service(db: Db, o: OrgFixture, caseId: string, type: 'psychological' | 'educational' | 'parenting_skills' | 'economic_job_placement' | 'medical', on: string, units: string, cost: string | null) {
  await db.insertInto('service_delivery').values({
    organisation_id: o.organisationId, case_id: caseId, service_type: type, provider_kind: 'internal', partner_id: null, provider_name: null, delivered_on: on,
    units, unit: 'session', cost_uzs: cost, project_code: 'EU-VCPM', group_session_id: null, session_title: null, notes: null, created_by: o.users.supervisor.id, updated_by: o.users.supervisor.id,
  }).execute();
}

async function assistance(db: Db, o: OrgFixture, caseId: string, kind: 'cash' | 'in_kind', value: string, on: string) {
  await db.insertInto('one_time_assistance').values({
    organisation_id: o.organisationId, case_id: caseId, kind, item: kind === 'in_kind' ? 'Winter coats' : null, value_uzs: value, project_code: null, given_on: on,
    person_id: null, notes: null, created_by: o.users.supervisor.id, updated_by: o.users.supervisor.id,
  }).execute();
}

async function referral(db: Db, o: OrgFixture, caseId: string, personId: string, r: { status: 'draft' | 'sent' | 'accepted' | 'rejected' | 'completed' | 'revoked'; sent?: string; answered?: string; completed?: string; revoked?: string }) {
  await db.insertInto('referral').values({
    organisation_id: o.organisationId, case_id: caseId, partner_id: partnerId, person_id: personId, reason: 'Report dataset', data_categories: ['identity'],
    status: r.status, sent_on: r.sent ?? null, consent_id: null, consent_override_reason: r.sent ? 'Dataset' : null, consent_override_by: r.sent ? o.users.supervisor.id : null,
    answered_on: r.answered ?? null, answer_note: null, completed_on: r.completed ?? null, outcome_note: r.completed ? 'Done' : null,
    revoked_on: r.revoked ?? null, revoke_reason: r.revoked ? 'Moved' : null, created_by: o.users.supervisor.id, updated_by: o.users.supervisor.id,
  }).execute();
}

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  other = await makeOrganisation(t.db);
  // The monitoring officer reads Uzbek Cyrillic: exported headers follow.
  await t.db.updateTable('app_user').set({ locale: 'uz-Cyrl' }).where('id', '=', org.users.me_officer.id).execute();
  director = await clientFor(t.baseUrl, t.db, org.users.director);
  supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
  partnerId = (await t.db.insertInto('partner_organisation').values({
    organisation_id: org.organisationId, kind: 'ngo', name: 'Report partner', district_id: null, address: null, phone: null, email: null, notes: null,
    archived_at: null, archive_reason: null, created_by: org.users.supervisor.id,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const db = t.db;
  const A = org.branchA;
  const B = org.branchB;
  // H1: a girl (13) and a boy who turns 18 on 1 February 2025 count; the adult son does not.
  const h1 = await household(db, org, A, 'Report family one', [{ sex: 'female', birth: '1985-01-01' }, { sex: 'female', birth: '2012-03-01' }, { sex: 'male', birth: '2007-02-01' }, { sex: 'male', birth: '2005-01-01' }]);
  // H2: a boy, and a girl born during the period.
  const h2 = await household(db, org, A, 'Report family two', [{ sex: 'female', birth: '1990-01-01' }, { sex: 'male', birth: '2020-05-05' }, { sex: 'female', birth: '2025-04-01' }]);
  // H3: a girl; another child left the household before the period.
  const h3 = await household(db, org, A, 'Report family three', [{ sex: 'male', birth: '1980-01-01' }, { sex: 'female', birth: '2010-10-10' }, { sex: 'male', birth: '2011-11-11', left: '2024-12-31' }]);
  const h4 = await household(db, org, A, 'Report family four', [{ sex: 'female', birth: '2015-01-01' }]);
  const h5 = await household(db, org, A, 'Report family five', [{ sex: 'female', birth: '2016-01-01' }]);
  const h6 = await household(db, org, A, 'Report family six', [{ sex: 'female', birth: '2017-01-01' }]);
  const h7 = await household(db, org, B, 'Report family seven', [{ sex: 'female', birth: '1992-01-01' }, { sex: 'male', birth: '2015-06-06' }]);
  c.C1 = await familyCase(db, org, A, h1.id, { status: 'active', enrolled: '2024-10-01' });
  c.C2 = await familyCase(db, org, A, h2.id, { status: 'exited', enrolled: '2025-03-10', exited: '2025-06-01', reason: 'self_reliant' });
  c.C3 = await familyCase(db, org, A, h3.id, { status: 'exited', enrolled: '2024-01-15', exited: '2025-02-14', reason: 'moved_away' });
  c.C4 = await familyCase(db, org, A, h4.id, { status: 'exited', enrolled: '2024-01-01', exited: '2024-12-31', reason: 'moved_away' });
  c.C5 = await familyCase(db, org, A, h5.id, { status: 'enrolled', enrolled: '2025-07-15' });
  c.C6 = await familyCase(db, org, A, h6.id, { status: 'referred' });
  c.C7 = await familyCase(db, org, B, h7.id, { status: 'exited', enrolled: '2025-01-05', exited: '2025-05-05', reason: 'self_reliant' });

  await service(db, org, c.C1, 'psychological', '2025-01-10', '1', '150000');
  await service(db, org, c.C1, 'psychological', '2025-02-10', '2', '150000.50');
  await service(db, org, c.C1, 'educational', '2024-12-31', '1', '99999');
  await service(db, org, c.C2, 'parenting_skills', '2025-04-01', '3', null);
  await service(db, org, c.C2, 'economic_job_placement', '2025-05-01', '1', '0');
  await service(db, org, c.C7, 'medical', '2025-03-03', '1', '200000');

  await assistance(db, org, c.C1, 'cash', '500000', '2025-02-01');
  await assistance(db, org, c.C3, 'in_kind', '850000.50', '2025-01-20');
  await assistance(db, org, c.C2, 'cash', '100000', '2025-07-01');

  await referral(db, org, c.C1, h1.people[1]!, { status: 'completed', sent: '2025-01-15', answered: '2025-01-20', completed: '2025-03-01' });
  await referral(db, org, c.C1, h1.people[2]!, { status: 'completed', sent: '2024-12-20', answered: '2025-01-05', completed: '2025-07-10' });
  await referral(db, org, c.C2, h2.people[1]!, { status: 'rejected', sent: '2025-04-01', answered: '2025-04-05' });
  await referral(db, org, c.C3, h3.people[1]!, { status: 'revoked', sent: '2025-02-01', answered: '2025-02-03', revoked: '2025-02-10' });
  await referral(db, org, c.C2, h2.people[0]!, { status: 'draft' });

  // Another organisation's active case must never count.
  const foreign = await household(db, other, other.branchA, 'Foreign family', [{ sex: 'male', birth: '2014-01-01' }]);
  const fc = await familyCase(db, other, other.branchA, foreign.id, { status: 'active', enrolled: '2024-05-01' });
  await service(db, other, fc, 'psychological', '2025-01-10', '5', '1000000');
});
afterAll(async () => t.close());

const zeroServices = { educational: 0, medical: 0, psychological: 0, social: 0, legal: 0, parenting_skills: 0, economic_vocational_training: 0, economic_job_placement: 0, economic_small_business: 0, day_care: 0 };

describe('the family strengthening report', () => {
  it('computes every figure from the records of the whole organisation for a director', async () => {
    const res = await director.post('/api/reports/family-strengthening', period);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { generatedAt, services, ...rest } = res.body;
    expect(Date.parse(generatedAt)).not.toBeNaN();
    expect(rest).toEqual({
      period, branchId: null,
      familiesSupported: 4,
      casesSupported: 4,
      children: { total: 6, female: 3, male: 3 },
      assistance: { count: 2, valueUzs: '1350000.50', byKind: [{ kind: 'cash', count: 1, valueUzs: '500000.00' }, { kind: 'in_kind', count: 1, valueUzs: '850000.50' }] },
      referrals: { sent: 3, accepted: 3, completed: 1 },
      exits: {
        total: 3,
        byReason: [
          { reason: 'self_reliant', count: 2 }, { reason: 'moved_away', count: 1 }, { reason: 'declined', count: 0 }, { reason: 'no_longer_eligible', count: 0 },
          { reason: 'transferred', count: 0 }, { reason: 'entered_alternative_care', count: 0 }, { reason: 'lost_contact', count: 0 }, { reason: 'death', count: 0 }, { reason: 'other', count: 0 },
        ],
        selfReliantShare: 0.6667,
      },
      averageDaysEnrolmentToExit: 199.7,
    });
    expect(Object.fromEntries(services.byType.map((s: { serviceType: string; count: number }) => [s.serviceType, s.count]))).toEqual({ ...zeroServices, psychological: 2, parenting_skills: 1, economic_job_placement: 1, medical: 1 });
    expect(services.byType.find((s: { serviceType: string }) => s.serviceType === 'psychological')).toEqual({ serviceType: 'psychological', count: 2, units: 3, costUzs: '300000.50' });
    expect(services.byType.find((s: { serviceType: string }) => s.serviceType === 'parenting_skills')).toEqual({ serviceType: 'parenting_skills', count: 1, units: 3, costUzs: '0.00' });
    expect(services.total).toEqual({ count: 5, units: 8, costUzs: '500000.50' });
    const audit = (await auditsOf(t.db, org.organisationId, 'report.family_strengthening')).at(-1)!;
    expect(audit.details).toEqual({ filters: { from: period.from, to: period.to, branchId: null } });
  });

  it("gives a supervisor their branch's figures only, and the same to anyone asking for that branch", async () => {
    const res = await supervisor.post('/api/reports/family-strengthening', period);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      familiesSupported: 3, children: { total: 5, female: 3, male: 2 }, services: { total: { count: 4, units: 7, costUzs: '300000.50' } },
      exits: { total: 2, selfReliantShare: 0.5 }, averageDaysEnrolmentToExit: 239.5, referrals: { sent: 3, accepted: 3, completed: 1 },
    });
    const forA = await director.post('/api/reports/family-strengthening', { ...period, branchId: org.branchA });
    expect(forA.body).toMatchObject({ branchId: org.branchA, familiesSupported: 3, averageDaysEnrolmentToExit: 239.5 });
    const forB = await director.post('/api/reports/family-strengthening', { ...period, branchId: org.branchB });
    expect(forB.body).toMatchObject({ familiesSupported: 1, children: { total: 1 }, exits: { total: 1, selfReliantShare: 1 }, averageDaysEnrolmentToExit: 120 });
    const refused = await supervisor.post('/api/reports/family-strengthening', { ...period, branchId: org.branchB });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ path: ['branchId'], code: 'invalid_value' }]);
  });

  it('answers with zeros for an empty period and refuses a period that ends before it starts', async () => {
    const empty = await director.post('/api/reports/family-strengthening', { from: '2019-01-01', to: '2019-12-31' });
    expect(empty.body).toMatchObject({ familiesSupported: 0, children: { total: 0 }, exits: { total: 0, selfReliantShare: null }, averageDaysEnrolmentToExit: null, assistance: { valueUzs: '0.00' } });
    const backwards = await director.post('/api/reports/family-strengthening', { from: '2025-06-30', to: '2025-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual([{ path: ['to'], code: 'invalid_date' }]);
  });

  it('is for supervisors, directors and monitoring only', async () => {
    for (const role of ['social_worker', 'partner', 'donor_viewer', 'admin', 'editor'] as const) {
      const client = await clientFor(t.baseUrl, t.db, org.users[role]);
      expect((await client.post('/api/reports/family-strengthening', period)).status, role).toBe(403);
    }
    expect((await me.post('/api/reports/family-strengthening', period)).body.familiesSupported).toBe(4);
  });
});

/** Reads CSV (RFC 4180) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += ch;
  }
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<(string | number | Date | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: (string | number | Date | null)[][] = [];
  sheet.eachRow((r) => rows.push((r.values as (string | number | Date | null)[]).slice(1)));
  return rows;
}

describe('exports', () => {
  it('exports the report as CSV in the caller’s language, as an attachment, audited with its filters', async () => {
    const res = await download(me, 'POST', '/api/reports/family-strengthening/export', { ...period, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="family-strengthening-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = res.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['Бўлим', 'Кўрсаткич', 'Ўлчов', 'Қиймат']);
    expect(rows).toContainEqual(['Оилалар', 'Қўллаб-қувватланган оилалар', 'Сони', '4']);
    expect(rows).toContainEqual(['Хизматлар', 'Психологик', 'Қиймати, сўм', '300000.50']);
    expect(rows).toContainEqual(['Дастурдан чиқиш', 'Мустақил бўлиб чиққанлар улуши, %', '', '66.67']);
    expect(rows).toContainEqual(['Дастурдан чиқиш', 'Ўзини ўзи таъминлайди, мақсадларга эришилди', 'Сони', '2']);
    const audit = (await auditsOf(t.db, org.organisationId, 'export')).at(-1)!;
    expect(audit).toMatchObject({ actor_user_id: org.users.me_officer.id, outcome: 'ok', details: { export: 'family_strengthening_report', format: 'csv', filters: { from: period.from, to: period.to, branchId: null } } });
  });

  it('exports the report as XLSX that reads back with the same figures', async () => {
    const res = await download(director, 'POST', '/api/reports/family-strengthening/export', { ...period, format: 'xlsx' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="family-strengthening-.*\.xlsx"$/);
    const rows = await readXlsx(res.bytes);
    expect(rows[0]).toEqual(['Section', 'Indicator', 'Measure', 'Value']);
    expect(rows).toContainEqual(['Families', 'Families supported', 'Number', 4]);
    expect(rows).toContainEqual(['Children', 'Children under 18 in these families', 'Number', 6]);
    expect(rows).toContainEqual(['Services', 'All services', 'Cost, UZS', 500000.5]);
    expect(rows).toContainEqual(['Referrals', 'Accepted', 'Number', 3]);
    expect(rows).toContainEqual(['Exits', 'Average days from enrolment to exit', undefined, 199.7]);
  });

  it('exports the case list for monitoring without names, and for a supervisor with them', async () => {
    const csv = await download(me, 'POST', '/api/reports/cases/export', { format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="cases-.*\.csv"$/);
    const text = csv.bytes.toString('utf8');
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['Ҳолат рақами', 'Оила коди', 'Филиал', 'Маҳалла жамоаси', 'Ҳолати', 'Хавф даражаси', 'Ким йўллаган', 'Йўлланма санаси', 'Очилган', 'Қабул қилинган', 'Режа тасдиқланган', 'Кейинги кўриб чиқиш', 'Чиққан сана', 'Чиқиш сабаби', 'Оила аъзолари', '18 ёшгача болалар']);
    expect(rows).toHaveLength(1 + 7);
    for (const name of familyNames) expect(text).not.toContain(name);
    expect(text).not.toContain('Foreign');
    const c2 = rows.find((r) => r[4] === 'exited' && r[13] === 'self_reliant' && r[2] === 'A')!;
    expect(c2.slice(-2)).toEqual(['3', '2']);

    const xlsx = await download(me, 'POST', '/api/reports/cases/export', { format: 'xlsx', status: ['exited'] });
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet[0]).not.toContain('Оила');
    expect(sheet[0]).not.toContain('Ижтимоий ходим');
    expect(sheet).toHaveLength(1 + 4);
    expect(JSON.stringify(sheet)).not.toMatch(/Report family/);
    expect(sheet.slice(1).every((r) => r[4] === 'exited')).toBe(true);
    expect(sheet[1]![12]).toBeInstanceOf(Date);

    const full = await download(supervisor, 'POST', '/api/reports/cases/export', { format: 'xlsx' });
    const supRows = await readXlsx(full.bytes);
    expect(supRows[0]).toEqual(expect.arrayContaining(['Family', 'Social worker']));
    expect(supRows).toHaveLength(1 + 6);
    expect(JSON.stringify(supRows)).toContain('Report family one');
    expect(JSON.stringify(supRows)).not.toContain('Report family seven');

    const audits = (await auditsOf(t.db, org.organisationId, 'export')).filter((a) => (a.details as { export?: string }).export === 'case_list');
    expect(audits.map((a) => a.details)).toEqual(expect.arrayContaining([
      { export: 'case_list', format: 'csv', filters: { branchId: null, status: null }, rows: 7 },
      { export: 'case_list', format: 'xlsx', filters: { branchId: null, status: ['exited'] }, rows: 4 },
    ]));
    for (const a of audits) for (const name of familyNames) expect(JSON.stringify(a.details)).not.toContain(name);
    expect((await download(await clientFor(t.baseUrl, t.db, org.users.social_worker), 'POST', '/api/reports/cases/export', { format: 'csv' })).status).toBe(403);
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    await t.db.updateTable('household').set({ display_name: '=HYPERLINK("http://evil","x")' }).where('id', '=', (await t.db.selectFrom('family_case').select('household_id').where('id', '=', c.C6).executeTakeFirstOrThrow()).household_id).execute();
    const csv = (await download(supervisor, 'POST', '/api/reports/cases/export', { format: 'csv' })).bytes.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    const rows = await readXlsx((await download(supervisor, 'POST', '/api/reports/cases/export', { format: 'xlsx' })).bytes);
    expect(JSON.stringify(rows)).toContain(`'=HYPERLINK`);
  });
});
