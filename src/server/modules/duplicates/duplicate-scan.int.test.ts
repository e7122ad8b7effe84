import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { startTestApp, TEST_SECRETS, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { nameColumns } from '../people/person.service.ts';
import { DuplicateScanJob, runScanStep } from './duplicate-scan.ts';

let t: TestApp;
let org: OrgFixture;
let supervisor: TestClient;
let director: TestClient;
const ids: Record<string, string> = {};

/** People written straight into the table, as an import would: no match keys yet, so the scan must make them. */
async function insertPerson(label: string, given: string, family: string, sex: 'female' | 'male', birthDate: string | null, branch: 'A' | 'B' = 'A') {
  const branchId = branch === 'A' ? org.branchA : org.branchB;
  const worker = branch === 'A' ? org.users.social_worker.id : org.workerB.id;
  const row = await t.db.insertInto('person').values({
    organisation_id: org.organisationId, branch_id: branchId, team_id: null, assigned_worker_id: worker, created_by: worker,
    ...nameColumns({ givenName: given, familyName: family, patronymic: null }),
    sex, birth_date: birthDate, birth_date_estimated: false, disability: false, special_needs: null, health_notes: null,
    pinfl: null, birth_certificate: null, phone: null, region_id: null, district_id: null, mahalla_id: null, address_line: null, archived_at: null, archive_reason: null,
  }).returning('id').executeTakeFirstOrThrow();
  ids[label] = row.id;
}

const pairKey = (a: string, b: string) => [a, b].sort().join('+');
async function orgPairs() {
  const rows = await t.db.selectFrom('duplicate_pair').select(['person_a_id', 'person_b_id', 'score', 'band', 'reasons', 'status']).where('organisation_id', '=', org.organisationId).execute();
  return rows.map((r) => ({ key: pairKey(r.person_a_id, r.person_b_id), score: r.score, band: r.band, reasons: r.reasons, status: r.status })).sort((x, y) => x.key.localeCompare(y.key));
}
const scanRow = async () => t.db.selectFrom('duplicate_scan').selectAll().where('organisation_id', '=', org.organisationId).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  director = await clientFor(t.baseUrl, t.db, org.users.director);
  await insertPerson('gayrat', 'Ғайрат', 'Юсупов', 'male', '2012-05-14');
  await insertPerson('gayrat2', 'Gayrat', 'Iusupov', 'male', '2012-05-14');
  await insertPerson('nilufar', 'Нилуфар', 'Камалова', 'female', '2014-03-08');
  await insertPerson('nilufar2', 'NILUFARXON', 'KAMALOVA', 'female', '2014-03-08');
  await insertPerson('aziz', 'Aziz', 'Karimov', 'male', '2011-01-01');
  await insertPerson('aziza', 'Aziza', 'Karimova', 'female', '2011-01-01');
  await insertPerson('madina', 'Madina', 'Rahimova', 'female', null);
  await insertPerson('madina2', 'Мадина', 'Раҳимова', 'female', null);
  await insertPerson('hasan', 'Hasan', 'Aliyev', 'male', '2015-09-01');
  await insertPerson('husan', 'Husan', 'Aliyev', 'male', '2015-09-01');
  await insertPerson('otabekA', 'Otabek', 'Salimov', 'male', '2010-10-10');
  await insertPerson('otabekB', 'Отабек', 'Салимов', 'male', '2010-10-10', 'B');
  const fillers = [['Sardor', 'Nazarov'], ['Lola', 'Sultonova'], ['Bobur', 'Mirzayev'], ['Zarina', 'Norova'], ['Kamola', 'Yusupova'], ['Jasur', 'Toshmatov'],
    ['Dilshod', 'Qurbonov'], ['Feruza', 'Nazarova'], ['Ulugbek', 'Ismoilov'], ['Irina', 'Kim'], ['Elena', 'Tsoy'], ['Shoxrux', 'Ergashev']] as const;
  for (const [i, [g, f]] of fillers.entries()) await insertPerson(`filler${i}`, g, f, i % 2 ? 'female' : 'male', `200${i % 10}-0${(i % 9) + 1}-1${i % 10}`);
});
afterAll(async () => t.close());

