import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { makePinfl } from '../../../shared/validation/pinfl.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let workerB: TestClient;
let supervisor: TestClient;
let mahalla: string;
let otherMahalla: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  workerB = await clientFor(t.baseUrl, t.db, org.workerB);
  supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  const code = org.organisationId.slice(0, 8);
  const loc = (kind: 'region' | 'district' | 'mahalla', parent: string | null, name: string) =>
    t.db.insertInto('location').values({ kind, code: `${code}-dup-${name}`, parent_id: parent, iso_code: null, name_en: name, name_ru: name, name_uz_latn: name, name_uz_cyrl: name }).returning('id').executeTakeFirstOrThrow();
  const region = (await loc('region', null, 'R')).id;
  const district = (await loc('district', region, 'D')).id;
  mahalla = (await loc('mahalla', district, 'M')).id;
  otherMahalla = (await loc('mahalla', district, 'M2')).id;
});
afterAll(async () => t.close());

const personCount = async () => Number((await t.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.organisationId).executeTakeFirstOrThrow()).n);

async function register(client: TestClient, body: Record<string, unknown>, branchId = org.branchA): Promise<string> {
  const res = await client.post('/api/people', { branchId, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('the registration check', () => {
  it('finds «Ғайрат Юсупов» 2012 when "Gayrat Iusupov" 2012 of the same mahalla is typed: likely, with reasons', async () => {
    const gayrat = await register(worker, { givenName: 'Ғайрат', familyName: 'Юсупов', sex: 'male', birthDate: '2012-05-14', mahallaId: mahalla });
    const brother = await register(worker, { givenName: 'Ғулом', familyName: 'Юсупов', sex: 'male', birthDate: '2010-02-01', mahallaId: mahalla });
    const res = await worker.post('/api/people/duplicates/check', { givenName: 'Gayrat', familyName: 'Iusupov', sex: 'male', birthDate: '2012-05-14', mahallaId: mahalla });
    expect(res.status).toBe(200);
    const [first] = res.body.candidates;
    expect(first.person.id).toBe(gayrat);
    expect(first.band).toBe('likely');
    expect(first.reasons).toEqual(expect.arrayContaining([{ code: 'name_same', effect: 'agree' }, { code: 'birth_date_same', effect: 'agree' }, { code: 'mahalla_same', effect: 'agree' }]));
    expect(res.body.candidates.map((c: { person: { id: string } }) => c.person.id)).not.toContain(brother);
    // The other-script suffix form and word order rank the same child first too.
    const order = await worker.post('/api/people/duplicates/check', { givenName: 'YUSUPOV', familyName: 'GAYRATJON', birthDate: '2012-05-14' });
    expect(order.body.candidates[0].person.id).toBe(gayrat);
    // Name only: possible, not likely.
    const nameOnly = await worker.post('/api/people/duplicates/check', { givenName: "G'ayrat", familyName: 'Yusupov' });
    expect(nameOnly.body.candidates[0]).toMatchObject({ person: { id: gayrat }, band: 'possible' });
  });

  it('does not offer Aziza for Aziz, and ranks a typing slip with the same date of birth', async () => {
    await register(worker, { givenName: 'Aziza', familyName: 'Karimova', sex: 'female', birthDate: '2011-09-09' });
    const aziz = await register(worker, { givenName: 'Азиз', familyName: 'Каримов', sex: 'male', birthDate: '2011-09-09', mahallaId: otherMahalla });
    const res = await worker.post('/api/people/duplicates/check', { givenName: 'Aziz', familyName: 'Karimov', sex: 'male', birthDate: '2011-09-09' });
    expect(res.body.candidates.map((c: { person: { givenName: string } }) => c.person.givenName)).toEqual(['Азиз']);
    expect(res.body.candidates[0].band).toBe('likely');
    expect(res.body.candidates[0].person.id).toBe(aziz);
    const jamshid = await register(worker, { givenName: 'Жамшид', familyName: 'Усмонов', sex: 'male', birthDate: '2011-09-09' });
    const slip = await worker.post('/api/people/duplicates/check', { givenName: 'Jamshdi', familyName: 'Usmonov', birthDate: '2011-09-09' });
    expect(slip.body.candidates[0]).toMatchObject({ person: { id: jamshid }, band: 'likely' });
  });

  it('uses the household: a caregiver typed with a new household, or the household a member is added to', async () => {
    const mother = await register(worker, { givenName: 'Dilnoza', familyName: 'Rasulova', sex: 'female', birthDate: '1985-01-01' });
    const child = await register(worker, { givenName: 'Sardor', familyName: 'Rasulov', sex: 'male' });
    const household = await worker.post('/api/households', { displayName: 'Rasulovlar', branchId: org.branchA, members: [
      { personId: mother, relationship: 'mother', isPrimaryCaregiver: true }, { personId: child, relationship: 'child' },
    ] });
    expect(household.status).toBe(201);
    const plain = await worker.post('/api/people/duplicates/check', { givenName: 'Сардор', familyName: 'Расулов' });
    const withCaregiver = await worker.post('/api/people/duplicates/check', { givenName: 'Сардор', familyName: 'Расулов', caregiverNames: ['Дилноза Расулова'] });
    const inHousehold = await worker.post('/api/people/duplicates/check', { givenName: 'Сардор', familyName: 'Расулов', householdId: household.body.household.id });
    expect(plain.body.candidates[0].person.id).toBe(child);
    expect(withCaregiver.body.candidates[0].score).toBeGreaterThan(plain.body.candidates[0].score);
    expect(withCaregiver.body.candidates[0].reasons).toContainEqual({ code: 'caregiver_same', effect: 'agree' });
    expect(inHousehold.body.candidates[0].reasons).toContainEqual({ code: 'household_shared', effect: 'agree' });
  });

  it('leaves the person being edited out of their own candidates, and keeps the others', async () => {
    const body = { givenName: 'Сарвиноз', familyName: 'Аҳмедова', sex: 'female', birthDate: '2015-10-10', mahallaId: mahalla };
    const edited = await register(worker, body);
    const namesake = await register(worker, { ...body, givenName: 'Sarvinoz', familyName: 'Ahmedova', duplicateOverride: { reason: 'Twins registered apart', candidateIds: [edited] } });
    const ids = (res: { body: { candidates: { person: { id: string } }[] } }) => res.body.candidates.map((c) => c.person.id);
    const plain = await worker.post('/api/people/duplicates/check', body);
    expect(ids(plain)).toEqual(expect.arrayContaining([edited, namesake]));
    const editing = await worker.post('/api/people/duplicates/check', { ...body, excludePersonId: edited });
    expect(editing.status).toBe(200);
    expect(ids(editing)).not.toContain(edited);
    expect(editing.body.candidates[0]).toMatchObject({ person: { id: namesake }, band: 'likely' });
    const bad = await worker.post('/api/people/duplicates/check', { ...body, excludePersonId: 'me' });
    expect(bad.body.error.fields).toEqual([{ path: ['excludePersonId'], code: 'invalid_format' }]);
  });

  it('answers translated field errors for bad input and audits nothing as done', async () => {
    const empty = await worker.post('/api/people/duplicates/check', { sex: 'male' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toContainEqual({ path: ['givenName'], code: 'required' });
    const bad = await worker.post('/api/people/duplicates/check', { givenName: 'Ali', pinfl: '12345678901234', birthDate: '2099-01-01', sex: 'boy', householdId: 'nope' });
    expect(bad.status).toBe(400);
    const codes = Object.fromEntries(bad.body.error.fields.map((f: { path: string[]; code: string }) => [f.path.join('.'), f.code]));
    expect(codes).toMatchObject({ pinfl: 'invalid_pinfl', birthDate: 'date_in_future', sex: 'invalid_value', householdId: 'invalid_format' });
    const strange = await worker.post('/api/people/duplicates/check', { givenName: 'Ali', nickname: 'x' });
    expect(strange.body.error.fields[0]).toEqual({ path: ['nickname'], code: 'unknown_field' });
    const otherHousehold = await workerB.post('/api/households', { displayName: 'B household', branchId: org.branchB });
    const foreign = await worker.post('/api/people/duplicates/check', { givenName: 'Ali', householdId: otherHousehold.body.household.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual([{ path: ['householdId'], code: 'invalid_value' }]);
  });
});

describe('registering a likely duplicate', () => {
  it('answers 409 possible_duplicate with the candidates, saves nothing, and saves with an audited reason', async () => {
    const first = await register(worker, { givenName: 'Нилуфар', familyName: 'Камалова', sex: 'female', birthDate: '2014-03-08', mahallaId: mahalla });
    const before = await personCount();
    const body = { givenName: 'Nilufarxon', familyName: 'Kamalova', sex: 'female', birthDate: '2014-03-08', mahallaId: mahalla, branchId: org.branchA };
    const refused = await worker.post('/api/people', body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('possible_duplicate');
    expect(refused.body.error.candidates[0]).toMatchObject({ person: { id: first, givenName: 'Нилуфар' }, band: 'likely' });
    expect(await personCount()).toBe(before);

    const noReason = await worker.post('/api/people', { ...body, duplicateOverride: { reason: '', candidateIds: [first] } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toContainEqual(expect.objectContaining({ path: ['duplicateOverride', 'reason'], code: 'too_short' }));
    const wrongCandidate = await worker.post('/api/people', { ...body, duplicateOverride: { reason: 'Different mother', candidateIds: [org.organisationId] } });
    expect(wrongCandidate.status).toBe(409);
    expect(await personCount()).toBe(before);

    const saved = await worker.post('/api/people', { ...body, duplicateOverride: { reason: 'Cousins with the same name; checked the birth certificates', candidateIds: [first] } });
    expect(saved.status).toBe(201);
    const audit = await t.db.selectFrom('audit_event').select(['action', 'details']).where('record_id', '=', saved.body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['person.create', 'person.duplicate_override']));
    expect(audit.find((a) => a.action === 'person.duplicate_override')!.details).toEqual({ reason: 'Cousins with the same name; checked the birth certificates', candidateIds: [first] });
  });

  it('checks new members of a new household too, pointing at the member, and saves no part of it', async () => {
    await register(worker, { givenName: 'Шаҳноза', familyName: 'Юсупова', sex: 'female', birthDate: '2013-06-01' });
    const households = async () => Number((await t.db.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.organisationId).executeTakeFirstOrThrow()).n);
    const [peopleBefore, householdsBefore] = [await personCount(), await households()];
    const res = await worker.post('/api/households', { displayName: 'Yusupovlar', branchId: org.branchA, members: [
      { relationship: 'mother', isPrimaryCaregiver: true, person: { givenName: 'Malika', familyName: 'Yusupova', sex: 'female', birthDate: '1988-02-02' } },
      { relationship: 'child', person: { givenName: 'Shakhnoza', familyName: 'Iusupova', sex: 'female', birthDate: '2013-06-01' } },
    ] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('possible_duplicate');
    expect(res.body.error.fields).toEqual([{ path: ['members', '1', 'person'], code: 'invalid_value' }]);
    expect([await personCount(), await households()]).toEqual([peopleBefore, householdsBefore]);
  });

  it('still refuses a registered PINFL as duplicate_identity, before looking at names', async () => {
    const pinfl = makePinfl({ birthDate: '2016-04-04', sex: 'male', serial: 77 });
    await register(worker, { givenName: 'Bobur', familyName: 'Tursunov', sex: 'male', birthDate: '2016-04-04', pinfl });
    const again = await worker.post('/api/people', { givenName: 'Bobur', familyName: 'Tursunov', sex: 'male', birthDate: '2016-04-04', pinfl, branchId: org.branchA });
    expect(again.body.error.code).toBe('duplicate_identity');
  });
});

describe('scope', () => {
  it('never shows a worker a candidate outside their reach, nor refuses their registration because of one', async () => {
    const hidden = await register(workerB, { givenName: 'Ойбек', familyName: 'Норматов', sex: 'male', birthDate: '2012-12-12' }, org.branchB);
    const check = await worker.post('/api/people/duplicates/check', { givenName: 'Oybek', familyName: 'Normatov', sex: 'male', birthDate: '2012-12-12' });
    expect(check.body.candidates).toEqual([]);
    const created = await worker.post('/api/people', { givenName: 'Oybek', familyName: 'Normatov', sex: 'male', birthDate: '2012-12-12', branchId: org.branchA });
    expect(created.status).toBe(201);
    const search = await worker.post('/api/search', { q: 'Normat' });
    expect(search.body.people.map((p: { person: { id: string } }) => p.person.id)).toEqual([created.body.id]);
    // The supervisor of branch A does not reach branch B either; the director would.
    const sup = await supervisor.post('/api/people/duplicates/check', { givenName: 'Oybek', familyName: 'Normatov', birthDate: '2012-12-12' });
    expect(sup.body.candidates.map((c: { person: { id: string } }) => c.person.id)).toEqual([created.body.id]);
    expect(JSON.stringify(sup.body)).not.toContain(hidden);
  });
});
