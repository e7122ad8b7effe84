import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { makePinfl } from '../../../shared/validation/pinfl.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let region: string;
let district: string;
let mahalla: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  const code = org.organisationId.slice(0, 8);
  const loc = (kind: 'region' | 'district' | 'mahalla', parent: string | null, name: string) =>
    t.db.insertInto('location').values({ kind, code: `${code}-${name}`, parent_id: parent, iso_code: null, name_en: name, name_ru: name, name_uz_latn: name, name_uz_cyrl: name }).returning('id').executeTakeFirstOrThrow();
  region = (await loc('region', null, 'R')).id;
  district = (await loc('district', region, 'D')).id;
  mahalla = (await loc('mahalla', district, 'M')).id;
});
afterAll(async () => t.close());

const personCount = async () => Number((await t.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.organisationId).executeTakeFirstOrThrow()).n);

describe('registering a person', () => {
  it('keeps the name as typed in Cyrillic, suggests the Latin form, and makes it findable in Latin', async () => {
    const res = await worker.post('/api/people', { givenName: 'Ғайрат', familyName: 'Юсупов', sex: 'male', birthDate: '2012-05-14', branchId: org.branchA, mahallaId: mahalla });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ givenName: 'Ғайрат', familyName: 'Юсупов', nameScript: 'cyrl', givenNameAlt: 'Gʻayrat', familyNameAlt: 'Yusupov', districtId: district, regionId: region, assignedWorkerId: org.users.social_worker.id, version: 1 });
    for (const q of ['Gayrat', 'gʻayrat yusupov', "G'ayrat", 'Yusupov', 'Ғайрат']) {
      const found = await worker.post('/api/people/search', { q });
      expect(found.body.items.map((p: { id: string }) => p.id), q).toContain(res.body.id);
    }
    const audit = await t.db.selectFrom('audit_event').select('action').where('record_id', '=', res.body.id).execute();
    expect(audit.map((a) => a.action)).toContain('person.create');
  });

  it('validates PINFL, phone, dates and address, answering field errors and saving nothing', async () => {
    const before = await personCount();
    const res = await worker.post('/api/people', {
      givenName: '', familyName: 'Karimova', sex: 'girl', birthDate: '2030-01-01', pinfl: '12345678901234', phone: '12345', branchId: org.branchA, districtId: mahalla,
    });
    expect(res.status).toBe(400);
    const codes = Object.fromEntries(res.body.error.fields.map((f: { path: string[]; code: string }) => [f.path.join('.'), f.code]));
    expect(codes).toMatchObject({ givenName: 'too_short', sex: 'invalid_value', birthDate: 'date_in_future', pinfl: 'invalid_pinfl', phone: 'invalid_phone' });
    const wrongPlace = await worker.post('/api/people', { givenName: 'Aziza', familyName: 'Karimova', sex: 'female', branchId: org.branchA, districtId: mahalla });
    expect(wrongPlace.body.error.fields).toContainEqual({ path: ['districtId'], code: 'invalid_value' });
    const otherBranch = await worker.post('/api/people', { givenName: 'Aziza', familyName: 'Karimova', sex: 'female', branchId: org.branchB });
    expect(otherBranch.body.error.fields).toContainEqual({ path: ['branchId'], code: 'invalid_value' });
    expect(await personCount()).toBe(before);
  });

  it('stores a valid PINFL and phone in canonical form, and refuses a second person with the same PINFL', async () => {
    const pinfl = makePinfl({ birthDate: '2015-02-03', sex: 'female' });
    const res = await worker.post('/api/people', { givenName: 'Madina', familyName: 'Rahimova', sex: 'female', birthDate: '2015-02-03', pinfl, phone: '8 90 123 45 67', branchId: org.branchA });
    expect(res.status).toBe(201);
    expect(res.body.phone).toBe('+998901234567');
    const again = await worker.post('/api/people', { givenName: 'Madina', familyName: 'Rahimova', sex: 'female', pinfl, branchId: org.branchA });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate_identity');
  });
});

