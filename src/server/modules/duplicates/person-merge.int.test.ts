import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { makePinfl } from '../../../shared/validation/pinfl.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let supervisor: TestClient;
/** A table added "later", in its own schema: the merge must find it in the catalogue. */
const linkSchema = `merge_link_${randomUUID().slice(0, 8)}`;
const linkTable = sql.table(`${linkSchema}.case_link`);

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  await sql`CREATE SCHEMA ${sql.id(linkSchema)}`.execute(t.db);
  await sql`CREATE TABLE ${linkTable} (id serial PRIMARY KEY, person_id uuid NOT NULL REFERENCES person(id), note text)`.execute(t.db);
});
afterAll(async () => {
  await sql`DROP SCHEMA ${sql.id(linkSchema)} CASCADE`.execute(t.db);
  await t.close();
});

async function register(body: Record<string, unknown>, override?: string[]): Promise<{ id: string; version: number; reference: string }> {
  const res = await worker.post('/api/people', { branchId: org.branchA, ...body, ...(override ? { duplicateOverride: { reason: 'test: second record on purpose', candidateIds: override } } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Everything a merge touches, to compare before and after an undo. */
async function snapshot(ids: string[]) {
  const people = await t.db.selectFrom('person').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const members = await t.db.selectFrom('household_member').selectAll().where('person_id', 'in', ids).orderBy('id').execute();
  const consents = await t.db.selectFrom('consent').selectAll().where('person_id', 'in', ids).orderBy('id').execute();
  const pairs = await t.db.selectFrom('duplicate_pair').selectAll().where((eb) => eb.or([eb('person_a_id', 'in', ids), eb('person_b_id', 'in', ids)])).orderBy('id').execute();
  const links = (await sql<{ id: number; person_id: string; note: string }>`SELECT * FROM ${linkTable} ORDER BY id`.execute(t.db)).rows;
  const keys = await t.db.selectFrom('person_match_key').selectAll().where('person_id', 'in', ids).orderBy('person_id').orderBy('key').execute();
  return {
    people: people.map(({ version: _v, updated_at: _u, ...rest }) => rest),
    members, consents, pairs, links, keys,
  };
}

describe('merging two records of one person', () => {
  it('moves every linked row to the survivor in one transaction, archives the other, and shows the history; undo restores exactly', async () => {
    const mother = await register({ givenName: 'Dilnoza', familyName: 'Kamalova', sex: 'female', birthDate: '1986-05-05' });
    const survivor = await register({ givenName: 'Нилуфар', familyName: 'Камалова', sex: 'female', birthDate: '2014-03-08', phone: '+998 90 111 22 33' });
    const pinfl = makePinfl({ birthDate: '2014-03-08', sex: 'female', serial: 41 });
    const merged = await register({ givenName: 'Nilufarxon', familyName: 'Kamalova', sex: 'female', birthDate: '2014-03-08', pinfl, phone: '+998 91 444 55 66' }, [survivor.id]);
    const third = await register({ givenName: 'Nilufar', familyName: 'Qamalova', sex: 'female', birthDate: '2014-03-18' }, [survivor.id, merged.id]);
    const h1 = (await worker.post('/api/households', { displayName: 'Kamalovlar', branchId: org.branchA, members: [
      { personId: mother.id, relationship: 'mother', isPrimaryCaregiver: true }, { personId: survivor.id, relationship: 'child' }, { personId: merged.id, relationship: 'child' },
    ] })).body.household.id;
    const h2 = (await worker.post('/api/households', { displayName: 'Grandmother', branchId: org.branchA, members: [{ personId: merged.id, relationship: 'child' }] })).body.household.id;
    expect((await worker.post(`/api/people/${merged.id}/consents`, { purpose: 'referral', dataCategories: ['identity'], grantedOn: '2026-01-10' })).status).toBe(201);
    expect((await worker.post(`/api/people/${survivor.id}/consents`, { purpose: 'referral', dataCategories: ['health'], grantedOn: '2026-01-11' })).status).toBe(201);
    await sql`INSERT INTO ${linkTable} (person_id, note) VALUES (${merged.id}, 'case A'), (${merged.id}, 'case B'), (${survivor.id}, 'case C')`.execute(t.db);
    const [a, b] = [survivor.id, merged.id].sort() as [string, string];
    const [c, d] = [merged.id, third.id].sort() as [string, string];
    await t.db.insertInto('duplicate_pair').values([
      { organisation_id: org.organisationId, person_a_id: a, person_b_id: b, score: 0.97, band: 'likely', reasons: '[]', scan_id: null, decision_reason: null, decided_by: null, decided_at: null },
      { organisation_id: org.organisationId, person_a_id: c, person_b_id: d, score: 0.7, band: 'possible', reasons: '[{"code":"name_similar","effect":"agree"}]', scan_id: null, decision_reason: null, decided_by: null, decided_at: null },
    ]).execute();
    const ids = [survivor.id, merged.id];
    const versions = async () => Object.fromEntries((await t.db.selectFrom('person').select(['id', 'version']).where('id', 'in', ids).execute()).map((r) => [r.id, r.version]));
    const v = await versions();
    const before = await snapshot([...ids, third.id]);

    const res = await supervisor.post('/api/people/merge', {
      survivorId: survivor.id, mergedId: merged.id, survivorVersion: v[survivor.id], mergedVersion: v[merged.id], fields: { pinfl: 'merged', phone: 'merged' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.survivor).toMatchObject({ id: survivor.id, givenName: 'Нилуфар', pinfl, phone: '+998914445566', version: v[survivor.id]! + 1 });
    expect(res.body.merged).toMatchObject({ id: merged.id, mergedIntoId: survivor.id, archivedAt: expect.any(String) });
    expect(res.body.moved).toEqual({ household_member: 2, consent: 1, [`${linkSchema}.case_link`]: 2 });

    // Every linked row now belongs to the survivor.
    const members = await t.db.selectFrom('household_member').selectAll().where('person_id', 'in', ids).execute();
    expect(members.every((m) => m.person_id === survivor.id)).toBe(true);
    expect(members.filter((m) => m.household_id === h1 && m.left_on === null)).toHaveLength(1);
    expect(members.some((m) => m.household_id === h2 && m.left_on === null)).toBe(true);
    expect((await t.db.selectFrom('consent').select('person_id').where('person_id', 'in', ids).execute()).map((r) => r.person_id)).toEqual([survivor.id, survivor.id]);
    expect((await sql<{ person_id: string }>`SELECT person_id FROM ${linkTable}`.execute(t.db)).rows.every((r) => r.person_id === survivor.id)).toBe(true);
    const pairs = await t.db.selectFrom('duplicate_pair').selectAll().where((eb) => eb.or([eb('person_a_id', 'in', ids), eb('person_b_id', 'in', ids)])).execute();
    expect(pairs.find((p) => p.person_a_id === a && p.person_b_id === b)?.status).toBe('merged');
    expect(pairs.some((p) => [p.person_a_id, p.person_b_id].sort().join() === [survivor.id, third.id].sort().join())).toBe(true);

    // The survivor's page shows the record it absorbed; the merged one points to it; search finds the survivor only.
    const detail = await supervisor.get(`/api/people/${survivor.id}`);
    expect(detail.body.merges).toEqual([{ mergeId: res.body.mergeId, merged: expect.objectContaining({ id: merged.id, reference: merged.reference, givenName: 'Nilufarxon', mergedIntoId: survivor.id }), mergedAt: expect.any(String), mergedBy: { id: org.users.supervisor.id, displayName: expect.any(String) }, moved: res.body.moved }]);
    // Only the absorbed record's name and reference are shown, and that read is on record too.
    expect(detail.body.merges[0].merged.pinfl).toBeUndefined();
    const historyRead = await t.db.selectFrom('audit_event').select('details').where('action', '=', 'person.read').where('record_id', '=', merged.id).execute();
    expect(historyRead.map((a) => a.details)).toContainEqual({ via: 'merge_history', survivorId: survivor.id });
    expect(detail.body.households.map((h: { householdId: string }) => h.householdId).sort()).toEqual([h1, h2].sort());
    expect((await supervisor.get(`/api/people/${merged.id}`)).body.person.mergedIntoId).toBe(survivor.id);
    const found = await supervisor.post('/api/search', { q: 'Nilufarxon Kamalova' });
    expect(found.body.people.map((p: { person: { id: string } }) => p.person.id)).toContain(survivor.id);
    expect(found.body.people.map((p: { person: { id: string } }) => p.person.id)).not.toContain(merged.id);
    const audit = await t.db.selectFrom('audit_event').select(['action', 'record_id', 'details']).where('action', 'in', ['person.merge', 'person.merged_into']).where('record_id', 'in', ids).execute();
    expect(audit.map((e) => e.record_id).sort()).toEqual([...ids].sort());
    expect(audit[0]!.details).toMatchObject({ survivorId: survivor.id, mergedId: merged.id, mergeId: res.body.mergeId });

    // Undo: exactly as before (only versions move on), and only once.
    const undo = await supervisor.post(`/api/people/merges/${res.body.mergeId}/undo`, {});
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(await snapshot([...ids, third.id])).toEqual(before);
    const after = await versions();
    expect(after[survivor.id]).toBe(v[survivor.id]! + 2);
    expect(after[merged.id]).toBe(v[merged.id]! + 2);
    expect((await supervisor.get(`/api/people/${survivor.id}`)).body.merges).toEqual([]);
    const twice = await supervisor.post(`/api/people/merges/${res.body.mergeId}/undo`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('conflict');
  });

  it('keeps the survivor in its own script when a name part comes from a record typed in the other script', async () => {
    const s = await register({ givenName: 'Дилноза', familyName: 'Абдуллаева', sex: 'female', birthDate: '2017-10-13' });
    const m = await register({ givenName: 'Dilnozaxon', familyName: 'Abdullayeva', sex: 'female', birthDate: '2017-10-13' }, [s.id]);
    const res = await supervisor.post('/api/people/merge', { survivorId: s.id, mergedId: m.id, survivorVersion: s.version, mergedVersion: m.version, fields: { givenName: 'merged' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.survivor).toMatchObject({ nameScript: 'cyrl', familyName: 'Абдуллаева', givenNameAlt: 'Dilnozaxon' });
    expect(res.body.survivor.givenName).toMatch(/^Дилнозах[оа]н$/);
  });

  it('refuses to undo once either person changed since, and changes nothing', async () => {
    const s = await register({ givenName: 'Ғайрат', familyName: 'Юсупов', sex: 'male', birthDate: '2012-05-14' });
    const m = await register({ givenName: 'Gayrat', familyName: 'Iusupov', sex: 'male', birthDate: '2012-05-14' }, [s.id]);
    const merged = await supervisor.post('/api/people/merge', { survivorId: s.id, mergedId: m.id, survivorVersion: s.version, mergedVersion: m.version });
    expect(merged.status).toBe(200);
    expect((await supervisor.patch(`/api/people/${s.id}`, { version: merged.body.survivor.version, phone: '+998 90 000 00 01' })).status).toBe(200);
    const before = await snapshot([s.id, m.id]);
    const undo = await supervisor.post(`/api/people/merges/${merged.body.mergeId}/undo`, {});
    expect(undo.status).toBe(409);
    expect(undo.body.error.code).toBe('version_conflict');
    expect(await snapshot([s.id, m.id])).toEqual(before);
  });

  it('refuses bad input, stale versions, other roles and people out of reach, changing nothing', async () => {
    const s = await register({ givenName: 'Бобур', familyName: 'Мирзаев', sex: 'male', birthDate: '2011-02-02' });
    const m = await register({ givenName: 'Babur', familyName: 'Mirzaev', sex: 'male', birthDate: '2011-02-02' }, [s.id]);
    const before = await snapshot([s.id, m.id]);
    const body = { survivorId: s.id, mergedId: m.id, survivorVersion: s.version, mergedVersion: m.version };
    const same = await supervisor.post('/api/people/merge', { ...body, mergedId: s.id });
    expect(same.status).toBe(400);
    expect(same.body.error.fields).toContainEqual({ path: ['mergedId'], code: 'invalid_value' });
    const badField = await supervisor.post('/api/people/merge', { ...body, fields: { healthNotes: 'merged', archivedAt: 'merged' } });
    expect(badField.status).toBe(400);
    const badSide = await supervisor.post('/api/people/merge', { ...body, fields: { pinfl: 'both' } });
    expect(badSide.body.error.fields[0]).toMatchObject({ path: ['fields', 'pinfl'], code: 'invalid_value' });
    const stale = await supervisor.post('/api/people/merge', { ...body, mergedVersion: m.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await worker.post('/api/people/merge', body)).status).toBe(403);
    const workerB = await clientFor(t.baseUrl, t.db, org.workerB);
    const outside = (await workerB.post('/api/people', { givenName: 'Babur', familyName: 'Mirzaev', sex: 'male', birthDate: '2011-02-02', branchId: org.branchB })).body;
    const unreachable = await supervisor.post('/api/people/merge', { ...body, mergedId: outside.id, mergedVersion: 1 });
    expect(unreachable.status).toBe(404);
    expect(unreachable.body.error.code).toBe('not_found_or_no_access');
    expect((await supervisor.post(`/api/people/merges/${randomUUID()}/undo`, {})).status).toBe(404);
    expect(await snapshot([s.id, m.id])).toEqual(before);
  });
});