describe('the duplicate scan', () => {
  it('is started by a supervisor, reports progress, and a second start answers the scan under way', async () => {
    expect((await supervisor.get('/api/duplicates/scans/current')).body).toEqual({ scan: null });
    const started = await supervisor.post('/api/duplicates/scans', {});
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ started: true, scan: { status: 'pending', processed: 0 } });
    const again = await director.post('/api/duplicates/scans', {});
    expect(again.body).toMatchObject({ started: false, scan: { id: started.body.scan.id } });
    const worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
    expect((await worker.post('/api/duplicates/scans', {})).status).toBe(403);
    expect((await worker.get('/api/duplicates/pairs')).status).toBe(403);
  });

  it('stops mid-scan with the app and continues after a restart, finding the same pairs as a run straight through', async () => {
    // Part of the scan, one small batch at a time: it is running, with work left.
    let scan = await scanRow();
    while (scan.phase !== 'matching' || scan.processed === 0) {
      await runScanStep(t.db, { batchSize: 3, organisationId: org.organisationId });
      scan = await scanRow();
    }
    expect(await t.db.selectFrom('person_match_fold').select('person_id').where('organisation_id', '=', org.organisationId).execute()).toHaveLength(24);
    expect(scan.status).toBe('running');
    expect(scan.phase).toBe('matching');
    expect(scan.processed).toBeGreaterThan(0);
    expect(scan.processed).toBeLessThan(scan.total);
    const progress = await supervisor.get('/api/duplicates/scans/current');
    expect(progress.body.scan).toMatchObject({ status: 'running', processed: scan.processed, total: 24 });

    // An app with its job runner picks the scan up and is closed mid-way.
    // Slowed down, so that closing the app surely cuts the scan short.
    const jobs = () => {
      const scanJob = new DuplicateScanJob(t.db, { batchSize: 1, organisationId: org.organisationId });
      return [{ name: 'slow scan', step: async () => { await new Promise((r) => setTimeout(r, 25)); return scanJob.step(); } }];
    };
    const first = await buildApp({ db: t.db, secrets: TEST_SECRETS, logLevel: 'silent', backgroundJobs: { idleMs: 20, jobs: jobs() } });
    await first.ready();
    const before = scan.processed;
    await until(async () => (await scanRow()).processed > before);
    await first.close();
    scan = await scanRow();
    const stoppedAt = scan.processed;
    expect(scan.status).toBe('running');
    expect(stoppedAt).toBeLessThan(24);
    await new Promise((r) => setTimeout(r, 100));
    expect((await scanRow()).processed).toBe(stoppedAt); // nothing runs after close

    // A restart finishes it.
    const second = await buildApp({ db: t.db, secrets: TEST_SECRETS, logLevel: 'silent', backgroundJobs: { idleMs: 20, jobs: jobs() } });
    await second.ready();
    await until(async () => (await scanRow()).status === 'done');
    await second.close();
    scan = await scanRow();
    expect(scan).toMatchObject({ status: 'done', processed: 24, total: 24 });
    const resumed = await orgPairs();
    expect(resumed.map((p) => [p.key, p.band])).toEqual([
      [pairKey(ids['gayrat']!, ids['gayrat2']!), 'likely'],
      [pairKey(ids['nilufar']!, ids['nilufar2']!), 'likely'],
      [pairKey(ids['madina']!, ids['madina2']!), 'possible'],
      [pairKey(ids['otabekA']!, ids['otabekB']!), 'likely'],
    ].sort((x, y) => x[0]!.localeCompare(y[0]!)));

    // The same scan in one go, from nothing, finds exactly the same.
    await t.db.deleteFrom('duplicate_pair').where('organisation_id', '=', org.organisationId).execute();
    await t.db.insertInto('duplicate_scan').values({ organisation_id: org.organisationId, started_by: org.users.supervisor.id, cursor: null, error: null, started_at: null, heartbeat_at: null, finished_at: null }).execute();
    while ((await runScanStep(t.db, { batchSize: 1000, organisationId: org.organisationId }))?.status !== 'done');
    expect(await orgPairs()).toEqual(resumed);
  });

  it('lists pairs best first, filtered, with both people only if both are in reach', async () => {
    const sup = await supervisor.get('/api/duplicates/pairs');
    expect(sup.status).toBe(200);
    expect(sup.body.total).toBe(3); // the pair with a person in branch B is not the branch A supervisor's
    expect(sup.body.items.map((p: { score: number }) => p.score)).toEqual([...sup.body.items.map((p: { score: number }) => p.score)].sort((a, b) => b - a));
    expect(sup.body.items[0]).toMatchObject({ band: 'likely', status: 'open', personA: { givenName: expect.any(String) }, reasons: expect.arrayContaining([{ code: 'birth_date_same', effect: 'agree' }]) });
    expect(JSON.stringify(sup.body)).not.toContain(ids['otabekB']!);
    const dir = await director.get('/api/duplicates/pairs');
    expect(dir.body.total).toBe(4);
    expect((await director.get(`/api/duplicates/pairs?band=possible`)).body.items.map((p: { personA: { givenName: string } }) => p.personA.givenName).sort()).toEqual(
      [expect.stringMatching(/Madina|Мадина/)],
    );
    expect((await director.get(`/api/duplicates/pairs?branchId=${org.branchB}`)).body.total).toBe(1);
    expect((await director.get('/api/duplicates/pairs?band=maybe')).status).toBe(400);
    expect((await director.get('/api/duplicates/pairs?pageSize=1&page=2')).body).toMatchObject({ page: 2, pageSize: 1, total: 4, items: [expect.any(Object)] });
  });

  it('dismisses a pair with a reason; a later scan keeps the decision', async () => {
    const list = await supervisor.get('/api/duplicates/pairs?band=possible');
    const pair = list.body.items[0];
    const noReason = await supervisor.post(`/api/duplicates/pairs/${pair.id}/dismiss`, { version: pair.version, reason: ' ' });
    expect(noReason.status).toBe(400);
    const stale = await supervisor.post(`/api/duplicates/pairs/${pair.id}/dismiss`, { version: pair.version + 1, reason: 'Different mothers' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const dismissed = await supervisor.post(`/api/duplicates/pairs/${pair.id}/dismiss`, { version: pair.version, reason: 'Different mothers' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', decisionReason: 'Different mothers', decidedBy: org.users.supervisor.id, version: pair.version + 1 });
    expect((await supervisor.post(`/api/duplicates/pairs/${pair.id}/dismiss`, { version: pair.version + 1, reason: 'again' })).body.error.code).toBe('conflict');
    const hiddenPair = (await director.get(`/api/duplicates/pairs?branchId=${org.branchB}`)).body.items[0];
    expect((await supervisor.post(`/api/duplicates/pairs/${hiddenPair.id}/dismiss`, { version: 1, reason: 'x' })).status).toBe(404);

    await supervisor.post('/api/duplicates/scans', {});
    while ((await runScanStep(t.db, { batchSize: 1000, organisationId: org.organisationId }))?.status !== 'done');
    expect((await supervisor.get('/api/duplicates/pairs?status=dismissed')).body.items.map((p: { id: string }) => p.id)).toEqual([pair.id]);
    expect((await supervisor.get('/api/duplicates/pairs')).body.total).toBe(2);
    const audit = await t.db.selectFrom('audit_event').select('action').where('record_id', '=', pair.id).execute();
    expect(audit.map((a) => a.action)).toContain('duplicate.pair.dismiss');
  });
});

describe('the duplicate scan, block by block', () => {
  let other: OrgFixture;
  const who: Record<string, string> = {};
  let place: { region: string; d1: string; d2: string; m1: string; m2: string; m3: string };

  async function location(kind: 'region' | 'district' | 'mahalla', parent: string | null) {
    const code = `${kind}-${Math.random().toString(36).slice(2, 10)}`;
    return (await t.db.insertInto('location').values({ kind, code, parent_id: parent, iso_code: null, name_en: code, name_ru: code, name_uz_latn: code, name_uz_cyrl: code })
      .returning('id').executeTakeFirstOrThrow()).id;
  }

  async function person(label: string, given: string, family: string, sex: 'female' | 'male', birthDate: string | null, mahalla: 'm1' | 'm2' | 'm3') {
    const district = mahalla === 'm2' ? place.d2 : place.d1;
    const row = await t.db.insertInto('person').values({
      organisation_id: other.organisationId, branch_id: other.branchA, team_id: null, assigned_worker_id: other.users.social_worker.id, created_by: other.users.social_worker.id,
      ...nameColumns({ givenName: given, familyName: family, patronymic: null }),
      sex, birth_date: birthDate, birth_date_estimated: false, disability: false, special_needs: null, health_notes: null, pinfl: null, birth_certificate: null, phone: null,
      region_id: place.region, district_id: district, mahalla_id: place[mahalla], address_line: null, archived_at: null, archive_reason: null,
    }).returning('id').executeTakeFirstOrThrow();
    who[label] = row.id;
  }

  const pairsOf = async () => (await t.db.selectFrom('duplicate_pair').select(['person_a_id', 'person_b_id', 'score', 'band', 'reasons']).where('organisation_id', '=', other.organisationId).execute())
    .map((r) => ({ key: pairKey(r.person_a_id, r.person_b_id), score: r.score, band: r.band, reasons: r.reasons })).sort((x, y) => x.key.localeCompare(y.key));
  const scanOf = async () => t.db.selectFrom('duplicate_scan').selectAll().where('organisation_id', '=', other.organisationId).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  async function newScan() {
    await t.db.deleteFrom('duplicate_pair').where('organisation_id', '=', other.organisationId).execute();
    await t.db.insertInto('duplicate_scan').values({ organisation_id: other.organisationId, started_by: other.users.supervisor.id, cursor: null, error: null, started_at: null, heartbeat_at: null, finished_at: null }).execute();
  }

  beforeAll(async () => {
    other = await makeOrganisation(t.db);
    const region = await location('region', null);
    const [d1, d2] = [await location('district', region), await location('district', region)];
    place = { region, d1, d2, m1: await location('mahalla', d1), m2: await location('mahalla', d2), m3: await location('mahalla', d1) };

    // One household: a girl registered twice, the second time with a vowel slip and no date, so that no key is shared.
    await person('mother', 'Dilnoza', 'Aliyeva', 'female', '1985-02-03', 'm1');
    await person('shirin', 'Shirin', 'Aliyeva', 'female', '2015-03-01', 'm1');
    await person('sherin', 'Sherin', 'Aliyeva', 'female', null, 'm1');
    await person('brother', 'Aziz', 'Aliyev', 'male', '2017-06-01', 'm1');
    const household = await t.db.insertInto('household').values({
      organisation_id: other.organisationId, branch_id: other.branchA, team_id: null, assigned_worker_id: other.users.social_worker.id, created_by: other.users.social_worker.id,
      display_name: 'Aliyevlar', search_fold: 'aliyevlar', region_id: place.region, district_id: place.d1, mahalla_id: place.m1, address_line: null, phone: null, notes: null, archived_at: null, archive_reason: null,
    }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('household_member').values([
      { household_id: household.id, person_id: who['mother']!, relationship: 'mother', is_primary_caregiver: true, joined_on: null, left_on: null },
      ...['shirin', 'sherin', 'brother'].map((k) => ({ household_id: household.id, person_id: who[k]!, relationship: 'child', is_primary_caregiver: false, joined_on: null, left_on: null })),
    ]).execute();

    // More namesakes than BLOCK_CAP, born in different years, months and days (so no two share another key), in two
    // districts; and one more with no date of birth, in the mahalla of the first.
    for (let i = 0; i < 45; i++) {
      await person(`aziz${i}`, 'Aziz', 'Karimov', 'male', `${1960 + i}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, i === 0 ? 'm1' : i % 2 ? 'm2' : 'm3');
    }
    await person('azizUndated', 'Азиз', 'Каримов', 'male', null, 'm1');
  });

  it('compares the members of a household, and in a block above the cap the namesakes of one district', async () => {
    await newScan();
    while ((await runScanStep(t.db, { batchSize: 1000, organisationId: other.organisationId }))?.status !== 'done');
    const pairs = await pairsOf();
    expect(pairs.map((p) => [p.key, p.band])).toEqual([
      [pairKey(who['shirin']!, who['sherin']!), 'likely'],
      [pairKey(who['aziz0']!, who['azizUndated']!), 'possible'],
    ].sort((x, y) => x[0]!.localeCompare(y[0]!)));
    expect(pairs.find((p) => p.key === pairKey(who['shirin']!, who['sherin']!))?.reasons).toContainEqual({ code: 'household_shared', effect: 'agree' });
    expect(await scanOf()).toMatchObject({ status: 'done', processed: 50, total: 50, pairs_found: 2 });
  });

  it('finds the same pairs one block at a time, with progress that only grows, and after a cursor it cannot read', async () => {
    const straight = await pairsOf();
    await newScan();
    let progress = 0;
    let steps = 0;
    for (;;) {
      const step = await runScanStep(t.db, { batchSize: 1, organisationId: other.organisationId });
      steps += 1;
      expect(step!.processed).toBeGreaterThanOrEqual(progress);
      progress = step!.processed;
      if (step!.status === 'done') break;
    }
    // Starting, indexing, the two probe blocks (nq:) and the household, each a step of its own; and the last.
    expect(steps).toBeGreaterThanOrEqual(6);
    expect(await pairsOf()).toEqual(straight);

    // A scan under way when the server was upgraded keeps a cursor of the old form: the matching starts over.
    await newScan();
    let scan = await scanOf();
    while (scan.phase !== 'matching' || scan.processed === 0) {
      await runScanStep(t.db, { batchSize: 1, organisationId: other.organisationId });
      scan = await scanOf();
    }
    expect(scan.status).toBe('running');
    await t.db.updateTable('duplicate_scan').set({ cursor: who['aziz3']! }).where('id', '=', scan.id).execute();
    while ((await runScanStep(t.db, { batchSize: 3, organisationId: other.organisationId }))?.status !== 'done');
    expect(await pairsOf()).toEqual(straight);
  });
});
