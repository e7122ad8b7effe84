import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { ago, auditsOf, newFamily, newPartner, openCase, type Family } from '../../../../test/support/casework.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let partner: TestClient;
let me: TestClient;
let family: Family;
let caseId: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  partner = await clientFor(t.baseUrl, t.db, org.users.partner);
  me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
  family = await newFamily(worker, org, { team: true, children: [{ birthDate: '2016-02-02' }, { birthDate: '2019-03-03' }] });
  caseId = await openCase(worker, family, 'enrolled');
});
afterAll(async () => t.close());

const deliveries = async () => Number((await t.db.selectFrom('service_delivery').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.organisationId).executeTakeFirstOrThrow()).n);

describe('service deliveries', () => {
  it('records a service with its units, cost in soʻm as an exact string, project and the people served', async () => {
    const res = await worker.post(`/api/cases/${caseId}/services`, {
      serviceType: 'psychological', providerKind: 'internal', deliveredOn: ago(3), units: 1.5, unit: 'hour', costUzs: '123456789012.35', projectCode: 'EU-VCPM', personIds: [family.childIds[0]],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ caseId, serviceType: 'psychological', units: 1.5, unit: 'hour', costUzs: '123456789012.35', projectCode: 'EU-VCPM', personIds: [family.childIds[0]], groupSessionId: null, version: 1 });
    const listed = await worker.get(`/api/cases/${caseId}/services`);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(res.body.id);
    // A partner sees what the family gets, not what it cost; monitoring sees the cost, not the notes.
    const seen = (await partner.get(`/api/cases/${caseId}/services`)).body.items[0];
    expect(seen).toMatchObject({ serviceType: 'psychological', units: 1.5 });
    for (const hidden of ['costUzs', 'projectCode', 'notes', 'personIds']) expect(seen).not.toHaveProperty(hidden);
    expect((await me.get(`/api/cases/${caseId}/services`)).body.items[0]).toMatchObject({ costUzs: '123456789012.35' });
  });

  it('requires an external provider to be named, refuses one for an internal service, and people outside the family', async () => {
    const external = await worker.post(`/api/cases/${caseId}/services`, { serviceType: 'medical', providerKind: 'external', deliveredOn: ago(2), units: 1, unit: 'session' });
    expect(external.body.error.fields).toEqual([{ path: ['partnerId'], code: 'required' }]);
    const partnerId = await newPartner(worker);
    const internal = await worker.post(`/api/cases/${caseId}/services`, { serviceType: 'medical', providerKind: 'internal', partnerId, deliveredOn: ago(2), units: 1, unit: 'session' });
    expect(internal.body.error.fields).toEqual([{ path: ['partnerId'], code: 'invalid_value' }]);
    const stranger = (await newFamily(worker, org)).childIds[0];
    const outsider = await worker.post(`/api/cases/${caseId}/services`, { serviceType: 'medical', providerKind: 'external', partnerId, deliveredOn: ago(2), units: 1, unit: 'session', personIds: [stranger] });
    expect(outsider.body.error.fields).toEqual([{ path: ['personIds', 0], code: 'invalid_value' }]);
    const money = await worker.post(`/api/cases/${caseId}/services`, { serviceType: 'medical', providerKind: 'external', partnerId, deliveredOn: ago(2), units: 1, unit: 'session', costUzs: '12,5' });
    expect(money.body.error.fields).toEqual([{ path: ['costUzs'], code: 'invalid_format' }]);
    const ok = await worker.post(`/api/cases/${caseId}/services`, { serviceType: 'medical', providerKind: 'external', partnerId, deliveredOn: ago(2), units: 1, unit: 'session' });
    expect(ok.body).toMatchObject({ partnerId, partnerName: 'Polyclinic No. 12' });
    const edited = await worker.patch(`/api/cases/${caseId}/services/${ok.body.id}`, { version: 1, providerKind: 'internal' });
    expect(edited.body).toMatchObject({ providerKind: 'internal', partnerId: null, version: 2 });
    expect((await worker.patch(`/api/cases/${caseId}/services/${ok.body.id}`, { version: 1, units: 3 })).status).toBe(409);
  });
});