describe('editing a person', () => {
  it('saves a change on the current version and refuses a stale one with the current record', async () => {
    const created = (await worker.post('/api/people', { givenName: 'Bobur', familyName: 'Toshmatov', sex: 'male', branchId: org.branchA })).body;
    const first = await worker.patch(`/api/people/${created.id}`, { version: 1, birthDate: '2014-07-19' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await worker.patch(`/api/people/${created.id}`, { version: 1, birthDate: '2014-07-20' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ birthDate: '2014-07-19', version: 2 });
    const renamed = await worker.patch(`/api/people/${created.id}`, { version: 2, givenName: 'Бобурбек' });
    expect(renamed.body).toMatchObject({ givenName: 'Бобурбек', givenNameAlt: 'Boburbek', version: 3 });
  });

  it('keeps the address a path down the location tree when part of it changes', async () => {
    const created = (await worker.post('/api/people', { givenName: 'Moved', familyName: 'Person', sex: 'male', branchId: org.branchA })).body;
    const placed = await worker.patch(`/api/people/${created.id}`, { version: 1, mahallaId: mahalla });
    expect(placed.body).toMatchObject({ regionId: region, districtId: district, mahallaId: mahalla });
    const other = await t.db.insertInto('location').values({ kind: 'region', code: `${org.organisationId}-R2`, parent_id: null, iso_code: null, name_en: 'R2', name_ru: 'R2', name_uz_latn: 'R2', name_uz_cyrl: 'R2' }).returning('id').executeTakeFirstOrThrow();
    const moved = await worker.patch(`/api/people/${created.id}`, { version: 2, regionId: other.id });
    expect(moved.body).toMatchObject({ regionId: other.id, districtId: null, mahallaId: null });
    const wrong = await worker.patch(`/api/people/${created.id}`, { version: 3, districtId: district });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toContainEqual({ path: ['districtId'], code: 'invalid_value' });
  });

  it('refuses unknown fields, so hidden or system fields cannot be set', async () => {
    const created = (await worker.post('/api/people', { givenName: 'Ali', familyName: 'Valiyev', sex: 'male', branchId: org.branchA })).body;
    const res = await worker.patch(`/api/people/${created.id}`, { version: 1, organisationId: org.organisationId, archivedAt: null });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].code).toBe('unknown_field');
  });

  it('archives instead of deleting, and hides archived people from lists unless asked', async () => {
    const created = (await worker.post('/api/people', { givenName: 'Archivable', familyName: 'Person', sex: 'male', branchId: org.branchA })).body;
    const archived = await worker.post(`/api/people/${created.id}/archive`, { version: 1, reason: 'Registered twice' });
    expect(archived.body.archivedAt).toBeTruthy();
    expect((await worker.post('/api/people/search', { q: 'Archivable' })).body.total).toBe(0);
    expect((await worker.post('/api/people/search', { q: 'Archivable', includeArchived: true })).body.total).toBe(1);
    expect((await worker.get(`/api/people/${created.id}`)).status).toBe(200);
  });

  it('audits every read in the same transaction as the answer', async () => {
    const created = (await worker.post('/api/people', { givenName: 'Read', familyName: 'Audited', sex: 'female', branchId: org.branchA })).body;
    await worker.get(`/api/people/${created.id}`);
    const reads = await t.db.selectFrom('audit_event').selectAll().where('record_id', '=', created.id).where('action', '=', 'person.read').execute();
    expect(reads).toHaveLength(1);
    expect(reads[0]!.actor_user_id).toBe(org.users.social_worker.id);
    expect(JSON.stringify(reads[0]!.details)).not.toContain('Read');
  });
});

describe('lists', () => {
  it('paginates and sorts on the server', async () => {
    const local = await makeOrganisation(t.db);
    const c = await clientFor(t.baseUrl, t.db, local.users.social_worker);
    for (const [given, family] of [['Aziz', 'Boboev'], ['Zarina', 'Alieva'], ['Kamol', 'Nazarov']]) {
      await c.post('/api/people', { givenName: given, familyName: family, sex: 'male', branchId: local.branchA });
    }
    const page1 = await c.post('/api/people/search', { sort: 'name', page: 1, pageSize: 2 });
    expect(page1.body.total).toBe(3);
    expect(page1.body.items.map((p: { familyName: string }) => p.familyName)).toEqual(['Alieva', 'Boboev']);
    const page2 = await c.post('/api/people/search', { sort: 'name', page: 2, pageSize: 2 });
    expect(page2.body.items.map((p: { familyName: string }) => p.familyName)).toEqual(['Nazarov']);
    expect((await c.post('/api/people/search', { pageSize: 1000 })).status).toBe(400);
  });
});

describe('consents', () => {
  it('records a consent with purpose, data and duration, and a withdrawal keeps it on record', async () => {
    const person = (await worker.post('/api/people', { givenName: 'Consent', familyName: 'Giver', sex: 'female', branchId: org.branchA })).body;
    const consent = await worker.post(`/api/people/${person.id}/consents`, { purpose: 'referral', dataCategories: ['identity', 'health'], transfersTo: 'Polyclinic No. 5', grantedOn: '2026-01-10', expiresOn: '2027-01-10' });
    expect(consent.status).toBe(201);
    expect(consent.body.status).toBe('active');
    const bad = await worker.post(`/api/people/${person.id}/consents`, { purpose: 'referral', dataCategories: [], grantedOn: '2026-01-10', expiresOn: '2025-01-10' });
    expect(bad.status).toBe(400);
    const withdrawn = await worker.post(`/api/consents/${consent.body.id}/withdraw`, { version: 1, note: 'Asked at a home visit' });
    expect(withdrawn.body.status).toBe('withdrawn');
    const detail = await worker.get(`/api/people/${person.id}`);
    expect(detail.body.consents).toHaveLength(1);
    expect(detail.body.consents[0].status).toBe('withdrawn');
  });
});
