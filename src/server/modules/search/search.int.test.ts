import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { makePinfl } from '../../../shared/validation/pinfl.ts';
import { today } from '../../../../test/support/casework.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
const ids: Record<string, { id: string; reference: string }> = {};
const pinfl = makePinfl({ birthDate: '2014-03-08', sex: 'female', serial: 902 });
let household: { id: string; reference: string };

type CaseHit = { id: string; caseNumber: string; status: string; riskLevel: string; householdId: string; householdReference: string; householdName?: string };
type Hits = {
  people: { score: number; person: { id: string; givenName?: string; birthDate?: string } }[];
  households: { score: number; household: { id: string } }[];
  cases: { score: number; case: CaseHit }[];
};
const search = async (client: TestClient, q: string) => (await client.post<Hits>('/api/search', { q })).body;
const peopleOf = (h: Hits) => h.people.map((p) => p.person.id);

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  const add = async (label: string, body: Record<string, unknown>, client = worker, branchId = org.branchA) => {
    const res = await client.post('/api/people', { branchId, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[label] = res.body;
  };
  await add('nilufar', { givenName: 'Нилуфар', familyName: 'Камалова', sex: 'female', birthDate: '2014-03-08', pinfl });
  await add('nilufarNamesake', { givenName: 'Nilufar', familyName: 'Rashidova', sex: 'female', birthDate: '2009-01-01' });
  await add('nilu', { givenName: 'Nilu', familyName: 'Saidova', sex: 'female', birthDate: '2016-06-06' });
  await add('gayrat', { givenName: 'Ғайрат', familyName: 'Юсупов', sex: 'male', birthDate: '2012-05-14', teamId: org.teamA });
  await add('hidden', { givenName: 'Нилуфар', familyName: 'Камалова', sex: 'female', birthDate: '2001-01-01' }, await clientFor(t.baseUrl, t.db, org.workerB), org.branchB);
  household = (await worker.post('/api/households', { displayName: 'Камаловлар', branchId: org.branchA, members: [{ personId: ids['nilufar']!.id, relationship: 'child' }] })).body.household;
  const other = (await worker.post('/api/households', { displayName: 'Tursunovlar', branchId: org.branchA, members: [{ personId: ids['gayrat']!.id, relationship: 'child' }] })).body.household;
  ids['tursunHousehold'] = other;
});
afterAll(async () => t.close());