describe('group sessions', () => {
  it('records one delivery per family for a session many families attended, in one transaction', async () => {
    const families = [family, await newFamily(worker, org), await newFamily(worker, org)];
    const cases = [caseId, await openCase(worker, families[1]!, 'enrolled'), await openCase(worker, families[2]!, 'enrolled')];
    const res = await worker.post('/api/services/group', {
      serviceType: 'parenting_skills', providerKind: 'internal', deliveredOn: ago(5), units: 3, unit: 'hour', costUzs: '50000', projectCode: 'EU-VCPM',
      sessionTitle: 'Ота-оналик кўникмалари тренинги', cases: cases.map((id, i) => ({ caseId: id, personIds: [families[i]!.motherId] })),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.deliveries).toHaveLength(3);
    expect(new Set(res.body.deliveries.map((d: { groupSessionId: string }) => d.groupSessionId))).toEqual(new Set([res.body.groupSessionId]));
    expect(res.body.deliveries.map((d: { caseId: string }) => d.caseId).sort()).toEqual([...cases].sort());
    expect(res.body.deliveries[0]).toMatchObject({ serviceType: 'parenting_skills', units: 3, costUzs: '50000.00', sessionTitle: 'Ота-оналик кўникмалари тренинги' });
    const audited = (await auditsOf(t.db, org.organisationId, 'service.create')).filter((a) => (a.details as { groupSessionId?: string }).groupSessionId === res.body.groupSessionId);
    expect(audited.map((a) => a.record_id).sort()).toEqual([...cases].sort());
  });

  it('saves nothing when one case is not the caller’s, or one person is not of that family', async () => {
    const a = await openCase(worker, await newFamily(worker, org), 'enrolled');
    const b = await openCase(worker, await newFamily(worker, org), 'enrolled');
    // A case of another branch: to this worker it does not exist.
    const other = await clientFor(t.baseUrl, t.db, org.workerB);
    const hB = await other.post('/api/households', { displayName: 'Branch B family', branchId: org.branchB });
    const foreign = (await other.post('/api/cases', { householdId: hB.body.household.id, referralSource: 'self', referralDate: ago(10) })).body.case.id;
    const before = await deliveries();
    const session = { serviceType: 'educational', providerKind: 'internal', deliveredOn: ago(1), units: 1, unit: 'session', sessionTitle: 'Homework club' };
    const res = await worker.post('/api/services/group', { ...session, cases: [{ caseId: a }, { caseId: foreign }, { caseId: b }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: ['cases', 1, 'caseId'], code: 'invalid_value' }]);
    const wrongPerson = await worker.post('/api/services/group', { ...session, cases: [{ caseId: a, personIds: [family.childIds[0]] }, { caseId: b }] });
    expect(wrongPerson.body.error.fields).toEqual([{ path: ['cases', 0, 'personIds', 0], code: 'invalid_value' }]);
    const twice = await worker.post('/api/services/group', { ...session, cases: [{ caseId: a }, { caseId: a }] });
    expect(twice.body.error.fields).toEqual([{ path: ['cases', 1, 'caseId'], code: 'invalid_value' }]);
    expect(await deliveries()).toBe(before);
  });
});

describe('one-time assistance', () => {
  it('records cash or in-kind help with its value; in-kind help names the item', async () => {
    const noItem = await worker.post(`/api/cases/${caseId}/assistance`, { kind: 'in_kind', valueUzs: '300000', givenOn: ago(4) });
    expect(noItem.status).toBe(400);
    expect(noItem.body.error.fields).toEqual([{ path: ['item'], code: 'required' }]);
    const coats = await worker.post(`/api/cases/${caseId}/assistance`, { kind: 'in_kind', item: 'Қишки кийимлар', valueUzs: '850000.50', givenOn: ago(4), projectCode: 'EU-VCPM', personId: family.childIds[1] });
    expect(coats.status, JSON.stringify(coats.body)).toBe(201);
    expect(coats.body).toMatchObject({ kind: 'in_kind', item: 'Қишки кийимлар', valueUzs: '850000.50', personId: family.childIds[1], version: 1 });
    const cash = await worker.post(`/api/cases/${caseId}/assistance`, { kind: 'cash', valueUzs: '500000', givenOn: ago(2) });
    expect(cash.status).toBe(201);
    const edited = await worker.patch(`/api/cases/${caseId}/assistance/${cash.body.id}`, { version: 1, valueUzs: '450000' });
    expect(edited.body).toMatchObject({ valueUzs: '450000.00', version: 2 });
    expect((await worker.patch(`/api/cases/${caseId}/assistance/${cash.body.id}`, { version: 1, valueUzs: '1' })).status).toBe(409);
    const seen = (await partner.get(`/api/cases/${caseId}/assistance`)).body.items;
    expect(seen).toHaveLength(2);
    for (const item of seen) expect(item).not.toHaveProperty('valueUzs');
  });
});
