import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHILD_STATUS_INDEX_V1 } from '../../db/migrations/0004-casework-instruments.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { ago, auditsOf, csiAnswers, csiInstrumentId, hsrAnswers, newFamily, openCase, type Family } from '../../../../test/support/casework.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let director: TestClient;
let partner: TestClient;
let me: TestClient;
let family: Family;
let caseId: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  director = await clientFor(t.baseUrl, t.db, org.users.director);
  partner = await clientFor(t.baseUrl, t.db, org.users.partner);
  me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
  family = await newFamily(worker, org, { team: true, children: [{ birthDate: '2014-05-01' }, { birthDate: '2018-09-09', sex: 'female' }] });
  caseId = await openCase(worker, family, 'enrolled');
});
afterAll(async () => t.close());

describe('instruments', () => {
  it('lists the built-in Child Status Index and household benchmark in four languages', async () => {
    const res = await worker.get('/api/assessment-instruments');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['child_status_index', 'household_self_reliance']));
    const csi = res.body.items.find((i: { code: string }) => i.code === 'child_status_index');
    expect(csi).toMatchObject({ version: 1, kind: 'child', current: true, builtIn: true });
    expect(csi.definition.domains).toHaveLength(6);
    expect(csi.definition.domains[3].title).toEqual({ en: 'Health', ru: 'Здоровье', 'uz-Latn': 'Sogʻliq', 'uz-Cyrl': 'Соғлиқ' });
    expect(csi.definition.domains[0].factors[0].levels[0].description['uz-Cyrl']).toMatch(/[ЎўҚқҒғҲҳ]/);
  });

  it('refuses to publish a definition whose factor does not describe every score', async () => {
    const bad = structuredClone(CHILD_STATUS_INDEX_V1);
    bad.domains[0]!.factors[0]!.levels.pop();
    const res = await director.post('/api/assessment-instruments', { code: 'broken_index', kind: 'child', definition: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual(expect.objectContaining({ path: ['definition', 'domains', 0, 'factors', 0, 'levels'] }));
    expect((await worker.post('/api/assessment-instruments', { code: 'x_index', kind: 'child', definition: CHILD_STATUS_INDEX_V1 })).status).toBe(403);
  });
});