describe('global search', () => {
  it('finds a person by any script and spelling, from the third letter on', async () => {
    for (const q of ['Nil', 'Nilu', 'nilufa', 'Нилуф', 'NILUFARXON', 'Kamalova', 'Камал', 'kamalova nilufar', 'Nilufar K']) {
      expect(peopleOf(await search(worker, q)), q).toContain(ids['nilufar']!.id);
    }
    for (const q of ["G'ayrat", 'Gayrat Iusupov', 'Gʻayrat Yusu', 'Ғайрат', 'Yusupov']) expect(peopleOf(await search(worker, q)), q).toContain(ids['gayrat']!.id);
  });

  it('ranks exact words first, and reaches a typing slip by trigram similarity', async () => {
    const nilu = await search(worker, 'Nilu');
    expect(nilu.people[0]!.person.id).toBe(ids['nilu']!.id);
    expect(nilu.people.map((p) => p.score)).toEqual([...nilu.people.map((p) => p.score)].sort((a, b) => b - a));
    const slip = await search(worker, 'Nilfuar Kamalova');
    expect(peopleOf(slip)[0]).toBe(ids['nilufar']!.id);
    expect(peopleOf(await search(worker, 'Zzyzx'))).toEqual([]);
  });

  it('finds by reference and PINFL, and households by name or by a member', async () => {
    expect(peopleOf(await search(worker, ids['gayrat']!.reference.toLowerCase()))).toEqual([ids['gayrat']!.id]);
    expect(peopleOf(await search(worker, pinfl))).toEqual([ids['nilufar']!.id]);
    const byName = await search(worker, 'Kamalovlar');
    expect(byName.households.map((h) => h.household.id)).toContain(household.id);
    const byMember = await search(worker, 'Gayrat');
    expect(byMember.households.map((h) => h.household.id)).toContain(ids['tursunHousehold']!.id);
    expect((await search(worker, household.reference)).households.map((h) => h.household.id)).toEqual([household.id]);
  });

  it('keeps to the caller\'s scope and field view; de-identified roles may not search names', async () => {
    const own = await search(worker, 'Нилуфар Камалова');
    expect(peopleOf(own)).not.toContain(ids['hidden']!.id);
    const director = await clientFor(t.baseUrl, t.db, org.users.director);
    expect(peopleOf(await search(director, 'Нилуфар Камалова'))).toEqual(expect.arrayContaining([ids['nilufar']!.id, ids['hidden']!.id]));
    const partner = await clientFor(t.baseUrl, t.db, org.users.partner);
    const seen = await search(partner, 'Gayrat');
    expect(peopleOf(seen)).toEqual([ids['gayrat']!.id]);
    expect(seen.people[0]!.person).not.toHaveProperty('birthDate');
    const me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
    const refused = await me.post('/api/search', { q: 'Nilufar' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const editor = await clientFor(t.baseUrl, t.db, org.users.editor);
    expect((await editor.post('/api/search', { q: 'Nilufar' })).status).toBe(403);
    const empty = await worker.post('/api/search', { q: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toContainEqual(expect.objectContaining({ path: ['q'], code: 'too_short' }));
  });
});

describe('family cases by number', () => {
  const openCase = async (client: TestClient, householdId: string) => {
    const res = await client.post('/api/cases', { householdId, referralSource: 'school', referralDate: today, riskLevel: 'medium' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.case as CaseHit;
  };
  const casesOf = (h: Hits) => h.cases.map((c) => c.case.id);

  it('finds a case by its whole number, its beginning or its short serial, in any letter case, with what the case list shows', async () => {
    const opened = await openCase(worker, household.id);
    const [, year, serial] = opened.caseNumber.split('-') as [string, string, string];
    const whole = await search(worker, opened.caseNumber.toLowerCase());
    expect(whole.cases).toEqual([{
      score: 1,
      case: { id: opened.id, caseNumber: opened.caseNumber, status: 'referred', riskLevel: 'medium', householdId: household.id, householdReference: household.reference, householdName: 'Камаловлар' },
    }]);
    expect([whole.people, whole.households]).toEqual([[], []]);
    const short = await search(worker, ` fs-${year}-${Number(serial)} `);
    expect(short.cases[0]).toMatchObject({ score: 1, case: { id: opened.id } });
    const start = await search(worker, opened.caseNumber.slice(0, -1));
    expect(casesOf(start)).toContain(opened.id);
    expect(start.cases.find((c) => c.case.id === opened.id)!.score).toBeLessThan(1);
    expect(casesOf(await search(worker, `FS-${year}`))).toContain(opened.id);
    // A number is not a name: no person or household is looked up for it, and "FS" alone is not a number.
    expect((await search(worker, 'FS')).cases).toEqual([]);
  });

  it('never reveals a case or a person out of scope: the answer is the one for a number or name that does not exist', async () => {
    const clientB = await clientFor(t.baseUrl, t.db, org.workerB);
    const created = await clientB.post('/api/households', { displayName: 'Hidoyatovlar', branchId: org.branchB, members: [
      { relationship: 'child', person: { givenName: 'Зарифбек', familyName: 'Ҳидоятов', sex: 'male', birthDate: '2013-01-13' } },
    ] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const hiddenCase = await openCase(clientB, created.body.household.id);
    expect(casesOf(await search(clientB, hiddenCase.caseNumber))).toEqual([hiddenCase.id]);

    const missing = await worker.post<Hits>('/api/search', { q: 'FS-1999-999999' });
    const outOfScope = await worker.post<Hits>('/api/search', { q: hiddenCase.caseNumber });
    expect(outOfScope.status).toBe(missing.status);
    expect(outOfScope.body).toEqual(missing.body);
    expect(outOfScope.body).toEqual({ people: [], households: [], cases: [] });
    const nobody = await worker.post<Hits>('/api/search', { q: 'Qwertybek Asdfgov' });
    const hiddenPerson = await worker.post<Hits>('/api/search', { q: 'Zarifbek Hidoyatov' });
    expect(hiddenPerson.status).toBe(nobody.status);
    expect(hiddenPerson.body).toEqual(nobody.body);
    expect(hiddenPerson.body).toEqual({ people: [], households: [], cases: [] });
    expect(peopleOf(await search(clientB, 'Zarifbek Hidoyatov'))).toHaveLength(1);

    // The supervisor of branch A does not reach branch B; the director reaches both.
    const supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
    expect(casesOf(await search(supervisor, hiddenCase.caseNumber))).toEqual([]);
    const director = await clientFor(t.baseUrl, t.db, org.users.director);
    expect(casesOf(await search(director, hiddenCase.caseNumber))).toEqual([hiddenCase.id]);
  });

  it('shows a partner the household name of a case in their team, audits the cases shown, and refuses de-identified roles', async () => {
    const teamHousehold = (await worker.post('/api/households', { displayName: 'Sobirovlar', branchId: org.branchA, teamId: org.teamA })).body.household;
    const opened = await openCase(worker, teamHousehold.id);
    const partner = await clientFor(t.baseUrl, t.db, org.users.partner);
    const seen = await search(partner, opened.caseNumber);
    expect(seen.cases).toEqual([{ score: 1, case: expect.objectContaining({ id: opened.id, householdName: 'Sobirovlar' }) }]);
    const audit = await t.db.selectFrom('audit_event').select('details').where('action', '=', 'search').where('actor_user_id', '=', org.users.partner.id)
      .orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ cases: [opened.id], people: [], households: [] });
    const me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
    expect((await me.post('/api/search', { q: opened.caseNumber })).status).toBe(403);
  });
});