describe('assessments', () => {
  it('refuses a score of 5 and a missing factor with field errors, and saves nothing', async () => {
    const instrumentId = await csiInstrumentId(worker);
    const { care: _care, ...missing } = csiAnswers(3, { food_security: 5 });
    const res = await worker.post(`/api/cases/${caseId}/assessments`, { instrumentId, personId: family.childIds[0], assessedOn: ago(40), answers: missing });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual([
      { path: ['answers', 'food_security'], code: 'too_big', params: { maximum: 4 } },
      { path: ['answers', 'care'], code: 'required' },
    ]);
    expect(await t.db.selectFrom('assessment').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
  });

  it('requires a child of the family for a child instrument, and no person for a household one', async () => {
    const csi = await csiInstrumentId(worker);
    const hsr = await csiInstrumentId(worker, 'household_self_reliance');
    const stranger = (await newFamily(worker, org)).childIds[0];
    const noChild = await worker.post(`/api/cases/${caseId}/assessments`, { instrumentId: csi, assessedOn: ago(40), answers: csiAnswers(2) });
    expect(noChild.body.error.fields).toEqual([{ path: ['personId'], code: 'required' }]);
    const other = await worker.post(`/api/cases/${caseId}/assessments`, { instrumentId: csi, personId: stranger, assessedOn: ago(40), answers: csiAnswers(2) });
    expect(other.body.error.fields).toEqual([{ path: ['personId'], code: 'invalid_value' }]);
    const household = await worker.post(`/api/cases/${caseId}/assessments`, { instrumentId: hsr, personId: family.motherId, assessedOn: ago(40), answers: hsrAnswers(2) });
    expect(household.body.error.fields).toEqual([{ path: ['personId'], code: 'invalid_value' }]);
  });

  it('records an assessment with per-domain scores, audited, and shows partners only the scores', async () => {
    const instrumentId = await csiInstrumentId(worker);
    const res = await worker.post(`/api/cases/${caseId}/assessments`, {
      instrumentId, personId: family.childIds[0], assessedOn: ago(40), answers: csiAnswers(2, { food_security: 1, nutrition_growth: 2, wellness: 4 }),
      factorNotes: { food_security: 'One meal a day' }, summary: 'Assessed with the mother.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ caseId, episode: 1, personId: family.childIds[0], instrument: { code: 'child_status_index', version: 1 }, overallScore: 2.08, version: 1 });
    expect(res.body.domainScores).toEqual({ food_nutrition: 1.5, shelter_care: 2, protection: 2, health: 3, psychosocial: 2, education_skills: 2 });
    expect((await auditsOf(t.db, org.organisationId, 'assessment.create')).at(-1)).toMatchObject({ record_id: caseId, outcome: 'ok' });

    const seen = await partner.get(`/api/cases/${caseId}/assessments/${res.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.domainScores).toEqual(res.body.domainScores);
    for (const hidden of ['answers', 'factorNotes', 'summary']) expect(seen.body).not.toHaveProperty(hidden);
    const monitoring = await me.get(`/api/cases/${caseId}/assessments/${res.body.id}`);
    expect(monitoring.body.answers).toMatchObject({ food_security: 1 });
    for (const hidden of ['factorNotes', 'summary', 'assessorName']) expect(monitoring.body).not.toHaveProperty(hidden);
  });

  it('answers a stale edit with 409 and the current assessment', async () => {
    const instrumentId = await csiInstrumentId(worker);
    const created = await worker.post(`/api/cases/${caseId}/assessments`, { instrumentId, personId: family.childIds[1], assessedOn: ago(39), answers: csiAnswers(3) });
    const first = await worker.patch(`/api/cases/${caseId}/assessments/${created.body.id}`, { version: 1, summary: 'First edit' });
    expect(first.status).toBe(200);
    const stale = await worker.patch(`/api/cases/${caseId}/assessments/${created.body.id}`, { version: 1, summary: 'Second edit' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { summary: 'First edit', version: 2 } });
  });
});

describe('versioned instruments', () => {
  it('keeps answers with the version they were taken with after a new version is published', async () => {
    const own = await newFamily(worker, org);
    const ownCase = await openCase(worker, own, 'enrolled');
    const v1 = await csiInstrumentId(worker);
    const old = await worker.post(`/api/cases/${ownCase}/assessments`, { instrumentId: v1, personId: own.childIds[0], assessedOn: ago(30), answers: csiAnswers(1) });
    expect(old.status).toBe(201);

    // Version 2 adds a factor "hygiene" to the health domain.
    const v2def = structuredClone(CHILD_STATUS_INDEX_V1);
    v2def.domains[3]!.factors.push({ ...structuredClone(CHILD_STATUS_INDEX_V1.domains[3]!.factors[0]!), code: 'hygiene', title: { en: 'Hygiene', ru: 'Гигиена', 'uz-Latn': 'Gigiyena', 'uz-Cyrl': 'Гигиена' } });
    const published = await director.post('/api/assessment-instruments', { code: 'child_status_index', kind: 'child', definition: v2def });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toMatchObject({ version: 2, current: true, builtIn: false });
    expect(await csiInstrumentId(worker)).toBe(published.body.id);
    const all = await worker.get('/api/assessment-instruments?code=child_status_index&all=true');
    expect(all.body.items.map((i: { version: number; current: boolean }) => [i.version, i.current])).toEqual([[2, true], [1, false]]);

    // A new assessment must use version 2, and answer its new factor.
    const stale = await worker.post(`/api/cases/${ownCase}/assessments`, { instrumentId: v1, personId: own.childIds[0], assessedOn: ago(10), answers: csiAnswers(3) });
    expect(stale.status).toBe(409);
    const incomplete = await worker.post(`/api/cases/${ownCase}/assessments`, { instrumentId: published.body.id, personId: own.childIds[0], assessedOn: ago(10), answers: csiAnswers(3) });
    expect(incomplete.body.error.fields).toEqual([{ path: ['answers', 'hygiene'], code: 'required' }]);
    const fresh = await worker.post(`/api/cases/${ownCase}/assessments`, { instrumentId: published.body.id, personId: own.childIds[0], assessedOn: ago(10), answers: csiAnswers(3, { hygiene: 1 }) });
    expect(fresh.status).toBe(201);
    expect(fresh.body.domainScores.health).toBe(2.33);

    // The old assessment is still checked against version 1: "hygiene" is unknown to it.
    const oldEdit = await worker.patch(`/api/cases/${ownCase}/assessments/${old.body.id}`, { version: 1, answers: csiAnswers(2, { hygiene: 2 }) });
    expect(oldEdit.body.error.fields).toEqual([{ path: ['answers', 'hygiene'], code: 'unknown_field' }]);
    const oldOk = await worker.patch(`/api/cases/${ownCase}/assessments/${old.body.id}`, { version: 1, answers: csiAnswers(2) });
    expect(oldOk.status).toBe(200);
    expect(oldOk.body).toMatchObject({ instrument: { version: 1 }, domainScores: { health: 2 } });

    // Another organisation still sees only the built-in version.
    const other = await makeOrganisation(t.db);
    const otherWorker = await clientFor(t.baseUrl, t.db, other.users.social_worker);
    expect(await csiInstrumentId(otherWorker)).toBe(v1);
  });
});

describe('progress', () => {
  it('compares the first and latest score per domain, per child and for the household', async () => {
    const own = await newFamily(worker, org, { children: [{ birthDate: '2013-01-01' }, { birthDate: '2016-01-01' }] });
    const ownCase = await openCase(worker, own, 'enrolled');
    const csi = await csiInstrumentId(worker);
    const hsr = await csiInstrumentId(worker, 'household_self_reliance');
    const rec = async (instrumentId: string, personId: string | null, assessedOn: string, answers: Record<string, number>) => {
      const res = await worker.post(`/api/cases/${ownCase}/assessments`, { instrumentId, personId, assessedOn, answers });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    // Whatever version is current here (the test above published one with a hygiene factor), answer each of its factors.
    const current = (await worker.get(`/api/assessment-instruments/${csi}`)).body.definition as { domains: { factors: { code: string }[] }[] };
    const factors = current.domains.flatMap((d) => d.factors.map((f) => f.code));
    const answersFor = (score: number, extra: Record<string, number> = {}) => ({ ...Object.fromEntries(factors.map((f) => [f, score])), ...extra });
    const a1 = await rec(csi, own.childIds[0]!, ago(90), answersFor(1));
    await rec(csi, own.childIds[0]!, ago(45), answersFor(2));
    const a3 = await rec(csi, own.childIds[0]!, ago(5), answersFor(3, { food_security: 4, nutrition_growth: 4 }));
    const b1 = await rec(csi, own.childIds[1]!, ago(20), answersFor(2));
    await rec(hsr, null, ago(80), hsrAnswers(1));
    await rec(hsr, null, ago(2), hsrAnswers(3, { income: 4 }));

    const res = await worker.get(`/api/cases/${ownCase}/assessments/progress`);
    expect(res.status).toBe(200);
    const child0 = res.body.series.find((s: { personId: string }) => s.personId === own.childIds[0]);
    expect(child0).toMatchObject({ instrumentCode: 'child_status_index', assessments: 3 });
    expect(child0.domains.map((d: { domain: string }) => d.domain)).toEqual(['food_nutrition', 'shelter_care', 'protection', 'health', 'psychosocial', 'education_skills']);
    expect(child0.domains[0]).toEqual({
      domain: 'food_nutrition', first: { assessmentId: a1, assessedOn: ago(90), score: 1 }, latest: { assessmentId: a3, assessedOn: ago(5), score: 4 }, change: 3,
    });
    expect(child0.domains[1]).toMatchObject({ first: { score: 1 }, latest: { score: 3 }, change: 2 });
    const child1 = res.body.series.find((s: { personId: string }) => s.personId === own.childIds[1]);
    expect(child1.domains[0]).toMatchObject({ first: { assessmentId: b1 }, latest: { assessmentId: b1 }, change: 0 });
    const household = res.body.series.find((s: { personId: string | null }) => s.personId === null);
    expect(household).toMatchObject({ instrumentCode: 'household_self_reliance', assessments: 2 });
    expect(household.domains.find((d: { domain: string }) => d.domain === 'income')).toMatchObject({ first: { score: 1 }, latest: { score: 4 }, change: 3 });
    expect(household.domains).toHaveLength(8);
  });

  it('is out of reach for a case the caller cannot see', async () => {
    const otherWorker = await clientFor(t.baseUrl, t.db, org.workerB);
    expect((await otherWorker.get(`/api/cases/${caseId}/assessments/progress`)).status).toBe(404);
    expect((await otherWorker.get(`/api/cases/${caseId}/assessments`)).body.error.code).toBe('not_found_or_no_access');
  });
});
